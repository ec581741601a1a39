"""The cast: characters known from packs or discovered in the text, and their mentions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Character, Mention, Quote
from fanarchive.analysis.packs import Knowledge

NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\b")
STOP_NAMES = frozenset(
    ["The", "A", "An", "And", "But", "He", "She", "It", "They", "We", "You", "I", "His", "Her", "Their", "What", "Why", "Who", "When", "Where", "How", "Yes", "No", "Oh", "Well", "Then", "This", "That", "There", "Here", "Because", "So", "If", "Not", "Maybe", "Even"]
)


@dataclass
class Cast:
    characters: list[Character] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # sorted by start

    def get(self, name: str) -> Character | None:
        return next((c for c in self.characters if c.name == name), None)

    def finalise(self, quotes: list[Quote]) -> None:
        """Fill line counts and presence once speakers are known; order by importance."""
        lines = Counter(q.speaker for q in quotes if q.speaker)
        for character in self.characters:
            character.lines = lines.get(character.name, 0)
            character.present = character.present or character.lines > 0
        self.characters.sort(key=lambda c: (-(c.lines + c.mentions), c.name))


def detect_cast(document: Document, quotes: list[Quote], knowledge: Knowledge) -> Cast:
    text = document.text
    alias_to_name: dict[str, str] = {}
    for known in knowledge.characters:
        for alias in (known.name, *known.aliases):
            alias_to_name.setdefault(alias, known.name)
    mentions: list[Mention] = []
    if alias_to_name:
        pattern = re.compile(
            r"\b("
            + "|".join(re.escape(a) for a in sorted(alias_to_name, key=len, reverse=True))
            + r")\b"
        )
        for span in document.story_spans:
            for match in pattern.finditer(text, span.start, span.end):
                mentions.append(Mention(match.start(), match.end(), alias_to_name[match.group(1)]))
    counts = Counter(m.character for m in mentions)
    by_name = {k.name: k for k in knowledge.characters}
    characters = [
        Character(
            name=name,
            aliases=sorted(
                {text[m.start : m.end] for m in mentions if m.character == name} - {name}
            ),
            gender=by_name[name].gender,
            mentions=count,
            present=count >= 3,
            source="pack",
            fandom=by_name[name].fandom,
        )
        for name, count in counts.items()
    ]
    mentions.sort(key=lambda m: m.start)
    return Cast(characters, mentions)
