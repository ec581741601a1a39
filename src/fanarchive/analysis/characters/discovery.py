"""Discover characters no pack knows: capitalised names that recur, speak, are addressed.

A candidate *form* is a title (optional) plus name words, cut out of a capitalised run once
pack matches, function words and fandom terms are removed. Each occurrence is scored for
evidence that it names a person (a speech verb beside it, a vocative in a quotation, a
title) or a place (`in London`, `at Netherfield`); forms are then kept by simple rules.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from fanarchive.analysis.characters import context
from fanarchive.analysis.characters.lexicon import (
    FESTIVAL_FOLLOWERS,
    FESTIVALS,
    GENERIC_PERSON_NOUNS,
    KIN_AND_ROLE_HONORIFICS,
    NOT_NAMES,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    POSSESSIVE_DETERMINERS,
    SPEECH_VERBS,
    TITLES,
    WEEKDAYS_AND_MONTHS,
    place_names,
    words,
)
from fanarchive.analysis.characters.names import (
    COMMON_WORD_ZIPF,
    gazetteer,
    given_names,
    worded_given_name,
    zipf,
)
from fanarchive.analysis.characters.scan import Run, Scan, Token
from fanarchive.analysis.lazyre import LazyPattern

_VOWEL_RE = re.compile(r"[aeiouyà-ÿ]")
PLACE_PREFIXES = frozenset({"port", "mount", "lake", "fort", "cape", "new", "north", "south"})
_PUNCTUATION = ".,;:!?\"“”‘’'()[]_*-—"
_LOOK_VERBS = words(
    """
    look looks looked looking stare stared staring glance glanced glancing smile smiled
    smiling laugh laughed laughing grin grinned point pointed wink winked aim aimed
    frown frowned gaze gazed peer peered glare scowl nod wave beam blink squint shout yell
    snap growl hiss sneer smirk
    """
)
_MOTION_VERBS = words(
    """
    go goes went gone going come came coming return returned returning travel travelled
    traveled move moved back way journey trip drive drove ride rode walk walked sail
    sailed north south east west northward southward eastward westward
    """
)
_VOCATIVE_AFTER = ",!?.…-—"
# Nouns that relate a person to another (`the wife of John`, `a letter from Jane`).
_RELATIONAL_NOUNS = GENERIC_PERSON_NOUNS | words(
    """
    wives husbands sons daughters sisters brothers mothers fathers friends cousins nephews
    nieces uncles aunts servant servants maid children child family relations relative
    heir widow memory name names sake letter letters note notes portrait picture eyes face
    hand hands voice side arms presence house room death life opinion fault part care
    company thoughts all none one some most each both any either neither many few out
    instead because ahead front spite full fond afraid proud sure tired aware ashamed
    think thought thinking speak spoke spoken speaking heard hear know knew known talk
    talked talking dream dreamed dreamt tell told hint
    """
)
# What a person has and a town has not (`Rogers's mother`, `Preston's eyes`; a river has a
# mouth and a cliff a face).
_PERSONAL_POSSESSIONS = words(
    """
    mother father wife husband son daughter sister brother mum mom dad aunt uncle cousin
    grandmother grandfather parents children boyfriend girlfriend fiancé fiancée eyes
    eyebrows hand hands voice lips shoulder shoulders hair
    """
)
# A person's name takes no article; a people, a thing or a title does (`a Muggle`).
_ARTICLES = words("the a an every another each")
# First words of a quotation that make a closing `, Name` an address, not an apposition.
_GREETINGS = words(
    """
    morning evening afternoon night hello hi hey good goodbye bye thanks thank yes no
    yeah nope oh ah well sorry please come look listen wait welcome congratulations
    cheers dear okay ok sure right alright
    """
)


@dataclass(slots=True)
class Occurrence:
    start: int
    end: int
    title: str | None
    names: tuple[str, ...]
    initial: bool
    in_quote: bool
    speech: bool = False
    vocative: bool = False
    place: bool = False
    generic: bool = False  # after an article: `the Crown`, `a Muggle`, `every Jedi`
    honorific: str = ""  # `Giyuu-san`: a Japanese honorific marks a person
    acts: bool = False  # subject of a verb in the narration (`Chad nodded`)
    leads: bool = False  # opens a sentence as the subject of a person's verb (`Jaqen smiled`)
    kin: bool = False  # owns what only a person has (`Rogers's mother`, `Rogers's eyes`)
    relation: str = ""  # the gender of a kin noun before it (`her aunt Shaw`: female)
    elder: bool = False  # after `old` (`Old Mr. Baker`, `old Mr Pontifex`): the family's elder
    who: bool = False  # before `, who`: a relative clause only a person takes (`Washington, who`)
    voice: bool = False  # `Pepper's voice was tight.` beside a quote: whoever speaks it


@dataclass
class Form:
    """One surface form of a candidate name (`Mr. Darcy`, `Elizabeth Bennet`, `Lizzy`)."""

    title: str | None
    names: tuple[str, ...]
    occurrences: list[Occurrence] = field(default_factory=list)
    surfaces: Counter[str] = field(default_factory=Counter)

    @property
    def key(self) -> tuple[str | None, tuple[str, ...]]:
        return self.title, self.names

    @property
    def count(self) -> int:
        return len(self.occurrences)

    def tally(self, attribute: str) -> int:
        return sum(1 for o in self.occurrences if getattr(o, attribute))

    @property
    def display(self) -> str:
        return self.surfaces.most_common(1)[0][0]


def _is_name_word(token: Token, terms: frozenset[str]) -> bool:
    lower = token.base.lower()
    return (
        _VOWEL_RE.search(lower) is not None  # `Cl`, `Mrs`: abbreviations, not names
        and not token.particle
        and lower not in NOT_NAMES
        and lower.partition("-")[0] not in NOT_NAMES  # `Good-bye`, `By-the-by`
        and lower not in KIN_AND_ROLE_HONORIFICS  # `Onii-chan`: a brother
        and token.base not in terms
        and len(token.base) > 1
        and not _reduplicated(lower)
    )


# Given names that are also words English capitalises (`Will you...`, `in June`, `May I`,
# `a Christian`): opening a sentence, a name only before a family name (`Will Graham`) or a
# verb (`Will shrugged`); see `_modal_opener`.
GIVEN_WORDS = words("will may june april christian tory")


_SENTENCE_END_RE = LazyPattern(r"[.!?]")


def _asks(token: Token, text: str) -> bool:
    """`Will` or `May` opening a sentence that ends in a question mark: a modal verb."""
    if token.base.lower() not in {"will", "may"}:
        return False
    end = _SENTENCE_END_RE.search(text, token.end, token.end + 300)
    return end is not None and end.group() == "?"


def _modal_opener(tokens: list[Token], text: str) -> bool:
    """`Will you stop?`, `May I?`: a given-name word opening a sentence alone, before no verb
    (`Will shrugged`) and no mark of address (`"Will," he said`, `"June!"`)."""
    end = tokens[0].end
    return (
        len(tokens) == 1
        and tokens[0].base.lower() in GIVEN_WORDS
        and text[end : end + 1] not in (",", "!", "?", "…")
        and not context.acts(text, end)
    )


def _reduplicated(word: str) -> bool:
    """`Haw-haw-haw`, `Ha-ha`: laughter and cries, not names."""
    parts = word.split("-")
    return len(parts) > 1 and len(set(parts)) == 1


def _segments(run: Run, skip: set[int], terms: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges of the run that may be one name each (title kept, stopwords cut)."""
    segments, begin = [], None
    tokens = run.tokens
    for i, token in enumerate([*tokens, None]):
        name_like = (
            token is not None
            and i not in skip
            and (
                _is_name_word(token, terms)
                or token.title
                or (token.particle and begin is not None)
                or (token.base.lower() in GIVEN_WORDS)
            )
        )
        if (
            name_like
            and token.title
            and begin is not None
            and i > begin
            and not _saint_in_name(tokens, i)
        ):
            segments.append((begin, i))
            begin = i
        elif name_like and begin is None:
            begin = i
        elif not name_like and begin is not None:
            segments.append((begin, i))
            begin = None
        if begin is not None and token is not None and (token.possessive or token.honorific):
            segments.append((begin, i + 1))  # `Alice's Evidence`: a possessive ends a name
            begin = None
        # a segment never ends on a title or a particle: trim below
    trimmed = []
    for a, b in segments:
        while b > a and (tokens[b - 1].particle or tokens[b - 1].title):
            b -= 1
        if b > a and not (tokens[a].title and b == a + 1):
            trimmed.append((a, b))
    return trimmed


