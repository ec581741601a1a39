"""HTML works: AO3's download HTML, FanFicFare's HTML output, and any other HTML page.

All three are rendered to plain paragraphs through a DocumentBuilder: block elements end a
paragraph, <br> breaks a line (two in a row end a paragraph), <hr> is a scene break, and
emphasis and links keep only their text.
"""

from __future__ import annotations

import re

from fanarchive.analysis.document import Document
from fanarchive.analysis.reading import ao3, fanficfare
from fanarchive.analysis.reading.builder import DocumentBuilder
from fanarchive.analysis.reading.dom import BLOCK, Element, collapse_spaces, parse_html
from fanarchive.analysis.structure import heading_title

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LINE_SPACE_RE = re.compile(r" *\n *")


def read_html(markup: str) -> Document:
    return read_dom(parse_html(markup))


def read_dom(root: Element, source_format: str = "html") -> Document:
    builder = DocumentBuilder(source_format)
    if ao3.is_ao3(root):
        ao3.read(root, builder)
    elif fanficfare.is_fanficfare(root):
        fanficfare.read(root, builder)
    else:
        read_generic(root, builder)
    return builder.build()


def read_generic(root: Element, builder: DocumentBuilder) -> None:
    """Any HTML: the first top-level heading names the work; chapter-like headings (by their
    words, or the heading level that repeats) start chapters."""
    title = root.find("title")
    body = root.find("body") or root
    headings = [e for e in body.iter() if e.tag in HEADINGS]
    title_heading = _title_heading(body, headings)
    if title_heading is not None:
        builder.metadata.title = title_heading.text()
    elif title is not None:
        builder.metadata.title = title.text()
    chapter_level = _repeated_level([h for h in headings if h is not title_heading])

    def on_heading(element: Element) -> bool:
        if element is title_heading:
            return True
        text = element.text()
        if element.tag == chapter_level or heading_title(text):
            builder.heading(text)
            return True
        return False

    Renderer(builder, on_heading).render(body)


def _title_heading(body: Element, headings: list[Element]) -> Element | None:
    """An <h1> that comes before any paragraph text is the work's title."""
    h1 = next((h for h in headings if h.tag == "h1"), None)
    if h1 is None or sum(1 for h in headings if h.tag == "h1") > 1:
        return None
    for element in body.iter():
        if element is h1:
            return h1 if not heading_title(h1.text()) else None
        if element.tag == "p" and element.text():
            return None
    return None


def _repeated_level(headings: list[Element]) -> str | None:
    """The highest heading level used at least twice: the chapters' level."""
    for level in HEADINGS:
        if sum(1 for h in headings if h.tag == level) >= 2:
            return level
    return None


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
