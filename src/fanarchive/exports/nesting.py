"""Bounding the cost of HTML before a sanitiser sees it: one linear pass that caps nesting depth.

Why: html5ever (inside nh3) checks "is there a <p> in scope?" by walking the stack of open
elements, so every block tag costs as much as the current depth. 80,000 nested <div>s (400 KB)
took ~10 s per `nh3.clean`. Formatting elements with distinct attributes (<b title=1><b
title=2>...) do the same through html5ever's list of active formatting elements.

`limit_nesting` tokenises the markup once (each search for a delimiter remembers its answer, so
no byte is scanned twice by the same search) and writes it back in a canonical form: every tag
it recognises is re-serialised with quoted, escaped attributes, every other `<` becomes `&lt;`,
comments and declarations are dropped (both sanitisers strip them). A sanitiser reading the
result therefore sees exactly the tags counted here. Start tags that would open an element
deeper than `max_depth` are left out, with their matching end tags; the text inside them is
always kept. The depth counted is never less than the depth a browser's tree builder reaches:
elements closed implicitly get explicit end tags (html5ever would reopen formatting elements
closed implicitly, past any count), and only the common implied end tags are modelled (<p>,
<li>, <dt>/<dd>, table cells and rows, <option>): others are counted as still open. html5ever
adds an implied <tbody> to each table, so its tree can be a third deeper than counted here.
Misnested formatting (<i>a <b>b</i> c</b>) closes at the first end tag: " c" is not bold.

This is not a sanitiser: its output still goes through nh3.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

MAX_NESTING = 100
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen",
}  # fmt: skip
CLOSES_P = {
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "listing", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "ul", "xmp",
}  # fmt: skip
# A start tag closes an open sibling of its family (up to the nearest barrier).
SIBLINGS = {
    "li": ({"li"}, {"ul", "ol", "menu", "table"}),
    "dt": ({"dt", "dd"}, {"dl", "table"}),
    "dd": ({"dt", "dd"}, {"dl", "table"}),
    "option": ({"option"}, {"select", "datalist"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
}

# Elements whose content a browser reads as text, not markup (noscript: with scripting on).
RAW_TEXT = {
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea",
    "title", "plaintext",
}  # fmt: skip
HIDDEN_CONTENT = {"script", "style", "noscript", "iframe", "noembed", "noframes"}
BLOCKS = CLOSES_P | set(SIBLINGS) | {"caption", "tbody", "thead", "tfoot", "body", "html"}

_BREAK = "<br>"
_TAG_NAME_RE = re.compile(r"[^\t\n\f\r />]*")
_SPACE_RE = re.compile(r"[\t\n\f\r /]*")
_ATTR_NAME_RE = re.compile(r"[^\t\n\f\r />][^\t\n\f\r />=]*")
_EQUALS_RE = re.compile(r"[\t\n\f\r ]*=[\t\n\f\r ]*")
_UNQUOTED_RE = re.compile(r"[^\t\n\f\r >]*")


@dataclass
class Limited:
    html: str
    dropped_tags: int  # start tags left out because they nested too deep
    max_depth: int  # the deepest nesting counted in the output


class _Finder:
    """str.find that remembers its last answer per needle: positions only move forward, so
    a search never rescans text an earlier search of the same needle already passed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.memo: dict[str, tuple[int, int]] = {}

    def find(self, needle: str, start: int) -> int:
        last = self.memo.get(needle)
        if last is not None and last[0] <= start and (last[1] == -1 or start <= last[1]):
            return last[1]
        found = self.text.find(needle, start)
        self.memo[needle] = (start, found)
        return found


def _escape_attribute(value: str) -> str:
    """For a double-quoted value. `&` is left alone: the value's entities stay as written."""
    return value.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


