"""AO3's download HTML (and the same markup inside AO3's EPUBs).

Its layout (otwarchive app/views/downloads): a `#preface` with a message naming the title, a
`dl.tags` of tag groups (Rating, Archive Warning, Category, Fandom, Relationship, Character,
Additional Tags, Language, Series, Stats), the `h1` title, a `.byline`, and "Summary" / "Notes"
labels each followed by a `blockquote.userstuff`; then `#chapters` holding, per chapter, a
`div.meta.group` (an `h2.heading`, "Chapter Summary", "Chapter Notes"), the chapter's
`div.userstuff` and an optional `#endnotesN` ("Chapter End Notes"); then `#afterword` with the
work's "End Notes".
"""

from __future__ import annotations

from fanarchive.analysis.document import Metadata
from fanarchive.analysis.reading.builder import DocumentBuilder
from fanarchive.analysis.reading.dom import Element

# dt label (singular or plural) -> Metadata list field
TAG_FIELDS = {
    "rating": "rating",
    "archive warning": "warnings",
    "category": "categories",
    "fandom": "fandoms",
    "relationship": "relationships",
    "character": "characters",
    "additional tag": "additional_tags",
    "freeform": "additional_tags",
    "language": "language",
    "series": "series",
}


def is_ao3(root: Element) -> bool:
    return root.find(id="preface") is not None and (
        root.find(id="chapters") is not None or root.find("dl", cls="tags") is not None
    )


def read(root: Element, builder: DocumentBuilder) -> None:
    preface = root.find(id="preface")
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
    afterword = None
    for element in body.elements:
        if element.id == "afterword":
            afterword = element
        elif (
            element.id != "preface"
            and element.find(id="preface") is None
            and element.tag in ("div", "section", "p", "blockquote")
        ):
            read_chapters(element, builder)
    if afterword is None:
        afterword = root.find(id="afterword")
    end_notes = afterword and (afterword.find(id="endnotes") or afterword)
    if end_notes is not None:
        labelled = labelled_blocks(end_notes)
        if "end notes" in labelled:
            with builder.note("end"):
                render(labelled["end notes"], builder)


def read_metadata(preface: Element, metadata: Metadata) -> None:
    heading = preface.find("h1")
    message = preface.find("p", cls="message")
    bold = message.find("b") if message is not None else None
    metadata.title = (heading or bold).text() if (heading or bold) is not None else ""
    byline = preface.find(cls="byline")
    if byline is not None:
        links = byline.find_all("a")
        metadata.authors = [a.text() for a in links] or [byline.text().removeprefix("by ").strip()]
    if message is not None:
        link = next(
            (a for a in message.find_all("a") if "/works/" in a.attrs.get("href", "")), None
        )
        metadata.source_url = link.attrs["href"] if link is not None else ""
    tags = preface.find("dl", cls="tags")
    if tags is not None:
        read_tags(tags, metadata)


def read_tags(tags: Element, metadata: Metadata) -> None:
    label = ""
    for element in tags.elements:
        if element.tag == "dt":
            label = element.text().rstrip(":").strip().lower()
        elif element.tag == "dd" and label:
            field = TAG_FIELDS.get(label) or TAG_FIELDS.get(label.removesuffix("s"))
            if not field:
                continue
            values = [a.text() for a in element.find_all("a")] or [
                v.strip() for v in element.text().split(",") if v.strip()
            ]
            if field in ("rating", "language"):
                setattr(metadata, field, ", ".join(values))
            else:
                getattr(metadata, field).extend(values)


def read_chapters(container: Element, builder: DocumentBuilder) -> None:
    """Walk a chapters block in order: meta blocks open chapters and hold their notes,
    userstuff blocks are the text; wrappers (#chapters itself, EPUB split files) are entered."""
    for element in container.elements:
        classes = element.classes
        index = max(builder.chapter_count - 1, 0)
        if "meta" in classes and element.id.startswith("endnotes"):
            with builder.note("end", chapter=index):
                for block in labelled_blocks(element).values():
                    render(block, builder)
        elif "meta" in classes:
            _read_chapter_meta(element, builder)
        elif element.tag == "h2" and "heading" in classes:
            builder.heading(element.text())
        elif _holds_chapters(element):
            read_chapters(element, builder)
        elif element.tag == "hr":
            builder.scene_break()
        elif element.tag in ("div", "p", "blockquote", "section", "center", "ul", "ol", "pre"):
            render(element, builder)


def _read_chapter_meta(element: Element, builder: DocumentBuilder) -> None:
    heading = element.find("h2") or element.find(cls="heading")
    if heading is not None:
        builder.heading(heading.text())
    index = max(builder.chapter_count - 1, 0)
    labelled = labelled_blocks(element)
    if "chapter summary" in labelled:
        builder.metadata.chapter_summaries[index] = block_text(labelled["chapter summary"])
    if "chapter notes" in labelled:
        with builder.note("beginning", chapter=index):
            render(labelled["chapter notes"], builder)


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
            label = element.text().rstrip(":").strip().lower()
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


def render(element: Element, builder: DocumentBuilder) -> None:
    from fanarchive.analysis.reading.html import Renderer

    # Headings inside a chapter's text are part of the text, not chapter boundaries.
    Renderer(builder, on_heading=None).render(element)
