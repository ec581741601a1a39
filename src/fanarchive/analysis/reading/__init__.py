"""Read a work file (plain text, HTML, Markdown, .docx, EPUB) into a Document.

`read_path`, `read_bytes` and `read_text` are the entry points used by the analysis, the
archive's upload form, the exports and the bulk importer. They raise `ReadError` (with a
message a user can act on) for input that is not a readable work, and nothing else.

Offsets: for plain text, `Document.text` is exactly the decoded input with newlines
normalised ("\\r\\n" and "\\r" become "\\n", a BOM is dropped). For the other formats it is
the plain text rendered from the markup, one blank line between paragraphs.
"""

from __future__ import annotations

import re
from pathlib import Path

from fanarchive.analysis.document import Document
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading.decode import decode
from fanarchive.analysis.structure import find_structure

# The largest work file accepted: 20 MiB is about 3.5 million words, longer than the longest
# works on AO3; bigger files are refused before they are read, so memory stays bounded.
MAX_BYTES = 20 * 1024 * 1024
FORMATS = ("text", "html", "markdown", "docx", "epub")
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".epub": "epub",
}
_HTML_HEAD_RE = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAGS_RE = re.compile(rb"<(?:p|div|br|h[1-6])\b[^>]*>", re.I)

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "SUFFIXES",
    "decode",
    "guess_format",
    "read_bytes",
    "read_path",
    "read_text",
]


def read_path(path: str | Path) -> Document:
    path = Path(path)
    if not path.is_file():
        raise ReadError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReadError(f"{path}: {_too_large(size)}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        return read_bytes(data, path.name)
    except ReadError as error:
        raise ReadError(f"{path}: {error}") from None


def read_bytes(data: bytes, filename: str = "") -> Document:
    """Read a work from its file's bytes; `filename` (its suffix) helps guess the format."""
    if len(data) > MAX_BYTES:
        raise ReadError(_too_large(len(data)))
    fmt = guess_format(filename, data[:4096])
    if fmt == "docx":
        from fanarchive.analysis.reading.docx import read_docx

        return _finish(read_docx(data))
    if fmt == "epub":
        from fanarchive.analysis.reading.epub import read_epub

        return _finish(read_epub(data))
    return read_text(decode(data), fmt)


def read_text(text: str, fmt: str = "text") -> Document:
    """Read a work given as a string: `fmt` is "text", "html" or "markdown"."""
    if len(text) > MAX_BYTES:
        raise ReadError(_too_large(len(text)))
    if fmt == "html":
        from fanarchive.analysis.reading.html import read_html

        document = read_html(text)
    elif fmt == "markdown":
        from fanarchive.analysis.reading.markdown import read_markdown

        document = read_markdown(text)
    elif fmt == "text":
        from fanarchive.analysis.reading.text import read_plain

        document = read_plain(text)
    else:
        raise ReadError(f"unknown format {fmt!r} (expected one of: text, html, markdown)")
    return _finish(document)


def html_to_text(markup: str) -> str:
    """The plain text of an HTML fragment or page (paragraphs separated by a blank line);
    script and style content is dropped. Empty markup gives an empty string."""
    from fanarchive.analysis.reading.html import read_html

    return read_html(markup).text


def guess_format(filename: str, head: bytes = b"") -> str:
    """The format from the file's suffix, else from its first bytes."""
    suffix = Path(filename).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/epub+zip" in head:
            return "epub"
        if b"word/" in head or b"[Content_Types].xml" in head:
            return "docx"
    if _HTML_HEAD_RE.match(head) or len(_HTML_TAGS_RE.findall(head)) >= 3:
        return "html"
    return "text"


def _finish(document: Document) -> Document:
    if not document.paragraphs:
        raise ReadError("the work has no text")
    find_structure(document)
    return document


def _too_large(size: int) -> str:
    return (
        f"the file is {size / 2**20:.1f} MB; works larger than {MAX_BYTES // 2**20} MB are "
        "refused (split it into parts)"
    )
