"""Who tells the story: first-person (`I walked`), second-person (`you walk`, reader-inserts
with `Y/N`) or third-person narration, and the narrator's name when the text gives it."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from itertools import combinations

from fanarchive.analysis.characters.lexicon import ABBREVIATED_TITLES, SPEECH_VERBS
from fanarchive.analysis.characters.names import (
    COMMON_WORD_ZIPF,
    given_names,
    worded_given_name,
    zipf,
)
from fanarchive.analysis.characters.scan import Scan
from fanarchive.analysis.characters.tagged import DISAMBIGUATION_RE
from fanarchive.analysis.document import Document
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.text import trie_pattern, word_trie_pattern

PERSON_PRONOUNS = {
    "first": ["I", "me", "my", "mine", "myself", "Me", "My", "Mine", "Myself"],
    "second": ["you", "your", "yours", "yourself", "You", "Your", "Yours", "Yourself"],
    "third": ["he", "she", "him", "his", "her", "they", "them"]
    + ["He", "She", "Him", "His", "Her", "They", "Them"],
}
PERSON_OF = {word: person for person, words in PERSON_PRONOUNS.items() for word in words}
# One pass for all three persons (the narration of a novel is read once, not three times).
PRONOUN_RE = re.compile(rf"{word_trie_pattern(PERSON_OF)}\b")
# `Y/N`, `(Y/N)`, `[y/n]`: the reader-insert convention of fan fiction.
READER_RE = re.compile(r"[(\[]?\b[YyFfLl]/[Nn]\b[)\]]?")
# A capitalised word in any Latin script (`Zoë`, `Łukasz`, `Ínés`), not only ASCII: an upper-case
# letter (no lower-case ASCII or Latin-1 letter), then lower-case ones.
_UPPER = r"[^\W\d_a-zß-öø-ÿ]"
_LOWER = r"[^\W\d_A-ZÀ-ÖØ-Þ]"
CAPITALISED = rf"{_UPPER}{_LOWER}+"
SELF_INTRODUCTION_RE = LazyPattern(
    r"\b(?:[Mm]y name(?:'s| is| was)|I am|I'm|I was|[Cc]all me|[Tt]hey call me)\s+"
    rf"({CAPITALISED}(?:\s+{CAPITALISED})?)"
)
MIN_PRONOUNS = 8
# A short reader-insert (a drabble, a first chapter) may say `you` fewer than eight times;
# so densely (one narration word in 30) no third-person narration addresses its reader.
MIN_DENSE_PRONOUNS, DENSE_SHARE = 3, 1 / 30


def quote_spans(scan: Scan) -> list[tuple[int, int]]:
    return list(zip(scan.quote_starts, scan.quote_ends, strict=True))


def narrative_segments(document: Document, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Story text outside the quotations' (start, end) spans."""
    segments = []
    for span in document.story_spans:
        cursor = span.start
        for q_start, q_end in quotes:
            if q_end <= cursor or q_start >= span.end:
                continue
            if q_start > cursor:
                segments.append((cursor, q_start))
            cursor = max(cursor, q_end)
        if cursor < span.end:
            segments.append((cursor, span.end))
    return segments


def _narration_pronouns(
    document: Document, quotes: list[tuple[int, int]]
) -> tuple[str, Counter[str]]:
    """The narration (story text outside quotations) and its pronouns counted by person."""
    text = document.text
    narrative = "\n".join(text[a:b] for a, b in narrative_segments(document, quotes))
    return narrative, Counter(PERSON_OF[word] for word in PRONOUN_RE.findall(narrative))


def narration_person(document: Document, scan: Scan) -> str:
    narrative, counts = _narration_pronouns(document, quote_spans(scan))
    words = max(len(narrative.split()), 1)
    for person, other in (("first", "second"), ("second", "first")):
        share = counts[person] / words
        dense = counts[person] >= MIN_DENSE_PRONOUNS and (
            share >= DENSE_SHARE
            if person == "second"
            else _speaks_as_i(narrative) or _i_beside_speech(document.text) or _acts_as_i(narrative)
        )
        if (
            (counts[person] >= MIN_PRONOUNS or dense)
            and share >= 0.01
            and (
                counts[person] >= 0.4 * counts["third"]
                or _i_among_others(person, counts, narrative, document.text)
            )
            and (counts[person] > counts[other] or _told_to_you(person, counts))
        ):
            return person
    return "third"


