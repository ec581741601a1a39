"""Every user string goes through here before any format sees it.

HTML fields are cleaned by nh3 (Ammonia) with an allowlist of HTML5 elements that are valid in
EPUB 3 XHTML too (AO3's list minus the obsolete `center`, `big`, `tt`, `strike`, `acronym`, and
minus `img`: downloads work offline and never fetch remote images). Links keep only absolute
http(s) and mailto URLs. The result is re-serialised as well-formed XHTML (void elements closed,
only XML's five entities) so one fragment serves HTML, EPUB and PDF.
Plain fields (title, names, tags) lose any markup: AO3 allows none there either.
"""

from __future__ import annotations

import dataclasses
import html
import re
from html.parser import HTMLParser
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import nh3

from fanarchive.exports.nesting import limit_nesting
from fanarchive.exports.work import ExportChapter, ExportWork, SeriesPart

ALLOWED_TAGS = {
    "a", "abbr", "address", "b", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "ins", "kbd", "li", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s",
    "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul", "var",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
_ABSOLUTE_URL_RE = re.compile(r"^(?:https?://[^\s/]+|mailto:[^\s]+)", re.I)
_NUMBER_RE = re.compile(r"^\d{1,4}$")
VOID_ELEMENTS = {"br", "hr", "col"}
_SPACES_RE = re.compile(r"\s+")


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        # Relative links and fragments would point at files or ids the download lacks.
        return value if _ABSOLUTE_URL_RE.match(value.strip()) else None
    if attribute in {"colspan", "rowspan", "start"}:
        return value if _NUMBER_RE.match(value.strip()) else None
    return value


def clean_html(fragment: str) -> str:
    """Sanitise a user HTML fragment to safe, well-formed XHTML."""
    if not fragment or not fragment.strip():
        return ""
    safe = nh3.clean(
        limit_nesting(fragment).html,  # bounded depth: nh3's cost is depth times length
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_keep_attribute,
        link_rel=None,
        strip_comments=True,
    )
    return to_xhtml(safe).strip()


def clean_text(value: str) -> str:
    """A plain field (title, name, tag): markup removed, whitespace collapsed, unescaped."""
    if not value:
        return ""
    stripped = nh3.clean(limit_nesting(value).html, tags=set(), attributes={}, strip_comments=True)
    return _SPACES_RE.sub(" ", html.unescape(stripped)).strip()


def clean_tags(values: list[str]) -> list[str]:
    return [tag for tag in (clean_text(v) for v in values) if tag]


def clean_work(work: ExportWork) -> ExportWork:
    """A copy of `work` where every field is safe to render."""
    return dataclasses.replace(
        work,
        title=clean_text(work.title) or "Untitled Work",
        authors=clean_tags(work.authors),
        url=work.url if _ABSOLUTE_URL_RE.match(work.url or "") else "",
        identifier=clean_text(work.identifier),
        archive_name=clean_text(work.archive_name) or "fanarchive",
        rating=clean_text(work.rating),
        warnings=clean_tags(work.warnings),
        categories=clean_tags(work.categories),
        fandoms=clean_tags(work.fandoms),
        relationships=clean_tags(work.relationships),
        characters=clean_tags(work.characters),
        additional_tags=clean_tags(work.additional_tags),
        language=clean_text(work.language),
        summary=clean_html(work.summary),
        notes=clean_html(work.notes),
        end_notes=clean_html(work.end_notes),
        chapters=[_clean_chapter(c) for c in work.chapters] or [ExportChapter()],
        series=[
            SeriesPart(
                clean_text(s.title),
                int(s.position) if s.position else None,
                s.url if _ABSOLUTE_URL_RE.match(s.url or "") else "",
            )
            for s in work.series
        ],
    )


def _clean_chapter(chapter: ExportChapter) -> ExportChapter:
    return ExportChapter(
        title=clean_text(chapter.title),
        body=clean_html(chapter.body),
        summary=clean_html(chapter.summary),
        notes=clean_html(chapter.notes),
        end_notes=clean_html(chapter.end_notes),
    )


class _XhtmlWriter(HTMLParser):
    """Re-serialise already-sanitised HTML as XML: the parser decodes every entity (so
    `&nbsp;` becomes a character XML needs no declaration for) and void elements close."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        rendered = "".join(f" {name}={quoteattr(value or '')}" for name, value in attrs)
        self.out.append(f"<{tag}{rendered}{'/' if tag in VOID_ELEMENTS else ''}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.out.append(f"</{tag}>")

    def handle_endtag(self, tag):
        if tag not in VOID_ELEMENTS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(xml_escape(_strip_control(data)))


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _strip_control(text: str) -> str:
    """Characters XML 1.0 forbids (they would make the EPUB unreadable)."""
    return _CONTROL_RE.sub("", text)


def to_xhtml(safe_html: str) -> str:
    writer = _XhtmlWriter()
    writer.feed(safe_html)
    writer.close()
    return "".join(writer.out)


def escape(text: str) -> str:
    """Escape a plain string for XHTML text or a double-quoted attribute."""
    return xml_escape(_strip_control(text), {'"': "&quot;"})