SAINT_TITLE = "st"


def _saint_in_name(tokens: list[Token], i: int) -> bool:
    """`Monsieur St. Aubert`, `Emily St. Clair`: `St.` after a title or a given name and
    before a name is part of a family name (a church is `St. Paul's`, never `Mr. St. Paul`)."""
    if tokens[i].title != SAINT_TITLE or i + 1 >= len(tokens) or tokens[i + 1].title:
        return False
    before = tokens[i - 1]
    return bool(before.title) or before.base.lower() in given_names()


def _saint_families(forms: dict[tuple, Form]) -> dict[tuple, Form]:
    """`St. Aubert` alone is the family name of `Monsieur St. Aubert`, not a saint: its form
    loses the title and keeps `St.` among its names."""
    families = {
        f.names[i + 1 :]
        for f in forms.values()
        for i, word in enumerate(f.names[:-1])
        if word.rstrip(".").lower() == SAINT_TITLE
    }
    result: dict[tuple, Form] = {}
    for key, form in forms.items():
        if form.title == SAINT_TITLE and form.names in families:
            saint = form.display.split()[0]
            form = Form(None, (saint, *form.names), form.occurrences, form.surfaces)
            key = form.key
            if key in result:  # written both ways
                result[key].occurrences += form.occurrences
                result[key].surfaces.update(form.surfaces)
                continue
        result[key] = form
    return result


def _last_words(before: str) -> tuple[str, str]:
    """The two words before a name, lower-cased; none when the name is glued on (`-Gai`)."""
    if before and not before[-1].isspace() and before[-1] not in "\"“‘'(":
        return "", ""
    words = [w.strip(_PUNCTUATION).lower() for w in before.split()]
    words = ["", ""] + [w for w in words[-3:] if w]  # `the “Trois Couronnes”`: the
    return words[-2], words[-1]


_SUBJECT_BEFORE_VERB_RE = re.compile(r"[A-Za-z][A-Za-z'’-]* +[a-z]+ +$")


def _named_thing(text: str, start: int, verb: str, noun: str) -> bool:
    """`a cat called Bartleby`, `a town called Paris`: `called` right after a word names what
    that word is, unlike the tag of `"Run!" called Bartleby`; after a person's noun (`a man
    called Pryce`) it names someone, which counts as before. (One told or asked is still
    someone: `Tom told Will`.)"""
    return (
        verb in ("called", "calls")
        and noun not in _PERSON_NOUNS
        and _SUBJECT_BEFORE_VERB_RE.search(text, max(0, start - 40), start) is not None
    )


_PERSON_NOUNS = (
    GENERIC_PERSON_NOUNS
    - words("thing creature figure one other others same first second last rest whole two")
    - words("three young old voice")
) | words("guy kid bloke chap fellow boyfriend girlfriend")


def _context(text: str, occurrence: Occurrence, scan: Scan) -> None:
    prev2, prev1 = _last_words(text[max(0, occurrence.start - 40) : occurrence.start])
    after = text[occurrence.end : occurrence.end + 30].split(None, 2)
    next1 = after[0].strip(_PUNCTUATION).lower() if after else ""
    if next1 in {"s", "'s", "’s"} and len(after) > 1:
        next1 = after[1].strip(_PUNCTUATION).lower()
    occurrence.kin = text[occurrence.end : occurrence.end + 1] in ("'", "’") and (
        next1 in _PERSONAL_POSSESSIONS
    )
    if not occurrence.in_quote:
        occurrence.voice = occurrence.kin and next1 == "voice"
        occurrence.speech = next1 in SPEECH_VERBS or (
            prev1 in SPEECH_VERBS and not _named_thing(text, occurrence.start, prev1, prev2)
        )
        occurrence.acts = (
            not occurrence.initial
            and prev1 not in _PREPOSITIONS  # `The gardens on Coruscant were quiet`
            and prev1 not in POSSESSIVE_DETERMINERS  # `his Nike trainers`: a brand, no subject
            and context.acts(text, occurrence.end)
        )
        occurrence.leads = occurrence.initial and context.acts_as_person(text, occurrence.end)
    else:
        occurrence.vocative = _is_vocative(text, occurrence, scan)
    if occurrence.names == ("God",) and (
        occurrence.vocative or _OATH_RE.match(text, occurrence.end)
    ):
        # `God knows what`, `"God, yes."`, `"Oh God."`: an oath, not an act or a call
        occurrence.acts = occurrence.leads = occurrence.vocative = False
    occurrence.generic = prev1 in _ARTICLES
    occurrence.who = not occurrence.generic and _WHO_RE.match(text, occurrence.end) is not None
    occurrence.relation = RELATION_GENDER.get(prev1, "")
    occurrence.elder = occurrence.elder or prev1 == "old"
    if prev1 in PLACE_PREPOSITIONS and prev1 != "from":
        occurrence.place = True
    elif prev1 == "at":
        occurrence.place = not _looks(prev2) and not prev2.endswith("ed")
    elif prev1 == "to":
        occurrence.place = prev2 in _MOTION_VERBS
    elif prev1 == "of" and len(occurrence.names) == 1:
        # `the plains of Languedoc`, `the inhabitants of Mars`; not `the wife of John`
        occurrence.place = prev2.isalpha() and prev2 not in _RELATIONAL_NOUNS
    if _apposed_to_a_thing(text, occurrence, prev2, prev1):
        occurrence.place = True  # `the planet Mars`, `the river Thames`, `the ship Pequod`
    if occurrence.kin:
        occurrence.place = False  # `the photograph of Rogers's mother`


