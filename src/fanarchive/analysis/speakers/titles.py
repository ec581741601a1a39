"""Speakers known only by a capitalised description: `said the Hatter`, `the Queen cried`,
`asked the General`. Classic novels (and some fics) name characters this way throughout; when
such a description recurs as the subject of speech tags and the cast does not know it, it is
added to the cast as a character of its own, with its mentions, so that the sieve can name it.
"""

from __future__ import annotations

import bisect
import re

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Character, Mention
from fanarchive.analysis.speakers.lexicon import FEMALE_NOUNS, MALE_NOUNS

TAG_VERBS = frozenset(
    [
        "said",
        "says",
        "cried",
        "asked",
        "replied",
        "answered",
        "exclaimed",
        "returned",
        "continued",
        "added",
        "remarked",
        "shouted",
        "whispered",
        "observed",
        "interrupted",
        "began",
        "thought",
        "went",
        "repeated",
        "growled",
        "screamed",
        "muttered",
        "murmured",
        "called",
        "roared",
        "inquired",
        "enquired",
        "rejoined",
        "retorted",
        "sighed",
        "sobbed",
    ]
)
TITLE_RE = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
WORD_BEFORE_RE = re.compile(r"([a-z]+)\s+$")
WORD_AFTER_RE = re.compile(r"\s+([a-z]+)")
MIN_TAGS = 3


def add_title_speakers(document: Document, cast: Cast) -> list[Character]:
    """Add recurring `the X` speech-tag subjects unknown to the cast; return the new ones."""
    text = document.text
    counts: dict[str, int] = {}
    for span in document.story_spans:
        for match in TITLE_RE.finditer(text, span.start, span.end):
            before = WORD_BEFORE_RE.search(text, max(0, match.start() - 16), match.start())
            after = WORD_AFTER_RE.match(text, match.end())
            if (before and before.group(1) in TAG_VERBS) or (after and after.group(1) in TAG_VERBS):
                words = re.sub(r"\s+", " ", match.group(1))
                counts[words] = counts.get(words, 0) + 1
    added = []
    for words, count in counts.items():
        if count < MIN_TAGS or _known(cast, words):
            continue
        character = Character(
            name=f"The {words}",
            gender=_gender(words),
            present=True,
            source="discovered",
        )
        mentions = _find_mentions(document, words, cast.mentions)
        if not mentions:
            continue
        character.mentions = len(mentions)
        cast.characters.append(character)
        if hasattr(cast, "add_aliases"):
            cast.add_aliases(character, [character.name])
        cast.mentions = sorted([*cast.mentions, *mentions], key=lambda m: m.start)
        added.append(character)
    return added


def _known(cast: Cast, words: str) -> bool:
    resolve = getattr(cast, "resolve", None)
    if resolve is not None and (resolve(f"the {words}") or resolve(words)):
        return True
    names = {c.name.casefold() for c in cast.characters}
    return f"the {words}".casefold() in names or words.casefold() in names


def _gender(words: str) -> str:
    head = words.split()[-1].lower()
    if head in MALE_NOUNS:
        return "male"
    if head in FEMALE_NOUNS:
        return "female"
    return "unknown"


def _find_mentions(document: Document, words: str, existing: list[Mention]) -> list[Mention]:
    pattern = re.compile(r"\b[Tt]he\s+" + r"\s+".join(map(re.escape, words.split())) + r"\b")
    taken = [(m.start, m.end) for m in existing]
    found = []
    for span in document.story_spans:
        for match in pattern.finditer(document.text, span.start, span.end):
            if not _overlaps(taken, match.start(), match.end()):
                found.append(Mention(match.start(), match.end(), f"The {words}"))
    return found


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (start, start))
    for j in (i - 1, i):
        if 0 <= j < len(spans) and spans[j][0] < end and start < spans[j][1]:
            return True
    return False


# A rank or office standing alone as a vocative (`"Yes, Captain."`, `"Excuse me, General,"`).
RANK_TITLES = {
    "captain": ("captain", "capt"),
    "colonel": ("colonel", "col"),
    "major": ("major",),
    "general": ("general", "gen"),
    "doctor": ("doctor", "dr"),
    "inspector": ("inspector",),
    "sergeant": ("sergeant", "sgt"),
    "lieutenant": ("lieutenant", "lt"),
    "professor": ("professor", "prof"),
    "detective": ("detective",),
    "commander": ("commander",),
    "admiral": ("admiral",),
    "sheriff": ("sheriff",),
    "chief": ("chief",),
}
RANK_VOCATIVE_RE = re.compile(
    r"(?:^|[,!?.;]\s|[\"“‘'])\s*(?:my\s+dear\s+)?("
    + "|".join(title.capitalize() for title in RANK_TITLES)
    + r")\s*(?:[,.!?;…—]|--|$)"
)


def rank_holders(names) -> dict[str, str]:
    """Each rank of RANK_TITLES held by exactly one name of the cast (`Captain Dragomir`),
    indexed once per work (a cast of thousands must not be walked once per quote)."""
    holders: dict[str, list[str]] = {}
    for name in names:
        words = name.split()
        if len(words) < 2:
            continue
        first = words[0].lower().rstrip(".")
        for rank, forms in RANK_TITLES.items():
            if first in forms:
                holders.setdefault(rank, []).append(name)
    return {rank: found[0] for rank, found in holders.items() if len(found) == 1}


def rank_addressee(text: str, start: int, end: int, holders: dict[str, str]) -> str | None:
    """The one character a quote calls by a rank alone (`"Pear tree, Captain."` to Captain
    Dragomir), when exactly one name in the cast opens with that rank (`rank_holders`)."""
    if not holders:
        return None
    match = RANK_VOCATIVE_RE.search(text, start, end)
    return holders.get(match.group(1).lower()) if match else None
