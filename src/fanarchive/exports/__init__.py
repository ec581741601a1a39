"""Work downloads (EPUB, HTML, PDF, AZW3, TXT) carrying the tag block, notes and chapters like
AO3's downloads. Pure Python, no Django: the archive and the CLI both fill an `ExportWork`.

    from fanarchive.exports import ExportWork, export_work, FORMATS
    data = export_work(work, "epub")              # bytes, every user field sanitised
    FORMATS["epub"].media_type, FORMATS["epub"].extension
    download_filename(work, "epub")                # "Title_of_the_Work.epub"
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fanarchive.exports.errors import ExportError, UnknownFormatError
from fanarchive.exports.sanitize import clean_text, clean_work
from fanarchive.exports.work import ExportChapter, ExportWork, SeriesPart

__all__ = [
    "FORMATS",
    "ExportChapter",
    "ExportError",
    "ExportWork",
    "Format",
    "SeriesPart",
    "UnknownFormatError",
    "download_filename",
    "export_work",
    "write_export",
]


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    render: Callable[[ExportWork], bytes]  # takes a cleaned work


def _epub(work: ExportWork) -> bytes:
    from fanarchive.exports.epub import render_epub

    return render_epub(work)


def _html(work: ExportWork) -> bytes:
    from fanarchive.exports.html import render_html

    return render_html(work).encode("utf-8")


def _pdf(work: ExportWork) -> bytes:
    from fanarchive.exports.pdf import render_pdf

    return render_pdf(work)


def _azw3(work: ExportWork) -> bytes:
    from fanarchive.exports.azw3 import render_azw3

    return render_azw3(work)


def _mobi(work: ExportWork) -> bytes:
    from fanarchive.exports.azw3 import render_mobi

    return render_mobi(work)


def _txt(work: ExportWork) -> bytes:
    from fanarchive.exports.text import render_text

    return render_text(work).encode("utf-8")


FORMATS: dict[str, Format] = {
    f.name: f
    for f in [
        Format("epub", "epub", "application/epub+zip", _epub),
        Format("html", "html", "text/html; charset=utf-8", _html),
        Format("pdf", "pdf", "application/pdf", _pdf),
        Format("azw3", "azw3", "application/vnd.amazon.ebook", _azw3),
        Format("mobi", "mobi", "application/x-mobipocket-ebook", _mobi),
        Format("txt", "txt", "text/plain; charset=utf-8", _txt),
    ]
}
# Bumped whenever what a download looks like changes (its preface, metadata, layout): the
# archive keeps downloads cached under it, so a new layout is never hidden behind an old copy.
LAYOUT_VERSION = 3

# The work page's download menu: AO3's formats in AO3's order, then plain text.
DOWNLOAD_MENU = [
    ("AZW3", "azw3"),
    ("EPUB", "epub"),
    ("MOBI", "mobi"),
    ("PDF", "pdf"),
    ("HTML", "html"),
    ("TXT", "txt"),
]


def export_work(work: ExportWork, fmt: str) -> bytes:
    """The work as a download in `fmt` (epub, html, pdf, azw3, mobi, txt).

    Raises UnknownFormatError for an unknown format and ExportError when a needed tool is
    missing or a conversion fails."""
    try:
        chosen = FORMATS[fmt.lower()]
    except KeyError:
        raise UnknownFormatError(
            f"unknown format {fmt!r}; choose one of {', '.join(sorted(FORMATS))}"
        ) from None
    return chosen.render(clean_work(work))


def write_export(work: ExportWork, fmt: str, path: str | Path) -> Path:
    """Export and write to `path` (written whole, so a failed export leaves no partial file)."""
    data = export_work(work, fmt)
    path = Path(path)
    path.write_bytes(data)
    return path


def download_filename(work: ExportWork, fmt: str) -> str:
    """An ASCII file name for the download, from the title (AO3 style: words joined by _)."""
    ascii_title = (
        unicodedata.normalize("NFKD", clean_text(work.title)).encode("ascii", "ignore").decode()
    )
    words = re.findall(r"[A-Za-z0-9]+", ascii_title)[:12]
    stem = "_".join(words) or "work"
    return f"{stem}.{FORMATS[fmt.lower()].extension}"
