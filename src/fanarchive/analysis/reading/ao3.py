"""AO3's download HTML, and the same markup inside AO3's EPUB, MOBI and AZW3 downloads.

Its layout (otwarchive app/views/downloads): a `#preface` with a message naming the title, a
`dl.tags` of tag groups (Rating, Archive Warning, Category, Fandom, Relationship, Character,
Additional Tags, Language, Series, Stats), the `h1` title, a `.byline`, and "Summary" / "Notes"
labels each followed by a `blockquote.userstuff`; then `#chapters` holding, per chapter, a
`div.meta.group` (an `h2.heading`, "Chapter Summary", "Chapter Notes"), the chapter's
`div.userstuff` and an optional `#endnotesN` ("Chapter End Notes"); then `#afterword` with the
work's "End Notes".

AO3 makes its e-books from that HTML with calibre, which keeps the ids but renames most
classes (`meta group` and `userstuff` become `calibre1`, `dl.tags` becomes `dl.message`) and
splits the work over several files, each re-opening its `#preface` / `#chapters` wrapper. So
this reader goes by ids, tags and AO3's label paragraphs, and uses classes only as a bonus.
"""

from __future__ import annotations

from fanarchive.analysis.document import Metadata
from fanarchive.analysis.reading.builder import DocumentBuilder
from fanarchive.analysis.reading.dom import Element
from fanarchive.analysis.reading.render import render

# dt label (singular or plural) -> Metadata list field
TAG_FIELDS = {
    "rating": "rating",
    "archive warning": "warnings",
    "category": "categories",
    "categories": "categories",  # plural labels drop their "s"; this one its "ies"
    "fandom": "fandoms",
    "relationship": "relationships",
    "character": "characters",
    "additional tag": "additional_tags",
    "freeform": "additional_tags",
    "language": "language",
    "series": "series",
}
CHAPTER_LABELS = frozenset(["chapter summary", "chapter notes", "summary", "notes"])
_WORK_BLOCKS = ("div", "section", "p", "blockquote")  # a table of contents is a list: left out
_TEXT_BLOCKS = ("div", "p", "blockquote", "section", "center", "ul", "ol", "pre", "table")


def detect(root: Element) -> bool:
    preface = root.find(id="preface")
    return preface is not None and (
        root.find(id="chapters") is not None or preface.find("dl") is not None
    )


def read(root: Element, builder: DocumentBuilder) -> None:
    preface = _joined(root.find_all(id="preface"))
    read_metadata(preface, builder.metadata)
    labelled = labelled_blocks(preface)
    if "summary" in labelled:
        builder.metadata.summary = block_text(labelled["summary"])
    if "notes" in labelled:
        with builder.note("beginning"):
            render(labelled["notes"], builder)
    # Everything after the preface and before the afterword is the chapters. In an EPUB the
    # #chapters block may be split over several files, each piece in its own wrapper.
    body = root.find("body") or root
    # AO3's own markup has its classes; calibre's e-books have lost most of them.
    renamed = root.find(cls="meta") is None
    for element in body.elements:
        if element.id in ("preface", "afterword") or element.find(id="preface") is not None:
            continue
        if renamed and element.id == "chapters":
            read_renamed_chapters(element, builder)
        elif renamed and element.tag in _WORK_BLOCKS:
            render(element, builder)
        elif element.tag in _WORK_BLOCKS:
            read_chapters(element, builder)
    afterword = _joined(root.find_all(id="afterword"))
    end_notes = afterword.find(id="endnotes") or afterword
    labelled = labelled_blocks(end_notes)
    if "end notes" in labelled:
        with builder.note("end"):
            render(labelled["end notes"], builder)


def _joined(elements: list[Element]) -> Element:
    """One element holding the pieces of a wrapper that calibre split over files."""
    holder = Element("#joined", {})
    holder.children = list(elements)
    return holder


