"""PDF through WeasyPrint, from the same HTML as the HTML download plus print CSS.

Why WeasyPrint rather than calibre's ebook-convert: it is a Python library (no subprocess, no
Qt WebEngine), starts in well under a second, lays out CSS paged media (page numbers, running
title), and its only system needs are Pango and HarfBuzz. Fonts come from the system through
fontconfig (Debian's DejaVu); nothing is downloaded: the URL fetcher refuses every request.
"""

from __future__ import annotations

from fanarchive.exports.errors import ExportError
from fanarchive.exports.html import render_html
from fanarchive.exports.work import ExportWork

PRINT_CSS = """
@page { size: A5; margin: 18mm 15mm 20mm;
  @bottom-center { content: counter(page); font-family: sans-serif; font-size: 8pt; } }
body { margin: 0; font-family: "DejaVu Serif", serif; font-size: 10pt; }
h1, h2 { font-family: "DejaVu Sans", sans-serif; }
#chapters, .meta.group, #afterword { break-before: page; }
#chapters > .meta.group:first-child { break-before: auto; }
h2 { break-after: avoid; }
a { color: inherit; }
"""


def _no_fetch(url: str, *args, **kwargs):
    # Downloads are offline and self-contained: never reach the network or the filesystem.
    raise ValueError(f"external resources are not loaded: {url}")


def render_pdf(work: ExportWork) -> bytes:
    """The whole download as a PDF (`work` must have been through clean_work)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango missing from the system
        raise ExportError(f"PDF needs WeasyPrint and Pango: {error}") from error
    document = HTML(string=render_html(work, PRINT_CSS), url_fetcher=_no_fetch)
    return document.write_pdf()
