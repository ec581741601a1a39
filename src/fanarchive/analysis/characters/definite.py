"""Characters known only by a description: `the Caterpillar`, `the Mock Turtle`, `the General`.

A capitalised noun phrase after `the`, with no name of its own, is a character when it
speaks (`said the Hatter`, `the Queen shouted`) at least twice. Phrases that share their
head noun (`the Rabbit`, `the White Rabbit`) are one character, named by the longest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from fanarchive.analysis.characters.lexicon import NOT_NAMES, PLACE_WORDS, SPEECH_VERBS
from fanarchive.analysis.characters.scan import Run, Scan, Token

MIN_SPEECHES = 2


@dataclass
class Description:
    words: tuple[str, ...]
    spans: list[tuple[int, int]] = field(default_factory=list)
    speeches: int = 0

    @property
    def name(self) -> str:
        return "The " + " ".join(self.words)


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