# A first-person teller who mostly watches others (`He looked at the trays. He looked at
# Pilar.` / `"They need ten more minutes," I said.`) says he and she far more often than I (a
# fifth as often is enough, not the 0.4 above); an I that speaks in a tag or acts beside a line
# is still the one telling the story. (LitBank check 621 -> 628: novels told by an I watching.)
I_AMONG_OTHERS_SHARE = 0.2


# `*I told him I'd be fine,* she thought.`, `"Fine." I am not fine, Kara thought.`: a he or
# she (or a name) thinking a clause ending on a comma is third-person narration's unquoted
# thought, whose I's are the thinker's; a first-person teller thinks "I thought".
THIRD_PERSON_THOUGHT_RE = LazyPattern(
    r"[,!?\u2026][*_]?[ \t]+(?:he|she|[A-Z][a-z]+)[ \t]+(?:thought|wondered)[.,;!?]"
)


def _i_among_others(person: str, counts: Counter[str], narrative: str, text: str) -> bool:
    if person != "first" or counts["first"] < I_AMONG_OTHERS_SHARE * counts["third"]:
        return False
    if THIRD_PERSON_THOUGHT_RE.search(narrative):
        return False  # the few I's may be a third-person thinker's
    return _speaks_as_i(narrative) or _i_beside_speech(text)


# `"Marsh broke his ankle," I say.`: outside quotations only the one telling the story says
# "I", so an "I" speech tag tells a short first-person scene (a drabble says "I" fewer than
# eight times) from third-person narration.
I_SPEECH_TAG_RE = LazyPattern(r"\bI (?:" + trie_pattern(SPEECH_VERBS) + r")\b")


# `"Never can, before a race." I take the box from her`: an I acting right after a line of
# dialogue is the one telling the story, as an I speech tag is.
I_BEAT_RE = LazyPattern(r"""[”"][ \t]+I[ \t]+[a-z]""")


# `I found the bad whiskey. It was very bad. I brought two glasses anyway.`: sentences of the
# narration that open on an I doing something; third-person narration has an I outside
# quotations only by accident (a letter, an unmarked thought), seldom opening three sentences.
I_OPENS_RE = LazyPattern(r"(?:^|[.!?…][ \t]+)I[ \t]+[a-z]", re.M)
MIN_I_OPENINGS = 3


def _acts_as_i(narrative: str) -> bool:
    return len(I_OPENS_RE.findall(narrative)) >= MIN_I_OPENINGS


def _i_beside_speech(text: str) -> bool:
    return I_BEAT_RE.search(text) is not None


def _speaks_as_i(narrative: str) -> bool:
    return I_SPEECH_TAG_RE.search(narrative) is not None


# A story an "I" tells to "you" (a lover, a friend: `You were standing by the window when I
# came in`) says `you` more often than `I`, but a reader-insert's narration says `I` almost
# never (only the dialogue does): `I` in a quarter of the narration's `you`s is an I-narrator.
TOLD_TO_YOU_SHARE = 0.25


def _told_to_you(person: str, counts: dict[str, int]) -> bool:
    return person == "first" and counts["first"] >= TOLD_TO_YOU_SHARE * counts["second"]


def self_introductions(document: Document, scan: Scan) -> list[str]:
    """Names the narrator gives themself outside dialogue (`My name is Tom`)."""
    found = []
    for start, end in narrative_segments(document, quote_spans(scan)):
        found += [m.group(1) for m in SELF_INTRODUCTION_RE.finditer(document.text, start, end)]
    return found


