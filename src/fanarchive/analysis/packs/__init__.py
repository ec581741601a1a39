"""Fandom knowledge packs: canonical characters (AO3 tag form) with their aliases.

A pack is a JSON file in this folder; see docs/packs.md for the format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class PackCharacter:
    name: str  # AO3 canonical tag, e.g. "Uzumaki Naruto"
    fandom: str
    aliases: tuple[str, ...] = ()
    gender: str = "unknown"


@dataclass
class Knowledge:
    """Every character the analysis knows by name, across packs."""

    characters: list[PackCharacter] = field(default_factory=list)

    def with_aliases(self, extra: dict[str, list[str]]) -> Knowledge:
        """A copy where `extra[canonical]` adds aliases (from the archive's tag wrangling)."""
        merged = []
        for character in self.characters:
            more = tuple(a for a in extra.get(character.name, []) if a not in character.aliases)
            merged.append(
                PackCharacter(
                    character.name, character.fandom, character.aliases + more, character.gender
                )
            )
        return Knowledge(merged)


def load_pack(name: str) -> list[PackCharacter]:
    raw = json.loads(resources.files(__package__).joinpath(f"{name}.json").read_text("utf-8"))
    fandom = raw["fandom"]
    return [
        PackCharacter(c["name"], fandom, tuple(c.get("aliases", [])), c.get("gender", "unknown"))
        for c in raw["characters"]
    ]


def pack_names() -> list[str]:
    return sorted(
        p.name.removesuffix(".json")
        for p in resources.files(__package__).iterdir()
        if p.name.endswith(".json")
    )


@lru_cache(maxsize=1)
def default_knowledge() -> Knowledge:
    return Knowledge([c for name in pack_names() for c in load_pack(name)])
