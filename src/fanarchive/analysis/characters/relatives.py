"""The narrator's parents, when the story only ever calls them `my mom`, `my dad`.

A story told by an I names the narrator's mother as often by what the narrator calls her as
by her name: `"You're going to be late," my mom says from the doorway.` When such a parent
speaks or acts in the narration (`my mom says`, `says my dad`, `My mum laughed`), the cast
holds them under that calling (`Mom`, `Dad`), with the gender the word gives, unless the
cast already has someone called so. The speakers' kin rule then gives `my mom says` to them
(speakers/kin.py).
"""

from __future__ import annotations

import re

from fanarchive.analysis.characters import context
from fanarchive.analysis.characters.lexicon import SPEECH_VERBS
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.text import trie_pattern

# What a narrator calls a parent -> the parent's gender. Only the words of today's English:
# a novel's `my father` is as often the Mr. of the family or someone long dead (with `mother`
# and `father`, LitBank lost 3 tune and 6 check quotations).
CALLINGS = {
    **dict.fromkeys(("mom", "mum", "mommy", "mummy", "momma"), "female"),
    **dict.fromkeys(("dad", "daddy"), "male"),
}
_MY_PARENT_RE = LazyPattern(rf"\b[Mm]y ({trie_pattern(CALLINGS)})\b")
_SPEECH_BEFORE_RE = LazyPattern(rf"\b(?:{trie_pattern(SPEECH_VERBS)}) $", re.IGNORECASE)


def narrators_parents(
    text: str, in_quote, known: set[str]
) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(calling as a name, gender, narration spans of the calling) for each parent of the I
    who speaks or acts in the narration and whom the cast (`known`, lower-cased names) does
    not already hold."""
    found: dict[str, list[tuple[int, int]]] = {}
    acting: set[str] = set()
    for match in _MY_PARENT_RE.finditer(text):
        if in_quote(match.start()):
            continue
        word = match.group(1).lower()
        found.setdefault(word, []).append(match.span(1))
        before = text[max(0, match.start() - 12) : match.start()]
        if (
            context.speaks(text, match.start(1), match.end(1))
            or context.acts(text, match.end(1))
            or _SPEECH_BEFORE_RE.search(before)
        ):
            acting.add(word)
    return [
        (word.title(), CALLINGS[word], spans)
        for word, spans in found.items()
        if word in acting and word not in known
    ]
