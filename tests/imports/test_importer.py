"""The importer in-process (Celery eager): formats, metadata, idempotency, problems."""

from __future__ import annotations

import zipfile

import pytest
from rich.console import Console

from fanarchive.imports.importer import run_import, summary_table, totals_line
from fanarchive.imports.models import ImportedWork, ImportProblem
from fanarchive.works.models import Work

pytestmark = pytest.mark.django_db

STORY = '"We should go," said Mira.\n\nTom shook his head. "Not yet."\n'


def _run(*paths, tmp_path):
    return run_import(paths, log_path=tmp_path / "import.log", show_progress=False,
                      console=Console(file=open(tmp_path / "console.txt", "w")))  # fmt: skip


def test_folder_and_zip_import_once_each(tmp_path):
    folder = tmp_path / "works"
    folder.mkdir()
    (folder / "first_story.txt").write_text(STORY)
    (folder / "second.md").write_text("# Heading\n\n" + STORY.replace("Mira", "Ines"))
    (folder / ".hidden.txt").write_text("ignored")
    (folder / "cover.jpg").write_bytes(b"\xff\xd8 not a work")
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as bundle:
        bundle.writestr("inner/third.txt", STORY.replace("Tom", "Hugo"))
        bundle.writestr("inner/first_story.txt", STORY)  # same content as the folder's copy
    report = _run(folder, tmp_path / "bundle.zip", tmp_path=tmp_path)
    assert (report.imported, report.skipped, report.failed) == (3, 1, 0)
    assert Work.objects.count() == 3
    assert set(Work.objects.values_list("title", flat=True)) >= {"First story"}
    assert ImportedWork.objects.filter(analysed=True).count() == 3
    work = Work.objects.get(title="First story")
    assert work.posted and work.chapters.count() == 1
    assert hasattr(work, "analysis") and work.analysis.data["quotes"]

    again = _run(folder, tmp_path / "bundle.zip", tmp_path=tmp_path)
    assert (again.imported, again.skipped) == (0, 4)
    assert Work.objects.count() == 3


def test_unreadable_files_are_reported_and_logged_not_fatal(tmp_path):
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "broken.zip").write_bytes(b"PK not really")
    report = _run(
        tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "binary.txt",
        tmp_path / "broken.zip", tmp_path / "missing.txt", tmp_path=tmp_path,
    )  # fmt: skip
    assert (report.imported, report.failed) == (1, 4)
    messages = {p.source.rsplit("/", 1)[-1]: p.message for p in report.problems}
    assert "empty" in messages["empty.txt"]
    assert "binary" in messages["binary.txt"]
    assert "zip" in messages["broken.zip"]
    assert "no such file" in messages["missing.txt"]
    assert ImportProblem.objects.count() == 4
    log = (tmp_path / "import.log").read_text()
    assert "binary.txt" in log and "missing.txt" in log
    console = Console(record=True, width=200)
    console.print(summary_table(report))
    assert "broken.zip" in console.export_text()
    assert "imported 1, already there 0, failed 4 of 5" in totals_line(report)


def test_efiction_dump_imports_authors_fandoms_and_characters(tmp_path):
    from tests.imports.test_efiction import DUMP

    (tmp_path / "site.sql").write_text(DUMP)
    report = _run(tmp_path / "site.sql", tmp_path=tmp_path)
    assert (report.imported, report.failed) == (1, 2)  # one unpublished, one without text
    work = Work.objects.get()
    assert work.title == "Rain on the Roof"
    assert [p.name for p in work.pseuds.all()] == ["quillwright"]
    assert [c.title for c in work.chapters.order_by("position")] == ["The Start", "The End"]
    names = {t.name for t in work.tags.all()}
    assert {"Original Work", "Tom", "Mira", "Teen And Up Audiences"} <= names
    assert work.complete
    assert "<p>" in work.chapters.first().body


def test_html_with_script_is_sanitised(tmp_path):
    (tmp_path / "evil.html").write_text(
        '<html><body><p>"Run," said Mira.</p><script>alert(1)</script>'
        "<p onclick='x()'>Tom ran.</p></body></html>"
    )
    report = _run(tmp_path / "evil.html", tmp_path=tmp_path)
    assert report.imported == 1
    body = Work.objects.get().chapters.get().body
    assert "script" not in body and "onclick" not in body and "Tom ran." in body


def test_ao3_download_keeps_its_metadata_and_chapters(tmp_path):
    from tests.conftest import REPO

    source = REPO / "tests" / "data" / "in" / "ao3_download.html"
    report = _run(source, tmp_path=tmp_path)
    assert report.imported == 1, report.problems
    work = Work.objects.get()
    assert work.title == "Rooftop Promises"
    assert [p.name for p in work.pseuds.all()] == ["lanternfox"]
    names = {t.name for t in work.tags.all()}
    assert {"NARUTO (Anime & Manga)", "Teen And Up Audiences", "Gaara/Uzumaki Naruto"} <= names
    assert {"First Kiss", "No Archive Warnings Apply"} <= names
    assert "promise" in work.summary
    chapters = list(work.chapters.order_by("position"))
    assert [c.title for c in chapters] == ["The Roof", "Morning"]
    assert "Comments and kudos" in work.endnotes


def test_epub_is_imported(tmp_path):
    from tests.analysis.reading_fixtures import make_epub

    pages = [
        ("c1.xhtml", "<h2>Chapter 1</h2><p>\u201cHello,\u201d said Mira.</p>"),
        ("c2.xhtml", "<h2>Chapter 2</h2><p>\u201cGoodbye,\u201d said Tom.</p>"),
    ]
    data = make_epub(pages, {"title": "Two Words", "creator": "quill"})
    (tmp_path / "two.epub").write_bytes(data)
    report = _run(tmp_path / "two.epub", tmp_path=tmp_path)
    assert report.imported == 1, report.problems
    work = Work.objects.get()
    assert work.title == "Two Words"
    assert "Goodbye" in "".join(work.chapters.values_list("body", flat=True))
