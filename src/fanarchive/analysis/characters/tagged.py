"""The work's own tags as evidence: its character and relationship tags seed the cast.

An AO3 download's preface (or the archive) gives `Metadata.characters` and
`Metadata.relationships`; an EPUB's subjects arrive as `additional_tags`, where a
relationship (`Sherlock Holmes/John Watson`) is still recognisable. Every tagged person no
pack knows becomes a one-work pack character, so `John` in a work tagged `Sherlock
Holmes/John Watson` is John Watson. The text still decides who is present and how often;
`disagreements` says where text and tags part ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fanarchive.analysis.characters.lexicon import nicknames
from fanarchive.analysis.characters.names import COMMON_WORD_ZIPF, zipf
from fanarchive.analysis.document import Metadata
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Character
from fanarchive.analysis.packs import Knowledge, PackCharacter

DISAMBIGUATION_RE = re.compile(r"\s*\([^)]*\)\s*$")  # `Gaara (Naruto)`
_NAME_RE = LazyPattern(r"^[A-ZÀ-Þ][\w'’.-]*(?: [A-ZÀ-Þa-z][\w'’.-]*){0,3}$")
_NOT_PEOPLE = frozenset({"reader", "you", "original character", "original characters"})
# A character named this often in the text but in no tag is worth saying.
UNTAGGED_SHARE = 0.2


# The reader-insert's own name in a tag, `Bucky Barnes/Y/N`: Y/N (F/N) with the L/N (last
# name) that may follow it; `Y/N L/N` is one person.
READER_NAME_RE = LazyPattern(r"[(\[]?\b[YyFf]/[Nn]\b[)\]]?(?:\s*[(\[]?\b[Ll]/[Nn]\b[)\]]?)?")
READER_TAG = "Reader"  # AO3's character tag for reader-insert fiction (narrator.READER)
# `A x B`, `A × B`: a pairing as fans write it outside AO3's canonical tags; romantic as `/`.
_CROSS_RE = LazyPattern(r"\s+[xX×]\s+(?![/&])")


@dataclass(frozen=True)
class RelationshipTag:
    """An AO3 relationship tag: `A/B` (romantic) or `A & B` (platonic), each side as written
    (`Crowley (Good Omens)`, `Jaskier | Dandelion`), Y/N as the Reader."""

    sides: tuple[str, ...]
    romantic: bool

    @property
    def names(self) -> list[str]:
        """Each side without its fandom in brackets: `Crowley (Good Omens)` -> `Crowley`."""
        return [DISAMBIGUATION_RE.sub("", side).strip() for side in self.sides]


def parse_relationship(tag: str) -> RelationshipTag | None:
    """The sides of `A/B`, `A & B` or `A x B`, or None for a tag naming fewer than two. A side
    may hold a slash or an ampersand of its own only inside brackets (`Kim (A/B Universe)`)."""
    text = _CROSS_RE.sub("/", READER_NAME_RE.sub(READER_TAG, tag))
    sides, separators, depth, current = [], set(), 0, []
    for char in text:
        depth += (char in "([") - (char in ")]")
        if char in "/&" and depth <= 0:
            sides.append("".join(current).strip())
            separators.add(char)
            current = []
        else:
            current.append(char)
    sides.append("".join(current).strip())
    if len(sides) < 2 or not all(sides):
        return None
    return RelationshipTag(tuple(sides), romantic="/" in separators)


def tagged_names(metadata: Metadata) -> list[str]:
    """People named by the character and relationship tags, in tag order, once each."""
    tags = [*metadata.characters, *metadata.relationships]
    tags += [t for t in metadata.additional_tags if _looks_like_relationship(t)]
    names: dict[str, None] = {}
    for tag in tags:
        parsed = parse_relationship(tag)
        for name in parsed.names if parsed else [DISAMBIGUATION_RE.sub("", tag).strip()]:
            if _NAME_RE.match(name) and name.lower() not in _NOT_PEOPLE:
                names[name] = None
    return list(names)


def _looks_like_relationship(tag: str) -> bool:
    """`Sherlock Holmes/John Watson` among an EPUB's subjects, not `Hurt/Comfort`: every side
    a full name or a word English seldom uses. A slash only: among freeform tags `A x B` is
    as often a mood (`Fluff x Angst`, `Slow Burn x Fluff`) as a pairing."""
    parsed = parse_relationship(tag) if "/" in tag else None
    if parsed is None or not parsed.romantic:
        return False
    sides = parsed.names
    return all(
        _NAME_RE.match(side) and (" " in side or zipf(side) < COMMON_WORD_ZIPF) for side in sides
    )


def with_tags(knowledge: Knowledge, metadata: Metadata) -> tuple[Knowledge, list[str]]:
    """`knowledge` plus the tagged people no pack knows, and the tagged names."""
    names = tagged_names(metadata)
    known = knowledge.alias_table
    # Tagged people take the work's first fandom tag ("" when none): declared, so active.
    fandom = metadata.fandoms[0] if metadata.fandoms else ""
    new = [name for name in names if name not in known]
    pets = _pet_forms([name.split()[0] for name in new])
    extra = [_character(name, fandom, pets) for name in new]
    if not extra:
        return knowledge, names
    return replace(knowledge, characters=knowledge.characters + extra), names


def _pet_forms(givens: list[str]) -> dict[str, tuple[str, ...]]:
    """Given name -> the pet forms (nicknames.txt) that stand for it among these tagged
    people alone: `Ed` for Edward Teach, unless an Edmund is tagged too."""
    owners: dict[str, set[str]] = {}
    for nickname, full in nicknames().items():
        for given in full & set(givens):
            owners.setdefault(nickname, set()).add(given)
    pets: dict[str, list[str]] = {}
    for nickname, given in owners.items():
        if len(given) == 1 and givens.count(next(iter(given))) == 1:
            pets.setdefault(next(iter(given)), []).append(nickname)
    return {given: tuple(sorted(forms)) for given, forms in pets.items()}


def _character(name: str, fandom: str, pets: dict[str, tuple[str, ...]]) -> PackCharacter:
    """A tagged person as a one-work pack character: `Edward Teach` answers to `Edward`,
    `Edward Teach`, the pet forms of `Edward` (`Ed`, `Eddie`, `Ned`) and, among relatives, to
    the bare `Teach` only as the story resolves it."""
    words = name.split()
    if len(words) == 1:
        return PackCharacter(name=name, fandom=fandom, aliases=pets.get(name, ()))
    given, family = words[0], words[-1]
    aliases = (given, f"{given} {family}") if len(words) > 2 else (given,)
    aliases += pets.get(given, ())
    return PackCharacter(name=name, fandom=fandom, aliases=aliases, family_names=(family,))


def disagreements(characters: list[Character], tagged: list[str]) -> list[str]:
    """Where text and tags disagree: a tagged person the text never names, a person the
    text names often whom no tag names."""
    if not tagged:
        return []
    notes = []
    named = {c.name: c for c in characters}
    for name in tagged:
        character = named.get(name)
        if character is None or character.mentions == 0:
            notes.append(f"tagged but not named in the text: {name}")
    tagged_set = set(tagged)
    top = max((c.mentions for c in characters), default=0)
    for character in characters:
        untagged = character.name not in tagged_set and character.source == "discovered"
        if untagged and character.mentions >= max(5, UNTAGGED_SHARE * top):
            notes.append(f"named {character.mentions} times but not tagged: {character.name}")
    return notes
