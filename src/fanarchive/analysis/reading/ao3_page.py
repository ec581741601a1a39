"""A saved AO3 work page: the whole HTML page of archiveofourown.org/works/N (any view).

Its layout (otwarchive app/views/works/show and chapters/_chapter): a `dl.work.meta` of tag
groups (the same labels as the download's preface) above `div#workskin`, which holds the work's
`.preface` (`h2.title`, `h3.byline`, `.summary` and `.notes` modules with a
`blockquote.userstuff` each), then `#chapters` with one `div.chapter` per chapter — its own
`.preface` (`h3.title`, `.summary`, `.notes`), the text in `div.userstuff` (after an
`h3.landmark` "Chapter Text" heading), and an `.end.notes` module — and an `.afterword` with
the work's end notes. Navigation, kudos and comments around #workskin are not the work.
"""

from __future__ import annotations

import re

from fanarchive.analysis.reading import ao3
from fanarchive.analysis.reading.builder import DocumentBuilder
from fanarchive.analysis.reading.dom import Element
from fanarchive.analysis.reading.render import render

AO3_SITE = "https://archiveofourown.org"
_WORK_LINK_RE = re.compile(
    r"^(?P<site>https?://[^/]+)?(?P<path>/works/\d+)(?:/chapters/\d+)?(?:[#?]|$)"
)


def detect(root: Element) -> bool:
    return root.find(id="workskin") is not None


def read(root: Element, builder: DocumentBuilder) -> None:
    skin = root.find(id="workskin")
    meta = next((dl for dl in root.find_all("dl", cls="work") if "meta" in dl.classes), None)
    if meta is not None:
        ao3.read_tags(meta, builder.metadata)
    preface = next(
        (e for e in skin.elements if "preface" in e.classes and "chapter" not in e.classes), None
    )
    if preface is not None:
        _read_preface(preface, builder)
    chapters = skin.find(id="chapters")
    if chapters is not None:
        for element in chapters.elements:
            if "chapter" in element.classes:
                _read_chapter(element, builder)
            elif "userstuff" in element.classes:
                _render_text(element, builder)
    afterword = next((e for e in skin.elements if "afterword" in e.classes), None)
    end_notes = afterword.find(id="work_endnotes") if afterword is not None else None
    if end_notes is not None:
        _note(end_notes, builder, "end", None)
    if not builder.metadata.title:
        title = root.find("title")
        builder.metadata.title = title.text().split(" - ")[0].strip() if title else ""
    builder.metadata.source_url = builder.metadata.source_url or _work_url(skin)


def _work_url(skin: Element) -> str:
    """The work's address, from its own links (chapter titles link to /works/N/chapters/M;
    a page saved by a browser has them absolute, AO3 writes them relative)."""
    for link in skin.find_all("a"):
        match = _WORK_LINK_RE.search(link.attrs.get("href", ""))
        if match:
            return (match.group("site") or AO3_SITE) + match.group("path")
    return ""


def _read_preface(preface: Element, builder: DocumentBuilder) -> None:
    metadata = builder.metadata
    title = preface.find(cls="title")
    metadata.title = title.text() if title is not None else ""
    byline = preface.find(cls="byline")
    if byline is not None:
        links = [a for a in byline.find_all("a") if a.attrs.get("rel") == "author"]
        metadata.authors = [a.text() for a in links] or [byline.text()]
    summary = preface.find(cls="summary")
    quote = summary.find("blockquote") if summary is not None else None
    if quote is not None:
        metadata.summary = ao3.block_text(quote)
    notes = preface.find(cls="notes")
    if notes is not None:
        _note(notes, builder, "beginning", None)


def _read_chapter(chapter: Element, builder: DocumentBuilder) -> None:
    for element in chapter.elements:
        if "preface" in element.classes:
            end = next((e for e in element.iter() if {"end", "notes"} <= e.classes), None)
            if end is not None:
                _note(end, builder, "end", max(builder.chapter_count - 1, 0))
            else:
                _read_chapter_preface(element, builder)
        elif "userstuff" in element.classes:
            _render_text(element, builder)


def _read_chapter_preface(preface: Element, builder: DocumentBuilder) -> None:
    title = preface.find(cls="title")
    if title is not None:
        builder.heading(title.text())
    index = max(builder.chapter_count - 1, 0)
    summary = preface.find(cls="summary")
    quote = summary.find("blockquote") if summary is not None else None
    if quote is not None:
        builder.metadata.chapter_summaries[index] = ao3.block_text(quote)
    notes = preface.find(cls="notes")
    if notes is not None:
        _note(notes, builder, "beginning", index)


def _note(module: Element, builder: DocumentBuilder, position: str, chapter: int | None) -> None:
    quote = module.find("blockquote")
    if quote is not None:
        with builder.note(position, chapter=chapter):
            render(quote, builder)


def _render_text(userstuff: Element, builder: DocumentBuilder) -> None:
    """The chapter's text, without the hidden "Chapter Text" / "Work Text:" landmark."""
    holder = Element("div", {})
    holder.children = [
        c for c in userstuff.children if not (isinstance(c, Element) and "landmark" in c.classes)
    ]
    render(holder, builder)
