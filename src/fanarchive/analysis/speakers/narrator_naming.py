"""The name of a first-person narrator, read once the lines are attributed.

Before attribution the cast can only name an `I` narrator from what needs no speakers: `my name
is …`, or a name others call at least twice (characters/narrator.py). Fan fiction often says it
once: the mother shouting `Perseus Jackson, why does my apartment smell like a bakery?` from
the hall, `Suga` in the middle of a teammate's line, `I'm Zagreus` in the narrator's own. Once
the sieve has said which lines are the narrator's, a single call counts when a line *not* the
narrator's calls it right before or after a line that is (someone talking to the narrator), and
a narrator's own line can name them (`I'm Zagreus.`). The name must be no one else's: not a
speaker, not someone the narration talks about. One name must lead; then the *Narrator*'s lines
take it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from fanarchive.analysis.characters.discovery import RARE_WORD_ZIPF
from fanarchive.analysis.characters.lexicon import TITLES
from fanarchive.analysis.characters.names import COMMON_WORD_ZIPF, given_names, zipf
from fanarchive.analysis.characters.narrator import (
    CAPITALISED,
    NARRATOR,
    ROLE_WORD_ZIPF,
    _calls,
    _is_role_word,
    _name_groups,
    _whole_word_offsets_of,
    answered_name,
    part_of_titled_name,
)
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Character

# `I'm Zagreus.`, `My name is Kit`, `Call me Ishmael` in the narrator's own line (not `It's
# …` or `This is …`, which as often name someone else: `This is Annabeth`).
SELF_NAMED_RE = re.compile(
    rf"\b(?:I[’']m|I am|[Mm]y name(?:[’']s| is)|[Cc]all me)\s+({CAPITALISED})\b"
)


def name_the_narrator(cast, text: str, quotes: list) -> str | None:
    """Give the unnamed *Narrator* the name the dialogue gives them; returns it, or None."""
    narrator = getattr(cast, "narrator", None)
    if getattr(cast, "narration", "third") != "first" or narrator is None:
        return None
    if narrator.name != NARRATOR:
        return None
    quotes = sorted(quotes, key=lambda q: q.start)
    votes = _votes(cast, text, quotes)
    if not votes:
        return None
    ranked = votes.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    group = ranked[0][0]
    _rename(cast, quotes, group)
    return cast.narrator.name


def _votes(cast, text: str, quotes: list) -> Counter:
    """Called names and self-namings, each group of clipped forms one candidate: a call the
    narrator's own tagged line answers, or the narrator's own `I'm …`, weighs two; a call
    right before or after a line of the narrator's, one. Of several calls in one line only
    the last counts: the others are someone else (`"Longbottom. Malfoy, Draco." / "Here,"
    I said.`; `Helm, two points to larboard. Mr Thorne, … Navigator, you stay by me.`)."""
    own = [q.speaker == NARRATOR for q in quotes]
    weights: Counter = Counter()
    # Two forms of one call (`Meredith Grey` by the cast, `Grey` by its shape) share an
    # offset: the longer is the one that counts, whatever order the set gave them.
    calls = sorted(_called(cast, text, quotes), key=lambda call: (call[2], len(call[0]), call[0]))
    last = {i: form for form, i, _ in calls}
    turns = _paragraph_spans(quotes)
    for i, form in last.items():
        if not own[i]:
            weight = _weight_of_call(quotes, own, turns, i)
            if _a_turn_of_one_call(text, quotes[i], form):
                weight = weight and max(weight, STRONG)  # `"Granger."`: nothing but the call
            elif quotes[i].speaker is None:
                weight = 0  # `"Tobias, go upstairs."` from someone unknown: may be to anyone
            weights[form] += weight
    for i, quote in enumerate(quotes):
        if own[i]:
            for match in SELF_NAMED_RE.finditer(quote.text):
                weights[match.group(1)] += STRONG
    speakers = {q.speaker for q in quotes if q.speaker}
    # `"Patroclus," I repeat.`: a name the I's own tagged line calls is someone else's
    speakers |= {form for form, i, _ in calls if own[i] and quotes[i].rule == "narrator"}
    talked_about = _in_narration(text, quotes, set(weights))
    votes: Counter = Counter()
    mid_sentence = {form for form, _, at in calls if _after_comma(text, at)}
    whole = {form for form, i, _ in calls if _a_turn_of_one_call(text, quotes[i], form)}
    for group in _name_groups({form for form, weight in weights.items() if weight}):
        if group & speakers or group & talked_about:
            continue  # someone else's name
        if any(_looks_like_name(cast, f, f in mid_sentence, f in whole) for f in group):
            votes[frozenset(group)] = sum(weights[form] for form in group)
    return votes


STRONG, WEAK = 2, 1
CALL_MARKS = " .,!?…—–-"
# A name called at a quote's start or after a stop, up to two words (`Perseus Jackson, why…`).
CALLED_RE = LazyPattern(
    rf"(?:^|(?<=[,.!?…—]\s))({CAPITALISED}(?:\s{CAPITALISED})?)(?=[,!?]|\.(?:\s|$)|$)"
)


def _called(cast, text: str, quotes: list) -> set[tuple[str, int, int]]:
    """(form, quote index, offset) of every name a quotation calls out: the cast's (`_calls`)
    and one or two capitalised words the cast does not know."""
    found = set()
    for form, i, _ in _calls(cast, text, quotes):
        found.add((form, i, quotes[i].start + max(0, quotes[i].text.find(form))))
    for i, quote in enumerate(quotes):
        found |= {
            (m.group(1), i, quote.start + m.start(1))
            for m in CALLED_RE.finditer(quote.text)
            if not part_of_titled_name(quote.text, m.start(1), m.end(1))
            and not answered_name(quote.text[m.end(1) : m.end(1) + 1], quote.text[: m.start(1)])
        }
    return found


def _a_turn_of_one_call(text: str, quote, form: str) -> bool:
    """`"Granger."` as a paragraph of its own: a turn that is nothing but the call, ended
    (not `"Navigator," she said, …`, whose tag and speech go on)."""
    words = quote.text.strip()
    if words.strip(CALL_MARKS) != form or not words.endswith(TURN_ENDS):
        return False
    start, end = text.rfind("\n", 0, quote.start) + 1, text.find("\n", quote.end)
    paragraph = text[start : end if end >= 0 else len(text)]
    return paragraph.replace(quote.text, "").strip(QUOTE_MARKS) == ""


TURN_ENDS = (".", "!", "?", "…")
QUOTE_MARKS = " \t\"'“”‘’«»„‚‹›"


def _weight_of_call(quotes: list, own: list[bool], turns: list[tuple[int, int]], i: int) -> int:
    """STRONG when the next turn (the next paragraph's first quote) is the narrator's own
    tagged line (`"Malfoy, Draco." / "Here," I said.`), WEAK when the turn before or after is
    the narrator's, else nothing."""
    first, last = turns[i]
    before, after = first - 1, last + 1
    if after < len(quotes) and own[after] and quotes[after].rule == "narrator":
        return STRONG
    beside = (before >= 0 and own[before]) or (after < len(quotes) and own[after])
    return WEAK if beside else 0


def _paragraph_spans(quotes: list) -> list[tuple[int, int]]:
    """For each quote, the indexes of the first and last quote of its paragraph (one pass, so
    a paragraph of thousands of quotes costs no more than thousands of paragraphs)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(quotes) + 1):
        if i == len(quotes) or quotes[i].paragraph != quotes[start].paragraph:
            spans += [(start, i - 1)] * (i - start)
            start = i
    return spans


def _after_comma(text: str, at: int) -> bool:
    """A comma and spaces just before `at` (`Malfoy, Draco`), read from a few characters back
    only: a work of thousands of calls must not copy its text for each."""
    return text[max(0, at - AROUND_COMMA) : at].rstrip().endswith(",")


AROUND_COMMA = 8


def _looks_like_name(cast, form: str, mid_sentence: bool, whole_line: bool = False) -> bool:
    """A word the cast does not know (the first of two: `Perseus Jackson`) must be a given
    name or a word English seldom uses; capitalised after a comma (`Malfoy, Draco.`) it may
    be less rare, as an interjection or endearment opening a line never is (`Hiya`, `Oi`,
    `Sweetheart`, `Okay`, `Don’t`)."""
    words = form.replace("’", "'").split()
    # `Lieutenant Okafor`, `Miss Eleanor Finch`: the title says nothing; the name after it does
    first = words[1] if len(words) > 1 and words[0].lower().rstrip(".") in TITLES else words[0]
    if cast.get(form) is not None:
        return not _is_role_word(first)
    rare_enough = COMMON_WORD_ZIPF if mid_sentence else ROLE_WORD_ZIPF
    if whole_line and not mid_sentence:  # `"Granger."`, `"Merlin."`; not `"Sweetheart."`
        rare_enough = RARE_WORD_ZIPF
    return first.lower() in given_names() or zipf(first) < rare_enough


def _in_narration(text: str, quotes: list, forms: set[str]) -> set[str]:
    """The forms the narration uses outside quotations: someone talked about, not the `I`."""
    starts = [q.start for q in quotes]

    def in_quote(at: int) -> bool:
        i = bisect.bisect_right(starts, at) - 1
        return i >= 0 and at < quotes[i].end

    return {
        form
        for form, offsets in _whole_word_offsets_of(text, forms).items()
        if any(not in_quote(at) for at in offsets)
    }


def _rename(cast, quotes: list, group: frozenset) -> None:
    """The *Narrator* takes the group's name: a cast character's when one of its forms is one
    (by canonical name), else its longest form (`Perseus Jackson`), and every line the
    *Narrator* spoke. (Looking the forms up as aliases too, through `cast.resolve`, lost
    fic_holdout3 15 quotations; why was not looked into, as it is a check side.)"""
    known = sorted(form for form in group if cast.get(form) is not None)
    name = known[0] if known else max(group, key=lambda f: (len(f), f))
    placeholder = cast.narrator
    character = cast.get(name)
    if character is None:
        character = Character(name=name, gender=placeholder.gender, present=True)
        cast.characters.append(character)
    cast.add_aliases(character, sorted(group))
    character.present = True
    cast.narrator = character
    if placeholder is not character and not placeholder.mentions:
        cast.characters.remove(placeholder)
    for quote in quotes:
        if quote.speaker == NARRATOR:
            quote.speaker = name


def name_the_partner(cast, text: str, quotes: list) -> str | None:
    """The one an I alone talks to (sieve's `alternate_with_someone_unnamed`: the lines of
    someone unnamed, beside the I's): the one name the I's own lines call that the narration
    never uses and is not the I's (`"What do you want, Malfoy?"`) is theirs. Returns it."""
    narrator = getattr(cast, "narrator", None)
    if getattr(cast, "narration", "third") != "first" or narrator is None:
        return None
    quotes = sorted(quotes, key=lambda q: q.start)
    unnamed = [q for q in quotes if q.speaker is None and q.rule == "unknown"]
    if not unnamed or any(q.speaker not in (None, narrator.name) for q in quotes):
        return None
    own_calls = {
        form for form, i, _ in _called(cast, text, quotes) if quotes[i].speaker == narrator.name
    }
    own_calls = {form for form in own_calls if cast.resolve(form) is not narrator}
    own_calls -= _in_narration(text, quotes, own_calls)
    groups = [g for g in _name_groups(own_calls) if any(_looks_like_name(cast, f, True) for f in g)]
    if not groups:
        groups = _named_in_narration(cast, text, quotes)
    if len(groups) != 1:
        return None
    name = max(groups[0], key=lambda f: (len(f), f))
    if cast.get(name) is not None:
        return None
    character = Character(name=name, present=True)
    cast.characters.append(character)
    cast.add_aliases(character, sorted(groups[0]))
    for quote in unnamed:
        quote.speaker, quote.rule = name, "turn_partner"
    return name


NARRATION_WORD_RE = LazyPattern(rf"\b{CAPITALISED}\b")


def _named_in_narration(cast, text: str, quotes: list) -> list[set[str]]:
    """`Arthur was sitting on the edge of his bed`: the one given name the narration of a
    drabble uses, once, is the one the I talks to (too seldom named for the cast). A given
    name the text also writes in lower case is a word (`Will`, `Rose`, `Mark`)."""
    narration, at = [], 0
    for quote in quotes:
        narration.append(text[at : max(at, quote.start - 1)])
        at = max(at, quote.end + 1)
    narration.append(text[at:])
    names = given_names()
    found = {
        word
        for part in narration
        for word in NARRATION_WORD_RE.findall(part)
        if word.lower() in names and cast.resolve(word) is not cast.narrator
    }
    found = {word for word in found if not re.search(rf"\b{word.lower()}\b", text)}
    return [{word} for word in found]