# --- the narrator as a speaker ------------------------------------------------------------
NARRATOR = "Narrator"  # a first-person narrator the work never names
READER = "Reader"  # AO3's character tag for reader-insert fiction
# AO3 tags naming who tells a first-person story: `Original Female Character(s)`,
# `Original Male Character(s)`, `Original Character(s)` (with an optional fandom in brackets).
OC_TAG_RE = LazyPattern(
    r"^\s*original\s+(?:(female|male|non-?binary)\s+)?characters?\s*(?:\(s\))?", re.I
)
OC_GENDERS = {"female": "female", "male": "male"}
READER_TAGS = frozenset({"reader", "you", "y/n", "reader-insert", "reader insert", "self-insert"})


NAME_GIVEN_RE = LazyPattern(
    r"\b(?:[Mm]y name(?:'s| is| was)|[Cc]all me|[Tt]hey call me|[Nn]amed me)\s+"
    rf"({CAPITALISED}(?:\s+{CAPITALISED})?)"
)
VOCATIVE_AFTER = (",", "!", "?", ".", ";")
# A quote the narrator says: `"Sorry, Nadia," I said` (the quote's end, its closing mark, then
# `I` and a lower-case word), or one after `I said.` in the same paragraph line.
I_SAID_RE = LazyPattern(r"\bI[ \t]+[a-z]")
I_TAG_RE = LazyPattern(r"""[ \t"'”’»]*[,.!?]?[ \t"'”’»]*I[ \t]+[a-z]""")


def settle_narrator(cast, document: Document, quotes: list | None = None) -> None:
    """Give a first- or second-person story the narrator who speaks its `I said` lines when
    `detect_cast` named none. A reader-insert (second person, or tagged *Reader*/*You*) is
    told by the *Reader*, unless an I tells it to `you` (then the Reader is the one addressed
    and the I is the Reader's partner in the relationship tags when they name one). A
    first-person narrator is named by the text (`my name is Ellie`, or the one name others call
    the narrator by and the narration never uses), else by an original character the work's
    tags name, else is the unnamed *Narrator*."""
    told_to_you = cast.narration == "first" and told_to_you_in(document, quotes or [])
    if cast.narrator is not None and cast.narration == "first":
        _unname_role(cast)
        if told_to_you and cast.narrator.name == READER:
            cast.narrator = None  # the Reader is the one addressed, not the one telling
        elif cast.narrator.name in called_by_narrator(cast, document, quotes or []):
            cast.narrator = None  # `"Dario, wake up," I said`: Dario is someone else
    if cast.narrator is not None or cast.narration == "third":
        return
    tags = [*document.metadata.characters, *document.metadata.additional_tags]
    tagged_reader = any(t.strip().casefold() in READER_TAGS for t in tags)
    if cast.narration == "second" or (tagged_reader and not told_to_you):
        _set_narrator(cast, READER, "unknown")
        return
    if told_to_you and tagged_reader:
        _add_reader_addressed(cast)
    partner = _readers_partner(cast, document) if told_to_you else None
    if partner:
        _set_narrator(cast, partner, "unknown")
        return
    named = _name_given(cast, document, quotes or [])
    if named:
        _set_narrator(cast, named, "unknown")
        return
    for tag in document.metadata.characters:
        match = OC_TAG_RE.match(tag)
        if match:
            gender = OC_GENDERS.get((match.group(1) or "").lower(), "unknown")
            name = re.sub(r"\s*\(s\)|s\b(?=\s*(?:\(|$))", "", tag.strip())
            _set_narrator(cast, name, gender)
            return
    _set_narrator(cast, NARRATOR, "unknown")


def told_to_you_in(document: Document, quotes: list) -> bool:
    """First-person narration that speaks to a `you` (`You were standing by the window when
    I came in`): AO3's `X/Reader` stories told by X."""
    _, counts = _narration_pronouns(document, [(q.start, q.end) for q in quotes])
    return counts["second"] >= MIN_PRONOUNS and counts["first"] >= MIN_PRONOUNS


# `Bucky Barnes/Reader`, `Bucky Barnes & Reader`, `Bucky Barnes x You`.
RELATIONSHIP_SPLIT_RE = LazyPattern(r"\s*(?:/|&|\s[xX×]\s)\s*")


