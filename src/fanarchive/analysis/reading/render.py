"""Render an HTML element tree into a DocumentBuilder's paragraphs, headings and scene breaks.

Block elements end a paragraph, <br> breaks a line (two in a row end a paragraph), <hr> is a
scene break, and emphasis and links keep only their text. Every HTML reader (generic pages,
AO3's downloads and pages, FanFicFare's output, EPUB pages) renders through this one class.
"""

from __future__ import annotations

import re

from fanarchive.analysis.reading.builder import DocumentBuilder
from fanarchive.analysis.reading.dom import BLOCK, Element, collapse_spaces

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LINE_SPACE_RE = re.compile(r" *\n *")


class Renderer:
    """Walk an element tree and add its paragraphs, headings and scene breaks to a builder.

    `on_heading(element)` may claim a heading element (returning True) to add it as a chapter
    heading or skip it; unclaimed headings are rendered as ordinary paragraphs.
    """

    def __init__(self, builder: DocumentBuilder, on_heading=None) -> None:
        self.builder = builder
        self.on_heading = on_heading
        self.buffer: list[str] = []

    def render(self, element: Element) -> None:
        self._walk(element, preformatted=False)
        self.flush()

    def walk(self, node: Element | str) -> None:
        """Render one node (element or text) into the current paragraph stream."""
        holder = Element("#fragment", {})
        holder.children = [node]
        self._walk(holder, preformatted=False)

    def flush(self) -> None:
        if not self.buffer:
            return
        text = _LINE_SPACE_RE.sub("\n", "".join(self.buffer))
        self.buffer = []
        self.builder.paragraph(text)

    def _walk(self, element: Element, preformatted: bool) -> None:
        for child in element.children:
            if isinstance(child, str):
                self.buffer.append(child if preformatted else collapse_spaces(child))
                continue
            tag = child.tag
            if tag in ("br",):
                self.buffer.append("\n")
            elif tag == "hr":
                self.flush()
                self.builder.scene_break()
            elif tag in ("head", "title", "meta", "link", "img"):
                continue
            elif tag in HEADINGS and self.on_heading:
                self.flush()
                if not self.on_heading(child):
                    self._walk(child, preformatted)
                    self.flush()
            elif tag in BLOCK:
                self.flush()
                self._walk(child, preformatted or tag == "pre")
                self.flush()
            else:
                self._walk(child, preformatted)


def render(element: Element, builder: DocumentBuilder) -> None:
    """Render a block of a work's own text: headings inside it are text, not chapters."""
    Renderer(builder, on_heading=None).render(element)
