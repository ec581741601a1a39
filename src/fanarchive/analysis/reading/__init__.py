"""Read a work file (plain text, HTML, Markdown, .docx, EPUB, PDF, MOBI, AZW3) into a Document.

The formats and their readers are listed in `registry.READERS`; HTML dialects (AO3's download
and work page, FanFicFare) in `registry.HTML_DIALECTS`.

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
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.reading.decode import decode
from fanarchive.analysis.reading.noise import refuse_noise
from fanarchive.analysis.reading.registry import BY_FORMAT, READERS, SUFFIXES, reader_function
from fanarchive.analysis.structure import find_structure

# The formats the archive's upload form and `fanarchive analyze FOLDER` take (their callers
# list `SUFFIXES`): PDF, MOBI and AZW3 are read when a file is named directly; whether uploads
# take them too (MOBI and AZW3 run an external converter) is the archive's decision.
_LISTED_FORMATS = ("text", "html", "markdown", "docx", "epub")

# The largest work file accepted: 20 MiB is about 3.5 million words, longer than the longest
# works on AO3; bigger files are refused before they are read, so memory stays bounded.
MAX_BYTES = 20 * 1024 * 1024
FORMATS = tuple(reader.format for reader in READERS)
# Every suffix a reader knows (a file named directly is read whatever its format).
ALL_SUFFIXES = dict(SUFFIXES)
SUFFIXES = {suffix: fmt for suffix, fmt in ALL_SUFFIXES.items() if fmt in _LISTED_FORMATS}
_HTML_HEAD_RE = LazyPattern(rb"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAGS_RE = LazyPattern(rb"<(?:p|div|br|h[1-6])\b[^>]*>", re.I)

__all__ = [
    "ALL_SUFFIXES",
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
    reader = BY_FORMAT[guess_format(filename, data[:4096])]
    if reader.binary:
        if not data.strip():
            raise ReadError(f"the file is empty (an empty {reader.label} file)")
        document = reader_function(reader)(data)
    else:
        document = reader_function(reader)(decode(data))
    # A file's bytes may be anything: noise that happened to decode is refused here. A string
    # given to read_text (a work typed into the archive) is the author's text, read as is.
    if document.paragraphs:
        refuse_noise(document.text)
    return _finish(document)


def read_text(text: str, fmt: str = "text") -> Document:
    """Read a work given as a string: `fmt` is "text", "html" or "markdown"."""
    if len(text) > MAX_BYTES:
        raise ReadError(_too_large(len(text)))
    reader = BY_FORMAT.get(fmt)
    if reader is None or reader.binary:
        raise ReadError(f"unknown format {fmt!r} (expected one of: text, html, markdown)")
    return _finish(reader_function(reader)(text))


def html_to_text(markup: str) -> str:
    """The plain text of an HTML fragment or page (paragraphs separated by a blank line);
    script and style content is dropped. Empty markup gives an empty string."""
    from fanarchive.analysis.reading.html import read_html

    return read_html(markup).text


def guess_format(filename: str, head: bytes = b"") -> str:
    """The format from the file's first bytes when they are a binary format's signature (a
    PDF named .txt is still a PDF), else from its suffix, else from what the bytes look like."""
    fmt = ALL_SUFFIXES.get(Path(filename).suffix.lower())
    sniffed = _binary_signature(head)
    if sniffed and (fmt is None or not BY_FORMAT[fmt].binary):
        return sniffed
    if fmt:
        return fmt
    if _HTML_HEAD_RE.match(head) or len(_HTML_TAGS_RE.findall(head)) >= 3:
        return "html"
    return "text"


def _binary_signature(head: bytes) -> str | None:
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head[60:68] == b"BOOKMOBI":  # MOBI and AZW3 (KF8) share the Palm database header
        return "mobi"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/epub+zip" in head:
            return "epub"
        if b"word/" in head or b"[Content_Types].xml" in head:
            return "docx"
    return None


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
