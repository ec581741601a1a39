"""Kindle downloads, AZW3 (KF8) and MOBI (as AO3 offers both), through calibre's
`ebook-convert`, from our own EPUB.

No Python library writes either; calibre is the reference converter and Debian packages it.
The conversion runs headless (Qt's offscreen platform) in a temporary folder with a time limit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from fanarchive.exports.epub import render_epub
from fanarchive.exports.errors import ExportError
from fanarchive.exports.work import ExportWork

TIMEOUT_SECONDS = 300


def ebook_convert() -> str | None:
    """The path of calibre's converter, or None when calibre is not installed."""
    return shutil.which("ebook-convert")


def render_azw3(work: ExportWork) -> bytes:
    """The whole download as AZW3 (`work` must have been through clean_work)."""
    return convert_epub(work, "azw3")


def render_mobi(work: ExportWork) -> bytes:
    """The whole download as MOBI, the older Kindle format AO3 still offers."""
    return convert_epub(work, "mobi")


def convert_epub(work: ExportWork, suffix: str) -> bytes:
    """Our EPUB of `work`, converted by calibre to the format its `suffix` names."""
    converter = ebook_convert()
    if converter is None:
        raise ExportError(
            f"{suffix.upper()} needs calibre's ebook-convert (Debian: apt-get install calibre); "
            "the EPUB download works on Kindle apps that accept EPUB"
        )
    with tempfile.TemporaryDirectory(prefix=f"fanarchive-{suffix}-") as folder:
        source, target = Path(folder) / "work.epub", Path(folder) / f"work.{suffix}"
        source.write_bytes(render_epub(work))
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": folder}
        try:
            result = subprocess.run(
                [converter, str(source), str(target)],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                env=env,
                cwd=folder,
            )
        except subprocess.TimeoutExpired as error:
            raise ExportError(f"ebook-convert took longer than {TIMEOUT_SECONDS} s") from error
        if result.returncode != 0 or not target.is_file():
            tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise ExportError("ebook-convert failed: " + " | ".join(tail))
        return target.read_bytes()
