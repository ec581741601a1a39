"""Who tells the story: first-person (`I walked`), second-person (`you walk`, reader-inserts
with `Y/N`) or third-person narration, and the narrator's name when the text gives it."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from fanarchive.analysis.characters.lexicon import SPEECH_VERBS
from fanarchive.analysis.characters.names import given_names, zipf
from fanarchive.analysis.characters.scan import Scan
from fanarchive.analysis.characters.tagged import DISAMBIGUATION_RE
from fanarchive.analysis.document import Document
from fanarchive.analysis.text import trie_pattern

PERSON_PRONOUNS = {
    "first": ["I", "me", "my", "mine", "myself", "Me", "My", "Mine", "Myself"],
    "second": ["you", "your", "yours", "yourself", "You", "Your", "Yours", "Yourself"],
    "third": ["he", "she", "him", "his", "her", "they", "them"]
    + ["He", "She", "Him", "His", "Her", "They", "Them"],
}
PERSON_OF = {word: person for person, words in PERSON_PRONOUNS.items() for word in words}
# One pass for all three persons (the narration of a novel is read once, not three times).
PRONOUN_RE = re.compile(rf"\b(?:{trie_pattern(PERSON_OF)})\b")
# `Y/N`, `(Y/N)`, `[y/n]`: the reader-insert convention of fan fiction.
READER_RE = re.compile(r"[(\[]?\b[YyFfLl]/[Nn]\b[)\]]?")
# A capitalised word in any Latin script (`Zoë`, `Łukasz`, `Ínés`), not only ASCII: an upper-case
# letter (no lower-case ASCII or Latin-1 letter), then lower-case ones.
_UPPER = r"[^\W\d_a-zß-öø-ÿ]"
_LOWER = r"[^\W\d_A-ZÀ-ÖØ-Þ]"
CAPITALISED = rf"{_UPPER}{_LOWER}+"
SELF_INTRODUCTION_RE = re.compile(
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
            share >= DENSE_SHARE if person == "second" else _speaks_as_i(narrative)
        )
        if (
            (counts[person] >= MIN_PRONOUNS or dense)
            and share >= 0.01
            and counts[person] >= 0.4 * counts["third"]
            and (counts[person] > counts[other] or _told_to_you(person, counts))
        ):
            return person
    return "third"


# `"Marsh broke his ankle," I say.`: outside quotations only the one telling the story says
# "I", so an "I" speech tag tells a short first-person scene (a drabble says "I" fewer than
# eight times) from third-person narration.
I_SPEECH_TAG_RE = re.compile(r"\bI (?:" + trie_pattern(SPEECH_VERBS) + r")\b")


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
OC_TAG_RE = re.compile(
    r"^\s*original\s+(?:(female|male|non-?binary)\s+)?characters?\s*(?:\(s\))?", re.I
)
OC_GENDERS = {"female": "female", "male": "male"}
READER_TAGS = frozenset({"reader", "you", "y/n", "reader-insert", "reader insert", "self-insert"})


NAME_GIVEN_RE = re.compile(
    r"\b(?:[Mm]y name(?:'s| is| was)|[Cc]all me|[Tt]hey call me|[Nn]amed me)\s+"
    rf"({CAPITALISED}(?:\s+{CAPITALISED})?)"
)
VOCATIVE_AFTER = (",", "!", "?", ".", ";")
# A quote the narrator says: `"Sorry, Nadia," I said` (the quote's end, its closing mark, then
# `I` and a lower-case word), or one after `I said.` in the same paragraph line.
I_SAID_RE = re.compile(r"\bI[ \t]+[a-z]")
I_TAG_RE = re.compile(r"""[ \t"'”’»]*[,.!?]?[ \t"'”’»]*I[ \t]+[a-z]""")


def settle_narrator(cast, document: Document, quotes: list | None = None) -> None:
    """Give a first- or second-person story the narrator who speaks its `I said` lines when
    `detect_cast` named none. A reader-insert (second person, or tagged *Reader*/*You*) is
    told by the *Reader*, unless an I tells it to `you` (then the Reader is the one addressed
    and the I is the Reader's partner in the relationship tags when they name one). A
    first-person narrator is named by the text (`my name is Ellie`, or the one character others
    address by name who is never named in the narration), else by an original character the
    work's tags name, else is the unnamed *Narrator*."""
    told_to_you = cast.narration == "first" and told_to_you_in(document, quotes or [])
    if cast.narrator is not None and cast.narration == "first":
        _unname_role(cast)
        if told_to_you and cast.narrator.name == READER:
            cast.narrator = None  # the Reader is the one addressed, not the one telling
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
    named = _name_given(cast, document, quotes or [], told_to_you)
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
RELATIONSHIP_SPLIT_RE = re.compile(r"\s*(?:/|&|\s[xX×]\s)\s*")


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


def _name_given(cast, document: Document, quotes: list, told_to_you: bool = False) -> str | None:
    """The narrator's name when the text gives it: `my name is …` in the narration, else the
    only character addressed by name in dialogue and never named in the narration (the
    narrator calls themself `I`). In a story an I tells to `you`, a name the narrator's own
    lines call (`"Sorry, Nadia," I said`) is the one told to, never the narrator."""
    spans = sorted((q.start, q.end) for q in quotes)
    starts = [start for start, _ in spans]

    def in_quote(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < spans[i][1]

    def in_narrators_line(offset: int) -> bool:
        """`"Sorry, Nadia," I said` / `"The train," I said. "Sorry, Nadia."`"""
        if not told_to_you:
            return False
        i = bisect.bisect_right(starts, offset) - 1
        if I_TAG_RE.match(document.text, spans[i][1]):
            return True
        lead = document.text[spans[i - 1][1] if i else 0 : spans[i][0]]
        return "\n" not in lead and I_SAID_RE.search(lead) is not None

    text = document.text
    for match in NAME_GIVEN_RE.finditer(text):
        if not in_quote(match.start()) and not document.in_note(match.start()):
            character = cast.resolve(match.group(1))
            return character.name if character else match.group(1)
    outside, addressed = set(), set()
    for mention in cast.mentions:
        if not in_quote(mention.start):
            outside.add(mention.character)
        elif text[mention.end : mention.end + 1] in VOCATIVE_AFTER and not in_narrators_line(
            mention.start
        ):
            addressed.add(mention.character)
    candidates = {name for name in addressed - outside if not _is_role_word(name)}
    if len(candidates) == 1:
        return candidates.pop()
    return _vocative_name(document, quotes, in_quote) if not candidates else None


# A name others call the narrator must look like a name: `Navigator`, `Captain`, `Doc` or
# `Kid` in `— Navigator, she said.` is a role or an ordinary word, not the narrator's name.
ROLE_WORD_ZIPF = 3.0
VOCATIVE_RE = re.compile(
    rf"(?:^|(?<=[,.!?…]\s))({CAPITALISED}(?:[-'’]{_UPPER}?{_LOWER}+)?)(?=[,!?]|\.(?:\s|$)|$)"
)
MIN_VOCATIVES = 2


def _is_role_word(name: str) -> bool:
    word = name.split()[-1] if " " not in name else ""
    return bool(word) and zipf(word) >= ROLE_WORD_ZIPF and word.lower() not in given_names()


def _vocative_name(document: Document, quotes: list, in_quote) -> str | None:
    """A name the cast missed (a short or rare one: `Ife`) that others call out at least
    twice (`'Ife,' Mateus said.`, `'Open the door, Ife, my knees have gone.'`) and that the
    narration never uses: the narrator's."""
    text = document.text
    called = Counter(
        match.group(1)
        for quote in quotes
        for match in VOCATIVE_RE.finditer(quote.text)
        if not _is_role_word(match.group(1)) and zipf(match.group(1)) < ROLE_WORD_ZIPF
    )
    names = [name for name, times in called.items() if times >= MIN_VOCATIVES]
    names = [
        name
        for name in names
        if not any(not in_quote(m.start()) for m in re.finditer(rf"\b{re.escape(name)}\b", text))
    ]
    return names[0] if len(names) == 1 else None


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
