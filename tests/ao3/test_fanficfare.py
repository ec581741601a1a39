"""FanFicFare (PyPI), unmodified, downloads a multi-chapter work to EPUB with its metadata
from the archive (issue 17)."""

from __future__ import annotations

import zipfile

import pytest

pytest.importorskip("fanficfare")

from fanficfare import cli  # noqa: E402

from tests.ao3.conftest import AO3  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)


def test_fanficfare_downloads_a_multi_chapter_work_to_epub(ao3, archive, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))  # no personal.ini of the machine's user
    multi = archive["multi"]
    cli.main(["--format=epub", "--non-interactive", f"{AO3}/works/{multi.pk}"])
    books = list(tmp_path.glob("*.epub"))
    assert len(books) == 1, list(tmp_path.iterdir())
    with zipfile.ZipFile(books[0]) as book:
        names = book.namelist()
        opf = book.read(next(n for n in names if n.endswith(".opf"))).decode()
        chapters = [n for n in names if n.startswith("OEBPS/file") and n.endswith(".xhtml")]
        text = "".join(book.read(n).decode() for n in chapters)
    assert "<dc:title" in opf and "Long Road" in opf
    assert "author" in opf and "Naruto" in opf
    assert len(chapters) == 3
    assert "Chapter 3 text." in text
