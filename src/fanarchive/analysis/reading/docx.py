"""Word .docx works, read in pure Python from the package's word/document.xml.

Paragraph styles carry the structure: "Title" names the work, "Heading N" starts a chapter
(the highest heading level used), and everything else is text; centred dividers and
"Chapter 1" lines written as plain paragraphs are found later by the structure pass.
"""

from __future__ import annotations

import re

from fanarchive.analysis.document import Document
from fanarchive.analysis.reading.builder import DocumentBuilder
from fanarchive.analysis.reading.zipped import Archive

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
_HEADING_STYLE_RE = re.compile(r"^heading\s*(\d)$|^berschrift(\d)$", re.I)


def read_docx(data: bytes) -> Document:
    archive = Archive(data, ".docx file")
    body = archive.xml("word/document.xml").find(f"{W}body")
    builder = DocumentBuilder("docx")
    if "docProps/core.xml" in archive.names():
        core = archive.xml("docProps/core.xml")
        builder.metadata.title = (core.findtext(f"{DC}title") or "").strip()
        creator = (core.findtext(f"{DC}creator") or "").strip()
        builder.metadata.authors = [creator] if creator else []
    paragraphs = list(_paragraphs(body)) if body is not None else []
    levels = [level for _, level, _ in paragraphs if level > 0]
    chapter_level = min(levels) if levels else 0
    for style, level, text in paragraphs:
        if style == "title" and not builder.metadata.title:
            builder.metadata.title = " ".join(text.split())
        elif style == "title":
            continue
        elif level and level == chapter_level:
            builder.heading(text)
        else:
            builder.paragraph(text)
    return builder.build()


def _paragraphs(body):
    """(style kind, heading level, text) for each w:p in document order (tables included)."""
    for paragraph in body.iter(f"{W}p"):
        style_element = paragraph.find(f"{W}pPr/{W}pStyle")
        style = (style_element.get(f"{W}val") or "") if style_element is not None else ""
        heading = _HEADING_STYLE_RE.match(style.replace(" ", ""))
        level = int(heading.group(1) or heading.group(2)) if heading else 0
        kind = "title" if style.lower() == "title" else ("heading" if level else "text")
        yield kind, level, _paragraph_text(paragraph)


def _paragraph_text(paragraph) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)
