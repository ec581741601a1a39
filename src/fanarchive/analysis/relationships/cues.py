"""What the text calls two characters: rivals, friends, family, enemies ("my rival",
"eternal rivals", "just a friend", "brother"). Romance cues live in warnings.romance
(the minors-in-romance warning needs them too) and are re-exported here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fanarchive.analysis.warnings.romance import (
    ROMANCE_CUES,
    ROMANCE_LEXICON,
    RomanceCue,
    romance_cue,
)
from fanarchive.analysis.warnings.scanner import Lexicon, flexible_spaces

__all__ = [
    "ROMANCE_CUES",
    "ROMANCE_LEXICON",
    "SUBTYPE_LEXICON",
    "RomanceCue",
    "romance_cue",
    "subtype_of",
]

SUBTYPE_CUES = {
    "rivals": r"rivals?|rivalry|nemesis|arch-?rivals?|competitors?",
    "enemies": r"enem(?:y|ies)|arch-?enem(?:y|ies)|hate you|hated each other|hate each other",
    "friends": r"(?:best |good |close |old |true )?friends?|friendship|buddy|buddies|comrades?|teammates?",
    # Only words that name a relation between peers: "his father" is nearly always a third
    # person (who would be a character of their own), "his brother" often the other one.
    "family": r"brothers?|sisters?|siblings?|cousins?|twins?|twin brother|twin sister|brothers-in-law|sisters-in-law",
}
# "just a friend" is said of someone who is a friend and nothing more (so far).
JUST_FRIENDS = r"just (?:a )?friends?|only (?:a )?friends?|nothing more than (?:a )?friends?"
CHILDHOOD = r"friends? as (?:children|kids)|since childhood|childhood friends?|grew up together|since we were (?:children|kids|little)|known each other (?:since|all (?:our|their) lives)"

SUBTYPE_LEXICON = Lexicon([*SUBTYPE_CUES.values(), JUST_FRIENDS, CHILDHOOD])
_SUBTYPE_COMPILED = [(re.compile(flexible_spaces(p)), name) for name, p in SUBTYPE_CUES.items()]
_JUST_FRIENDS_RE = re.compile(flexible_spaces(JUST_FRIENDS))
_CHILDHOOD_RE = re.compile(flexible_spaces(CHILDHOOD))


@lru_cache(maxsize=2048)
def subtype_of(surface: str) -> str:
    """'rivals', 'enemies', 'friends', 'family', 'just-friends' or 'childhood' for a surface."""
    if _JUST_FRIENDS_RE.fullmatch(surface):
        return "just-friends"
    if _CHILDHOOD_RE.fullmatch(surface):
        return "childhood"
    for regex, name in _SUBTYPE_COMPILED:
        if regex.fullmatch(surface):
            return name
    return ""
