"""MOBI and AZW3 works (AO3 offers both), read through calibre's `ebook-convert` command.

The e-book is converted to an EPUB in a private temporary folder and read by the EPUB reader,
so AO3's preface, chapters and notes come out as from its EPUB download. The conversion runs
with a time limit, capped memory and output size (through `prlimit`) and a minimal
environment; when calibre is not installed the file is refused with a message that says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from fanarchive.analysis.document import Document
from fanarchive.analysis.errors import ReadError

TIMEOUT_SECONDS = 120
MAX_MEMORY_BYTES = 2 * 1024**3  # address space of the converter (calibre needs ~1 GB)
MAX_OUTPUT_BYTES = 200 * 1024**2  # any file it writes; the EPUB's pages are limited again
COMMAND = "ebook-convert"


def read_mobi(data: bytes) -> Document:
    return convert_and_read(data, ".mobi", "MOBI")


def read_azw3(data: bytes) -> Document:
    return convert_and_read(data, ".azw3", "AZW3")


def available() -> bool:
    return shutil.which(COMMAND) is not None


def convert_and_read(data: bytes, suffix: str, label: str) -> Document:
    from fanarchive.analysis.reading.epub import read_epub

    if data[60:68] != b"BOOKMOBI":
        raise ReadError(f"the file is not a valid {label} file (it has no MOBI header)")
    if not available():
        raise ReadError(
            f"{label} files are read with calibre's ebook-convert, which is not installed here; "
            "install calibre or download the work as EPUB or HTML"
        )
    with tempfile.TemporaryDirectory(prefix="fanarchive-ebook-") as folder:
        source, target = Path(folder, "work" + suffix), Path(folder, "work.epub")
        source.write_bytes(data)
        _run([*_limited(), COMMAND, str(source), str(target)], folder, label)
        if not target.is_file():
            raise ReadError(f"the {label} file could not be converted (damaged or protected)")
        epub = target.read_bytes()
    document = read_epub(epub)
    document.source_format = label.lower()
    return document


def _limited() -> list[str]:
    """`prlimit` (util-linux) caps the converter's memory and the size of any file it writes,
    so a hostile e-book cannot exhaust the machine; without prlimit the time limit remains."""
    prlimit = shutil.which("prlimit")
    if prlimit is None:
        return []
    return [prlimit, f"--as={MAX_MEMORY_BYTES}", f"--fsize={MAX_OUTPUT_BYTES}"]


def _run(command: list[str], folder: str, label: str) -> None:
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": folder,  # calibre writes its settings under HOME; keep them in the temp folder
        "CALIBRE_CONFIG_DIRECTORY": str(Path(folder, "config")),
        "CALIBRE_TEMP_DIR": folder,
        "LANG": "C.UTF-8",
    }
    try:
        completed = subprocess.run(  # noqa: S603 - a fixed command on a file we wrote
            command,
            cwd=folder,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(
            f"converting the {label} file took longer than {TIMEOUT_SECONDS} s; it was refused"
        ) from None
    except OSError as error:
        raise ReadError(f"calibre's ebook-convert could not be run ({error})") from None
    if completed.returncode != 0:
        reason = _last_line(completed.stderr)
        if "DRM" in reason or "drm" in reason:
            raise ReadError(f"the {label} file is DRM-protected and cannot be read")
        raise ReadError(f"the {label} file could not be converted (damaged?): {reason}")


def _last_line(stderr: bytes) -> str:
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1].strip()[:200] if lines else "no reason given"
