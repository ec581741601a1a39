"""Discover characters no pack knows: capitalised names that recur, speak, are addressed.

A candidate *form* is a title (optional) plus name words, cut out of a capitalised run once
pack matches, function words and fandom terms are removed. Each occurrence is scored for
evidence that it names a person (a speech verb beside it, a vocative in a quotation, a
title) or a place (`in London`, `at Netherfield`); forms are then kept by simple rules.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from fanarchive.analysis.characters.lexicon import (
    NOT_NAMES,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    SPEECH_VERBS,
    given_names,
)
from fanarchive.analysis.characters.scan import Run, Scan, Token

_PREV_WORDS_RE = re.compile(r"([A-Za-z'’]+)\W*?\s+([A-Za-z'’]+)[\s,]*$")
_NEXT_WORD_RE = re.compile(r"^[\s,]*(?:['’]s\s+)?([A-Za-z'’]+)")
_LOOK_VERBS = frozenset(["look", "looks", "looked", "looking", "stare", "stared", "staring", "glance", "glanced", "glancing", "smile", "smiled", "smiling", "laugh", "laughed", "laughing", "grin", "grinned", "point", "pointed", "wink", "winked", "aim", "aimed", "frown", "frowned", "gaze", "gazed", "peer", "peered"])
_MOTION_VERBS = frozenset(["go", "goes", "went", "gone", "going", "come", "came", "coming", "return", "returned", "returning", "travel", "travelled", "traveled", "move", "moved", "back", "way", "journey", "trip", "drive", "drove", "ride", "rode", "walk", "walked", "sail", "sailed"])
_VOCATIVE_AFTER = ",!?.…-—"


@dataclass(slots=True)
class Occurrence:
    start: int
    end: int
    title: str | None
    names: tuple[str, ...]
    initial: bool
    in_quote: bool
    speech: bool = False
    vocative: bool = False
    place: bool = False
    generic: bool = False  # after `the`: `the Crown`, `the Campbells`


@dataclass
class Form:
    """One surface form of a candidate name (`Mr. Darcy`, `Elizabeth Bennet`, `Lizzy`)."""

    title: str | None
    names: tuple[str, ...]
    occurrences: list[Occurrence] = field(default_factory=list)
    surfaces: Counter[str] = field(default_factory=Counter)

    @property
    def key(self) -> tuple[str | None, tuple[str, ...]]:
        return self.title, self.names

    @property
    def count(self) -> int:
        return len(self.occurrences)

    def tally(self, attribute: str) -> int:
        return sum(1 for o in self.occurrences if getattr(o, attribute))

    @property
    def display(self) -> str:
        return self.surfaces.most_common(1)[0][0]


def _is_name_word(token: Token, terms: frozenset[str]) -> bool:
    return (
        not token.particle
        and token.base.lower() not in NOT_NAMES
        and token.base not in terms
        and len(token.base) > 1
    )


def _segments(run: Run, skip: set[int], terms: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges of the run that may be one name each (title kept, stopwords cut)."""
    segments, begin = [], None
    tokens = run.tokens
    for i, token in enumerate([*tokens, None]):
        name_like = token is not None and i not in skip and (
            _is_name_word(token, terms) or token.title or (token.particle and begin is not None)
        )
        if name_like and token.title and begin is not None and i > begin:
            segments.append((begin, i))
            begin = i
        elif name_like and begin is None:
            begin = i
        elif not name_like and begin is not None:
            segments.append((begin, i))
            begin = None
        # a segment never ends on a title or a particle: trim below
    trimmed = []
    for a, b in segments:
        while b > a and (tokens[b - 1].particle or tokens[b - 1].title):
            b -= 1
        if b > a and not (tokens[a].title and b == a + 1):
            trimmed.append((a, b))
    return trimmed


