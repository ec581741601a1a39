"""A second name the narration gives someone in the same breath, the way English prose
introduces people: `Miss Trotwood, or Miss Betsey, as my poor mother always called her`,
`Elizabeth, or Beth, as everyone called her` (a name, `or`, the name people use, and the
`as ... called` that says so), and a peer's style after a name, `John Clayton, Lord
Greystoke,` or `John, Lord Greystoke, and Lady Alice` (a bare name, then a peerage title:
a list of guests writes its first name with a title too, `Mr. Smith, Lord Greystoke`).
Two characters whose mentions stand so are one person; the one named more often keeps
the other's mentions. Nothing joins when their genders differ."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fanarchive.analysis.characters.lexicon import TITLE_SYNONYMS, TITLES, words

if TYPE_CHECKING:
    from fanarchive.analysis.characters.detect import Draft

# `, or ` between the two names, then `, as everyone called her`, `as he was named`.
_OR_RE = re.compile(r",? or ")
_AS_CALLED_RE = re.compile(
    r",? as\b[^.;:!?\"“”\n]{0,40}?\b(?:call|calls|called|named|styled|known)\b", re.I
)
# Titles of the peerage (and a peeress's `Lady`): written after a person's own name.
PEERAGE_TITLES = words(
    "lord lady earl duke duchess marquis marquess marchioness viscount viscountess baron "
    "baroness count countess"
)
_AFTER_PEERAGE = (",", ".", ";", ")", "—", "–")
_ANY_TITLE = frozenset(TITLES) | frozenset(TITLE_SYNONYMS)


def join_restated(drafts: list[Draft], text: str) -> list[Draft]:
    """Join each pair of characters named side by side as one person (see the module)."""
    owner = {span: draft for draft in drafts for span in draft.spans}
    spans = sorted(owner)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:], strict=False):
        one, other = owner[(s1, e1)], owner[(s2, e2)]
        if one is other or not one.spans or not other.spans:
            continue
        if not (_or_as_called(text, e1, s2, e2) or _peer_styled(text, s1, e1, s2, e2)):
            continue
        if {one.likely_gender, other.likely_gender} >= {"male", "female"}:
            continue
        keeper, given = sorted((one, other), key=lambda d: len(d.spans), reverse=True)
        keeper.spans += given.spans
        keeper.surfaces.update(given.surfaces)
        for span in given.spans:
            owner[span] = keeper
        given.spans = []
    return [d for d in drafts if d.spans]


def _or_as_called(text: str, e1: int, s2: int, e2: int) -> bool:
    return _OR_RE.fullmatch(text, e1, s2) is not None and bool(_AS_CALLED_RE.match(text, e2))


def _peer_styled(text: str, s1: int, e1: int, s2: int, e2: int) -> bool:
    first, second = text[s1:e1].split(), text[s2:e2].split()
    return (
        text[e1:s2] == ", "
        and first[0].rstrip(".").lower() not in _ANY_TITLE
        and second[0].lower() in PEERAGE_TITLES
        and len(second) > 1
        and text[e2 : e2 + 1] in _AFTER_PEERAGE
    )
