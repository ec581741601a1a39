"""Once-named people (twelfth session, helper guard12): someone the text names once, with no
line of their own, is nobody's partner or friend for being spoken to or sharing a sentence."""

import re

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Character, Mention, Quote
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.relationships import find_relationships


def _relationships(text: str, people: dict[str, bool], lines: list[tuple[str, str]]):
    """Relationships of `text` with a cast of `people` (name: present), each mentioned
    wherever the text names them, and its quoted `lines` as (speaker, addressee)."""
    document = read_text(text)
    mentions = sorted(
        (
            Mention(m.start(), m.end(), name)
            for name in people
            for m in re.finditer(rf"\b{re.escape(name)}\b", document.text)
        ),
        key=lambda m: m.start,
    )
    cast = Cast(
        [
            Character(name, present=present, mentions=sum(m.character == name for m in mentions))
            for name, present in people.items()
        ],
        mentions,
    )
    spans = [m.span(1) for m in re.finditer(r'"([^"]+)"', document.text)]
    quotes = [
        Quote(start, end, document.text[start:end], speaker=speaker, addressee=addressee)
        for (start, end), (speaker, addressee) in zip(spans, lines, strict=True)
    ]
    return find_relationships(document, quotes, cast)


def test_someone_named_once_and_spoken_to_is_no_friend():
    # Dara at the desk is named once and never answers: the clerk Tom talks at, not a pair.
    text = (
        'Tom leaned on the counter while Dara typed. "I need the keys to room nine," Tom '
        'said. "The ones with the red tag." He waited. "Any time now."\n\n'
        'Mira came in from the rain. "Did you get them?" she asked. "Nearly," Tom said.\n'
    )
    people = {"Tom": True, "Dara": True, "Mira": True}
    lines = [("Tom", "Dara"), ("Tom", "Dara"), ("Tom", "Dara"), ("Mira", "Tom"), ("Tom", "Mira")]
    found = _relationships(text, people, lines)
    assert not any("Dara" in r.characters for r in found)
