"""The one place user HTML is made safe: an nh3 allowlist close to AO3's.

Every piece of user text that is shown as HTML (work and chapter text, summaries, notes)
goes through `user_html`; templates mark only its output safe.
"""

from __future__ import annotations

import html
import re

import nh3

from fanarchive.exports.nesting import MAX_NESTING, limit_nesting

ALLOWED_TAGS = {
    "a", "abbr", "acronym", "address", "b", "big", "blockquote", "br", "caption", "center",
    "cite", "code", "col", "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p",
    "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
}  # fmt: skip
COMMON_ATTRIBUTES = {"align", "title", "dir", "lang"}
ALLOWED_ATTRIBUTES = {
    "*": COMMON_ATTRIBUTES,
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Elements whose content is dropped with them, not kept as text.
CLEAN_CONTENT_TAGS = {
    "script",
    "style",
    "title",
    "head",
    "template",
    "noscript",
    "iframe",
    "object",
}
HAS_BLOCKS_RE = re.compile(r"</?(?:p|br|div|h[1-6]|blockquote|hr|ul|ol|li|table|pre)\b", re.I)
BLANK_LINES_RE = re.compile(r"\n[ \t]*\n+")


def sanitize_html(markup: str) -> str:
    """Allowlisted HTML; everything else (scripts, handlers, styles, javascript: URLs) removed.
    Elements nested deeper than MAX_NESTING are flattened first (their text kept): nh3's cost
    grows with depth times length, and no story needs a hundred levels."""
    return nh3.clean(
        limit_nesting(markup or "").html,
        tags=ALLOWED_TAGS,
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    ).strip()


def text_to_html(text: str, escape: bool = True) -> str:
    """Text to paragraphs: blank lines separate paragraphs, single newlines are <br>."""
    normalised = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip() for p in BLANK_LINES_RE.split(normalised) if p.strip()]
    if escape:
        paragraphs = [html.escape(p) for p in paragraphs]
    return "\n".join("<p>" + p.replace("\n", "<br>\n") + "</p>" for p in paragraphs)


def user_html(text: str) -> str:
    """What an author typed or pasted as safe HTML. Markup with its own paragraphs is kept;
    otherwise blank lines make paragraphs, as AO3 does (inline tags like <em> survive)."""
    if HAS_BLOCKS_RE.search(text or ""):
        return sanitize_html(text)
    return sanitize_html(text_to_html(text, escape=False))


def too_deep(markup: str) -> bool:
    """Whether `sanitize_html` will flatten some of this markup (to tell the author)."""
    return limit_nesting(markup or "").dropped_tags > 0


DEEP_MARKUP_FLATTENED = (
    f"Some HTML was nested more than {MAX_NESTING} levels deep: the deepest tags were removed "
    "and all of their text kept."
)


def html_to_plain(markup: str) -> str:
    """Readable plain text of sanitised HTML (for word counts and the analysis)."""
    from fanarchive.analysis.reading import html_to_text

    return html_to_text(markup or "") if (markup or "").strip() else ""
