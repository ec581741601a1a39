"""Markdown works: headings start chapters, `***` / `---` / `___` rules are scene breaks,
emphasis, links and code marks are stripped to their text."""

from __future__ import annotations

import html
import re

from fanarchive.analysis.document import Document
from fanarchive.analysis.reading.builder import DocumentBuilder
from fanarchive.analysis.reading.text import normalise_newlines

ATX_RE = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)\s*$")
RULE_RE = re.compile(r"^ {0,3}([*\-_])(?:\s*\1){2,}\s*$")
FENCE_RE = re.compile(r"^ {0,3}(```|~~~)")
QUOTE_PREFIX_RE = re.compile(r"^ {0,3}>\s?")
LIST_PREFIX_RE = re.compile(r"^\s*(?:[*+\-]|\d{1,3}[.)])\s+")
_INLINE = (
    (re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S), ""),
    (re.compile(r"<[^>\n]+>"), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!~>|\"'])"), r"\1"),
)


def strip_inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return html.unescape(text)


def read_markdown(text: str) -> Document:
    blocks = _blocks(normalise_newlines(text).split("\n"))
    builder = DocumentBuilder("markdown")
    levels = [level for kind, level, _ in blocks if kind == "heading"]
    title_at = _title_index(blocks, levels)
    if title_at is not None:
        builder.metadata.title = blocks[title_at][2]
    chapter_levels = [lv for i, (k, lv, _) in enumerate(blocks) if k == "heading" and i != title_at]
    chapter_level = min(chapter_levels) if chapter_levels else 0
    for index, (kind, level, content) in enumerate(blocks):
        if index == title_at:
            continue
        if kind == "heading" and level == chapter_level:
            builder.heading(content)
        elif kind == "rule":
            builder.scene_break()
        else:
            builder.paragraph(content)
    return builder.build()


def _title_index(blocks: list[tuple[str, int, str]], levels: list[int]) -> int | None:
    """A single top-level heading before any text, above deeper headings, is the title."""
    if not blocks or blocks[0][0] != "heading" or len(levels) < 2:
        return None
    top = blocks[0][1]
    if levels.count(top) == 1 and all(level > top for level in levels[1:]):
        return 0
    return None


def _blocks(lines: list[str]) -> list[tuple[str, int, str]]:
    """(kind, heading level, text) for each heading, rule and paragraph, in order."""
    blocks: list[tuple[str, int, str]] = []
    paragraph: list[str] = []
    fenced = False

    def flush() -> None:
        if paragraph:
            blocks.append(("paragraph", 0, strip_inline("\n".join(paragraph)).strip()))
            paragraph.clear()

    for line in lines:
        if FENCE_RE.match(line):
            fenced = not fenced
            continue
        if fenced:
            paragraph.append(line)
            continue
        setext = SETEXT_RE.match(line)
        if setext and len(paragraph) == 1:
            level = 1 if setext.group(1)[0] == "=" else 2
            blocks.append(("heading", level, strip_inline(paragraph.pop()).strip()))
            continue
        atx = ATX_RE.match(line)
        if atx:
            flush()
            blocks.append(("heading", len(atx.group(1)), strip_inline(atx.group(2)).strip()))
        elif RULE_RE.match(line):
            flush()
            blocks.append(("rule", 0, ""))
        elif not line.strip():
            flush()
        else:
            line = QUOTE_PREFIX_RE.sub("", line)
            if LIST_PREFIX_RE.match(line):  # each list item is its own paragraph
                flush()
                line = LIST_PREFIX_RE.sub("", line)
            paragraph.append(line)
    flush()
    return [b for b in blocks if b[0] != "paragraph" or b[2]]
