"""Fandom knowledge packs: canonical characters (AO3 tag form) with their aliases.

A pack is a JSON file in this folder; see docs/packs.md for the format. Loading expands
each character's given and family names into every alias form the pack implies (given
name alone, both name orders, romanisation variants); honorific forms (`Kakashi-sensei`,
`Mr. Weasley`) are handled by rules at match time, not listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any


class PackError(ValueError):
    """A pack file that does not follow the documented format."""


@dataclass(frozen=True)
class PackCharacter:
    name: str  # canonical name as relationship tags use it, e.g. "Uzumaki Naruto", "Gaara"
    fandom: str
    aliases: tuple[str, ...] = ()  # every surface form that names this character alone
    gender: str = "unknown"
    family_names: tuple[str, ...] = ()  # a bare family name is ambiguous: resolved per story
    ao3_tag: str = ""  # AO3's character tag when it differs, e.g. "Gaara (Naruto)"

    @property
    def tag(self) -> str:
        return self.ao3_tag or self.name


@dataclass
class Pack:
    fandom: str
    characters: list[PackCharacter]
    ambiguous: frozenset[str] = frozenset()  # aliases that are also common words
    terms: frozenset[str] = frozenset()  # capitalised fandom words that are not characters


@dataclass
class Knowledge:
    """Every character the analysis knows by name, across packs.

    Build once and reuse across works: the alias tables are computed on first use.
    """

    characters: list[PackCharacter] = field(default_factory=list)
    ambiguous: frozenset[str] = frozenset()
    # each pack's `terms` with the fandoms whose words they are: `Merlin` (as in `Merlin's
    # beard`) is Harry Potter's word, and the name of BBC Merlin's hero
    term_fandoms: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_packs(cls, packs: list[Pack]) -> Knowledge:
        fandoms: dict[str, set[str]] = {}
        for pack in packs:
            for term in pack.terms:
                fandoms.setdefault(term, set()).add(pack.fandom)
        return cls(
            [c for p in packs for c in p.characters],
            frozenset().union(*(p.ambiguous for p in packs)),
            {term: frozenset(names) for term, names in fandoms.items()},
        )

    def with_aliases(self, extra: dict[str, list[str]]) -> Knowledge:
        """A copy where `extra[canonical]` adds aliases (from the archive's tag wrangling)."""
        merged = []
        for character in self.characters:
            more = tuple(a for a in extra.get(character.name, []) if a not in character.aliases)
            merged.append(replace(character, aliases=character.aliases + more))
        return replace(self, characters=merged)

    @cached_property
    def alias_table(self) -> dict[str, list[PackCharacter]]:
        """Surface form -> the characters it names (usually one)."""
        table: dict[str, list[PackCharacter]] = {}
        for character in self.characters:
            for alias in dict.fromkeys((character.name, *character.aliases)):
                table.setdefault(alias, []).append(character)
        return table

    @cached_property
    def family_table(self) -> dict[str, list[PackCharacter]]:
        table: dict[str, list[PackCharacter]] = {}
        for character in self.characters:
            for family in character.family_names:
                table.setdefault(family, []).append(character)
        return table

    @cached_property
    def fandoms(self) -> list[str]:
        return list(dict.fromkeys(c.fandom for c in self.characters))

    @cached_property
    def longest_alias(self) -> int:
        """Words in the longest alias: bounds the matcher's look-ahead."""
        return max((len(a.split()) for a in self.alias_table), default=1)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _expand_aliases(entry: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Aliases implied by given/family names: given alone, both orders, all variants."""
    givens, families = _as_list(entry.get("given")), _as_list(entry.get("family"))
    aliases = list(givens)
    for given in givens:
        for family in families:
            aliases += [f"{family} {given}", f"{given} {family}"]
    aliases += _as_list(entry.get("aliases"))
    aliases = [a for a in dict.fromkeys(aliases) if a and a != entry["name"]]
    return tuple(aliases), tuple(families)


def parse_pack(raw: dict[str, Any], source: str = "pack") -> Pack:
    try:
        fandom = raw["fandom"]
        characters = []
        for entry in raw["characters"]:
            aliases, families = _expand_aliases(entry)
            characters.append(
                PackCharacter(
                    name=entry["name"],
                    fandom=fandom,
                    aliases=aliases,
                    gender=entry.get("gender", "unknown"),
                    family_names=families,
                    ao3_tag=entry.get("ao3_tag", ""),
                )
            )
    except (KeyError, TypeError) as error:
        raise PackError(f"{source}: not a valid pack ({error!r} missing or malformed)") from None
    return Pack(
        fandom,
        characters,
        frozenset(_as_list(raw.get("ambiguous"))),
        frozenset(_as_list(raw.get("terms"))),
    )


# This folder's files read by path, not importlib.resources: importing that (and the
# tempfile, shutil and random it brings) cost ~10 ms of every process's start.
_HERE = Path(__file__).parent


@cache
def _read_pack(name: str) -> Pack:
    text = (_HERE / f"{name}.json").read_text("utf-8")
    return parse_pack(json.loads(text), f"{name}.json")


def load_pack(name: str) -> list[PackCharacter]:
    return _read_pack(name).characters


def pack_names() -> list[str]:
    return sorted(p.name.removesuffix(".json") for p in _HERE.iterdir() if p.name.endswith(".json"))


@lru_cache(maxsize=1)
def default_knowledge() -> Knowledge:
    return Knowledge.from_packs([_read_pack(name) for name in pack_names()])