def read_metadata(preface: Element, metadata: Metadata) -> None:
    heading = preface.find("h1")
    message = preface.find("p", cls="message")
    bold = message.find("b") if message is not None else None
    metadata.title = (heading or bold).text() if (heading or bold) is not None else ""
    metadata.authors = _byline(preface, heading)
    link = next((a for a in preface.find_all("a") if "/works/" in a.attrs.get("href", "")), None)
    metadata.source_url = link.attrs["href"] if link is not None else ""
    tags = preface.find("dl", cls="tags") or preface.find("dl")
    if tags is not None:
        read_tags(tags, metadata)


def _byline(preface: Element, heading: Element | None) -> list[str]:
    authors = [a.text() for a in preface.find_all("a") if a.attrs.get("rel") == "author"]
    if authors:
        return authors
    byline = preface.find(cls="byline")
    if byline is None and heading is not None:
        # calibre renames .byline: it is the block right after the title that starts "by".
        siblings = heading.parent.elements if heading.parent is not None else []
        after = siblings[siblings.index(heading) + 1 :] if heading in siblings else []
        byline = next((e for e in after[:1] if e.text().startswith("by ")), None)
    if byline is None:
        return []
    return [a.text() for a in byline.find_all("a")] or [byline.text().removeprefix("by ").strip()]


def read_tags(tags: Element, metadata: Metadata) -> None:
    label = ""
    for element in tags.elements:
        if element.tag == "dt":
            label = element.text().rstrip(":").strip().lower()
        elif element.tag == "dd" and label:
            field = TAG_FIELDS.get(label) or TAG_FIELDS.get(label.removesuffix("s"))
            if not field:
                continue
            values = row_values(element)
            if field in ("rating", "language"):
                setattr(metadata, field, ", ".join(values))
            else:
                getattr(metadata, field).extend(values)


def row_values(row: Element) -> list[str]:
    """A `dd`'s values, read as AO3 writes them: comma-separated, each link together with the
    words around it. AO3 links tags bare ("<a>Naruto</a>, <a>Angst</a>") but a series with
    its position outside the link ("Part 2 of <a>Title</a>"), so keeping only link texts
    would lose the position; splitting the whole text at commas would split a linked title
    that holds one."""
    values: list[str] = []
    pending = ""  # text since the last link
    for piece in _texts_and_links(row):
        if isinstance(piece, str):
            pending += piece
            continue
        *between, prefix = pending.split(",")  # the piece after the last comma leads the link
        _add_unlinked(values, between)
        values.append(_spaced(f"{prefix} {piece.text()}"))
        pending = ""
    _add_unlinked(values, pending.split(","))
    return [v for v in values if v]


def _add_unlinked(values: list[str], pieces: list[str]) -> None:
    """Text between commas: the piece before the first comma ends the previous link's value
    ("<a>X</a> (y),"); the others are values of their own."""
    if values and pieces:
        values[-1] = _spaced(values[-1] + pieces.pop(0))
    values += [_spaced(p) for p in pieces if p.strip()]


def _texts_and_links(element: Element):
    """The row's text nodes and `a` elements in document order (links are not entered)."""
    for child in element.children:
        if isinstance(child, str) or child.tag == "a":
            yield child
        else:
            yield from _texts_and_links(child)


def _spaced(text: str) -> str:
    return " ".join(text.split())


def read_chapters(container: Element, builder: DocumentBuilder) -> None:
    """Walk a chapters block of AO3's markup in order: `div.meta` blocks open chapters and
    hold their notes, text blocks are the text; wrappers (#chapters itself, EPUB split
    files) are entered."""
    for element in container.elements:
        index = max(builder.chapter_count - 1, 0)
        classes = element.classes
        if "meta" in classes and element.id.startswith("endnotes"):
            _chapter_end_notes(element, builder, index)
        elif "meta" in classes:
            _read_chapter_meta(element, builder)
        elif element.tag == "h2" and "heading" in classes:
            builder.heading(element.text())
        elif _holds_chapters(element):
            read_chapters(element, builder)
        elif element.tag == "hr":
            builder.scene_break()
        elif element.tag in _TEXT_BLOCKS:
            render(element, builder)


