"""What a word says of a person's sex, and people described rather than named.

A pronoun's genders ("he": male; "they", "I", "you": any), a relational noun's ("sister":
female), and the kin or described people ("her brother", "a soldier", "the baby") a pronoun
may mean instead of a named character. Plain functions of text with no state, asked by every
part of the binding: they stand apart at the bottom of its imports.
"""

from __future__ import annotations

import re

from fanarchive.analysis.lazyre import LazyPattern

MALE_RE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
FEMALE_RE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
PLURAL_RE = re.compile(r"\b(?:they|them|their|we|us|our)\b", re.IGNORECASE)
# Someone described rather than named: the pronouns around them may mean them.
OTHER_PERSON_RE = re.compile(
    r"\b(?:his|her|their|my|your|\w+'s) (?:\w+ )?(?:mother|father|mom|mum|dad|mama|papa|parents?|"
    r"aunt|uncle|grand\w+|son|daughter|baby|child|kid|teacher|boss|master|wife|husband|"
    r"boyfriend|girlfriend|friend|brother|sister|cousin|nephew|niece|maid|servant)\b",
    re.IGNORECASE,
)
PERSON_NOUNS = (
    r"girl|boy|child|children|man|woman|lady|gentleman|baby|kid|son|daughter|mother|father|"
    r"mom|mum|dad|aunt|uncle|sister|brother|cousin|friend|stranger|maid|servant|wife|husband|"
    r"infant|toddler|grandmother|grandfather|niece|nephew|twins?"
)
DESCRIBED_PERSON_RE = re.compile(
    r"\b(?:the|a|an|this|that|his|her|their|my|your|our|\w+'s)\s+(?:[\w'-]+\s+)?(?:"
    + PERSON_NOUNS
    + r")s?\b",
    re.IGNORECASE,
)
# Someone a scene describes by a role, whom a pronoun may mean ("a soldier came to the door").
SCENE_ROLE_RE = re.compile(
    r"\b(?:the|a|an|this|that|another)\s+(?:[\w'-]+\s+)?(?:soldier|guard|knight|doctor|nurse"
    r"|officer|captain|sergeant|priest|stranger|boy|girl|man|woman|waiter|waitress|driver"
    r"|teacher|student|prisoner|messenger|servant|maid|guest|visitor|patient|customer"
    r"|neighbou?r|youth|lad|lass|fellow|guy|kid)s?\b",
    re.IGNORECASE,
)


def _someone_else(text: str) -> bool:
    """A person besides the named ones that a pronoun may stand for: kin or a described
    person ("her brother", "the baby", "Ann's little boy")."""
    return bool(OTHER_PERSON_RE.search(text) or DESCRIBED_PERSON_RE.search(text))


FEMALE_NOUNS = LazyPattern(
    r"girl|woman|lady|daughter|mother|mom|mum|aunt|sister|niece|grandmother|maid|wife"
    r"|waitress|lass"
)
MALE_NOUNS = LazyPattern(
    r"boy|man|gentleman|son|father|dad|uncle|brother|nephew|grandfather|husband|lad|fellow|guy"
)


def _described_of(text: str, genders: set[str]) -> bool:
    """Someone described in `text` ("a woman who can shoot", "her brother", "a soldier")
    whom a pronoun of `genders` may mean: not a woman for "he", not a man for "she"."""
    for found in (
        *OTHER_PERSON_RE.finditer(text),
        *DESCRIBED_PERSON_RE.finditer(text),
        *SCENE_ROLE_RE.finditer(text),
    ):
        noun = found.group().split()[-1].lower()
        sex = _noun_sex(noun)
        if sex is None and noun.endswith("s"):  # "girls", not the "s" of "waitress"
            sex = _noun_sex(noun[:-1])
        if sex is None or sex in genders:
            return True
    return False


def _pronoun_sexes(genders: set[str]) -> set[str]:
    """Whom pronouns of `genders` may mean: "they", "I" or "you" (or none said) anyone."""
    return {"male", "female"} if not genders or "any" in genders else genders


def _noun_sex(noun: str) -> str | None:
    if FEMALE_NOUNS.fullmatch(noun):
        return "female"
    return "male" if MALE_NOUNS.fullmatch(noun) else None


def _noun_genders(noun: str) -> set[str]:
    """The sex a relational noun names ("sister": female), or any."""
    noun = noun.lower()
    if re.search(r"brother|husband|boyfriend|groom|fianc[ée]$|fiance$|\bsons?$|father|dad", noun):
        return {"male"}
    if re.search(r"sister|wife|wives|girlfriend|bride|fianc[ée]e|daughter|mother|mom|mum", noun):
        return {"female"}
    return {"any"}


def _genders_of(text: str) -> set[str]:
    found = set()
    if MALE_RE.search(text):
        found.add("male")
    if FEMALE_RE.search(text):
        found.add("female")
    if PLURAL_RE.search(text) or re.search(r"\b(?:I|me|you)\b", text):
        found.add("any")
    return found