def _context(text: str, occurrence: Occurrence, scan: Scan) -> None:
    before = text[max(0, occurrence.start - 40) : occurrence.start]
    after = text[occurrence.end : occurrence.end + 30]
    prev = _PREV_WORDS_RE.search(before)
    prev2, prev1 = (prev.group(1).lower(), prev.group(2).lower()) if prev else ("", "")
    nxt = _NEXT_WORD_RE.match(after)
    next1 = nxt.group(1).lower() if nxt else ""
    if not occurrence.in_quote:
        occurrence.speech = next1 in SPEECH_VERBS or prev1 in SPEECH_VERBS
    else:
        occurrence.vocative = _is_vocative(text, occurrence, scan)
    occurrence.generic = prev1 == "the"
    if prev1 in PLACE_PREPOSITIONS and prev1 != "from":
        occurrence.place = True
    elif prev1 == "at":
        occurrence.place = prev2 not in _LOOK_VERBS and not prev2.endswith("ed")
    elif prev1 == "to":
        occurrence.place = prev2 in _MOTION_VERBS


def _is_vocative(text: str, occurrence: Occurrence, scan: Scan) -> bool:
    """`"Gaara?"`, `"Naruto, look"`, `"... , Emma!"`: a name that addresses someone."""
    bounds = scan.quote_bounds(occurrence.start)
    if bounds is None:
        return False
    q_start, q_end = bounds
    lead = text[q_start : occurrence.start].strip(" \t\n.…-—")
    tail = text[occurrence.end : q_end].lstrip(" \t")
    if not lead:
        return not tail or tail[0] in _VOCATIVE_AFTER
    if lead.endswith(",") and len(tail.strip(" .!?…")) == 0:
        quote = text[q_start:q_end].lower()
        return tail.strip().endswith(("?", "!")) or bool(re.search(r"\byou", quote))
    return False


def collect_forms(
    scan: Scan, claimed: dict[int, set[int]], terms: frozenset[str]
) -> dict[tuple, Form]:
    """Every candidate form with its occurrences; `claimed[run]` are tokens packs matched."""
    forms: dict[tuple, Form] = {}
    text = scan.text
    for index, run in enumerate(scan.runs):
        for a, b in _segments(run, claimed.get(index, set()), terms):
            tokens = run.tokens[a:b]
            title = tokens[0].title
            names = tuple(t.base for t in tokens[1 if title else 0 :])
            occurrence = Occurrence(
                tokens[0].start,
                tokens[-1].end,
                title,
                names,
                initial=a == 0 and run.initial and not title,
                in_quote=run.in_quote,
            )
            _context(text, occurrence, scan)
            form = forms.setdefault((title, names), Form(title, names))
            form.occurrences.append(occurrence)
            form.surfaces[text[occurrence.start : occurrence.end]] += 1
    return forms


def person_evidence(form: Form) -> int:
    evidence = form.tally("speech") + form.tally("vocative")
    if form.title:
        evidence += form.count
    if form.names[0].lower() in given_names():
        evidence += 1
    return evidence


def is_name(form: Form, scan: Scan) -> bool:
    """Keep forms that behave like a person's name; reject places, words and one-offs."""
    count, person, place = form.count, person_evidence(form), form.tally("place")
    non_initial = count - form.tally("initial")
    if form.names[-1].lower() in PLACE_WORDS and not form.title:
        return False
    said = form.tally("speech") + form.tally("vocative")
    if place > said and (place * 8 >= count or (place >= 2 and place > 2 * said)):
        return False
    if form.title:
        return count >= 2 or said >= 1
    if form.tally("generic") * 3 >= count:
        return False
    if len(form.names) > 1:
        return non_initial >= 1 and (count >= 2 or said >= 1)
    lower = scan.lower_words.get(form.names[0].lower(), 0)
    if lower > non_initial // 2:
        return False  # used as an ordinary word in this very text (`Will`, `Hope`, `Guy`)
    return non_initial >= 2 and (person >= 1 or non_initial >= 3)


def drop_family_plurals(forms: list[Form]) -> list[Form]:
    """`the Westons`, `the Bateses`: a family, not a character."""
    names = {n for f in forms for n in f.names}
    def plural(form: Form) -> bool:
        word = form.names[-1]
        return len(form.names) == 1 and not form.title and (
            (word.endswith("s") and word[:-1] in names)
            or (word.endswith("es") and word[:-2] in names)
        )
    return [f for f in forms if not plural(f)]
