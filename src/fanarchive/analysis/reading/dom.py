"""A small, forgiving HTML tree built on the standard library's tokenizer.

Fan fiction HTML is often malformed (unclosed <p>, stray end tags, <font> soup). The tree
closes what browsers would close, ignores end tags with no open element, never nests deeper
than MAX_DEPTH, and drops script, style and other non-text content entirely: their text is
never kept and nothing is ever executed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    ]
)
DROPPED = frozenset(
    [
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
    ]
)
BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "body",
        "html",
        "caption",
    ]
)
CLOSES_P = BLOCK - {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "body", "html"}
# Starting one of these closes an open element of the same family, as browsers do.
_SIBLING_FAMILIES = {
    "li": ("li",),
    "dt": ("dt", "dd"),
    "dd": ("dt", "dd"),
    "tr": ("tr",),
    "td": ("td", "th"),
    "th": ("td", "th"),
    "option": ("option",),
}
_FAMILY_BARRIERS = frozenset(
    ["ul", "ol", "dl", "table", "tbody", "thead", "div", "blockquote", "body"]
)
MAX_DEPTH = 200
_SPACE_RE = re.compile(r"[ \t\n\r\f\u00a0\u200b]+")


class Element:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None = None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Element | str] = []
        self.parent = parent

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def id(self) -> str:
        return self.attrs.get("id", "")

    @property
    def elements(self) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)]

    def iter(self) -> Iterator[Element]:
        """Every element below this one, in document order."""
        stack = list(reversed(self.elements))
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed(element.elements))

    def find_all(self, tag: str | None = None, cls: str | None = None, id: str | None = None):
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag)
            and (cls is None or cls in e.classes)
            and (id is None or e.id == id)
        ]

    def find(self, tag: str | None = None, cls: str | None = None, id: str | None = None):
        found = self.find_all(tag, cls, id)
        return found[0] if found else None

    def text(self) -> str:
        """All text below this element on one line, whitespace collapsed."""
        parts: list[str] = []
        stack: list[Element | str] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                parts.append(node)
            else:
                if node.tag == "br":
                    parts.append(" ")
                stack.extend(reversed(node.children))
        return _SPACE_RE.sub(" ", "".join(parts)).strip()


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]
        self.dropping = 0  # depth inside script/style/... whose content is thrown away

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping:
            if tag in DROPPED and tag not in ("script", "style"):
                self.dropping += 1
            return
        if tag in DROPPED:
            if tag not in VOID:
                self.dropping = 1
            return
        self._close_implied(tag)
        element = Element(tag, {k: (v or "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <hr/>, and self-closed XHTML elements such as <a name="x"/>.
        if self.dropping or tag in DROPPED:
            return
        self._close_implied(tag)
        self.stack[-1].children.append(
            Element(tag, {k: (v or "") for k, v in attrs}, self.stack[-1])
        )

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag in DROPPED:
                self.dropping -= 1
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
            if tag == "p" and self.stack[depth].tag in CLOSES_P:
                return  # a stray </p> never closes the block around it

    def handle_data(self, data: str) -> None:
        if not self.dropping and data:
            self.stack[-1].children.append(data)

    def _close_implied(self, tag: str) -> None:
        if tag in CLOSES_P:
            self._close_open("p", ("p",))
        family = _SIBLING_FAMILIES.get(tag)
        if family:
            self._close_open(tag, family)

    def _close_open(self, tag: str, family: tuple[str, ...]) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[depth].tag
            if open_tag in family:
                del self.stack[depth:]
                return
            if open_tag in _FAMILY_BARRIERS or tag == "p" and open_tag in BLOCK:
                return


def parse_html(markup: str) -> Element:
    builder = _TreeBuilder()
    try:
        builder.feed(markup)
        builder.close()
    except (AssertionError, ValueError):
        # The tokenizer gives up on some hopeless input; keep what was built so far.
        pass
    return builder.root


def collapse_spaces(text: str) -> str:
    return _SPACE_RE.sub(" ", text)
