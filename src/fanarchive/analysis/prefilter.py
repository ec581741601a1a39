"""A regex's first match, found faster through the literal words its matches must start with.

A pattern like `\\b(?:blood\\w*|bruis\\w*|...)|\\b(?:would|could) (?:hurt|...)` is tried
alternative by alternative at every position of the text, which in `re` costs far more than
one trie of the words its alternatives open with (one branch per letter). `Prefiltered`
derives that trie from the parsed pattern; the real pattern is then tried only where the
trie matches, in text order, so the first position it matches at is the one `search` finds,
with the same match (the same string, the same look-behind context). A pattern whose
matches may start with anything (an alternative opening on `\\w+`) is searched as it is.
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]

from fanarchive.analysis.tablecache import cache_key, cached

_Items = list[tuple[object, object]]


class Prefiltered:
    """`regex.search(text)` (whole string), tried only where the trie of its opening
    literal words matches."""

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex

    @cached_property
    def candidates(self) -> re.Pattern[str] | None:
        # Derived at the first search, not at import: a process that never analyses a
        # text does not pay for it.
        return _opening_trie(self.regex)

    @cached_property
    def openings(self) -> tuple[str, ...] | None:
        """The literal strings one of which opens every match, none opening with another
        (`blow` covers `blows`); None when nothing narrows them or case is ignored."""
        if self.regex.flags & re.IGNORECASE:
            return None
        parsed = _parsed_openings(self.regex.pattern, self.regex.flags)
        if parsed is None:
            return None
        shortest: list[str] = []
        for opening in sorted(parsed[1], key=len):
            if not opening.startswith(tuple(shortest)):
                shortest.append(opening)
        return tuple(sorted(shortest))

    def opening_starts(self, text: str) -> list[int] | None:
        """Every offset of `text` where one of the openings stands, ascending (repeats
        possible); None when the pattern has no openings. A match of the pattern in `text`
        or in any slice of it starts at one of them: a few literal `find`s tell which
        sentences of a work to search, where searching each costs a pass over it."""
        openings = self.openings
        if openings is None:
            return None
        found: list[int] = []
        for opening in openings:
            at = text.find(opening)
            while at != -1:
                found.append(at)
                at = text.find(opening, at + 1)
        found.sort()
        return found

    def search(self, text: str) -> re.Match[str] | None:
        if self.candidates is None:
            return self.regex.search(text)
        match_at, candidates = self.regex.match, self.candidates.search
        position = 0
        while (candidate := candidates(text, position)) is not None:
            start = candidate.start()
            found = match_at(text, start)
            if found is not None:
                return found
            position = start + 1
        return None


def finditer_at(
    regex: re.Pattern[str], text: str, starts: Iterable[int], endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """`regex.finditer(text, 0, endpos)`, the pattern tried only at `starts`: ascending
    offsets among which is every position a match may start at. A pattern that `re` must try
    at every character (one opening on a look-around or `\\b`) costs that at each of them;
    where a cheap pattern with a literal or a class first finds the few places it may start,
    this is the same matches for a fraction. As `finditer`, the next match is looked for
    from the end of the last one; `regex` must not match the empty string."""
    match_at, last = regex.match, len(text) if endpos is None else endpos
    end = 0
    for start in starts:
        if start >= end and (found := match_at(text, start, last)) is not None:
            yield found
            end = found.end()


def _opening_trie(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching at every position `regex` may match at (a superset), or None
    when no literal opening narrows them."""
    parsed = _parsed_openings(regex.pattern, regex.flags)
    if parsed is None:
        return None
    tree, openings = parsed
    boundary = r"\b" if _opens_on_boundary(list(tree.data)) else ""
    return re.compile(boundary + _trie(openings), regex.flags & re.IGNORECASE)


def _opens_on_boundary(items: _Items) -> bool:
    """Whether every match starts at a word boundary (`\\b` opens every alternative)."""
    if not items:
        return False
    op, value = items[0]
    if op is sre.AT:
        return value is sre.AT_BOUNDARY
    if op is sre.SUBPATTERN and not value[1] and not value[2]:
        return _opens_on_boundary(list(value[3].data))
    if op is sre.BRANCH:
        return all(_opens_on_boundary(list(branch.data)) for branch in value[1])
    return False


def _prefixes(items: _Items) -> set[str] | None:
    """The literal strings one of which every match of the sequence starts with; the set
    holds "" when a match may start with anything else; None when unknown."""
    found = {""}
    for op, value in items:
        if op is sre.AT:
            continue  # zero-width: the letters around it are still literal
        if op is sre.LITERAL:
            found = {f + chr(value) for f in found}
            continue
        if op is sre.SUBPATTERN and not value[1] and not value[2]:  # no local flags
            inner = _prefixes(list(value[3].data))
        elif op is sre.BRANCH:
            inner = set()
            for branch in value[1]:
                opening = _prefixes(list(branch.data))
                if opening is None:
                    return None
                inner |= opening
        else:
            return found  # a class, a repeat, a look-around: the prefix stops here
        if inner is None:
            return None
        # A prefix is all that is needed: what follows the group is not read.
        return {f + i for f in found for i in inner}
    return found


def _trie(words: set[str]) -> str:
    """One regex branch per letter: `re` tries a few, not every word."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here: any continuation is also a match's opening
    return _emit(root)


def _emit(node: dict) -> str:
    if "" in node:
        return ""  # a shorter word already opens every longer one
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def literal_openings(pattern: str, flags: int = 0) -> list[str] | None:
    """The lower-cased ASCII strings one of which opens every match of `pattern` (compiled
    with `flags`), for a test on an ASCII string; None when nothing narrows them (an
    opening on a class, flags other than IGNORECASE, a letter outside ASCII, which
    IGNORECASE may match with an ASCII one: `ſ` and `s`)."""
    parsed = _parsed_openings(pattern, flags)
    if parsed is None or not all(o.isascii() for o in parsed[1]):
        return None
    return sorted({o.lower() for o in parsed[1]})


def _parsed_openings(pattern: str, flags: int):
    """The parsed pattern and the literal strings one of which opens each of its matches;
    None when a match may open on anything, or under flags other than IGNORECASE
    (multi-line, dot-all, verbose, locale, ASCII: not worth reasoning about)."""
    tree = parser.parse(pattern, flags)
    if tree.state.flags & ~(re.IGNORECASE | re.UNICODE):
        return None
    openings = _prefixes(list(tree.data))
    if not openings or "" in openings:
        return None
    return tree, openings


def openings_of(patterns: list[str], flags: int = 0) -> list[list[str] | None]:
    """`literal_openings` of each pattern, read from the disk cache when this code derived
    them before (parsing the patterns costs half of compiling them)."""
    key = cache_key(f"openings{flags}", (), (_SOURCE, marshal.dumps(list(patterns))))
    return cached(
        key,
        lambda: [literal_openings(p, flags) for p in patterns],
        lambda value: _looks_like_openings(value, len(patterns)),
    )


def _looks_like_openings(value: object, count: int) -> bool:
    return (
        isinstance(value, list)
        and len(value) == count
        and all(
            v is None or (isinstance(v, list) and all(isinstance(s, str) for s in v)) for v in value
        )
    )


_SOURCE = Path(__file__).read_bytes()