# What follows God in an oath rather than an act: `God knows what`, `as God is my witness`.
_OATH_RE = LazyPattern(r"\s+(?:(?:only\s+)?kn[oe]w|knows|is\s+my\s+witness)\b")


# Nouns of things besides `PLACE_WORDS` that `the` and a proper name follow in apposition.
_APPOSED_THINGS = words("planet star ship steamer schooner brig yacht vessel frigate barque")


def _apposed_to_a_thing(text: str, occurrence: Occurrence, prev2: str, prev1: str) -> bool:
    """`the planet Mars`, `the river Thames`, `the village Ashby`: a name in apposition to a
    place or a thing; not `the house Jane had bought`, where the name begins a clause."""
    return (
        prev2 == "the"
        and (prev1 in PLACE_WORDS or prev1 in _APPOSED_THINGS)
        and not context.acts(text, occurrence.end)
    )


# `Washington, who, after...`: a place or a thing takes `which`; `whose` goes with both
# (`the Pyrenees, whose summits`).
_WHO_RE = re.compile(r",\s+whom?\b")


def _looks(word: str) -> bool:
    """`stared at`, and in the present tense of so much fan fiction, `gazes at Saoirse`,
    `glares at`, `hisses at`: a look or a word aimed at someone, not a place."""
    return (
        word in _LOOK_VERBS
        or (word.endswith("s") and word[:-1] in _LOOK_VERBS)
        or (word.endswith("es") and word[:-2] in _LOOK_VERBS)
    )


# A name after one of these is the object of a phrase (`The gardens on Coruscant were
# quiet`, `the front of the Temple was gone`), not the subject of the verb after it.
_PREPOSITIONS = words(
    """
    of in on at from to into onto with without for about near behind beside under over
    across through toward towards past upon among between around beyond like than
    """
)


# Kin and household nouns before a name give its gender (`her aunt Shaw`, `his brother
# Tom`, `the maid Ellis`).
RELATION_GENDER = {
    **dict.fromkeys(
        words("aunt mother sister wife daughter niece grandmother maid widow"), "female"
    ),
    **dict.fromkeys(words("uncle father brother husband son nephew grandfather"), "male"),
}


_CLOSING_MARKS = "\"”’'»"


def _tag_after_quote(text: str, tokens: list[Token]) -> bool:
    """`"Where were you?" Mom asked.`: a speech tag goes on the sentence the quotation began
    (`"...?" she asked`), so the capital of the word before its verb is the name's own."""
    before = text[max(0, tokens[0].start - 3) : tokens[0].start].rstrip()
    if not before or before[-1] not in _CLOSING_MARKS:
        return False
    after = text[tokens[-1].end : tokens[-1].end + 20].split(None, 1)
    return bool(after) and after[0].strip(_PUNCTUATION).lower() in SPEECH_VERBS


def _after_festival(previous: Token, token: Token) -> bool:
    return previous.base.lower() in FESTIVALS and token.base.lower() in FESTIVAL_FOLLOWERS


def _sentence_word(token: Token, following: Token, scan: Scan) -> bool:
    """A sentence's capitalised first word the text also writes in lowercase, and no given
    name: `Sometimes` of `Sometimes Dick slept`. A short work may never write the word in
    lowercase (`Eventually Steve let out a breath`), so an everyday English word before a
    given name counts too; before another word (`Black Widow`) it may be part of a name."""
    lower = token.base.lower()
    if token.title or lower in given_names():
        return False
    if lower in scan.lower_words:
        return True
    return zipf(lower) >= COMMON_WORD_ZIPF and following.base.lower() in given_names()


def _is_vocative(text: str, occurrence: Occurrence, scan: Scan) -> bool:
    """`"Gaara?"`, `"Naruto, look"`, `"... , Emma!"`: a name that addresses someone."""
    bounds = scan.quote_bounds(occurrence.start)
    if bounds is None:
        return False
    q_start, q_end = bounds
    lead = text[q_start : occurrence.start].strip(" \t\n.…-—")
    tail = text[occurrence.end : q_end].lstrip(" \t")
    if not lead:
        if tail.strip(" .,!?…-—\"”’'") == "":
            return not _common_word(occurrence.names)  # `"Wait!"` addresses no one
        return not tail or tail[0] in _VOCATIVE_AFTER
    # `"..., Emma."` ending the quotation, or `"..., Huckleberry; ..."` / `--` / `—` before
    # the quotation goes on.
    closes = len(tail.strip(" .,!?…")) == 0 or tail.startswith((";", "--", "—", "–"))
    if lead.endswith(",") and not _ends_capitalised(lead) and _between_commas(tail, occurrence):
        return True
    if lead.endswith(",") and closes:
        quote = text[q_start:q_end].lower()
        first_word = quote.split(None, 1)[0].strip(",.!?") if quote.split() else ""
        return (
            tail.strip().endswith(("?", "!"))
            or first_word in _GREETINGS
            or bool(re.search(r"\byou", quote))
        )
    return False


def _between_commas(tail: str, occurrence: Occurrence) -> bool:
    """`"I swear, Tobin, one more word"`, `"Come on, Tobin,"`: a word English never writes,
    alone between two commas of a line (no list: `, and`/`, or` goes on), is someone
    addressed."""
    return (
        tail.startswith(",")
        and len(occurrence.names) == 1
        and zipf(occurrence.names[0]) == 0
        and not re.match(r",\s+(?:and|or)\b", tail)
    )


