"""Characters known only by a description: `the Caterpillar`, `the Mock Turtle`, `the General`,
`the mariner`, `the big navvy`.

A noun phrase after `the`, with no name of its own, is a character when it speaks
(`said the Hatter`, `the Queen shouted`, `said the croupier`) at least twice. A capitalised
phrase is found wherever it stands; a lower-case one only as the subject of a speech tag,
and never when its head is a word any person could be (`the man`, `the other`): those stay
descriptions that the speaker rules resolve in context. Phrases that share their head noun
(`the Rabbit`, `the White Rabbit`) are one character, named by the longest.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from fanarchive.analysis.characters.lexicon import (
    GENERIC_PERSON_NOUNS,
    NOT_NAMES,
    PLACE_WORDS,
    SPEECH_VERBS,
)
from fanarchive.analysis.characters.scan import Run, Scan, Token
from fanarchive.analysis.text import trie_pattern

MIN_SPEECHES = 2
_VERBS = trie_pattern(SPEECH_VERBS)  # one branch per letter: this regex runs on every word
_PHRASE = r"[a-z][a-z\-]+(?: [a-z][a-z\-]+){0,2}"
# `"...," said the mariner.` / `"...," the big navvy cried`: a lower-case description as the
# subject of a speech tag touching a quotation.
TAGGED_RE = re.compile(
    rf"\b(?:{_VERBS}) the ({_PHRASE})(?=[,.;:!?—])|\b[Tt]he ({_PHRASE}) (?:{_VERBS})\b"
)
# How far (in characters) a tag may stand from the quotation it belongs to.
TAG_REACH = 4


@dataclass
class Description:
    words: tuple[str, ...]
    spans: list[tuple[int, int]] = field(default_factory=list)
    speeches: int = 0

    @property
    def name(self) -> str:
        return "The " + " ".join(w if w[:1].isupper() else w.title() for w in self.words)


def _phrase(run: Run, text: str) -> tuple[int, list[Token]] | None:
    tokens = run.tokens
    if tokens[0].base == "The" and len(tokens) > 1:
        return tokens[0].start, tokens[1:]
    before = text[max(0, tokens[0].start - 5) : tokens[0].start]
    if before.endswith(("the ", "the\n")) and not before[-5:-4].isalpha():
        return tokens[0].start - 4, tokens
    return None


def _describes(tokens: list[Token], terms: frozenset[str]) -> bool:
    return (
        all(
            not t.particle and t.base not in terms and (t.title or t.base.lower() not in NOT_NAMES)
            for t in tokens
        )
        and tokens[-1].base.lower() not in PLACE_WORDS
    )


def _speaks(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    return bool(
        (before and before[-1].strip(",;").lower() in SPEECH_VERBS)
        or (after and after[0].strip(",.;!?").lower() in SPEECH_VERBS)
    )


def find_descriptions(
    scan: Scan, claimed: dict[int, set[int]], terms: frozenset[str]
) -> list[Description]:
    found: dict[tuple[str, ...], Description] = {}
    for index, run in enumerate(scan.runs):
        if claimed.get(index) or run.in_quote:
            continue
        phrase = _phrase(run, scan.text)
        if phrase is None or not _describes(phrase[1], terms):
            continue
        start, tokens = phrase
        words = tuple(t.base for t in tokens)
        description = found.setdefault(words, Description(words))
        description.spans.append((start, tokens[-1].end))
        description.speeches += _speaks(scan.text, start, tokens[-1].end)
    speakers = [d for d in found.values() if d.speeches > 0]
    return [d for d in _merge_heads(speakers) if d.speeches >= MIN_SPEECHES]


def find_tagged_descriptions(scan: Scan) -> list[Description]:
    """Lower-case descriptions that speak (`said the croupier`), with every place the story
    names them (`the croupier` outside quotations)."""
    found: dict[tuple[str, ...], Description] = {}
    for match in TAGGED_RE.finditer(scan.text):
        phrase = match.group(1) or match.group(2)
        words = tuple(phrase.split())
        generic = any(w in GENERIC_PERSON_NOUNS for w in words)
        plural = words[-1].endswith("s") and not words[-1].endswith("ss")
        if generic or plural or not _touches_quote(scan, match.start(), match.end()):
            continue
        found.setdefault(words, Description(words)).speeches += 1
    speakers = [d for d in _merge_heads(list(found.values())) if d.speeches >= MIN_SPEECHES]
    for description in speakers:
        head = re.escape(description.words[-1])
        pattern = re.compile(rf"\b[Tt]he (?:(?!the\b)[a-z\-]+ ){{0,2}}{head}\b")
        description.spans = [
            (m.start(), m.end())
            for m in pattern.finditer(scan.text)
            if not scan.in_quote(m.start())
        ]
    return [d for d in speakers if d.spans]


def _touches_quote(scan: Scan, start: int, end: int) -> bool:
    """Whether text[start:end] sits right after a quotation's end or right before one's start."""
    if scan.in_quote(start):
        return False
    i = bisect_right(scan.quote_ends, start) - 1
    if i >= 0 and start - scan.quote_ends[i] <= TAG_REACH:
        return True
    j = bisect_left(scan.quote_starts, end)
    return j < len(scan.quote_starts) and scan.quote_starts[j] - end <= TAG_REACH


def _merge_heads(speakers: list[Description]) -> list[Description]:
    """`the Rabbit` joins `the White Rabbit` when that is the only phrase with its head."""
    by_head: dict[str, list[Description]] = {}
    for description in speakers:
        by_head.setdefault(description.words[-1], []).append(description)
    merged = []
    for group in by_head.values():
        longest = [d for d in group if len(d.words) > 1]
        if len(longest) == 1 and len(group) > 1:
            head = longest[0]
            for other in group:
                if other is not head:
                    head.spans += other.spans
                    head.speeches += other.speeches
            head.spans.sort()
            merged.append(head)
        else:
            merged += group
    return merged


def surfaces(description: Description, text: str) -> Counter[str]:
    return Counter(" ".join(text[s:e].split()) for s, e in description.spans)
