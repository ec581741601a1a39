import shutil
import subprocess
import zipfile

import pytest

from fanarchive.cli import EXIT_BAD_INPUT, EXIT_OUTPUT, main
from tests.exports.conftest import assert_epubcheck_clean, sample_files

STORY = """Author's note: for a friend.

Chapter 1: Rooftops

"Why did you come?" Naruto asked. Gaara shrugged. "Because you asked me to," Gaara replied.

Chapter 2: Morning

Naruto laughed. "See you tomorrow," he said.
"""


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "rooftops.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def export(*args: str) -> int:
    return main(["export", *map(str, args)])


def test_txt_export_carries_the_analysis_tags(story, tmp_path, capsys):
    out = tmp_path / "out.txt"
    assert export(story, "--format", "txt", "-o", out) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("rooftops\n")
    assert "Fandom: Naruto" in text and "Uzumaki Naruto" in text
    assert "Rooftops\n--------" in text and "Author's note: for a friend." in text
    assert "wrote" in capsys.readouterr().err


def test_html_export_with_title_and_author_options(story, tmp_path):
    out = tmp_path / "out.html"
    assert (
        export(story, "--format", "html", "-o", out, "--title", "Up <High>", "--author", "me") == 0
    )
    page = out.read_text(encoding="utf-8")
    assert "<title>Up</title>" in page  # markup in a title is dropped
    assert '<div class="byline">by me</div>' in page
    assert '<h2 class="heading">Chapter 2: Morning</h2>' in page


def test_default_output_name_and_stdout(story, tmp_path, monkeypatch, capsysbinary):
    monkeypatch.chdir(tmp_path)
    assert export(story, "--format", "txt") == 0
    assert (tmp_path / "rooftops.txt").is_file()
    assert export(story, "-f", "html", "-o", "-") == 0
    assert capsysbinary.readouterr().out.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_sample_epubs_pass_epubcheck(sample, tmp_path, epubcheck):
    out = tmp_path / "sample.epub"
    assert export(sample, "--format", "epub", "-o", out) == 0
    assert_epubcheck_clean(epubcheck, out)


def test_bad_input_exit_codes(story, tmp_path, capsys):
    assert export(tmp_path / "missing.txt", "-o", tmp_path / "x.epub") == EXIT_BAD_INPUT
    assert "no such file" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    assert export(empty, "-o", tmp_path / "x.epub") == EXIT_BAD_INPUT
    assert "empty" in capsys.readouterr().err


def test_unwritable_output_exit_code(story, tmp_path, capsys):
    assert export(story, "-o", tmp_path / "no" / "such" / "x.epub") == EXIT_OUTPUT
    assert "no such folder" in capsys.readouterr().err
    assert export(story, "-o", tmp_path) == EXIT_OUTPUT  # a folder, not a file
    assert "cannot write" in capsys.readouterr().err


def test_unknown_format_is_a_usage_error(story, capsys):
    with pytest.raises(SystemExit) as exit_info:
        export(story, "--format", "docx")
    assert exit_info.value.code == 2
    assert "invalid choice: 'docx'" in capsys.readouterr().err


def test_help_has_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "fanarchive export story.txt --format epub -o story.epub" in capsys.readouterr().out


def test_pdf_export(story, tmp_path):
    out = tmp_path / "out.pdf"
    assert export(story, "--format", "pdf", "-o", out, "--title", "Rooftop Nights") == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert (
            "Rooftop Nights" in text and "Fandom: Naruto" in text and "Chapter 2: Morning" in text
        )


@pytest.mark.skipif(not shutil.which("ebook-convert"), reason="calibre is not installed")
def test_azw3_export(story, tmp_path):
    out = tmp_path / "out.azw3"
    assert export(story, "--format", "azw3", "-o", out, "--title", "Rooftop Nights") == 0
    data = out.read_bytes()
    assert data[60:68] == b"BOOKMOBI"  # the Palm database type of MOBI/KF8 files
    assert not zipfile.is_zipfile(out)
    meta = subprocess.run(["ebook-meta", str(out)], capture_output=True, text=True, timeout=120)
    assert "Rooftop Nights" in meta.stdout and "Naruto" in meta.stdout
