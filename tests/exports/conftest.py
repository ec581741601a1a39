import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from fanarchive.devdata import shared_dir
from fanarchive.exports import ExportChapter, ExportWork, SeriesPart

REPO = Path(__file__).resolve().parents[2]


def shared_folder() -> Path:
    return shared_dir()


def sample_files() -> list[Path]:
    folder = shared_folder() / "samples"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def _epubcheck_command() -> list[str] | None:
    found = shutil.which("epubcheck")
    if not found:
        return None
    # Debian ships /usr/bin/epubcheck as the jar itself (run through binfmt when jarwrapper
    # is set up); call java directly so it works either way. C1-only JIT and the serial GC
    # halve the CPU time of a short validation run.
    if zipfile.is_zipfile(found):
        java = shutil.which("java")
        fast_start = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
        return [java, *fast_start, "-jar", found] if java else None
    return [found]


@pytest.fixture
def epubcheck():
    """Run Debian's epubcheck on a file; returns (exit code, report). Skips when absent."""
    command = _epubcheck_command()
    if command is None:
        pytest.skip("epubcheck is not installed (Debian package epubcheck)")

    def run(path: Path) -> tuple[int, str]:
        result = subprocess.run([*command, str(path)], capture_output=True, text=True, timeout=120)
        return result.returncode, result.stdout + result.stderr

    return run


def assert_epubcheck_clean(epubcheck, path: Path) -> None:
    code, report = epubcheck(path)
    assert code == 0, report
    assert "0 fatals / 0 errors / 0 warnings" in report, report


@pytest.fixture
def full_work() -> ExportWork:
    """A work using every field: several chapters, notes everywhere, series, dates."""
    return ExportWork(
        title="The Roof & the Stars",
        authors=["inkwell", "Second Author"],
        url="https://archive.example/works/42",
        identifier="42",
        rating="Teen And Up Audiences",
        warnings=["No Archive Warnings Apply"],
        categories=["M/M"],
        fandoms=["Naruto"],
        relationships=["Gaara/Uzumaki Naruto"],
        characters=["Gaara", "Uzumaki Naruto"],
        additional_tags=["First Kiss", "Fluff"],
        language="English",
        words=1234,
        expected_chapters=None,
        published=date(2024, 3, 1),
        updated=date(2024, 4, 2),
        completed=False,
        summary="<p>Two boys on a roof. <em>Stars.</em></p>",
        notes="<p>For a friend.</p>",
        end_notes="<p>Thanks for reading!</p>",
        series=[SeriesPart("Sand and Leaf", 2, "https://archive.example/series/7")],
        chapters=[
            ExportChapter(
                title="The Roof",
                summary="<p>Night falls.</p>",
                notes="<p>Chapter note.</p>",
                end_notes="<p>Chapter end note.</p>",
                body="<p>“Why did you come?” he asked.</p><hr><p>Later&nbsp;that night.<br>Quiet.</p>",
            ),
            ExportChapter(
                title="",
                body="<p>Morning, with a <a href='https://example.org/x'>link</a> and a "
                "<a href='#local'>local one</a>.</p><ul><li>one</li><li>two</li></ul>",
            ),
        ],
    )