def read_renamed_chapters(chapters: Element, builder: DocumentBuilder) -> None:
    """A piece of #chapters in calibre's output, classes renamed. AO3 writes each chapter's
    meta block, text block and end notes as direct children of #chapters, and calibre keeps
    that nesting: a child opening with an h2 (or holding AO3's chapter labels) is a meta
    block, `#endnotesN` the end notes, anything else text — never searched for headings."""
    for element in chapters.elements:
        index = max(builder.chapter_count - 1, 0)
        if element.id.startswith("endnotes"):
            _chapter_end_notes(element, builder, index)
        elif element.tag == "h2":
            builder.heading(element.text())
        elif _is_renamed_meta(element):
            _read_chapter_meta(element, builder)
        elif element.tag == "hr":
            builder.scene_break()
        elif element.tag in _TEXT_BLOCKS:
            render(element, builder)


def _chapter_end_notes(element: Element, builder: DocumentBuilder, index: int) -> None:
    with builder.note("end", chapter=index):
        for block in labelled_blocks(element).values():
            render(block, builder)


def _is_renamed_meta(element: Element) -> bool:
    """A chapter's meta block without its class: it opens with the chapter's h2, or holds
    "Chapter Notes" / "Chapter Summary" labels and their quotes."""
    children = element.elements
    if not children or element.tag not in ("div", "section"):
        return False
    if children[0].tag == "h2":
        return True
    labels = [c for c in children if c.tag == "p" and _label(c) in CHAPTER_LABELS]
    return bool(labels) and any(c.tag == "blockquote" for c in children)


def _read_chapter_meta(element: Element, builder: DocumentBuilder) -> None:
    """The heading, then each label's blockquote; anything else in the block is text (so a
    chapter text mistaken for a meta block loses nothing)."""
    heading = element.find("h2") or element.find(cls="heading")
    if heading is not None:
        builder.heading(heading.text())
    index = max(builder.chapter_count - 1, 0)
    label = ""
    for child in element.elements:
        if child is heading or child.tag == "h2":
            continue
        if child.tag == "p" and _label(child) in CHAPTER_LABELS:
            label = _label(child)
        elif child.tag == "blockquote" and label:
            if label.endswith("summary"):
                builder.metadata.chapter_summaries[index] = block_text(child)
            else:
                with builder.note("beginning", chapter=index):
                    render(child, builder)
            label = ""
        elif _is_aside(child):
            continue
        elif child.tag in _TEXT_BLOCKS:
            render(child, builder)


def _is_aside(element: Element) -> bool:
    """A chapter byline ("by X") or the "See the end of the chapter for notes" link."""
    text = element.text()
    return (
        "byline" in element.classes
        or "endnote-link" in element.classes
        or text.startswith("See the end of the")
        or (element.tag == "p" and text.startswith("by ") and len(text) < 200)
    )


def _label(element: Element) -> str:
    return element.text().rstrip(":").strip().lower()


def _holds_chapters(element: Element) -> bool:
    """A wrapper around chapter blocks (meta or userstuff children), not a chapter's text."""
    return element.id == "chapters" or any(
        "meta" in child.classes or "userstuff" in child.classes or child.id == "chapters"
        for child in element.elements
    )


def labelled_blocks(container: Element) -> dict[str, Element]:
    """AO3 writes a label paragraph ("Notes", "Summary") before each blockquote."""
    found: dict[str, Element] = {}
    label = ""
    for element in container.iter():
        if element.tag == "p" and not _inside_blockquote(element, container):
            label = _label(element)
        elif element.tag == "blockquote" and label and label not in found:
            found[label] = element
    return found


def _inside_blockquote(element: Element, container: Element) -> bool:
    node = element.parent
    while node is not None and node is not container:
        if node.tag == "blockquote":
            return True
        node = node.parent
    return False


def block_text(element: Element) -> str:
    paragraphs = [p.text() for p in element.find_all("p")]
    return "\n\n".join(p for p in paragraphs if p) or element.text()
