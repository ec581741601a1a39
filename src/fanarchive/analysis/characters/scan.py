"""Find every run of capitalised words in the story, with the context the cast rules need.

One compiled regex finds the runs; a run is then split into tokens (`Mr.`, `Kakashi-sensei`,
`Naruto's`, a particle such as `de`). Each token records its span without the possessive,
its honorific suffix, and whether it opens a sentence or sits inside a quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from fanarchive.analysis.characters.lexicon import (
    LOWER_WORD_RE,
    NAME_PARTICLES,
    RUN_RE,
    TOKEN_RE,
    split_honorific,
    strip_possessive,
    title_key,
)
from fanarchive.analysis.characters.names import given_names
from fanarchive.analysis.document import Document
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Quote
from fanarchive.analysis.text import word_trie_pattern

_OPENERS = " \t\"“‘'(*_[~—–"  # dashes: `— Tell me, Mulligan` opens a dialogue line
_QUOTE_MARKS = "\"“‘'"
_SENTENCE_ENDS = ".!?…:"
# `\b(?:[Hh]is|[Hh]er|[Oo]ur|[Tt]heir) `, opening on the letters (word_trie_pattern), which
# `re` skips to: a pattern opening on `\b` is tried at every character (2.3x the time).
_POSSESSIVE_RE = LazyPattern(
    word_trie_pattern(["His", "his", "Her", "her", "Our", "our", "Their", "their"]) + " "
)
_PARTICLES = frozenset(NAME_PARTICLES)


@dataclass(slots=True)
class Token:
    start: int
    end: int  # possessive excluded, honorific suffix included
    base: str  # the name word itself: `Kakashi` for `Kakashi-sensei's`
    honorific: str = ""
    title: str | None = None  # normalised title key when the token is one (`mr`)
    particle: bool = False
    possessive: bool = False


@dataclass(slots=True)
class Run:
    tokens: list[Token]
    initial: bool  # the first token opens a sentence (or a quotation)
    in_quote: bool


@dataclass
class Scan:
    """The capitalised runs of a story and lookups shared by later steps."""

    text: str
    runs: list[Run]
    quote_starts: list[int]
    quote_ends: list[int]
    lower_words: Counter[str]

    def __post_init__(self) -> None:
        self._quote_mask = _quote_mask(self.quote_starts, self.quote_ends, len(self.text))

    @cached_property
    def lower_word_count(self) -> int:
        """How many lower-case words the story holds: its length, as the cast rules weigh it."""
        return sum(self.lower_words.values())

    @cached_property
    def after_possessive(self) -> dict[str, list[tuple[int, int]]]:
        """Where a word follows `his`, `her`, `our` or `their`: (the possessive's start, the
        word's start) in text order, by the word's first three characters. A description
        whose possessed mentions are counted (unnamed.py) reads these, not the whole text."""
        found: dict[str, list[tuple[int, int]]] = {}
        text = self.text
        for match in _POSSESSIVE_RE.finditer(text):
            word = match.end()
            found.setdefault(text[word : word + 3], []).append((match.start(), word))
        return found

    def in_quote(self, offset: int) -> bool:
        # A look-up, not a bisect: the cast's rules ask this ~40,000 times of a long work.
        mask = self._quote_mask
        return 0 <= offset < len(mask) and mask[offset] == 1

    def next_quote_start(self, offset: int) -> int | None:
        """Where the first quotation at or after `offset` starts, if any."""
        i = bisect_left(self.quote_starts, offset)
        return self.quote_starts[i] if i < len(self.quote_starts) else None

    def quote_bounds(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self.quote_starts, offset) - 1
        if i >= 0 and offset < self.quote_ends[i]:
            return self.quote_starts[i], self.quote_ends[i]
        return None


def _quote_mask(starts: list[int], ends: list[int], length: int) -> bytes:
    """1 at each offset inside a quotation, as a bisect on `starts` reads it: the last
    quotation starting at or before the offset holds it when it ends after it."""
    mask = bytearray(max(length, max(ends, default=0)))
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        stop = min(end, starts[i + 1]) if i + 1 < len(starts) else end
        if stop > start:
            mask[start:stop] = b"\x01" * (stop - start)
    return bytes(mask)


def opens_sentence(text: str, offset: int) -> bool:
    """True when the word at `offset` starts a sentence, a paragraph or a quotation."""
    initials = (
        _INITIALS_BEFORE_RE.search(text, max(0, offset - 12), offset)
        if _may_follow_initials(text, offset)
        else None
    )
    if initials is not None:
        offset = initials.start()  # `J. W. Harcourt` opens a sentence where `J.` does
    i = offset - 1
    while i >= 0 and text[i] in _OPENERS:
        if text[i] in _QUOTE_MARKS:
            return _opens_after_quote(text, i)
        i -= 1
    newlines = 0
    while i >= 0 and text[i] in " \t\n":
        newlines += text[i] == "\n"
        i -= 1
    if i < 0 or newlines >= 2:
        return True
    return text[i] in _SENTENCE_ENDS or (newlines == 1 and text[i] in _QUOTE_MARKS + "”’")


# A person's initials (`J. W. Harcourt`, `Adam J. Patch`): a capital and a period, not `I.`
_INITIALS = r"(?:(?!I\.)[A-Z]\.[ \t]+){1,3}"
_INITIALS_BEFORE_RE = re.compile(rf"(?<![\w.]){_INITIALS}$")
_INITIALS_BETWEEN_RE = LazyPattern(rf"[ \t]+{_INITIALS}")


def _may_follow_initials(text: str, offset: int) -> bool:
    """What _INITIALS_BEFORE_RE needs right before `offset`: a capital, a period, then spaces
    or tabs (`$` also matches before a last line break). Most words fail it in a few steps,
    without a regex search."""
    end = offset - 1 if offset and text[offset - 1] == "\n" else offset
    i = end
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i < end and i >= 2 and text[i - 1] == "." and "A" <= text[i - 2] <= "Z"


def _opens_after_quote(text: str, i: int) -> bool:
    """A word after an opening quotation mark opens a sentence; after a closing one
    (`"I am," Darcy said`) only when the quotation ended one."""
    before = text[i - 1] if i > 0 else "\n"
    if before.isspace() or before in "(—-":
        return True
    return before in _SENTENCE_ENDS


def _token(match_text: str, start: int) -> Token:
    if match_text in _PARTICLES:
        return Token(start, start + len(match_text), match_text, particle=True)
    bare = strip_possessive(match_text)
    base, honorific = split_honorific(bare)
    return Token(
        start,
        start + len(bare),
        base,
        honorific,
        title=title_key(base) if not honorific else None,
        possessive=len(bare) != len(match_text),
    )


def _tokens(run_text: str, start: int, cache: dict[str, list[Token]]) -> list[Token]:
    """Tokens of a run; names recur, so each distinct run is tokenised once per story."""
    template = cache.get(run_text)
    if template is None:
        template = [_token(t.group(), t.start()) for t in TOKEN_RE.finditer(run_text)]
        while template and template[-1].particle:
            template.pop()
        cache[run_text] = template
    return [
        Token(
            start + t.start, start + t.end, t.base, t.honorific, t.title, t.particle, t.possessive
        )
        for t in template
    ]


def _after_double_hyphen(text: str, start: int) -> bool:
    return text[max(0, start - 2) : start] == "--"


def _named(token: Token) -> bool:
    """A title or a given name: after `--` (`friends--Terry O. Nicholson`), a capital that
    opens a clause (`--Such a thing!`) is no sign of a name otherwise."""
    return bool(token.title) or token.base.lower() in given_names()


def scan_story(document: Document, quotes: list[Quote]) -> Scan:
    text = document.text
    ordered = sorted(quotes, key=lambda q: q.start)
    starts, ends = [q.start for q in ordered], [q.end for q in ordered]
    scan = Scan(text, [], starts, ends, Counter())
    cache: dict[str, list[Token]] = {}
    quote = 0  # runs come in text order: walk the quotations alongside instead of searching
    # Chapter titles are title case (`Anne Says Her Prayers`, `Harry Finds Out`): no names
    # are read from them.
    headings = sorted((h.start, h.end) for h in document.headings)
    heading = 0
    for span in document.story_spans:
        scan.lower_words.update(LOWER_WORD_RE.findall(text, span.start, span.end))
        for run in RUN_RE.finditer(text, span.start, span.end):
            start = run.start()
            while heading < len(headings) and headings[heading][1] <= start:
                heading += 1
            if heading < len(headings) and headings[heading][0] <= start:
                continue
            tokens = _tokens(run.group(), start, cache)
            if not tokens or (_after_double_hyphen(text, start) and not _named(tokens[0])):
                continue
            while quote < len(starts) and ends[quote] <= start:
                quote += 1
            inside = quote < len(starts) and starts[quote] <= start
            if _after_initials(scan.runs, text, start, inside):
                scan.runs[-1].tokens += tokens  # `Adam J. Patch`: one name
                continue
            if "\n" in run.group():
                for part in _by_paragraph(tokens, paragraph_starts(document)):
                    scan.runs.append(Run(part, opens_sentence(text, part[0].start), inside))
                continue
            scan.runs.append(Run(tokens, opens_sentence(text, start), inside))
    return scan


def paragraph_starts(document: Document) -> frozenset[int]:
    starts = document.__dict__.get("_paragraph_starts")
    if starts is None:
        starts = document.__dict__["_paragraph_starts"] = frozenset(
            p.start for p in document.paragraphs
        )
    return starts


def _by_paragraph(tokens: list[Token], starts: frozenset[int]) -> list[list[Token]]:
    """A run cut where a paragraph starts: a line break inside a name is a hard-wrapped
    line's (`Elizabeth\\nBennet`), but not where the next line is a paragraph of its own
    (a chat's `bringing Jess` / `Dev: yes`)."""
    parts: list[list[Token]] = [[]]
    for token in tokens:
        # `Mrs.\\nHoneychurch`: a title ending its line is no paragraph's end, whatever
        # the line break looked like to the reader
        if token.start in starts and parts[-1] and not parts[-1][-1].title:
            parts.append([])
        parts[-1].append(token)
    return parts


def _after_initials(runs: list[Run], text: str, start: int, inside: bool) -> bool:
    """The run goes on a name that only a middle initial cuts off (`Adam J. Patch`,
    `Captain James K. Powell`)."""
    if not runs or runs[-1].in_quote != inside:
        return False
    last = runs[-1].tokens[-1]
    if last.possessive or last.particle or last.title:
        return False
    return (
        _may_follow_initials(text, start)  # what the regex's last initial needs, cheaply
        and _INITIALS_BETWEEN_RE.fullmatch(text, last.end, start) is not None
    )
