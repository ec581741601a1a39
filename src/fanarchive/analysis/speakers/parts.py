"""Forms of a cast name the cast did not keep, read as mentions for attribution only.

The cast lists a person under the forms it is sure of; a tag, a beat or a call may still name
them otherwise, and then names no one for the sieve. Two such forms count here (the cast
itself is unchanged):

- the family name of a titled form alone (`Draper looked at them for a long moment.` in a
  story that otherwise says `Coach Draper`; as a cast rule it cost LitBank's character
  precision, see docs/evaluation.md), when one titled character owns it;
- a clipped name or a pet form called in a line (`"Jas?"` beside `Jasper`, `"Lizzy?"` beside
  `Elizabeth`), when it stands for one character only.

Neither may be a form of the cast already or an ordinary English word (wordfreq).
"""

from __future__ import annotations

import bisect
import re

from fanarchive.analysis.characters.lexicon import nicknames, title_key
from fanarchive.analysis.characters.names import COMMON_WORD_ZIPF, zipf
from fanarchive.analysis.model import Mention

WORD_RE = re.compile(r"[A-Z][\w-]*")


def family_name_mentions(text: str, characters, mentions: list[Mention]) -> list[Mention]:
    """`mentions` (sorted by start) with every lone family name of a titled character added."""
    parts = _family_names(characters)
    if not parts:
        return mentions
    found = [(m, name) for m in WORD_RE.finditer(text) if (name := parts.get(m.group()))]
    return _with_new_mentions(mentions, found)


def _with_new_mentions(mentions: list[Mention], found: list[tuple[re.Match, str]]) -> list[Mention]:
    """`mentions` (sorted by start) with a mention for each (match, character) found that is
    not part of a mention the cast has (`Draper` of `Coach Draper`)."""
    starts = [m.start for m in mentions]
    added = []
    for match, character in found:
        i = bisect.bisect_right(starts, match.start()) - 1
        if not (i >= 0 and mentions[i].end > match.start()):
            added.append(Mention(match.start(), match.end(), character))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _family_names(characters) -> dict[str, str]:
    """Family name -> the one character whose titled form (`Coach Draper`) ends with it."""
    owners: dict[str, set[str]] = {}
    forms = set()
    for character in characters:
        for form in (character.name, *character.aliases):
            forms.add(form)
            words = form.split()
            if len(words) == 2 and title_key(words[0]) and not title_key(words[1]):
                owners.setdefault(words[1], set()).add(character.name)
    return {
        word: next(iter(names))
        for word, names in owners.items()
        if len(names) == 1
        and word not in forms
        and word[:1].isupper()
        and zipf(word) < COMMON_WORD_ZIPF
    }


CLIP_RE = re.compile(r"\b[A-Z][a-z]+\b")
MIN_CLIPPED = 3  # letters of a clipped name (`Jas`); a shorter one only as a pet form (`Jo`)


def clipped_mentions(text: str, characters, mentions: list[Mention], quotes) -> list[Mention]:
    """`"Jas. Mina. Come on."` beside `Jasper`, `"Lizzy?"` beside `Elizabeth`: a capitalised
    word said in a quotation that opens one character's name word (longer than it, three
    letters or more) or is a pet form of their given name (lexicon `nicknames`), no other
    character's, and is no form of the cast and no ordinary English word (wordfreq), is that
    character: the vocative rules then read the call."""
    clips = _Clips(characters)
    found = [
        (match, character)
        for quote in quotes
        for match in CLIP_RE.finditer(text, quote.start, quote.end)
        if (character := clips.owner(match.group()))
    ]
    return _with_new_mentions(mentions, found)


class _Clips:
    """The cast's name words (no titles), each with its one owner ("" when shared)."""

    def __init__(self, characters):
        self.owners: dict[str, str] = {}
        self.forms: set[str] = set()
        for character in characters:
            for form in (character.name, *character.aliases):
                self.forms.add(form)
                for word in form.split():
                    if len(word) > 3 and not title_key(word):
                        known = self.owners.setdefault(word, character.name)
                        if known != character.name:
                            self.owners[word] = ""
        self.ordered = sorted(self.owners)
        self.seen: dict[str, str | None] = {}

    def owner(self, clip: str) -> str | None:
        if clip not in self.seen:
            found = self._opened_by(clip) | {
                self.owners[given] for given in nicknames().get(clip, ()) if given in self.owners
            }
            plain = clip not in self.forms and zipf(clip) < COMMON_WORD_ZIPF
            self.seen[clip] = found.pop() if plain and len(found) == 1 else None
        return self.seen[clip] or None

    def _opened_by(self, clip: str) -> set[str]:
        """The owners of the name words longer than `clip` that start with it."""
        found: set[str] = set()
        if len(clip) < MIN_CLIPPED:
            return found
        k = bisect.bisect_right(self.ordered, clip)
        while k < len(self.ordered) and self.ordered[k].startswith(clip):
            found.add(self.owners[self.ordered[k]])
            k += 1
        return found
