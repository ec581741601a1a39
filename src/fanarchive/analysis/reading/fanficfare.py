"""FanFicFare's HTML output and EPUB title pages.

HTML (writer_html): `<h1><a>Title</a> by <a>Author</a></h1>`, a title-page table of
`<tr><td><b>Label:</b></td><td>value</td></tr>` rows, a table of contents under
`<a name="TOCTOP">`, then per chapter `<a name="section0001"><h2>Chapter title</h2></a>`
followed by the chapter's markup. Its EPUB title page writes the same entries as
`<b>Label:</b> value<br/>` lines.
"""

from __future__ import annotations

import re

from fanarchive.analysis.document import Metadata
from fanarchive.analysis.reading.builder import DocumentBuilder
from fanarchive.analysis.reading.dom import Element
from fanarchive.analysis.reading.render import Renderer

# FanFicFare title-page label -> Metadata field ("Category" is FanFicFare's word for fandom).
LABELS = {
    "title": "title",
    "author": "authors",
    "category": "fandoms",
    "fandom": "fandoms",
    "fandoms": "fandoms",
    "rating": "rating",
    "warnings": "warnings",
    "warning": "warnings",
    "characters": "characters",
    "relationships": "relationships",
    "ships": "relationships",
    "pairing": "relationships",
    "pairings": "relationships",
    "summary": "summary",
    "description": "summary",
    "language": "language",
    "series": "series",
    "freeform tags": "additional_tags",
    "additional tags": "additional_tags",
    "extra tags": "additional_tags",
    "genre": "additional_tags",
    "story url": "source_url",
}
_SECTION_RE = re.compile(r"^section\d+$")
_LABEL_LINE_RE = re.compile(r"^[ \t]*([A-Z][\w ]{0,30}):[ \t]*(.*)$", re.M)  # [ \t], not \s: linear


def detect(root: Element) -> bool:
    return any(_SECTION_RE.match(a.attrs.get("name", "")) for a in root.find_all("a")) or (
        root.find("table", cls="full") is not None
    )


def read(root: Element, builder: DocumentBuilder) -> None:
    body = root.find("body") or root
    heading = body.find("h1")
    if heading is not None:
        _read_byline(heading, builder.metadata)
    table = body.find("table", cls="full")
    if table is not None:
        for row in table.find_all("tr"):
            cells = row.find_all("td")
            if len(cells) >= 2:
                set_field(builder.metadata, cells[0].text(), cells[1].text())
    renderer = Renderer(builder)
    started = False
    for child in body.children:
        section = _section_heading(child) if isinstance(child, Element) else None
        if section is not None:
            renderer.flush()
            builder.heading(section)
            started = True
        elif started:  # the title block and table of contents come before the first chapter
            renderer.walk(child)
    renderer.flush()
    if not started:  # no chapter anchors: the whole body is the text
        Renderer(builder).render(body)


def _section_heading(element: Element) -> str | None:
    if element.tag == "a" and _SECTION_RE.match(element.attrs.get("name", "")):
        return element.text()
    anchor = element.find("a")
    if (
        element.tag in ("h2", "h3")
        and anchor is not None
        and _SECTION_RE.match(anchor.attrs.get("name", "") or anchor.attrs.get("id", ""))
    ):
        return element.text()
    return None


def _read_byline(heading: Element, metadata: Metadata) -> None:
    links = heading.find_all("a")
    text = heading.text()
    if links:
        metadata.title = links[0].text()
        metadata.authors = [a.text() for a in links[1:]]
    elif " by " in text:
        metadata.title, _, author = text.rpartition(" by ")
        metadata.authors = [author.strip()]
    else:
        metadata.title = text


def set_field(metadata: Metadata, label: str, value: str) -> bool:
    field = LABELS.get(label.rstrip(":").strip().lower())
    value = value.strip()
    if not field or not value:
        return False
    current = getattr(metadata, field)
    if isinstance(current, list):
        current.extend(
            v.strip() for v in value.split(",") if v.strip() and v.strip() not in current
        )
    elif not current:
        setattr(metadata, field, value)
    return True


def read_title_page(element: Element, metadata: Metadata) -> bool:
    """A FanFicFare EPUB title page: "<b>Label:</b> value<br/>" lines. True if it was one."""
    text = _text_with_lines(element)
    matches = [m for m in _LABEL_LINE_RE.finditer(text) if m.group(1).strip().lower() in LABELS]
    if len(matches) < 2:
        return False
    for match in matches:
        set_field(metadata, match.group(1), match.group(2))
    return True


def _text_with_lines(element: Element) -> str:
    parts: list[str] = []
    stack: list[Element | str] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(" ".join(node.split()) if node.strip() else " ")
        else:
            if node.tag in ("br", "p", "div", "tr", "li", "h1", "h2", "h3"):
                parts.append("\n")
            stack.extend(reversed(node.children))
    return "".join(parts)