def _ends_capitalised(lead: str) -> bool:
    """`"Past Bruges, Qarth, the coast"`: a capitalised word before the comma makes a list.
    (Measured: letting a sentence's capitalised first word through, `"Oh, Qarth, ..."`,
    cost PDNC check a line.)"""
    words_ = lead[:-1].split()
    return bool(words_) and words_[-1][:1].isupper()


def _whole_quotation(scan: Scan, occurrence: Occurrence) -> bool:
    """The word is all its quotation says (`"Yikes!"`, `"Yikes," she said`)."""
    bounds = scan.quote_bounds(occurrence.start) if occurrence.in_quote else None
    if bounds is None:
        return False
    text = scan.text
    lead = text[bounds[0] : occurrence.start].strip(" \t\n.…-—")
    tail = text[occurrence.end : bounds[1]].strip(" \t\n.,!?…-—\"”’'")
    return not lead and not tail


def _stutter(text: str, token: Token) -> bool:
    """`Ka- Kakashi`: a name's first letters cut off by a dash."""
    if text[token.end : token.end + 1] != "-":
        return False
    following = text[token.end + 1 : token.end + 40].lstrip().lower()
    return following.startswith(token.base.lower())


def _common_word(names: tuple[str, ...]) -> bool:
    """A one-word form that is an English word more than a given name (`Wait`, `Anyway`)."""
    if len(names) != 1:
        return False
    word = names[0].lower()
    return zipf(word) >= COMMON_WORD_ZIPF and word not in given_names()


def collect_forms(
    scan: Scan, claimed: dict[int, set[int]], terms: frozenset[str]
) -> dict[tuple, Form]:
    """Every candidate form with its occurrences; `claimed[run]` are tokens packs matched."""
    forms: dict[tuple, Form] = {}
    text = scan.text
    cache: dict[tuple, list[tuple[int, int]]] = {}
    for index, run in enumerate(scan.runs):
        skip = claimed.get(index, set())
        key = (
            tuple((t.base, bool(t.honorific), t.possessive) for t in run.tokens),
            frozenset(skip),
        )
        segments = cache.get(key)
        if segments is None:
            segments = cache[key] = _segments(run, skip, terms) or _nickname_segment(run, skip)
        for a, b in segments:
            if a > 0 and _after_festival(run.tokens[a - 1], run.tokens[a]):
                a += 1  # `Christmas Eve`, `Eid Day`: the day, not a woman named Eve
                if a == b:
                    continue
            opener = a == 0 and run.initial
            if opener and b - a > 1 and _sentence_word(run.tokens[a], run.tokens[a + 1], scan):
                a, opener = a + 1, False  # `Sometimes Dick`: the name is Dick
            if opener and _asks(run.tokens[a], text):
                a, opener = a + 1, False  # `Will Marilla let me go?`: the name is Marilla
                if a == b:
                    continue
            tokens = run.tokens[a:b]
            if _stutter(text, tokens[-1]) or (opener and _modal_opener(tokens, text)):
                continue
            title = tokens[0].title
            if title and len(tokens) == 2 and tokens[1].base == "God":
                tokens, title = tokens[1:], None  # `the Lord God` is no lord called God
            names = tuple(t.base for t in tokens[1 if title else 0 :])
            occurrence = Occurrence(
                tokens[0].start,
                tokens[-1].end,
                title,
                names,
                initial=opener and not title and not _tag_after_quote(text, tokens),
                in_quote=run.in_quote,
                honorific=tokens[-1].honorific,
                elder=a > 0 and run.tokens[a - 1].base.lower() == "old",
            )
            _context(text, occurrence, scan)
            form = forms.setdefault((title, names), Form(title, names))
            form.occurrences.append(occurrence)
            form.surfaces[text[occurrence.start : occurrence.end]] += 1
    return _saint_families(forms)


def _leads_beside_a_quote(form: Form, scan: Scan) -> bool:
    """`Steve came in from the kitchen, holding an empty pot. "Has anyone seen the yoghurt?"`:
    a given name said once, leading a sentence as a person in a paragraph where someone
    speaks, is someone there (the sentence is the line's beat)."""
    for occurrence in form.occurrences:
        if not occurrence.leads:
            continue
        end = scan.text.find("\n", occurrence.end)
        end = len(scan.text) if end < 0 else end
        i = bisect.bisect_left(scan.quote_starts, occurrence.end)
        if i < len(scan.quote_starts) and scan.quote_starts[i] < end:
            return True
    return False


def person_evidence(form: Form) -> int:
    evidence = form.tally("speech") + form.tally("vocative")
    if form.title:
        evidence += form.count
    if form.names[0].lower() in given_names():
        evidence += 1
    return evidence


def is_name(
    form: Form,
    scan: Scan,
    titled: frozenset[str] = frozenset(),
    alone: frozenset[str] = frozenset(),
) -> bool:
    """Keep forms that behave like a person's name; reject places, words and one-offs.
    `titled`: family names the text gives a title (`Mr. Darcy`); `alone`: words the text
    says as a name by themselves (`Lewis` of `Lewis Napoleon`)."""
    if len(form.names) == 1 and form.names[0].lower() in PEOPLES:
        # `"Not me," said Dutch.`: a people's word is a nickname only when it speaks twice
        tags = sum(1 for o in form.occurrences if o.speech and _plain_speech_tag(scan.text, o))
        return not form.title and tags >= NICKNAME_TAGS
    if "God" in form.names and len(form.names) > 1:
        return False  # `May God forgive me`, `Good God`: an oath or a prayer
    return _behaves_like_name(form, scan, titled, alone) and not _known_place(form, titled)


# Words for a people (`NOT_NAMES`) that stories also give as nicknames (`Dutch`, `Irish`,
# `Frenchy` aside), and the speech tags that make one a character.
PEOPLES = words(
    """
    english french german italian spanish russian american british scottish scotch irish
    welsh dutch swiss austrian prussian polish greek roman indian chinese japanese european
    african asian turkish arab canadian yankee
    """
)
NICKNAME_TAGS = 2


def _nickname_segment(run: Run, skip: set[int]) -> list[tuple[int, int]]:
    """A people's word standing alone (`Dutch`) is a candidate nickname."""
    tokens = run.tokens
    if len(tokens) == 1 and not skip and tokens[0].base.lower() in PEOPLES:
        return [(0, 1)]
    return []


