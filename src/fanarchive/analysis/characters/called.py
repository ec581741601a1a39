"""Once-named companions: someone a short work names once, of a sex no one in the cast has.

`Mey-Rin bursts through the door, a stack of linen in her arms.`: in short fan fiction the
one a scene turns on is often named once and then only `he`/`she`. One mention is too little
for the cast in general (a place, a word, a passer-by: docs/evaluation.md, "Once-named
people (twelfth session)"), but when the cast keeps no one of that sex and a `she says` later
needs someone, the once-named word is the only one it can be. Likewise a given name said once
that opens the paragraph right before an untagged line, alone there, is whose beat it is.
"""

from __future__ import annotations

import re

from fanarchive.analysis.characters.context import own_pronoun
from fanarchive.analysis.characters.discovery import GIVEN_WORDS, RARE_WORD_ZIPF, Form, short_work
from fanarchive.analysis.characters.lexicon import SPEECH_VERBS, WEEKDAYS_AND_MONTHS
from fanarchive.analysis.characters.names import gazetteer, given_gender, given_names, zipf
from fanarchive.analysis.characters.scan import Scan


def once_named_of_a_lone_gender(forms: list[Form], kept: list[Form], scan: Scan) -> list[Form]:
    """In a short work, a word said once in the narration, doing what a person does (a tag,
    an act, a sentence led) with its own `his`/`her` in that sentence, is someone when no
    one the cast keeps is of that sex and a pronoun tag of that sex follows. The word is one
    English seldom writes (`Mist curled around her ankles` is weather, `The older Jedi
    closed his eyes` a noun), never in lower case and no word of another form (a family
    name said once beside a full name stays that person's); not after an article."""
    if not short_work(scan):
        return []  # a longer work names its passers-by once too (LitBank check -17)
    genders = {_kept_gender(form, scan) for form in kept}
    taken = {name for form in forms if len(form.names) > 1 for name in form.names}
    taken |= {name for form in kept for name in form.names}
    found = []
    for form in forms:
        if not _once_in_narration(form, taken, scan):
            continue
        end = form.occurrences[0].end
        gender = own_pronoun(scan.text, end)
        if gender and gender not in genders and _tagged_after(scan.text, end, gender):
            found.append(form)
    return found


def _once_in_narration(form: Form, taken: set[str], scan: Scan) -> bool:
    """One rare word, no title, said once outside the lines, acting as a person there."""
    if not _said_once_untaken(form, taken, scan):
        return False
    o = form.occurrences[0]
    return zipf(form.names[0]) < RARE_WORD_ZIPF and bool(o.speech or o.acts or o.leads)


def _said_once_untaken(form: Form, taken: set[str], scan: Scan) -> bool:
    """One word, no title, said once in the narration (not as a generic word), never written
    in lower case, and no part of a name the cast already holds."""
    if len(form.names) != 1 or form.title or form.count != 1:
        return False
    word, o = form.names[0], form.occurrences[0]
    return (
        word not in taken
        and not scan.lower_words.get(word.lower())
        and not o.in_quote
        and not o.generic
    )


def _kept_gender(form: Form, scan: Scan) -> str:
    """The usual sex of a kept form's given name, else its own pronoun's in the narration."""
    gender = given_gender(form.names[0]) if not form.title else ""
    if gender in ("male", "female"):
        return gender
    pronouns = {own_pronoun(scan.text, o.end) for o in form.occurrences if not o.in_quote}
    pronouns.discard("")
    return pronouns.pop() if len(pronouns) == 1 else "unknown"


_TAG_RE = re.compile(r"\b(he|she)\s+([a-z]+)\b")


def _tagged_after(text: str, end: int, gender: str) -> bool:
    """A pronoun tag of that sex later in the text (`"Move up," she says`): someone speaks
    whom the cast had no one for; a passer-by who never speaks stays out (relationship
    probes check passed 34 -> 33 without this)."""
    pronoun = "he" if gender == "male" else "she"
    return any(
        m.group(1) == pronoun and m.group(2) in SPEECH_VERBS for m in _TAG_RE.finditer(text, end)
    )


