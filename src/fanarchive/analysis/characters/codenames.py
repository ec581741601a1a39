"""A second name the narration gives a character in so many words: `The vigilante known as
the Raven, Julian Marsh, landed`, `Elias Brandt, better known as Ghost,`, `the boy everyone
called Ghost, Elias Brandt`. Superhero, spy and gang stories name a person by a codename and
a civil name; both are one person when a naming verb sets them side by side, never merely
because two names stand together (`Mara, Dana and Gravelord`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fanarchive.analysis.characters.scan import Scan
from fanarchive.analysis.lazyre import LazyPattern

if TYPE_CHECKING:
    from fanarchive.analysis.characters.detect import Draft

_NAMING = r"(?:known as|nicknamed|codenamed|code-named|aka|a\.k\.a\.)"
_CUE = rf"(?:also |better |otherwise )?(?:{_NAMING}|called)"
# `NAME, known as (the) ALIAS`: the words between the two names.
_BETWEEN_RE = re.compile(rf",? {_CUE} (?:the )?", re.I)
# `known as (the) ALIAS, NAME,`: the words before the first name, and a bare comma between;
# `called` only when it is no telephone call (`she called Ron, Hermione and Ginny`).
_BEFORE_RE = LazyPattern(
    rf"\b(?:(?:also |better |otherwise )?{_NAMING}|(?:everyone|everybody|people|they|was|were|is)"
    r" called) (?:the )?$",
    re.I,
)
_AFTER_SECOND = (",", ".", ";", "—", "–", ")")


def join_codenames(drafts: list[Draft], scan: Scan) -> list[Draft]:
    """Join each pair of characters a naming verb sets side by side; the one named by a full
    name (`Elias Brandt`; else the more often named) keeps the mentions of the other."""
    owner = {span: draft for draft in drafts for span in draft.spans}
    spans = sorted(owner)
    text = scan.text
    for (s1, e1), (s2, e2) in zip(spans, spans[1:], strict=False):
        one, other = owner[(s1, e1)], owner[(s2, e2)]
        if one is other or not one.spans or not other.spans:
            continue
        if not _named_side_by_side(text, s1, e1, s2, e2):
            continue
        # Only a title's or a head noun's gender forbids: a codename is often a word name
        # lists give one gender (`Raven`), whoever bears it.
        if {one.character.gender, other.character.gender} >= {"male", "female"}:
            continue
        keeper, given = sorted((one, other), key=_weight, reverse=True)
        keeper.spans += given.spans
        keeper.surfaces.update(given.surfaces)
        if keeper.default_gender == "unknown":
            keeper.default_gender = given.default_gender
        for span in given.spans:
            owner[span] = keeper
        given.spans = []
    return [d for d in drafts if d.spans]


def _named_side_by_side(text: str, s1: int, e1: int, s2: int, e2: int) -> bool:
    gap = text[e1:s2]
    if _BETWEEN_RE.fullmatch(gap):
        return True
    return (
        gap == ", "
        and _BEFORE_RE.search(text[max(0, s1 - 40) : s1]) is not None
        and text[e2 : e2 + 1] in _AFTER_SECOND
    )


def _weight(draft: Draft) -> tuple[bool, int]:
    """A full name (`Elias Brandt`) before a codename said more often (`Ghost`)."""
    return (any(" " in surface for surface in draft.surfaces), len(draft.spans))