def _known_place(form: Form, titled: frozenset[str]) -> bool:
    """A place the gazetteer knows (`Highbury`, `Lyon`), unless the text treats it as a
    person's: a title (`Mr. Preston`), a given name (`Florence`, `Austin`), or it speaks, is
    addressed, acts or opens a sentence as a person's subject twice (a town may be the
    subject of one verb: `Lyon was hot`). Surnames taken from towns keep their title
    somewhere in the text."""
    if form.title or form.names[-1] in titled or form.names[0].lower() in given_names():
        return False
    # `Kemi unfolds herself`, `Kemi looks at him` opening sentences count as acting too
    behaving = form.tally("speech") + form.tally("vocative") + form.tally("acts")
    if behaving + form.tally("leads") >= 2:
        return False
    if form.tally("kin") or form.tally("who"):
        return False  # `Rogers's mother`, `Washington, who`: towns have no mothers
    return " ".join(form.names) in gazetteer()


# Titles English writes before a person's name without `the` (unlike `the Widow Douglas`,
# `the Reverend Mr. Kronborg`, `the Duke`): always after an article, an inn or a ship.
_NO_ARTICLE_TITLES = words("mr mrs miss ms dr captain admiral general colonel major commodore")
# Titles whose bearers give their names to places (`Queen Elizabeth Hospital`).
_PLACE_NAMING_TITLES = words("prince princess king queen duke duchess saint lady lord")


