"""Reading an uploaded work file into a Document with the analysis library's readers
(`fanarchive.analysis.reading`: encodings, HTML, Markdown, .docx, EPUB); this module only
adds the archive's own limits and messages."""

from __future__ import annotations

from pathlib import Path

from fanarchive.analysis.document import Document
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import SUFFIXES, decode, guess_format, read_bytes, read_text
from fanarchive.exports.nesting import limit_nesting

ACCEPTED_SUFFIXES = set(SUFFIXES)


def read_upload(data: bytes, filename: str, max_bytes: int) -> Document:
    """The uploaded file as a Document; ReadError with a message for the author otherwise."""
    suffix = Path(filename).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise ReadError(f"{filename}: upload a .txt, .html, .md, .docx or .epub file.")
    if len(data) > max_bytes:
        raise ReadError(
            f"{filename} is {len(data) / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB."
        )
    if guess_format(filename, data[:4096]) == "html":
        # Python's HTMLParser (the reader's) is quadratic on some broken markup (160 KB of
        # "<!--" took 8 s): it reads the canonical, depth-limited form, which it parses in
        # one pass and which means the same to a browser (exports.nesting).
        return read_text(limit_nesting(decode(data)).html, "html")
    return read_bytes(data, filename)
