"""Turn a file or string into a Document: decode, strip markup, find paragraphs and structure."""

from __future__ import annotations

import html
import re
from pathlib import Path

from fanarchive.analysis.document import Document, Span
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.structure import find_structure

MAX_BYTES = 64 * 1024 * 1024
PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")


def decode(data: bytes) -> str:
    if not data.strip():
        raise ReadError("the file is empty")
    if b"\x00" in data[:8192]:
        raise ReadError("the file looks binary, not text (it contains NUL bytes)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_path(path: str | Path) -> Document:
    path = Path(path)
    if not path.is_file():
        raise ReadError(f"{path}: no such file")
    if path.stat().st_size > MAX_BYTES:
        raise ReadError(f"{path}: larger than {MAX_BYTES // 2**20} MB")
    try:
        return read_bytes(path.read_bytes(), path.name)
    except ReadError as error:
        raise ReadError(f"{path}: {error}") from None


def read_bytes(data: bytes, filename: str = "") -> Document:
    return read_text(decode(data), guess_format(filename, data[:2048]))


def guess_format(filename: str, head: bytes = b"") -> str:
    suffix = Path(filename).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if re.search(rb"<(?:!doctype html|html|body|p)\b", head, re.I):
        return "html"
    return "text"


def read_text(text: str, fmt: str = "text") -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "html":
        text = html_to_text(text)
    if not text.strip():
        raise ReadError("the work has no text")
    document = Document(text=text, source_format=fmt)
    document.paragraphs = [Span(m.start(), m.end()) for m in PARAGRAPH_RE.finditer(text)]
    find_structure(document)
    return document


_BLOCK_RE = re.compile(r"</?(?:p|div|br|h[1-6]|li|blockquote|hr|tr)\b[^>]*>", re.I)
_DROP_RE = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.I | re.S)
_TAG_RE = re.compile(r"<[^>]*>")


def html_to_text(markup: str) -> str:
    markup = _DROP_RE.sub("", markup)
    markup = re.sub(r"<hr\b[^>]*>", "\n\n* * *\n\n", markup, flags=re.I)
    markup = _BLOCK_RE.sub("\n\n", markup)
    text = html.unescape(_TAG_RE.sub("", markup))
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip() + "\n"
