"""Who speaks each quote: a sieve of rules, most precise first (see `sieve`).

Every quote gets `speaker` (a canonical character name, or None when the text names no one),
`rule` (the sieve step that decided), `confidence` (the calibrated probability that the speaker
is right, see `confidence`) and `addressee` when the quote calls someone by name.
"""

from __future__ import annotations

import bisect

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.characters.narrator import READER, settle_narrator, told_to_you_in
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Character, Mention, Quote
from fanarchive.analysis.speakers.confidence import calibrate
from fanarchive.analysis.speakers.context import Context
from fanarchive.analysis.speakers.kin import Families
from fanarchive.analysis.speakers.labels import speak_labels
from fanarchive.analysis.speakers.narrator_naming import name_the_narrator, name_the_partner
from fanarchive.analysis.speakers.parts import clipped_mentions, family_name_mentions
from fanarchive.analysis.speakers.persons import told_to
from fanarchive.analysis.speakers.ranking import rerank
from fanarchive.analysis.speakers.sieve import CONFIDENCE, Sieve

__all__ = ["CONFIDENCE", "attribute_speakers", "decide_speakers", "run_sieve"]

NEITHER = "neither"  # the sieve's gender for a character called they


def attribute_speakers(document: Document, quotes: list[Quote], cast: Cast) -> None:
    """Fill speaker, rule, confidence and addressee of every quote, in place: the sieve, the
    learned ranking of its less certain answers (see `ranking`), the name of an `I` narrator the
    dialogue names (see `narrator_naming`), then each answer's calibrated probability of being
    right (see `confidence`)."""
    sieve = decide_speakers(document, quotes, cast)
    if sieve is not None:
        calibrate(sieve.lines, getattr(cast, "narration", "third"))


def decide_speakers(document: Document, quotes: list[Quote], cast: Cast) -> Sieve | None:
    """The speakers without the calibration (what the calibration is trained on): the sieve,
    the ranking except in a story told to `you`, then the narrator's name."""
    sieve = run_sieve(document, quotes, cast)
    if sieve is None:
        return None
    # The ranking learned from novels, none told to `you`: in a second-person story its
    # second look overruled the sieve more often wrongly than rightly (fic_dialogue check and
    # fic_holdout), so the sieve's answers stand there.
    if getattr(cast, "narration", "third") != "second":
        rerank(sieve)
    name_the_narrator(cast, document.text, quotes)
    name_the_partner(cast, document.text, quotes)
    speak_labels(cast, quotes)
    return sieve


def run_sieve(document: Document, quotes: list[Quote], cast: Cast) -> Sieve | None:
    """The sieve alone (what the ranking re-reads and what its training learns from)."""
    if not quotes:
        return None
    quotes.sort(key=lambda q: q.start)
    for quote in quotes:
        quote.speaker, quote.rule, quote.confidence, quote.addressee = None, "none", 0.0, None
    settle_narrator(cast, document, quotes)
    narration = getattr(cast, "narration", "third")
    # One the text calls `they` (characters: Cast.called_they) is neither a `he` nor a
    # `she`: "unknown" would let any tag's pronoun fit them.
    they = getattr(cast, "called_they", set())
    genders = {c.name: NEITHER if c.name in they else c.gender for c in cast.characters}
    reader = addressed_reader(cast)
    # A story an I tells to `you` whom no tag names (no Reader in the cast): `you said` is the
    # one the narrator's lines call by name, when they do.
    told_to_you = reader is None and narration == "first" and told_to_you_in(document, quotes)
    mentions = sorted(cast.mentions, key=lambda m: m.start)
    mentions = family_name_mentions(document.text, cast.characters, mentions)
    mentions = clipped_mentions(document.text, cast.characters, mentions, quotes)
    second_person = narration == "second"
    context = Context(document, quotes, mentions, second_person, told_to_reader=reader is not None)
    if told_to_you:
        reader = told_to(context)
        if reader is not None:
            context = Context(document, quotes, mentions, second_person, told_to_reader=True)
    sieve = Sieve(context, genders, narrator_name(cast), Families(cast.characters), reader)
    sieve.run()
    _add_newcomers(cast, sieve)
    return sieve


def _add_newcomers(cast: Cast, sieve: Sieve) -> None:
    """The people named once, or only described (`an old woman with a basket`), whom the sieve
    made speakers join the cast; a description is its person's mention."""
    speaking = {line.quote.speaker for line in sieve.lines}
    described = {name for name in sieve.newcomer_spans if name in speaking}
    for name in sorted(sieve.newcomers | described):
        if cast.get(name) is None:
            gender = sieve.genders.get(name, "unknown")
            character = Character(name=name, gender=gender, present=True)
            cast.characters.append(character)
            cast.add_aliases(character, [name])
    for name in described:
        for start, end in sorted(sieve.newcomer_spans[name]):
            bisect.insort(cast.mentions, Mention(start, end, name), key=lambda m: m.start)


def addressed_reader(cast: Cast) -> str | None:
    """The *Reader* an I-narrator tells the story to (`"You're late," you said`), when the cast
    has one besides its narrator: then `you` in a tag is the Reader."""
    if getattr(cast, "narration", "third") != "first":
        return None
    reader = cast.get(READER)
    if reader is None or reader.name == narrator_name(cast):
        return None
    return reader.name


def narrator_name(cast: Cast) -> str | None:
    """The first-person narrator's canonical name, when the cast knows it."""
    narrator = getattr(cast, "narrator", None)
    if narrator is None:
        return None
    return narrator if isinstance(narrator, str) else getattr(narrator, "name", None)
