"""HTML works: the dialects in the registry (AO3's download, a saved AO3 work page,
FanFicFare's output) are tried first; any other page is read as generic HTML.

All are rendered to plain paragraphs through `render.Renderer` into a DocumentBuilder.
"""

from __future__ import annotations

from fanarchive.analysis.document import Document
from fanarchive.analysis.reading.builder import DocumentBuilder
from fanarchive.analysis.reading.dom import Element, parse_html
from fanarchive.analysis.reading.registry import html_dialects
from fanarchive.analysis.reading.render import HEADINGS, Renderer
from fanarchive.analysis.structure import heading_title


def read_html(markup: str) -> Document:
    return read_dom(parse_html(markup))


def read_dom(root: Element, source_format: str = "html") -> Document:
    builder = DocumentBuilder(source_format)
    dialect = next((d for d in html_dialects() if d.detect(root)), None)
    if dialect is not None:
        dialect.read(root, builder)
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