def once_named_beat_before_a_line(forms: list[Form], kept: list[Form], scan: Scan) -> list[Form]:
    """`Magnus laughs, and then stops laughing. / "Did you hear that?"`: in a short work's
    group scene, a given name said once, leading the narration's paragraph right before an
    untagged line, is the one that line's beat belongs to. Only beside two kept people (a
    first-person drabble whose cast is empty names its I by a call the once-named one would
    take: fic_tune4's Merlin), and no clip of a kept name (`Sam` beside `Sammy` would gather
    what `Sammy` had left alone)."""
    if not short_work(scan) or len(kept) < 2:
        return []
    taken = {name for form in forms if len(form.names) > 1 for name in form.names}
    taken |= {name for form in kept for name in form.names}
    found = []
    for form in forms:
        word = form.names[0]
        if (
            _once_leading(form, taken, scan)
            and not any(w.startswith(word) or word.startswith(w) for w in taken)
            and _beat_before_a_line(scan, form.occurrences[0].end)
            and _opens_a_paragraph_alone(form, kept, scan.text)
            and not _a_word_there(form, scan.text)
        ):
            found.append(form)
    return found


def _once_leading(form: Form, taken: set[str], scan: Scan) -> bool:
    """A known given name, no title, said once outside the lines, opening a sentence."""
    return (
        _said_once_untaken(form, taken, scan)
        and form.names[0].lower() in given_names()
        and form.occurrences[0].leads
    )


# Given names English also writes as a time (`Dawn broke grey over the hills.`, `June had
# been wet.`): opening the beat they are the hour, no one (review16).
_TIME_NAMES = WEEKDAYS_AND_MONTHS | GIVEN_WORDS | {"dawn"}
# `Mercedes engines always sounded like that`, `Olive trees lined the road`: the name is a
# noun's modifier, the plural after it the sentence's subject.
_MODIFIER_RE = re.compile(r"\s+[a-z]{3,}s\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")
_PERSON_PRONOUN_RE = re.compile(r"\b(?:he|she|him|his|her|hers|himself|herself)\b", re.I)


def _a_word_there(form: Form, text: str) -> bool:
    """The once-named word is a noun's modifier, or a time or a place whose paragraph says no
    `he`/`she` of it (`Georgia rolled past the window in a green blur of pine.`; not `June
    pushed the door open with her shoulder`): only one person-like verb vouches for the beat,
    so a word that is more often no one needs a pronoun besides."""
    word, o = form.names[0], form.occurrences[0]
    if _MODIFIER_RE.match(text, o.end):
        return True
    stop = text.find("\n", o.end)
    paragraph = text[o.end : len(text) if stop < 0 else stop]
    thing = word.lower() in _TIME_NAMES or word in gazetteer()
    return thing and not _PERSON_PRONOUN_RE.search(paragraph)


def _beat_before_a_line(scan: Scan, end: int) -> bool:
    """The paragraph holding `end` has no line and the next paragraph opens on one."""
    stop = scan.text.find("\n", end)
    quote = scan.next_quote_start(end)
    if stop < 0 or quote is None or quote < stop:
        return False
    gap = scan.text[stop:quote].strip()  # the blank lines and the opening mark
    return len(gap) <= 1 and not gap.isalnum()


def _opens_a_paragraph_alone(form: Form, kept: list[Form], text: str) -> bool:
    """The paragraph opens on the name and names no one the cast keeps: the beat is about
    this one person (`Franziska sprays another arrow.`), not a passer-by in another's
    paragraph; nor does the line's own narration name anyone (`"You're late," said
    Kelsier.` after `Mist curled around her ankles.`)."""
    o = form.occurrences[0]
    start = text.rfind("\n", 0, o.start) + 1
    stop = text.find("\n", o.end)
    if text[start : o.start].strip():
        return False
    line_end = text.find("\n", _next_text(text, stop))
    line_end = len(text) if line_end < 0 else line_end
    return not any(
        start <= x.start < stop or (stop <= x.start < line_end and not x.in_quote)
        for f in kept
        for x in f.occurrences
    )


def _next_text(text: str, at: int) -> int:
    """Where the next paragraph's text starts after the newline at `at`."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at
