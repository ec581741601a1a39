"""Romance cues (kisses, confessions, "you're mine", ...), shared by the minors-in-romance
warning and the relationships.

Weights: 3 = decisive for romance on its own (a kiss, "I love you"), 2 = strong (a date,
a crush, "more than a friend"), 1 = suggestive only in company (a hug, a blush, jealousy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fanarchive.analysis.warnings.scanner import Lexicon, flexible_spaces

PRON = r"(?:him|her|them|me|you|us)"
POSS = r"(?:his|her|their|my|your|our)"


@dataclass(frozen=True)
class RomanceCue:
    pattern: str
    kind: str  # kiss, confession, possessive, touch, blush, date, jealousy, crush, sexual, partner
    weight: int


ROMANCE_CUES = [
    # A kiss on the cheek, brow or hand is affection, not necessarily romance.
    RomanceCue(
        r"kiss(?:ed|es|ing)? (?:\w+ )?on (?:the|his|her|my|their|your) (?:cheek|cheeks|forehead|brow|hand|head|hair|nose)|(?:peck|kiss) on the cheek|cheek kiss",
        "touch",
        1,
    ),
    RomanceCue(
        r"kiss(?:ed|es|ing)?|made out|making out|snogg?(?:ed|ing)?|smooch(?:ed|ing)?", "kiss", 3
    ),
    RomanceCue(
        # and as texts spell it: "love u", "luv ya", "ily", "ilysm"
        r"(?:love|luv) (?:you|u|ya)|ily|ilysm|love with "
        + PRON
        + r"|fell in love|falling in love|fallen in love",
        "confession",
        3,
    ),
    RomanceCue(
        r"feelings for|fall(?:ing)? for (?:you|him|her)|fell for (?:you|him|her)", "confession", 3
    ),
    RomanceCue(r"more th[ae]n (?:just )?(?:a )?friends?|more th[ae]n that to me", "confession", 2),
    RomanceCue(
        r"go out with me|asked " + PRON + r" out|(?:first|dinner|lunch|coffee|movie) date|dating",
        "date",
        2,
    ),
    RomanceCue(
        r"you're mine|are mine|i'm yours|am yours|belong to you|belong to each other|belong to me|belong with me",
        "possessive",
        3,
    ),
    RomanceCue(r"crush(?:es)? on|crush(?:es)?(?= on| for|\.|,)", "crush", 2),
    RomanceCue(
        r"boyfriends?|girlfriends?|lovers?|fianc[ée]e?|sweetheart|darling|husband|wife",
        "partner",
        1,  # often about someone else's husband or wife
    ),
    RomanceCue(
        r"held (?:his|her|their) hands?|holding hands|held hands|hand in hand|(?:laced|intertwined|entwined|twined) (?:their |his |her )?fingers|clasp(?:ed|ing) (?:the offered |his |her )?hand|squeez(?:ed|ing) (?:his|her|"
        + r"\w+'s) hand",
        "touch",
        1,
    ),
    RomanceCue(
        r"cuddl(?:e|ed|es|ing)|snuggl(?:e|ed|es|ing)|nuzzl(?:e|ed|es|ing)|spooning|cupp?(?:ed|ing) (?:his|her|\w+'s) (?:face|cheek|jaw)",
        "touch",
        2,
    ),
    RomanceCue(
        r"embrac(?:e|ed|es|ing)|hugg?(?:ed|ing|s)?|ran (?:his|her) fingers (?:lightly )?through|stroked (?:his|her) (?:hair|cheek)",
        "touch",
        1,
    ),
    RomanceCue(
        r"blush(?:ed|es|ing)?|cheeks (?:were|went|turned|grew|flushed|burned) (?:pink|red|warm|hot|crimson)?|flushed",
        "blush",
        1,
    ),
    RomanceCue(r"jealous(?:y|ly)?", "jealousy", 1),
    RomanceCue(
        r"(?:heart|pulse) (?:raced|fluttered|skipped|pounded|hammered)|butterflies", "blush", 1
    ),
    RomanceCue(
        r"made love|making love|had sex|having sex|sex with|slept with|bed together|naked|moan(?:ed|ing)? (?:his|her) name|(?:sleep|sleeps|slept|sleeping) together",
        "sexual",
        3,
    ),
]

ROMANCE_LEXICON = Lexicon([c.pattern for c in ROMANCE_CUES])
_ROMANCE_COMPILED = [(re.compile(flexible_spaces(c.pattern)), c) for c in ROMANCE_CUES]


@lru_cache(maxsize=2048)
def romance_cue(surface: str) -> RomanceCue | None:
    """The strongest romance cue a matched surface string fully matches."""
    best = None
    for regex, item in _ROMANCE_COMPILED:
        if regex.fullmatch(surface) and (best is None or item.weight > best.weight):
            best = item
    return best
