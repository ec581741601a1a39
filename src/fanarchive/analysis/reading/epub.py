"""EPUB works (AO3's and FanFicFare's among them), read in the OPF spine's order.

Each spine document's body is joined into one tree and read like HTML, so AO3's preface,
chapter and afterword markup is recognised as in its HTML download; a FanFicFare title page
("<b>Label:</b> value" lines) fills the metadata instead of the text. The OPF's Dublin Core
metadata fills whatever the pages did not say.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from fanarchive.analysis.document import Document, Metadata
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import fanficfare
from fanarchive.analysis.reading.decode import decode
from fanarchive.analysis.reading.dom import Element, parse_html
from fanarchive.analysis.reading.html import read_dom
from fanarchive.analysis.reading.zipped import Archive

CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
MAX_SPINE_ITEMS = 5000
MAX_PACKAGE_BYTES = 4 * 1024 * 1024  # container.xml and the .opf: a few KB in a real EPUB
# The pages' total unpacked size: the limit on any work file (reading.MAX_BYTES).
MAX_TEXT_BYTES = 20 * 1024 * 1024
# A table of contents or cover page repeats titles; calibre's "index_split_000.html" pages
# are the text, so "index" is skipped only as a whole name.
_SKIPPED_PAGE_RE = re.compile(
    r"(?:^|[/_\-])(?:toc|nav|cover|titlepage)(?:[._\-]|$)|^index\.x?html?$", re.I
)
_TAG_RE = re.compile(r"<[^>]+>")


def read_epub(data: bytes) -> Document:
    archive = Archive(data, "EPUB")
    opf_path = _opf_path(archive)
    opf = archive.xml(opf_path, MAX_PACKAGE_BYTES)
    base = posixpath.dirname(opf_path)
    opf_metadata = _opf_metadata(opf)
    page_metadata = Metadata()
    root = Element("#root", {})
    body = Element("body", {}, root)
    root.children.append(body)
    spine = _spine(opf, base)
    _refuse_oversized(archive, spine)
    for href in spine:
        page = parse_html(decode(archive.read(href)))
        page_body = page.find("body") or page
        if page_body.id == "calibre_generated_inline_toc":
            continue  # calibre's table of contents repeats the chapter titles
        # AO3's flattened preface (MOBI) has "Label:" lines too, but is no FanFicFare page.
        if "Posted originally on the" not in page_body.text() and fanficfare.read_title_page(
            page_body, page_metadata
        ):
            continue
        body.children.extend(page_body.children)
    document = read_dom(root, source_format="epub")
    _fill(document.metadata, page_metadata)
    _fill(document.metadata, opf_metadata)
    return document


def _refuse_oversized(archive: Archive, spine: list[str]) -> None:
    """The pages' total unpacked size, each page counted once per reference in the spine,
    measured from the zip's headers before any page is inflated or parsed: a small EPUB whose
    spine lists one big page a thousand times is refused at once."""
    total = 0
    for href in spine:
        total += archive.size(href)
        if total > MAX_TEXT_BYTES:
            raise ReadError(
                f"the EPUB's pages unpack to more than {MAX_TEXT_BYTES // 2**20} MB (a page listed "
                "several times in the spine counts each time); works that large are refused"
            )


def _opf_path(archive: Archive) -> str:
    container = archive.xml("META-INF/container.xml", MAX_PACKAGE_BYTES)
    rootfile = container.find(f".//{CONTAINER}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise ReadError("the EPUB's container.xml names no package (.opf) file")
    return rootfile.get("full-path")


def _spine(opf, base: str) -> list[str]:
    manifest = {
        item.get("id"): item
        for item in opf.iter(f"{OPF}item")
        if item.get("id") and item.get("href")
    }
    hrefs = []
    for itemref in opf.iter(f"{OPF}itemref"):
        item = manifest.get(itemref.get("idref"))
        if item is None or "nav" in (item.get("properties") or "").split():
            continue
        href = unquote(item.get("href"))
        if _SKIPPED_PAGE_RE.search(posixpath.basename(href)):
            continue  # a table of contents or cover repeats titles, it is not the work's text
        hrefs.append(posixpath.normpath(posixpath.join(base, href)) if base else href)
    if not hrefs:
        raise ReadError("the EPUB's spine lists no readable pages")
    if len(hrefs) > MAX_SPINE_ITEMS:
        raise ReadError(
            f"the EPUB's spine lists {len(hrefs)} pages; more than {MAX_SPINE_ITEMS} are refused"
        )
    return hrefs


def _opf_metadata(opf) -> Metadata:
    metadata = Metadata()
    meta = opf.find(f"{OPF}metadata")
    if meta is None:
        return metadata
    metadata.title = (meta.findtext(f"{DC}title") or "").strip()
    metadata.authors = [
        c.text.strip() for c in meta.iter(f"{DC}creator") if c.text and c.text.strip()
    ]
    metadata.language = (meta.findtext(f"{DC}language") or "").strip()
    description = meta.findtext(f"{DC}description") or ""
    metadata.summary = " ".join(_TAG_RE.sub(" ", description).split())
    metadata.additional_tags = [
        s.text.strip() for s in meta.iter(f"{DC}subject") if s.text and s.text.strip()
    ]
    return metadata


def _fill(metadata: Metadata, fallback: Metadata) -> None:
    """Take from `fallback` every field `metadata` left empty."""
    for name in (
        "title",
        "authors",
        "summary",
        "fandoms",
        "rating",
        "warnings",
        "categories",
        "relationships",
        "characters",
        "additional_tags",
        "language",
        "series",
        "source_url",
    ):
        if not getattr(metadata, name) and getattr(fallback, name):
            setattr(metadata, name, getattr(fallback, name))
