"""Chat and script lines speak for their label (`Peter: guys`; see `quotes.chat_lines`).

The label names the speaker as surely as a tag does, so its line takes the rule `explicit`
whatever the sieve read around it. `me:` is the narrator of a story told by an I, `you:` or
`y/n:` the Reader of one told to you. A label the cast does not know is someone of its own
(characters/labels.py makes them before attribution; one made here is a safety net).
"""

from __future__ import annotations

from fanarchive.analysis.characters.labels import SELF_LABELS, is_person_label
from fanarchive.analysis.model import Character, Quote


def speak_labels(cast, quotes: list[Quote]) -> None:
    """Give every labelled quote its label's character (made when the cast has none)."""
    labels = {quote.label for quote in quotes if quote.label}
    if not labels:
        return
    known = cast.resolve_all({label for label in labels if is_person_label(label)})
    for quote in quotes:
        if quote.label:
            character = _labelled(cast, quote.label, known)
            if character is not None:
                quote.speaker, quote.rule = character.name, "explicit"


def _labelled(cast, label: str, known: dict[str, Character | None]) -> Character | None:
    if is_person_label(label):
        if known.get(label) is None:  # `Peter` after an unknown `peter`: one person
            known[label] = cast.resolve(label) or _labelled_character(cast, label)
        return known[label]
    person = "first" if label.casefold() in SELF_LABELS else "second"
    narrator = getattr(cast, "narrator", None)
    return narrator if getattr(cast, "narration", "third") == person else None


def _labelled_character(cast, label: str) -> Character:
    character = Character(name=label, present=True)
    cast.characters.append(character)
    cast.add_aliases(character, [label])
    return character
