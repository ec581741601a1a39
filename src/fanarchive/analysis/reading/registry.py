"""The readers, in one place: which formats exist, which file suffixes name them, and which
HTML dialects (AO3's download, a saved AO3 work page, FanFicFare's output) the HTML reader
tries before reading a page as generic HTML.

Readers are named by module, not imported here: a reader module may use the shared rendering
helpers without importing the HTML reader, and the HTML reader finds the dialects through this
registry without importing them at load time, so no two reader modules import each other.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Reader:
    format: str
    suffixes: tuple[str, ...]
    module: str  # a module of this package
    function: str  # reads bytes (binary formats) or a str (text formats) into a Document
    binary: bool
    label: str  # what a user calls it, in messages


READERS = (
    Reader("text", (".txt", ".text"), "text", "read_plain", False, "plain text"),
    Reader("html", (".html", ".htm", ".xhtml"), "html", "read_html", False, "HTML"),
    Reader("markdown", (".md", ".markdown"), "markdown", "read_markdown", False, "Markdown"),
    Reader("docx", (".docx",), "docx", "read_docx", True, ".docx"),
    Reader("epub", (".epub",), "epub", "read_epub", True, "EPUB"),
    Reader("pdf", (".pdf",), "pdf", "read_pdf", True, "PDF"),
    Reader("mobi", (".mobi", ".prc"), "calibre", "read_mobi", True, "MOBI"),
    Reader("azw3", (".azw3", ".azw"), "calibre", "read_azw3", True, "AZW3"),
)
BY_FORMAT = {reader.format: reader for reader in READERS}
SUFFIXES = {suffix: reader.format for reader in READERS for suffix in reader.suffixes}

# HTML dialects (a saved AO3 work page, AO3's download, AO3's download flattened by calibre's
# MOBI output, FanFicFare), tried in order; each module has `detect(root) -> bool` and
# `read(root, builder) -> None`. A page none of them claims is read as generic HTML.
HTML_DIALECTS = ("ao3_page", "ao3", "ao3_flat", "fanficfare")


def reader_function(reader: Reader):
    return getattr(_module(reader.module), reader.function)


def html_dialects() -> list[ModuleType]:
    return [_module(name) for name in HTML_DIALECTS]


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__package__}.{name}")
