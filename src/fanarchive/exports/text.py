"""Plain text: the tag block, summary, notes, chapters and end notes, wrapped at 78 columns."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser

from fanarchive.exports import layout
from fanarchive.exports.work import ExportWork

WIDTH = 78
_SPACES_RE = re.compile(r"[ \t\r\n]+")  # not str.split(): it would eat no-break spaces
_BLOCKS = {
    "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr",
    "pre", "address", "table", "ul", "ol", "dl", "caption",
}  # fmt: skip


class _TextWriter(HTMLParser):
    """Sanitised HTML to paragraphs of text: blocks separate paragraphs, <br> breaks lines,
    <hr> is a scene break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.prefix = ""

    def _flush(self) -> None:
        text = "".join(self.current).strip()
        if text:
            self.paragraphs.append(self.prefix + text)
        self.current, self.prefix = [], ""

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self._flush()
            self.prefix = "* " if tag == "li" else ""
        elif tag == "br":
            self.current.append("\n")
        elif tag == "hr":
            self._flush()
            self.paragraphs.append("* * *")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        self.current.append(" ".join(data.split("\n")) if data.strip() else " ")

    def close(self):
        super().close()
        self._flush()


def html_to_paragraphs(fragment: str) -> list[str]:
    writer = _TextWriter()
    writer.feed(fragment)
    writer.close()
    return writer.paragraphs


def wrap(paragraphs: list[str], indent: str = "") -> str:
    out = []
    for paragraph in paragraphs:
        lines = [
            textwrap.fill(
                _SPACES_RE.sub(" ", line).strip(),
                WIDTH,
                initial_indent=indent,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            for line in paragraph.split("\n")
        ]
        out.append("\n".join(line for line in lines if line.strip()))
    return "\n\n".join(p for p in out if p)


def _section(label: str, fragment: str) -> list[str]:
    return [label, wrap(html_to_paragraphs(fragment), indent="    ")] if fragment else []


def render_text(work: ExportWork) -> str:
    """The whole download as plain text (`work` must have been through clean_work)."""
    rule = "=" * WIDTH
    parts = [work.title]
    if work.url:
        parts.append(f"Posted originally on {work.archive_name} at {work.url}.")
    parts.append(rule)
    rows = (
        textwrap.fill(f"{label}: {value}", WIDTH, subsequent_indent="    ")
        for label, value in layout.tag_block(work)
    )
    parts.append("\n".join(rows))
    parts.append(rule)
    parts.append(work.title + (f"\nby {', '.join(work.authors)}" if work.authors else ""))
    parts += _section("Summary", work.summary)
    parts += _section("Notes", work.notes)
    for number, chapter in enumerate(work.chapters, 1):
        heading = layout.chapter_heading(work, chapter, number)
        parts.append(rule)
        if layout.shows_heading(work, chapter):
            parts.append(heading + "\n" + "-" * min(len(heading), WIDTH))
        parts += _section("Chapter Summary", chapter.summary)
        parts += _section("Chapter Notes", chapter.notes)
        parts.append(wrap(html_to_paragraphs(chapter.body)))
        parts += _section("Chapter End Notes", chapter.end_notes)
    parts.append(rule)
    parts += _section("End Notes", work.end_notes)
    closing = layout.CLOSING_MESSAGE
    closing += f" at {work.url}." if work.url else "."
    parts.append(textwrap.fill(closing, WIDTH))
    return "\n\n".join(p for p in parts if p) + "\n"
