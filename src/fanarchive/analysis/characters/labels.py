"""People a chat or script labels its lines with (`Peter: guys`; see `quotes.chat_lines`).

A label is who speaks the line, so it is someone, however rarely the narration names them
(`**nadia:** im 15 too` before `Nadia found Ben on the beach`). A label the cast does not
already hold becomes a character: named as the narration writes it when it does (`Nadia`),
else as the label is written (a username, `spiderboy`), with its mentions in the narration
and in the lines (`i love you MJ`).
"""

from __future__ import annotations

import re

from fanarchive.analysis.characters.cast import surface_key
from fanarchive.analysis.characters.narrator import READER_RE
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Quote

# Labels that are the one telling the story or the one it is told to, not a name: `me:` in
# a story told by an I, `you:` or `y/n:` in one told to you.
SELF_LABELS = frozenset({"me", "i"})
YOU_LABELS = frozenset({"you", "reader"})


def is_person_label(label: str) -> bool:
    """Whether a label names someone rather than standing for the narrator or the reader."""
    key = label.casefold()
    return key not in SELF_LABELS | YOU_LABELS and not READER_RE.fullmatch(label)


def labelled_people(
    quotes: list[Quote], known: set[str], text: str
) -> list[tuple[str, list[tuple[int, int]]]]:
    """(name, mention spans) of each label whose surface key is not in `known`: in the
    narration and in what is said (`i love you MJ` names MJ, as a quoted line names anyone),
    never the labels themselves."""
    labels: dict[str, str] = {}  # surface key -> the label as first written
    for quote in quotes:
        label = quote.label
        if label and is_person_label(label) and (key := surface_key(label)) and key not in known:
            labels.setdefault(key, label)
    if not labels:
        return []
    spans: dict[str, list[tuple[int, int]]] = {key: [] for key in labels}
    written: dict[str, str] = {}
    longest = max(len(key.split()) for key in labels)
    # One pass over the words, each tried as the end of a label of up to `longest` words (a
    # regex of thousands of usernames took longer to compile than the analysis to run).
    recent: list[re.Match] = []
    for word in _WORD_RE.finditer(text):
        recent = [*recent[1 - longest :], word] if longest > 1 else [word]
        for first in recent:
            surface = text[first.start() : word.end()]
            key = surface.lower()
            if key in spans and not _labels(text, first, word):
                spans[key].append((first.start(), word.end()))
                if surface[:1].isupper():
                    written.setdefault(key, surface)
    return [(written.get(key, label), spans[key]) for key, label in labels.items()]


_WORD_RE = LazyPattern(r"(?<![\w'’-])[\w'’-]+")
LABEL_LOOK = 12  # characters of markup a label may follow at its line's start
# What may stand between a line's start and its label, and between the label and its colon.
_BEFORE_LABEL_RE = LazyPattern(r"[ \t*_\[<]*")
_AFTER_LABEL_RE = LazyPattern(r"[*_\]>]{0,2}(?:[ \t]*\([^()\n]{1,24}\))?[ \t]*:")


def _labels(text: str, first: re.Match, last: re.Match) -> bool:
    """The name labels a line (`**ben:** home`, also a line whose message is quoted), not a
    mention in the narration: the message says what others do (`my mum says`), so no
    pronoun after it is theirs."""
    window = max(0, first.start() - LABEL_LOOK)
    line_start = text.rfind("\n", window, first.start()) + 1
    if not line_start and window:
        return False  # far from any line start (looking further back is quadratic)
    return bool(
        _BEFORE_LABEL_RE.fullmatch(text, line_start, first.start())
        and _AFTER_LABEL_RE.match(text, last.end())
    )