_NUMBER_WORDS = words(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred thousand
    """
)


def _place_shaped(form: Form) -> bool:
    """`Oak Street`, `Port Royal`, `Paris`: a place word ends it, a place prefix opens it, or
    it is a well-known place."""
    return (
        form.names[-1].lower() in PLACE_WORDS
        or form.names[0].lower() in PLACE_PREFIXES
        or " ".join(form.names) in place_names()
    )


def _speaks_as_person(form: Form, scan: Scan, said: int) -> bool:
    """A name shaped like a place (`House`, `River`, `Paris`, `Maria Hill`) is a person's
    when it speaks beside a speech verb and speaks, is addressed or acts at least twice, and
    more than twice as often as it follows `in`, `into`... (`"It's never lupus," said
    House.`; `in Africa` twice and `Africa went further` once is a place), or, a given name
    before the place word, when it is addressed or twice does what a place does not (`Maria
    Hill brought the files`; `Victoria Station was crowded` names no one); a given name
    alone that is a town (`Florence`, `Sydney`) when it is never somewhere and twice the
    subject of a verb inside a sentence."""
    behaves = said + form.tally("acts")
    if form.tally("who") > form.tally("place"):
        return True  # `Washington, who, after admonishing the general`
    tagged = any(o.speech and _plain_speech_tag(scan.text, o) for o in form.occurrences)
    if tagged and behaves >= 2 and form.tally("place") * 2 < behaves:
        return True
    if form.names[0].lower() not in given_names():
        return False
    if len(form.names) < 2:
        # `Florence was watching the road` ... `Florence ran down`: a town that is also a
        # given name, never where anyone goes or comes from, twice the subject of a verb
        # inside a sentence (where no place word stands) is someone
        return not form.tally("place") and form.tally("acts") >= 2
    acting = sum(
        1 for o in form.occurrences if not o.in_quote and context.acts_as_person(scan.text, o.end)
    )
    return said >= 1 or acting >= 2


# Speech verbs that as often say where someone or something went, or what it is called
# (`The Englishmen in Africa went further`, `a town called Paris`).
_MOTION_OR_NAMING = words("went goes told tells returned called calls continued began cut")


def _plain_speech_tag(text: str, occurrence: Occurrence) -> bool:
    """`said House`, `House muttered`: a speech verb beside the name that is no verb of
    going or naming."""
    prev1 = _last_words(text[max(0, occurrence.start - 40) : occurrence.start])[1]
    after = text[occurrence.end : occurrence.end + 30].split(None, 1)
    next1 = after[0].strip(_PUNCTUATION).lower() if after else ""
    return any(w in SPEECH_VERBS and w not in _MOTION_OR_NAMING for w in (prev1, next1))


def _behaves_like_name(
    form: Form, scan: Scan, titled: frozenset[str], alone: frozenset[str] = frozenset()
) -> bool:
    count, person, place = form.count, person_evidence(form), form.tally("place")
    non_initial = count - form.tally("initial")
    said = form.tally("speech") + form.tally("vocative")
    if not form.title and _place_shaped(form) and not _speaks_as_person(form, scan, said):
        return False
    # places seldom speak or act (`Jane smiled`), nor open sentences as a person's subject
    # (`Anders shrugged.`: `Then at Anders.` once makes no place of him)
    behaves = said + form.tally("acts") + form.tally("leads")
    # `at Mr. Barry's` and `Prissy Andrews` are people even after a preposition.
    person_shaped = form.title or (len(form.names) > 1 and form.names[0].lower() in given_names())
    # A place is where most people go: one `in Vasquel` among five mentions makes no town.
    if (
        not person_shaped
        and place > behaves
        and (place * 4 >= count or (place >= 2 and place > 2 * behaves))
    ):
        return False
    if form.title:
        # A title before a capitalised word is a person even once (`Mrs. Goulding`), except
        # for saints, which name churches and places (`St. James`) unless they speak, and
        # a royal's name before a place word (`Prince Edward Island`, `King George Square`).
        if form.title in _NO_ARTICLE_TITLES and form.tally("generic") == count and not said:
            return False  # `the Admiral Benbow`, `the General Grant`: an inn or a ship
        if form.title in _PLACE_NAMING_TITLES and len(form.names) > 1:
            return said >= 1 or form.names[-1].lower() not in PLACE_WORDS
        return form.title != "st" or said >= 1
    if form.tally("generic") * 3 >= count and not _family_plural(form, scan.text):
        return False
    if len(form.names) > 1:
        known_given = form.names[0].lower() in given_names()
        if form.names[-1].lower() in _NUMBER_WORDS and not known_given and not said:
            return False  # `Bay Three`, `District Twelve`, `Platform Nine`: numbered places
        # Words no English text uses commonly (`Fitzwilliam Darcy`) even where sentences start.
        uncommon = all(zipf(n) < COMMON_WORD_ZIPF for n in form.names)
        family_of_titled = form.names[-1] in titled  # `Fitzwilliam Darcy` of `Mr. Darcy`
        if family_of_titled:
            return True
        if known_given:
            return not _place_with_a_given_name(form, scan, said, alone)
        if _addressed_epithet(form):
            return False  # `"I was not worried, Shitty Hair!"`: what a person is called
        if count < 5 and not _behaves_like_person(form, scan, said):
            return False  # `Public Safety`, `Marsh End`: named, but no one
        if _rare_name_in_a_drabble(form, scan):
            return True  # `"Out," said Greef Karga.`
        return (non_initial >= 1 or uncommon) and (count >= 2 or said >= 1)
    family = form.names[0] in titled  # `Collins` of `Mr. Collins`, however common a word
    return _single_word_is_name(form, scan, non_initial, person + family, said, family)


# A work this short (a drabble, a ficlet: lower-case words counted) names most people once.
SHORT_WORK_WORDS = 1000


def short_work(scan: Scan) -> bool:
    return scan.lower_word_count < SHORT_WORK_WORDS


def _rare_name_in_a_drabble(form: Form, scan: Scan) -> bool:
    """`Lestrade said it from the doorway.`, `said Kenobi`, `Jaskier, who had been halfway
    through`: a drabble names most people once or twice. A name English seldom writes
    (below Zipf 3 in wordfreq, unlike `Arthur` or `Hope`) is someone in a short work when
    a speech tag gives it a line, or it does two things only people do. One act alone is not
    enough (measured: fic_holdout7 -5), nor one sentence led (fic_dialogue check -2). What a
    family calls its elders (`Grandad`) is left to the kin rules."""
    from fanarchive.analysis.characters.clustering import KIN_NAMES  # clustering imports Form

    return (
        short_work(scan)
        and all(zipf(n) == 0 and n.lower() not in KIN_NAMES for n in form.names)
        and (form.tally("speech") >= 1 or _person_signs(form) >= 2)
    )


def _person_signs(form: Form) -> int:
    """What a person does in the narration: speaks, acts, opens a sentence as a person's
    subject, takes `, who`."""
    return sum(form.tally(sign) for sign in ("speech", "acts", "leads", "who"))


def _family_plural(form: Form, text: str) -> bool:
    """`the Munsters`, twice and never otherwise: a family's name in the plural after `the`.
    The plural is no English word (`the Americans`, `the Indians` are), its singular no common
    one (`the Woods`); a family whose singular the text also names (`the Bennets` of `Mr.
    Bennet`) is left to `drop_plurals`."""
    word = form.names[0]
    return (
        len(form.names) == 1
        and form.count >= 2
        and word.endswith("s")
        and not word.endswith("ss")
        and zipf(word) == 0
        and zipf(word[:-1]) < COMMON_WORD_ZIPF
        and all(_after_the(text, o.start) for o in form.occurrences)
        and not any(_where_before_article(text, o.start) for o in form.occurrences)
    )


def _after_the(text: str, start: int) -> bool:
    """A family is `the Munsters`; `a Doritos bag` is a thing."""
    return _last_words(text[max(0, start - 40) : start])[1] == "the"


def _where_before_article(text: str, start: int) -> bool:
    """`toward the Pyrenees`, `beyond the Pyrenees`: a range of mountains, no family (one is
    called on, stayed with, or gone to: `on`, `with`, `to` and `at` say nothing)."""
    return _last_words(text[max(0, start - 40) : start])[0] in PLACE_PREPOSITIONS - {"from"}


def _addressed_epithet(form: Form) -> bool:
    """`"Move it, Pretty Boy!"`, `"I was not worried, Shitty Hair!"`: everyday English words
    (`EPITHET_WORD_ZIPF`), no given name among them, only ever said to someone inside a
    quotation, are a nickname or an insult for a person already in the cast, not a person of
    their own."""
    return all(
        zipf(n) >= EPITHET_WORD_ZIPF and n.lower() not in given_names() for n in form.names
    ) and all(o.in_quote and o.vocative for o in form.occurrences)


# An epithet's words are everyday English, if not the commonest (`Sweet Cheeks` 3.8,
# `Broccoli Brain` 3.5).
EPITHET_WORD_ZIPF = 3.0


def _single_word_is_name(
    form: Form, scan: Scan, non_initial: int, person: int, said: int, family: bool
) -> bool:
    count = form.count
    lower = scan.lower_words.get(form.names[0].lower(), 0)
    known_given = form.names[0].lower() in given_names()
    if not family and all(_whole_quotation(scan, o) for o in form.occurrences):
        return False  # `"Yikes," Dana said. "Yikes."`: an exclamation, however rare a word
    if not (family or known_given) and _only_opens_speech(form):
        return False  # `"Jeez, Sam."`, `"Yikes! Run!"`: an exclamation where a name would be
    if lower > non_initial // 2 and not _speaks_or_acts_as_named(form, known_given):
        return False  # used as an ordinary word in this very text (`Will`, `Hope`, `Guy`)
    if not (family or known_given) and _where_not_who(form, said):
        return False
    if form.names[0].lower() in GIVEN_WORDS and not family:
        # `Will said`, `said Will`, `"Will," he said`, `Will shook his head`; a month must
        # speak or be addressed (`June was hot` is no woman)
        month = form.names[0].lower() in WEEKDAYS_AND_MONTHS
        return said >= 1 or (not month and form.tally("acts") >= 1)
    if _common_word(form.names) and not family:
        # `Anyway`, `Seriously` only open sentences; `the Colony`, `Tell that to him` name
        # no one: a common word is a name when it speaks, is addressed, acts or owns what
        # only a person has (`Rogers's mother`).
        acts = form.tally("acts") + form.tally("honorific") + form.tally("kin") + form.tally("who")
        if form.tally("honorific"):
            return True  # `"Seo-noona"`: no English word takes an honorific, wherever it stands
        if not acts and all(o.in_quote and o.vocative for o in form.occurrences):
            return False  # `"Morning, Boss."`, `"Thanks, Coach."`: how someone is addressed
        return (
            (non_initial > 0 and said + acts >= 1)
            or form.tally("voice") >= 1
            or _worded_name_leads(form, lower)
        )
    if not (family or known_given) and count < 5 and not _behaves_like_person(form, scan, said):
        return False
    return (
        (lower == 0 and form.tally("honorific") >= 1)
        or (lower == 0 and _leads_as_rare_word(form))
        or (lower == 0 and form.tally("acts") >= 1 and known_given)
        # `except for Maya, who is sitting on the counter`: a drabble seldom names anyone twice
        or (lower == 0 and form.tally("who") >= 1 and known_given and short_work(scan))
        or (non_initial >= 2 and (person >= 1 or non_initial >= 3))
        or (count >= 2 and lower == 0 and (said >= 1 or non_initial >= 1))
        or (count >= 3 and lower == 0 and known_given)
        or (count >= 2 and lower == 0 and known_given and form.tally("leads") >= 1)
        or (lower == 0 and known_given and _leads_beside_a_quote(form, scan))
        or (known_given and said >= 1)
        or (lower == 0 and form.tally("voice") >= 1)
        or (lower == 0 and _rare_name_in_a_drabble(form, scan))
        # `"Language," said McGonagall.` beside `Professor McGonagall`: the family name of
        # someone the text titles, once where no sentence starts, is that person again;
        # opening a sentence it must do what a person does (`Draper looked at them.`,
        # `McGonagall said`), as any capitalised word may open one
        or (family and (non_initial >= 1 or form.tally("leads") + form.tally("speech") >= 1))
        or (family and lower == 0 and _opens_with_a_comma(form, scan.text))
    )


def _opens_with_a_comma(form: Form, text: str) -> bool:
    """`Verloc, however, said nothing.` beside `Mr. Verloc`: a family name the text titles,
    opening a sentence before a comma, never written in lower case, is that person."""
    return any(
        o.initial and not o.in_quote and text[o.end : o.end + 1] == "," for o in form.occurrences
    )


def _worded_name_leads(form: Form, lower: int) -> bool:
    """`Jake had eaten all the snacks. ... Jake sat up straight. ... Jake looked at the
    phone.`: a given name English also writes as a word (`jake`, `max`, `chase`), never in
    lower case in this text, that opens sentences as a person's subject is someone, though it
    never speaks by a tag of its own (a texting scene's sender)."""
    return (
        lower == 0 and form.tally("leads") >= LEADING_SUBJECTS and worded_given_name(form.names[0])
    )


def _only_opens_speech(form: Form) -> bool:
    """A word English knows (`Jeez`, `Yikes`, `Dumbass`) that only ever opens what someone
    says, and never once appears in the narration, is the exclamation that opens a line; a
    character addressed at the start of a line (`"Gaara, wait"`) is also named elsewhere."""
    word = form.names[0].lower()
    return (
        zipf(word.split("-")[0]) > 0  # `Push-ups.`: the word before the hyphen
        and not word.endswith(_AGENT_ENDINGS)  # `"Navigator, you stay by me."` addresses one
        and all(o.in_quote and o.initial for o in form.occurrences)
    )


# Nouns for what a person does (`Navigator`, `Sailor`, `Pianist`, `Guardian`): a role the
# story may call someone by, addressing them at the start of a line.
_AGENT_ENDINGS = ("or", "er", "ist", "ian", "ant", "ent", "man", "woman", "ess")


# Sentence-opening subjects needed for a word no given-name list knows (`Jaqen`, `Kakashi`),
# and how rare in English its lower-case form must be: `Hermione` 3.3, `Naruto` 3.5, but
# adverbs that invert a sentence (`Upstairs creaked a door`, `Overhead flew a hawk`) 3.7-3.9.
LEADING_SUBJECTS, RARE_WORD_ZIPF = 2, 3.5


def _leads_as_rare_word(form: Form) -> bool:
    """`Jaqen watched her go. Jaqen smiled.`: invented and foreign names (`Daenerys`,
    `Tsukishima`) mostly open sentences; a word English seldom uses (`Suddenly`, `Later`,
    `Upstairs` are common) that opens sentences as the subject of a person's verb names
    someone."""
    frequency, leads = zipf(form.names[0]), form.tally("leads")
    # `Sherlock` (Zipf 3.7) leading three sentences as a person is someone too
    return (frequency < RARE_WORD_ZIPF and leads >= LEADING_SUBJECTS) or (
        frequency < COMMON_WORD_ZIPF and leads >= LEADING_SUBJECTS + 1
    )


def _speaks_or_acts_as_named(form: Form, known_given: bool) -> bool:
    """`Rose said`, `said Rose`, or a given name that acts twice mid-sentence (`Rose
    watched`, `Rose took his hand`): a person, however often the text also says `rose`."""
    return form.tally("speech") >= 1 or (known_given and form.tally("acts") >= 2)


def _place_with_a_given_name(form: Form, scan: Scan, said: int, alone: frozenset[str]) -> bool:
    """`for William Henry, the post at the northern extremity`: a fort, a ship or a town
    named after someone, said once or twice, where the text goes or sets a thing beside it,
    that never does what a person does and whose words the text never says alone (`Lewis
    Napoleon` is also `Lewis had outgrown 'em`)."""
    return (
        form.count < 3
        and any(_where_or_what(scan.text, o) for o in form.occurrences)
        and not _behaves_like_person(form, scan, said)
        and not set(form.names) & alone
    )


_APPOSED_RE = LazyPattern(r", (?:the|a|an) ([a-z]+)(?: ([a-z]+))?")


def _where_or_what(text: str, occurrence: Occurrence) -> bool:
    """`to William Henry`, `the walls of William Henry`, `William Henry, the post`: where
    one goes, a part of a thing, or a name in apposition to a noun no person is called by
    (not `Paul Armstrong, the president of the bank`, `the wife of John Clayton`)."""
    if occurrence.place:
        return True
    prev2, prev1 = _last_words(text[max(0, occurrence.start - 40) : occurrence.start])
    if prev1 == "of" and prev2.isalpha() and prev2 not in _RELATIONAL_NOUNS:
        return True
    return _apposed_thing(text, occurrence.end)


def _apposed_thing(text: str, end: int) -> bool:
    """`, the post at the head of the lake`, `, an old mill`: not `, the card said` (a tag
    set inside the sentence) nor `, the president of the bank`."""
    apposed = _APPOSED_RE.match(text, end)
    if apposed is None:
        return False
    first, second = apposed.groups()
    if second in SPEECH_VERBS or (second or "").endswith("ed"):
        return False
    noun = first if second is None or second in _PREPOSITIONS else second
    return not _person_noun(noun)


def _person_noun(word: str) -> bool:
    return (
        word in GENERIC_PERSON_NOUNS
        or word in _PERSONAL_POSSESSIONS
        or word in TITLES
        or word.endswith(_AGENT_ENDINGS)
    )


def _behaves_like_person(form: Form, scan: Scan, said: int) -> bool:
    """Something a person does somewhere in the text: speaks, is addressed, acts, has a
    Japanese honorific, owns something (`Cromwell's chances`) or is followed by the `he` or
    `she` that refers back to them. A name whose first word is no given name needs one of
    these unless it recurs five times: `a message from Vexmoor`, `nobody trusted Vexmoor`,
    `watched Dusk Spire burn` name no one."""
    if said or form.tally("acts") or form.tally("honorific") or form.tally("who"):
        return True
    text = scan.text
    for occurrence in form.occurrences:
        if text[occurrence.end : occurrence.end + 1] in ("'", "’"):
            return True  # a possessive
        if _person_object(text, occurrence.start):
            return True
        if occurrence.in_quote:
            continue
        if occurrence.initial and context.acts(text, occurrence.end):
            return True  # `Fitzwilliam Darcy nodded.` opening a sentence
        if context.following_pronoun(text, occurrence.end):
            return True
    return False


# Verbs whose object is a person, never a place (`thanked Vasquel`, `married Quillan`).
_PERSON_OBJECT_VERBS = words(
    """
    told tell tells asked ask asks thanked thank kissed kiss kisses married marry hugged
    greeted answered warned begged promised introduced forgave blamed punished pitied
    obeyed embraced informed assured reminded persuaded convinced scolded teased comforted
    consoled congratulated interrupted nodded winked smiled grinned waved beckoned
    """
)


def _person_object(text: str, start: int) -> bool:
    """`told Vasquel`, `smiled at Vasquel`, `said to Vasquel`: a person, never a place."""
    prev2, prev1 = _last_words(text[max(0, start - 40) : start])
    if prev1 in _PERSON_OBJECT_VERBS:
        return True
    if prev1 == "at":
        return prev2 in _PERSON_OBJECT_VERBS or prev2 in _LOOK_VERBS
    return prev1 == "to" and prev2 in SPEECH_VERBS


def _where_not_who(form: Form, said: int) -> bool:
    """A word that is somewhere (`in Languedoc`, `went to Soho`) and never speaks nor is
    addressed is a place even when it is the subject of a verb (`Languedoc lay`), unless it
    acts more often than it is a place. One `in Vasquel` among five mentions makes no place."""
    place = form.tally("place")
    return not said and place * 3 >= form.count and form.tally("acts") <= place


def with_components(forms: list[Form], kept: list[Form], scan: Scan) -> list[Form]:
    """Add the lone given or family names of kept full names (`Elizabeth` of `Elizabeth
    Bennet`), however rarely they occur alone, unless the text uses them as words."""
    parts = {n for f in kept if len(f.names) > 1 for n in f.names}
    chosen = {id(f) for f in kept}
    extra = [
        f
        for f in forms
        if id(f) not in chosen
        and len(f.names) == 1
        and not f.title
        and f.names[0] in parts
        and scan.lower_words.get(f.names[0].lower(), 0) == 0
        and f.tally("generic") * 3 < f.count
    ]
    return kept + extra


def _singulars(word: str) -> tuple[str, ...]:
    if word.endswith("men"):
        return (word[:-3] + "man",)
    if word.endswith("es"):
        return word[:-1], word[:-2]
    return (word[:-1],) if word.endswith("s") and not word.endswith("ss") else ()


def drop_plurals(forms: list[Form]) -> list[Form]:
    """`the Westons`, `the Miss Bennets`, `Italians`, `Englishmen`: groups, not characters."""
    names = {f.names[-1] for f in forms if f.names[-1] != "s"}

    def plural(form: Form) -> bool:
        singulars = _singulars(form.names[-1])
        if form.names[-1].lower() in given_names():
            # `Ines`, `Wes`, `Ares` are no plurals of `in`, `we`, `are`: a given name is a
            # group only of a name the text gives (`the Jameses` beside `James`)
            return any(s in names for s in singulars)
        return any(s in names or s.lower() in NOT_NAMES for s in singulars)

    return [f for f in forms if not plural(f)]


_WHERE_WORDS = PLACE_PREPOSITIONS | words("at to of from")
_AND_AFTER_RE = re.compile(r",? (?:and|or|nor) ")
_AND_BEFORE_RE = re.compile(r",? (?:and|or|nor) $")


def coordinated_with_people(forms: list[Form], kept: list[Form], scan: Scan) -> list[Form]:
    """`Denny, and Wickham, and Pratt`, `Giotto or Filippo Lippi`, `Swinburne, Meredith,
    and Hardy`: a name joined by `and`, `or` or a list's comma to a person's name (titled,
    led by a given name, or one that speaks) names a person too, unless the text uses it as
    a word, it is shaped like a place or is mostly where someone is (`in Giotto's time` once
    among six mentions is no place). Lists of places (`London, Bath and Brighton`) never
    reach a person, and a comma alone joins only inside a list (`Denny, Pratt and Carter`),
    not a place and a person (`at Netherfield, Mr. Bingley said`)."""
    people = [
        f for f in kept if f.title or f.names[0].lower() in given_names() or f.tally("speech")
    ]
    starts = {o.start for f in people for o in f.occurrences}
    ends = {o.end for f in people for o in f.occurrences}
    chosen = {id(f) for f in kept}
    found = []
    for form in forms:
        if id(form) in chosen or form.title or _place_shaped(form):
            continue
        if form.tally("place") * 3 >= form.count or " ".join(form.names) in gazetteer():
            continue
        word = form.names[0]
        if scan.lower_words.get(word.lower(), 0) or zipf(word) >= COMMON_WORD_ZIPF:
            continue  # `Hope and Mary`: a word the text also writes in lower case
        if any(_listed_beside(scan.text, o, starts, ends) for o in form.occurrences):
            found.append(form)
    return found


def _new_clause(text: str, and_after: re.Match[str], before: str) -> bool:
    """`dropped out of hyperspace above Christophsis, and Ahsoka grabbed the chair`: `, and`
    before a name that is its verb's subject starts a new clause, unless the name before it
    is itself in a list (`Denny, Pratt, and Carter went`)."""
    if not and_after.group().startswith(",") or before.endswith(", "):
        return False
    name = re.match(r"[\w'’-]+(?: [A-Z][\w'’-]+)*", text[and_after.end() :])
    return name is not None and context.acts(text, and_after.end() + name.end())


def _listed_beside(text: str, occurrence: Occurrence, starts: set[int], ends: set[int]) -> bool:
    """The occurrence is joined to a person's name right before or after it."""
    start, end = occurrence.start, occurrence.end
    if _last_words(text[max(0, start - 40) : start])[1] in _WHERE_WORDS:
        return False  # `rode from Dunmoor and Mr. Ives`: a place beside a person
    before = text[max(0, start - 6) : start]
    and_after = _AND_AFTER_RE.match(text, end)
    and_before = _AND_BEFORE_RE.search(before)
    if and_after and and_after.end() in starts and not _new_clause(text, and_after, before):
        return True
    if and_before and start - len(and_before.group()) in ends:
        return True
    comma_after, comma_before = text.startswith(", ", end), before.endswith(", ")
    if comma_after and end + 2 in starts and (comma_before or and_before):
        return True  # `..., Meredith, Swinburne`: the list goes on before it
    return comma_before and start - 2 in ends and (comma_after or bool(and_after))