def _add_reader_addressed(cast) -> None:
    """The Reader of a story an I tells to `you` is in the cast as the one addressed (the
    speaker of its `you said` lines), not as the narrator."""
    from fanarchive.analysis.model import Character

    if cast.get(READER) is None:
        reader = Character(name=READER, gender="unknown", present=False)
        cast.characters.append(reader)
        cast.add_aliases(reader, [READER])


def _readers_partner(cast, document: Document) -> str | None:
    """In a story an I tells to the Reader, the I is the one the work's relationship tags pair
    with the Reader, when they name exactly one."""
    partners = set()
    for tag in document.metadata.relationships:
        sides = [DISAMBIGUATION_RE.sub("", side) for side in RELATIONSHIP_SPLIT_RE.split(tag)]
        if len(sides) == 2 and any(side.casefold() in READER_TAGS for side in sides):
            other = next(side for side in sides if side.casefold() not in READER_TAGS)
            if other:
                character = cast.resolve(other)
                partners.add(character.name if character else other)
    return partners.pop() if len(partners) == 1 else None


def _name_given(cast, document: Document, quotes: list) -> str | None:
    """The narrator's name when the text gives it: `my name is …` in the narration, else the
    name others call the narrator by (`_called_name`), then known by all its called forms."""
    text = document.text
    quotes = sorted(quotes, key=lambda q: q.start)
    starts = [q.start for q in quotes]

    def in_quote(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < quotes[i].end

    for match in NAME_GIVEN_RE.finditer(text):
        if not in_quote(match.start()) and not document.in_note(match.start()):
            character = cast.resolve(match.group(1))
            return character.name if character else match.group(1)
    called = _called_name(cast, document, quotes, in_quote)
    if called is None:
        return None
    name, forms = called
    if cast.get(name) is None:
        _set_narrator(cast, name, "unknown")
    cast.add_aliases(cast.get(name), sorted(forms))
    return name


# A name others call the narrator must look like a name: `Navigator`, `Captain`, `Doc` or
# `Kid` in `— Navigator, she said.` is a role or an ordinary word, not the narrator's name.
ROLE_WORD_ZIPF = 3.0
VOCATIVE_RE = LazyPattern(
    rf"(?:^|(?<=[,.!?…]\s))({CAPITALISED}(?:[-'’]{_UPPER}?{_LOWER}+)?)(?=[,!?]|\.(?:\s|$)|$)"
)
MIN_VOCATIVES = 2
# `Low` of `Marlow`, `Sash` of `Sashenka`: a clipped form keeps at least three letters.
MIN_CLIPPED = 3
# In the narrator's own line a name calls someone only before `,`, `!` or `?`.
OWN_CALL_AFTER = (",", "!", "?")
# The narrator saying who they are in their own line (`"It's Ellie, open up," I said`) gives
# their name; it calls no one.
SELF_NAMING_BEFORE_RE = LazyPattern(r"\b(?:it[’']s|it is|i[’']m|i am|this is)\s+$", re.IGNORECASE)
NON_WORD_RE = LazyPattern(r"\W+")


def _a_given_name(word: str) -> bool:
    """`Maxine`, or `Max` (a word too, but a name English-speaking countries give); not a
    given name as common as a word (`Jesus!`, `Will`)."""
    return worded_given_name(word) or (
        word.lower() in given_names() and zipf(word) < COMMON_WORD_ZIPF
    )


def _is_role_word(name: str) -> bool:
    word = name.split()[-1] if " " not in name else ""
    return bool(word) and zipf(word) >= ROLE_WORD_ZIPF and word.lower() not in given_names()


def _called_name(cast, document: Document, quotes: list, in_quote) -> tuple[str, set] | None:
    """The name others call a first-person narrator, who calls themself `I`: the one name
    (its clipped forms joined: `Low` and `Marlow`, `Sash` and `Sashenka`) that quotations
    call out and the narration never uses, called at least twice, or once by a turn the
    narrator answers with their own tagged line (`"Sashenka, is it the blue dress?" / "Mama,
    I'm not dancing," I said.`). A name called once with no such answer (`'Gideon, go
    downstairs.'`) may be anyone the narration describes (`the son`), and a name the
    narrator's own lines call (`"Sorry, Nadia," I said`) is someone else's."""
    text = document.text
    calls = _calls(cast, text, quotes)
    narrators_own = {form for form, _, own in calls if own}
    # Each form's calls by others, as the indexes of the quotations calling it (a novel has
    # hundreds of called forms and thousands of calls: looked up by form, not searched).
    turns_of: dict[str, list[int]] = {}
    for form, i, own in calls:
        if not own:
            turns_of.setdefault(form, []).append(i)
    outside = {m.character for m in cast.mentions if not in_quote(m.start)}
    in_cast = _character_names(cast)

    def looks_like_name(form: str) -> bool:
        # a word the cast missed must also be rare: `Jesus!` or `Christ.` is no one's name,
        # nor `Push-ups.` (an ordinary word before the hyphen); unless it is a given name
        first = form.split("-")[0]
        if _a_given_name(first):
            return True
        return not _is_role_word(form) and (form in in_cast or zipf(first) < ROLE_WORD_ZIPF)

    called_enough = []  # (group, its forms that look like names)
    for group in _name_groups(set(turns_of)):
        turns = [i for form in group for i in turns_of[form]]
        names = [form for form in group if looks_like_name(form)]
        answered = any(
            _answered_by_narrator(text, quotes, i) and not _echoed(quotes, i) for i in turns
        )
        if names and (len(turns) >= MIN_VOCATIVES or answered) and not group & narrators_own:
            called_enough.append((group, names))
    # the words the cast does not know, looked for in the text all at once
    unknown = {form for group, _ in called_enough for form in group if form not in in_cast}
    offsets = _whole_word_offsets_of(text, unknown)

    def in_narration(form: str) -> bool:
        if form in in_cast:
            return form in outside
        return any(not in_quote(at) and not document.in_note(at) for at in offsets[form])

    candidates = []
    for group, names in called_enough:
        if any(in_narration(form) for form in group):
            continue
        # the form the narrator is known by: a cast character's name before an unknown word
        characters = [form for form in names if form in in_cast]
        most_called = max(characters or names, key=lambda f: (len(turns_of[f]), len(f)))
        candidates.append((most_called, group))
    return candidates[0] if len(candidates) == 1 else None


def _is_word_char(text: str, at: int) -> bool:
    r"""What `re` counts as a word character (`\w`); none outside the text."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def _whole_word_offsets(text: str, word: str):
    r"""Where `re.finditer(rf"\b{re.escape(word)}\b", text)` matches, found with str.find:
    `re` cannot search a `\b`-anchored pattern by its literal and tries every offset (9 ms
    for one absent name in a 160,000-word novel, 0.2 ms this way)."""
    size = len(word)
    if not size:
        return  # a called form is never empty: no empty match to emulate
    opens, closes = _is_word_char(word, 0), _is_word_char(word, size - 1)
    at = text.find(word)
    while at != -1:
        if _is_word_char(text, at - 1) != opens and _is_word_char(text, at + size) != closes:
            yield at
            at = text.find(word, at + size)
        else:
            at = text.find(word, at + 1)


# Past this many words to look for, one pass over the text's words costs less than a search
# for each (a search is about a hundredth of the pass).
MANY_FORMS = 100
WORD_RUN_RE = LazyPattern(r"\w+")


def _whole_word_offsets_of(text: str, forms: set[str]) -> dict[str, list[int]]:
    """`_whole_word_offsets` of each form. Many forms (a work calling thousands of names) are
    found in one pass over the text's words: a form that opens and closes with a word
    character stands where its first word does, whole."""
    if len(forms) <= MANY_FORMS:
        return {form: list(_whole_word_offsets(text, form)) for form in forms}
    firsts = (WORD_RUN_RE.match(form) for form in forms)
    starts: dict[str, list[int]] = {first.group(): [] for first in firsts if first}
    for word in WORD_RUN_RE.finditer(text):
        if word.group() in starts:
            starts[word.group()].append(word.start())
    found = {}
    for form in forms:
        size = len(form)
        first = WORD_RUN_RE.match(form)
        if first is None or not _is_word_char(form, size - 1):
            found[form] = list(_whole_word_offsets(text, form))
            continue
        found[form], free = [], 0  # matches do not overlap, as re.finditer's
        for at in starts[first.group()]:
            if at >= free and text.startswith(form, at) and not _is_word_char(text, at + size):
                found[form].append(at)
                free = at + size
    return found


def _narrators_line(text: str, quotes: list, i: int) -> bool:
    """Quote i is the narrator's own: `"Sorry, Nadia," I said` or, in the same paragraph line
    after such a tag, `"The train," I said. "Sorry, Nadia."`."""
    if I_TAG_RE.match(text, quotes[i].end):
        return True
    lead = text[quotes[i - 1].end if i else 0 : quotes[i].start]
    return "\n" not in lead and I_SAID_RE.search(lead) is not None


def _calls(cast, text: str, quotes: list) -> list[tuple[str, int, bool]]:
    """Every name a quotation calls out, with the quotation's index and whether it is the
    narrator's own line: a cast character's name (by its mentions) or a capitalised word the
    cast does not know. In the narrator's own line only a name that calls someone counts
    (`"Dario, wake up," I said`), not the narrator giving a name (`"Ellie," I said.`)."""
    starts = [q.start for q in quotes]
    in_cast = _character_names(cast)
    found = []  # (form, quote index, the character after it in the quote, the text before it)
    for mention in cast.mentions:
        i = bisect.bisect_right(starts, mention.start) - 1
        if i >= 0 and mention.end < quotes[i].end and text[mention.end] in VOCATIVE_AFTER:
            before = text[quotes[i].start : mention.start]
            found.append((mention.character, i, text[mention.end], before))
    for i, quote in enumerate(quotes):
        for match in VOCATIVE_RE.finditer(quote.text):
            word = match.group(1)
            if part_of_titled_name(quote.text, match.start(1), match.end(1)):
                continue
            if word not in in_cast and cast.resolve(word) is None:
                after = quote.text[match.end(1) : match.end(1) + 1]
                found.append((word, i, after, quote.text[: match.start(1)]))
    own = {i: _narrators_line(text, quotes, i) for i in {i for _, i, _, _ in found}}
    calls = []
    for form, i, after, before in found:
        if answered_name(after, before):
            continue
        if not own[i]:
            calls.append((form, i, False))
        elif after in OWN_CALL_AFTER and not _names_the_narrator(quotes[i].text, form, before):
            calls.append((form, i, True))
    return calls


_TITLE_BEFORE_RE = LazyPattern(rf"\b(?:{'|'.join(ABBREVIATED_TITLES)})\.\s+$")


def part_of_titled_name(line: str, start: int, end: int) -> bool:
    """`Dr. Grey` is one call, though its period looks like a sentence's end: neither `Dr`
    nor `Grey` is called alone."""
    title = line[start:end] in ABBREVIATED_TITLES and line[end : end + 1] == "."
    return title or _TITLE_BEFORE_RE.search(line, max(0, start - 12), start) is not None


def answered_name(after: str, before: str) -> bool:
    """A name standing as a whole sentence after another (`Detention. Snape.`) answers or
    reports more often than it calls: a call is set off by a comma or opens the line."""
    before = before.rstrip()
    return after == "." and bool(before) and before[-1] in ".!?…"


def _names_the_narrator(quote: str, form: str, before: str) -> bool:
    """The narrator's own line gives a name rather than calling one: the whole line
    (`"Ellie," I said.`) or after `it's`/`I'm` (`"It's Ellie, Marcus, open up," I said`)."""
    return _only_the_name(quote, form) or SELF_NAMING_BEFORE_RE.search(before[-12:]) is not None


def _character_names(cast) -> set[str]:
    """The names `cast.get` knows, for looking many words up at once: `cast.get` reads the
    whole cast for each (a work's thousands of called words in a cast of thousands)."""
    return {character.name for character in cast.characters}


def _only_the_name(quote: str, form: str) -> bool:
    return NON_WORD_RE.sub("", quote) == NON_WORD_RE.sub("", form)


def called_by_narrator(cast, document: Document, quotes: list) -> set[str]:
    """The names the narrator's own tagged lines call out (`"Dario, wake up," I said`)."""
    ordered = sorted(quotes, key=lambda q: q.start)
    return {form for form, _, own in _calls(cast, document.text, ordered) if own}


def _answered_by_narrator(text: str, quotes: list, i: int) -> bool:
    """The very next turn is the narrator's own tagged line, a paragraph opening with its
    quotation right after quote i's: `"Sashenka, is it the blue dress?" / "Mama, I'm not
    dancing," I said.` (a narration paragraph between is no answer)."""
    if i + 1 >= len(quotes):
        return False
    lines = text[quotes[i].end : quotes[i + 1].start].split("\n")
    turn = len(lines) > 1 and all(not line.strip() for line in lines[1:-1])
    opens = not any(ch.isalnum() for ch in lines[-1])
    return turn and opens and I_TAG_RE.match(text, quotes[i + 1].end) is not None


def _echoed(quotes: list, i: int) -> bool:
    """The narrator's answer repeats quote i's name: `"Patroclus," he says at last. /
    "Patroclus," I repeat.` Someone gave their own name, not the narrator's."""
    return i + 1 < len(quotes) and _only_the_name(quotes[i + 1].text, quotes[i].text)


def _clipped(short: str, long: str) -> bool:
    """`Sash` of `Sashenka`, `Low` of `Marlow`: one form the other's start or end; or its
    pet form (`Tsukki` of `Tsukishima`, `Sammy` of `Samuel`, `Katie` of `Katherine`)."""
    return (
        MIN_CLIPPED <= len(short) < len(long)
        and (long.startswith(short) or long.endswith(short.lower()) or _pet_form(short, long))
        and not _is_role_word(long)
    )


def _pet_form(short: str, long: str) -> bool:
    """The start of a name, its last consonant doubled or not, with the ending English and
    Japanese pet names add (`-y`, `-ie`, `-i`): `Tsukk-i`, `Samm-y`, `Kat-ie`."""
    if not short.endswith(("y", "i", "ie")):
        return False
    stem = short.removesuffix("ie") if short.endswith("ie") else short[:-1]
    if len(stem) < MIN_CLIPPED:
        return False
    undoubled = stem[:-1] if len(stem) > MIN_CLIPPED and stem[-1] == stem[-2] else stem
    return long.startswith(undoubled) and len(long) > len(short)


def _name_groups(forms: set[str]) -> list[set[str]]:
    """The called forms, those that are clipped forms of one another joined (only forms that
    share their first or last three letters are compared, so a novel's hundreds of called
    words stay cheap)."""
    root = {form: form for form in forms}

    def find(form: str) -> str:
        while root[form] != form:
            form = root[form]
        return form

    buckets: dict[str, list[str]] = {}
    for form in forms:
        buckets.setdefault("^" + form[:MIN_CLIPPED], []).append(form)
        buckets.setdefault("$" + form[-MIN_CLIPPED:].lower(), []).append(form)
    for bucket in buckets.values():
        for a, b in combinations(sorted(bucket, key=len), 2):
            if _clipped(a, b):
                root[find(a)] = find(b)
    groups: dict[str, set[str]] = {}
    for form in sorted(forms):
        groups.setdefault(find(form), set()).add(form)
    return list(groups.values())


def _unname_role(cast) -> None:
    """A narrator others address by a role (`— Navigator, she said.`) is the unnamed
    Narrator, still the one that role addresses."""
    narrator = cast.narrator
    role = narrator.name
    if not _is_role_word(role) or cast.get(NARRATOR) is not None:
        return
    narrator.name = NARRATOR
    narrator.aliases = sorted({*narrator.aliases, role})
    cast.index = {key: NARRATOR if name == role else name for key, name in cast.index.items()}
    cast.add_aliases(narrator, [NARRATOR])
    cast.mentions = [
        replace(m, character=NARRATOR) if m.character == role else m for m in cast.mentions
    ]


def _set_narrator(cast, name: str, gender: str) -> None:
    from fanarchive.analysis.model import Character

    character = cast.get(name)
    if character is None:
        character = Character(name=name, gender=gender, present=True)
        cast.characters.append(character)
        cast.add_aliases(character, [name])
    character.present = True
    cast.narrator = character
