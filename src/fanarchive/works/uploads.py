"""Reading an uploaded work file (.txt, .html, .md, .docx) into a Document.

Decoding, format detection and structure are the analysis library's job
(`fanarchive.analysis.reading`); .docx is unzipped here with the standard library
(its paragraphs become plain text), so no extra dependency is needed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from fanarchive.analysis.document import Document
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import read_bytes, read_text

ACCEPTED_SUFFIXES = {".txt", ".text", ".html", ".htm", ".md", ".markdown", ".docx"}
WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_DOCX_XML_BYTES = 50 * 1024 * 1024  # a zip bomb stops here


def read_upload(data: bytes, filename: str, max_bytes: int) -> Document:
    """The uploaded file as a Document; ReadError with a message for the author otherwise."""
    suffix = Path(filename).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise ReadError(f"{filename}: upload a .txt, .html, .md or .docx file.")
    if len(data) > max_bytes:
        raise ReadError(
            f"{filename} is {len(data) / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB."
        )
    if suffix == ".docx":
        return read_text(docx_text(data))
    if data[:4] == b"PK\x03\x04":
        raise ReadError(f"{filename} is a zip or Word file, not {suffix} text.")
    return read_bytes(data, filename)


def docx_text(data: bytes) -> str:
    """The paragraphs of a .docx as plain text, a blank line between paragraphs."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise ReadError("the Word document is too large once unpacked")
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise ReadError("the file is not a readable Word (.docx) document") from None
    paragraphs = []
    for paragraph in root.iter(f"{WORD_NS}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{WORD_NS}t" and node.text:
                pieces.append(node.text)
            elif node.tag == f"{WORD_NS}tab":
                pieces.append("\t")
            elif node.tag in {f"{WORD_NS}br", f"{WORD_NS}cr"}:
                pieces.append("\n")
        paragraphs.append("".join(pieces).strip())
    text = "\n\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise ReadError("the Word document has no text")
    return text + "\n"
