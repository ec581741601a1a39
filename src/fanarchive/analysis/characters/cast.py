"""The cast of one work: its characters, every mention of them, and its narrator."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from fanarchive.analysis.characters.lexicon import split_honorific, strip_possessive, title_key
from fanarchive.analysis.model import Character, Mention, Quote

# A quotation's closing mark and the pronoun opening its tag on the same line (`," he
# rumbled`); a capital `He` after it opens a sentence of its own, maybe about someone else.
_TAG_PRONOUN_RE = re.compile(r"""[,.!?…—-]{0,3}["”’'»][ \t]+(he|she)\b""")
_TRIM = " \t\n\"“”‘’'.,;:!?()[]"


def surface_key(surface: str) -> str:
    """Normalise a surface form for look-up: `"Kakashi-sensei's"` -> `kakashi`."""
    words = strip_possessive(surface.strip(_TRIM)).split()
    if not words:
        return ""
    words[-1] = split_honorific(words[-1])[0]
    return " ".join(words).lower()


def _without_title(key: str) -> str:
    first, _, rest = key.partition(" ")
    return rest if rest and title_key(first) else ""


@dataclass
class Cast:
    characters: list[Character] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # sorted by start, no overlaps
    narrator: Character | None = None  # the first-person (or reader-insert) narrator, if named
    narration: str = "third"  # "first" | "second" | "third" person
    index: dict[str, str] = field(default_factory=dict)  # surface key -> canonical name
    # Where the work's character/relationship tags and its text disagree (tagged.py).
    tag_disagreements: list[str] = field(default_factory=list)
    # Genders only what the characters say gives (`"Osei owes me, so she would."`): shown
    # once the speakers are known (`finalise`), too weak to resolve the narration's pronouns
    # with (used before, PDNC check attribution lost 3 quotations).
    talk_genders: dict[str, str] = field(default_factory=dict)
    text: str = field(default="", repr=False)  # the work's text, for the speech tags
    # Characters the narration calls they (`Alex pulled their knees up`): no gender is
    # guessed for them from talk or from the `she said` tags of lines given to them.
    called_they: set[str] = field(default_factory=set)
    # Genders only a pronoun after a mention that does not act gives (`the reputation earned
    # by Washington was the cause of his being selected`): the weakest, shown last, like
    # `talk_genders` (as a gender to resolve pronouns with: LitBank check attribution lost 2
    # quotations, PDNC check 4).
    narrated_genders: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for character in self.characters:
            self.add_aliases(character, [character.name, *character.aliases])
        self._index_bare_family_names()

    def _index_bare_family_names(self) -> None:
        """`Kemp` resolves to `Mr. Kemp` when no one else in the cast is a Kemp."""
        owners: dict[str, set[str]] = {}
        for key, name in self.index.items():
            bare = _without_title(key)
            if bare:
                owners.setdefault(bare, set()).add(name)
        for bare, names in owners.items():
            if len(names) == 1 and bare not in self.index:
                self.index[bare] = names.pop()

    def add_aliases(self, character: Character, surfaces: list[str]) -> None:
        """Make `resolve` know more surfaces for a character (first claim wins)."""
        for surface in surfaces:
            key = surface_key(surface)
            if key:
                self.index.setdefault(key, character.name)

    def get(self, name: str) -> Character | None:
        return next((c for c in self.characters if c.name == name), None)

    def resolve(self, surface: str) -> Character | None:
        """The character a surface form names (`Kakashi-sensei`, `Mr. Darcy`, `naruto`)."""
        name = self._indexed(surface)
        return self.get(name) if name else None

    def resolve_all(self, surfaces: set[str]) -> dict[str, Character | None]:
        """`resolve` for many surfaces at once, the characters read once (a chat of
        thousands of usernames looked each up in the whole cast)."""
        by_name: dict[str, Character] = {}
        for character in self.characters:
            by_name.setdefault(character.name, character)
        return {s: by_name.get(name) if (name := self._indexed(s)) else None for s in surfaces}

    def _indexed(self, surface: str) -> str | None:
        key = surface_key(surface)
        return self.index.get(key) or self.index.get(_without_title(key))

    def finalise(self, quotes: list[Quote]) -> None:
        """Fill line counts and presence once speakers are known; order by importance."""
        lines = Counter(q.speaker for q in quotes if q.speaker)
        for character in self.characters:
            character.lines = lines.get(character.name, 0)
            character.present = character.present or character.lines > 0
            if character.gender == "unknown" and character.name not in self.called_they:
                character.gender = self.talk_genders.get(character.name, "unknown")
        self._genders_from_tags(quotes)
        for character in self.characters:
            if character.gender == "unknown" and character.name not in self.called_they:
                character.gender = self.narrated_genders.get(character.name, "unknown")
        self.characters.sort(key=lambda c: (not c.present, -(c.lines + c.mentions), c.name))

    def _genders_from_tags(self, quotes: list[Quote]) -> None:
        """`"Little bird," he rumbled.`: the pronoun opening the tag after a character's
        lines, when every one agrees, for a character nothing else gave a gender (after the
        speakers are found, like `talk_genders`)."""
        found: dict[str, set[str]] = {}
        for quote in quotes:
            if quote.speaker and (match := _TAG_PRONOUN_RE.match(self.text, quote.end)):
                found.setdefault(quote.speaker, set()).add(match.group(1).lower())
        for character in self.characters:
            if character.name in self.called_they:
                continue
            genders = found.get(character.name, set())
            if character.gender == "unknown" and len(genders) == 1:
                character.gender = "male" if genders.pop() == "he" else "female"
