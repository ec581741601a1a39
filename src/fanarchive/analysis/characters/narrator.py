"""Who tells the story: first-person (`I walked`), second-person (`you walk`, reader-inserts
with `Y/N`) or third-person narration, and the narrator's name when the text gives it."""

from __future__ import annotations

import re
from collections import Counter

from fanarchive.analysis.characters.scan import Scan
from fanarchive.analysis.document import Document
from fanarchive.analysis.text import trie_pattern

PERSON_PRONOUNS = {
    "first": ["I", "me", "my", "mine", "myself", "Me", "My", "Mine", "Myself"],
    "second": ["you", "your", "yours", "yourself", "You", "Your", "Yours", "Yourself"],
    "third": ["he", "she", "him", "his", "her", "they", "them"]
    + ["He", "She", "Him", "His", "Her", "They", "Them"],
}
PERSON_OF = {word: person for person, words in PERSON_PRONOUNS.items() for word in words}
# One pass for all three persons (the narration of a novel is read once, not three times).
PRONOUN_RE = re.compile(rf"\b(?:{trie_pattern(PERSON_OF)})\b")
# `Y/N`, `(Y/N)`, `[y/n]`: the reader-insert convention of fan fiction.
READER_RE = re.compile(r"[(\[]?\b[YyFfLl]/[Nn]\b[)\]]?")
SELF_INTRODUCTION_RE = re.compile(
    r"\b(?:[Mm]y name(?:'s| is| was)|I am|I'm|I was|[Cc]all me|[Tt]hey call me)\s+"
    r"((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)"
)
MIN_PRONOUNS = 8


def narrative_segments(document: Document, scan: Scan) -> list[tuple[int, int]]:
    """Story text outside quotations."""
    segments = []
    quotes = list(zip(scan.quote_starts, scan.quote_ends, strict=True))
    for span in document.story_spans:
        cursor = span.start
        for q_start, q_end in quotes:
            if q_end <= cursor or q_start >= span.end:
                continue
            if q_start > cursor:
                segments.append((cursor, q_start))
            cursor = max(cursor, q_end)
        if cursor < span.end:
            segments.append((cursor, span.end))
    return segments


def narration_person(document: Document, scan: Scan) -> str:
    text = document.text
    narrative = "\n".join(text[a:b] for a, b in narrative_segments(document, scan))
    counts = dict.fromkeys(PERSON_PRONOUNS, 0)
    for word, times in Counter(PRONOUN_RE.findall(narrative)).items():
        counts[PERSON_OF[word]] += times
    words = max(len(narrative.split()), 1)
    for person, other in (("first", "second"), ("second", "first")):
        if (
            counts[person] >= MIN_PRONOUNS
            and counts[person] / words >= 0.01
            and counts[person] >= 0.4 * counts["third"]
            and counts[person] > counts[other]
        ):
            return person
    return "third"


def self_introductions(document: Document, scan: Scan) -> list[str]:
    """Names the narrator gives themself outside dialogue (`My name is Tom`)."""
    found = []
    for start, end in narrative_segments(document, scan):
        found += [m.group(1) for m in SELF_INTRODUCTION_RE.finditer(document.text, start, end)]
    return found