class _Limiter:
    def __init__(self, markup: str, max_depth: int) -> None:
        self.text = markup
        self.finder = _Finder(markup)
        self.max_depth = max_depth
        self.out: list[str] = []
        self.stack: list[str] = []  # the names of the open elements
        self.open_names: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()  # start tags left out, by name
        self.dropped = 0
        self.deepest = 0

    # --- tokenising -------------------------------------------------------------------------
    def run(self) -> Limited:
        text, pos = self.text, 0
        while True:
            lt = self.finder.find("<", pos)
            if lt == -1:
                self.out.append(text[pos:])
                break
            if lt > pos:
                self.out.append(text[pos:lt])
            pos = self._markup_at(lt)
        self.close_all()
        return Limited("".join(self.out), self.dropped, self.deepest)

    def _markup_at(self, lt: int) -> int:
        """Handle the markup starting at `lt`; returns where the text resumes."""
        text = self.text
        following = text[lt + 1 : lt + 2]
        # Comments and declarations are dropped; one never closed hides the rest, as in a
        # browser (the author's own preview shows nothing of it either).
        if text.startswith("<!--", lt):
            end = self.finder.find("-->", lt + 4)
            return len(text) if end == -1 else end + 3
        if following in ("!", "?") or (following == "/" and not _is_letter(text, lt + 2)):
            end = self.finder.find(">", lt + 1)
            return len(text) if end == -1 else end + 1
        closing = following == "/"
        name_start = lt + 2 if closing else lt + 1
        if not _is_letter(text, name_start):
            self.out.append("&lt;")
            return lt + 1
        tag = self._read_tag(name_start)
        if tag is None:
            return self._rest_as_text(lt)
        name, attributes, end = tag
        if closing:
            self._end_tag(name)
            return end
        kept = self._start_tag(name, attributes)
        if name in RAW_TEXT:
            return self._raw_text(name, end, kept)
        return end

    def _raw_text(self, name: str, start: int, kept: bool) -> int:
        """A script, style, textarea, noscript...: its content is text up to its own end tag,
        as a browser reads it, written with `<` escaped; searched once, so linear. The code
        of a script or style left out for its depth goes with it (never shown as text)."""
        found = _raw_end_re(name).search(self.text, start)
        stop = found.start() if found else len(self.text)
        if kept or name not in HIDDEN_CONTENT:
            self.out.append(self.text[start:stop].replace("<", "&lt;"))
        self._end_tag(name)
        if not found:
            return stop
        close = self.finder.find(">", found.end() - 1)
        return len(self.text) if close == -1 else close + 1

    def _rest_as_text(self, lt: int) -> int:
        """A tag never closed: a browser would swallow the rest of the text into it. Keep the
        rest as visible text instead (and never rescan it: linear)."""
        self.out.append(self.text[lt:].replace("<", "&lt;"))
        return len(self.text)

    def _read_tag(self, pos: int):
        """(name, attributes, end) of the tag whose name starts at `pos`; None when the text
        ends inside it."""
        text = self.text
        name_end = _TAG_NAME_RE.match(text, pos).end()
        name = text[pos:name_end].lower()
        attributes: dict[str, str] = {}
        pos = name_end
        while True:
            pos = _SPACE_RE.match(text, pos).end()
            if pos >= len(text):
                return None
            if text[pos] == ">":
                return name, attributes, pos + 1
            attr_end = _ATTR_NAME_RE.match(text, pos).end()
            attr = text[pos:attr_end].lower()
            pos = attr_end
            value = ""
            equals = _EQUALS_RE.match(text, pos)
            if equals:
                pos = equals.end()
                quote = text[pos : pos + 1]
                if quote in ('"', "'"):
                    close = self.finder.find(quote, pos + 1)
                    if close == -1:
                        return None
                    value, pos = text[pos + 1 : close], close + 1
                else:
                    value_end = _UNQUOTED_RE.match(text, pos).end()
                    value, pos = text[pos:value_end], value_end
            attributes.setdefault(attr, value)

    # --- the model of open elements ------------------------------------------------------------
    def _start_tag(self, name: str, attributes: dict[str, str]) -> bool:
        """Write the start tag out unless it would nest too deep; whether it was written."""
        if name in CLOSES_P and self.open_names["p"]:
            self._pop_to("p", barriers=CLOSES_P - {"p"})
        if name in SIBLINGS:
            family, barriers = SIBLINGS[name]
            for sibling in family:
                if self.open_names[sibling] and self._pop_to(sibling, barriers):
                    break
        # "<div/>" opens a div all the same: HTML ignores the slash on non-void elements.
        opens = name not in VOID
        if opens and len(self.stack) >= self.max_depth:
            self.skipped[name] += 1
            self.dropped += 1
            self._keep_apart(name)
            return False
        rendered = "".join(f' {k}="{_escape_attribute(v)}"' for k, v in attributes.items())
        self.out.append(f"<{name}{rendered}>")
        if opens:
            self.stack.append(name)
            self.open_names[name] += 1
            self.deepest = max(self.deepest, len(self.stack))
        return True

    def _end_tag(self, name: str) -> None:
        if self.skipped[name]:
            self.skipped[name] -= 1  # closes a start tag that was left out
            self._keep_apart(name)
        elif self.open_names[name]:
            self._pop_to(name, barriers=set())
        elif name == "br":
            self.out.append("<br>")  # browsers read </br> as <br>
        # Any other end tag closes nothing: dropped.

    def _keep_apart(self, name: str) -> None:
        """A block left out still separates its text from the next (a void <br> adds no
        depth), so flattened paragraphs do not run into one word."""
        if name in BLOCKS and self.out and self.out[-1] != _BREAK:
            self.out.append(_BREAK)  # one break between two texts, however many blocks

    def _pop_to(self, name: str, barriers: set[str]) -> bool:
        """Close the open elements down to the innermost `name` unless a barrier comes first,
        writing every end tag out: elements closed only implicitly would be reopened by the
        sanitiser's tree builder (formatting elements are), beyond what is counted here. The
        stack never holds more than `max_depth` elements, so the scan is bounded."""
        for index in range(len(self.stack) - 1, -1, -1):
            open_name = self.stack[index]
            if open_name == name:
                for popped in reversed(self.stack[index:]):
                    self.open_names[popped] -= 1
                    self.out.append(f"</{popped}>")
                del self.stack[index:]
                return True
            if open_name in barriers:
                return False
        return False

    def close_all(self) -> None:
        self.out.extend(f"</{name}>" for name in reversed(self.stack))
        self.stack.clear()


@functools.cache
def _raw_end_re(name: str) -> re.Pattern:
    return re.compile(rf"</{re.escape(name)}[\t\n\f\r />]", re.I)


def _is_letter(text: str, pos: int) -> bool:
    char = text[pos : pos + 1]
    return char.isascii() and char.isalpha()


def limit_nesting(markup: str, max_depth: int = MAX_NESTING) -> Limited:
    """`markup` in canonical form with no element nested deeper than `max_depth`; all text
    kept. Linear in the length of `markup`."""
    if not markup or "<" not in markup:
        return Limited(markup or "", 0, 0)
    return _Limiter(markup, max_depth).run()
