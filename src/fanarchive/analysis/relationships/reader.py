"""A second-person reader-insert's romance: "you" and the one person the story is with.

A reader-insert keeps its love interest a "he" or a "she" for pages ("Your fingers brush,
and he doesn't pull away", "his head is on your shoulder"), and its romance is told by
closeness, a date or a dance as often as by a kiss. A romance cue beside the narrator's
"you" and a pronoun that the binder could not bind goes to the narrator and the one person
of the pronoun's sex whom the narrator is most with, when nobody else of that sex comes
near them (the story's love interest, not a passer-by).
"""

from __future__ import annotations

import re

from fanarchive.analysis.relationships.people import Pair, pair_of
from fanarchive.analysis.warnings.romance import RomanceCue
from fanarchive.analysis.warnings.scanner import Lexicon, flexible_spaces

YOUR = r"(?:your|yours)"
# Closeness, a date and a dance, read only between a reader-insert's "you" and their one
# love interest: between two others they are measured lesser cues that moved nothing
# (docs/relationships.md, twelfth and thirteenth sessions).
READER_CUES = [
    RomanceCue(
        r"fingers (?:brush|brushed|brushing|tangle|tangled|lace|laced)"
        r"|(?:takes|took|taking|holds|held|holding|squeezes|squeezed) " + YOUR + r" hand"
        r"|head (?:is |was |rests |rested |resting )?on " + YOUR + r" shoulder"
        r"|forehead (?:to|against) " + YOUR + r"s?"
        r"|on " + YOUR + r" waist",
        "touch",
        1,
    ),
    RomanceCue(
        r"be my date|like a date|on a date|first dance|dance with me",
        "date",
        2,
    ),
]
READER_LEXICON = Lexicon([c.pattern for c in READER_CUES])
_READER_COMPILED = [(re.compile(flexible_spaces(c.pattern)), c) for c in READER_CUES]
THIRD_RE = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)
YOU_RE = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
HE_RE = re.compile(r"\b(?:he|him|his)\b", re.IGNORECASE)
# The love interest is with the reader at least three times as much as anyone else of that
# sex: the value the rule was written with, before any check figure was read (2, chosen after
# reading them, was not kept: docs/relationships.md, "Relationships, the lead's scenes").
LEAD = 3.0


def reader_cue(surface: str) -> RomanceCue | None:
    return next((c for regex, c in _READER_COMPILED if regex.fullmatch(surface)), None)


def love_interest(narrator: str, pairs: dict, genders: dict[str, str]) -> dict[str, str]:
    """Sex -> the one person of that sex the narrator is most with, far ahead of the rest."""
    by_sex: dict[str, list[tuple[float, str]]] = {}
    for pair, info in pairs.items():
        if narrator in pair and info.interaction > 0:
            other = pair[0] if pair[1] == narrator else pair[1]
            by_sex.setdefault(genders.get(other, "unknown"), []).append((info.interaction, other))
    found = {}
    for sex in ("male", "female"):
        ranked = sorted(by_sex.get(sex, []), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[0][0] >= LEAD * ranked[1][0]):
            found[sex] = ranked[0][1]
    return found


def readers_pair(
    text: str, sentence: tuple[int, int], narrator: str, partners: dict[str, str]
) -> Pair | None:
    """The narrator and their love interest, when the cue's sentence holds "you" and the
    pronouns of one sex only, that sex's love interest's."""
    clause = text[sentence[0] : sentence[1]]
    if not YOU_RE.search(clause):
        return None
    sexes = {"male" if HE_RE.fullmatch(m.group()) else "female" for m in THIRD_RE.finditer(clause)}
    if len(sexes) != 1:
        return None
    other = partners.get(sexes.pop())
    return pair_of(narrator, other) if other else None
