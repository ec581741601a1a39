"""Once-named companions: a name the narration says once and a line calls by its clipped form.

`You wake to the sound of Bucky swearing at the toaster. ... "Everyone likes me better,
Buck."`: in reader-inserts and first-person stories the one the narrator is with is often
named once or twice and then only `he`/`she`; a single mention is too little for the cast
(a place, a word, a passer-by), but a line that calls the same person by the opening of that
name (`Buck`, `Saze`, however ordinary a word the clip is) is the second mention it lacked.
"""

from __future__ import annotations

from fanarchive.analysis.characters.discovery import Form
from fanarchive.analysis.characters.lexicon import nicknames
from fanarchive.analysis.characters.names import COMMON_WORD_ZIPF, zipf
from fanarchive.analysis.characters.scan import Scan

MIN_CLIP = 3  # letters of a clipped call (`Buck`, `Saze`); a shorter one only as a pet form


def once_named_and_called(forms: list[Form], kept: list[Form], scan: Scan) -> list[Form]:
    """The forms said once in the narration that a call in a line clips (see the module):
    one word, no title, no ordinary English word, never written in lower case, no word of a
    name the cast keeps; the call no word of a kept name either, nor the opening of one."""
    taken = {name for form in kept for name in form.names}
    calls = {
        form.names[0]
        for form in forms
        if _lone(form) and form.names[0] not in taken and _called(form, scan)
    }
    calls = {c for c in calls if not any(name.startswith(c) for name in taken)}
    if not calls:
        return []
    chosen = {id(form) for form in kept}
    return [
        form
        for form in forms
        if id(form) not in chosen
        and _lone(form)
        and form.count == 1
        and not form.occurrences[0].in_quote
        and _plain(form.names[0], taken, scan)
        and any(_clips(call, form.names[0]) for call in calls)
    ]


def _lone(form: Form) -> bool:
    return len(form.names) == 1 and not form.title


def _plain(word: str, taken: set[str], scan: Scan) -> bool:
    return (
        word not in taken
        and zipf(word) < COMMON_WORD_ZIPF
        and not scan.lower_words.get(word.lower())
    )


def _clips(call: str, word: str) -> bool:
    """`Buck` of `Bucky`, `Saze` of `Sazed`, or a pet form (`Lizzy` of `Elizabeth`)."""
    if len(call) >= MIN_CLIP and len(word) > len(call) and word.startswith(call):
        return True
    return word in nicknames().get(call, ())


def _called(form: Form, scan: Scan) -> bool:
    """Every mention a call in a line: after a comma closing it (`"..., Buck."`) or opening it
    before a comma or a mark (`"Saze," said Kelsier`)."""
    return all(o.in_quote and _call_at(scan, o.start, o.end) for o in form.occurrences)


def _call_at(scan: Scan, start: int, end: int) -> bool:
    bounds = scan.quote_bounds(start)
    if bounds is None:
        return False
    text = scan.text
    lead = text[bounds[0] : start].strip(" \t\n.…-—")
    tail = text[end : bounds[1]].lstrip(" \t")
    if not lead:
        return tail[:1] in (",", "?", "!")
    return lead.endswith(",") and not tail.strip(" .,!?…")
