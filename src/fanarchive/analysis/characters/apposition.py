"""Descriptions the narration gives a named character: `Dr Mbeki, the attending, stood there`,
`The chief ducks through the hatch. Kowalczyk hasn't slept in a week.` Such a description is
that character wherever the story uses it again (`"I'll allow it," the attending said`): its
mentions join the named character, and a description the cast had made a character of its own
(`The Attending`) joins them too.

Only what the sentences themselves say links a description to a name:

- apposition: `NAME, the X,` and `The X, NAME,` (not a list: `NAME, the X, and ...`);
- introduction of the name: a name given for the first time in a sentence that opens with it
  and says what they are or have (`Kowalczyk hasn't slept`, no new action) is the subject of
  the sentence just before it (`The chief ducks through`), when the pronouns agree.

An epithet (`the blond`, `the taller man`, `the dark-haired girl`: how someone looks, or what
tells two people present apart) stands for the one person of its gender named in the scene
just before it, leaving out the character the story names most (the point of view, whom the
narration calls by name): one the cast made a character of its own joins them, and one said
once that speaks or acts is a mention of them (not an age comparative there: `the elder`,
`the younger brother` are family as often as someone present).

A role that acts or speaks (`The witcher did not look up from his stew`, `the bard said`) is
read after all these, in `epithets.py`.

A description two names claim belongs, at each mention, to the one linked last before it.
Novels often use the same words for several people (`the old man`), so a description any
person could be links only over a short reach after the sentence that links it, and only when
the genders agree. A description the story capitalises (`the Cat`) is a name of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from fanarchive.analysis.characters.context import (
    acts,
    following_pronoun,
    is_described,
    speaks,
)
from fanarchive.analysis.characters.lexicon import (
    GENERIC_PERSON_NOUNS,
    PLACE_WORDS,
    TITLES,
    title_key,
    words,
)
from fanarchive.analysis.characters.scan import Scan, opens_sentence

if TYPE_CHECKING:
    from fanarchive.analysis.characters.detect import Draft

# Up to three lower-case words: `attending`, `first mate`, `old harbour master`.
_PHRASE = r"[a-z][a-z\-]+(?: [a-z][a-z\-]+){0,2}"
# After `NAME, the X`: a comma that closes it (no list: `, and`), a dash or the sentence's end.
_APPOSED_AFTER_RE = re.compile(rf", the ({_PHRASE})(?=,(?! (?:and|or|nor|the)\b)| ?[—–;]|[.!?])")
# Before NAME: `The X, NAME,`, the description opening its sentence (NAME closed by a comma).
_APPOSED_BEFORE_RE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))[Tt]he ({_PHRASE}), $")
# `Kowalczyk hasn't slept`, `Mira had no idea`: what someone is or has, no new action.
_STATE_RE = re.compile(
    r" (?:was|is|wasn['’]t|isn['’]t|had|has|hadn['’]t|hasn['’]t|had never|has never|looked like)\b"
)
_QUOTE_MARKS = '"“”«»'
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’']?\s+")
# `[Tt](?<!\w.)he`: `\bthe`, opening on its letter so the regex engine skips to the t's (the
# look-behind asks what `\b` asked of the character before): half the time on a whole work.
_MENTION_RE = re.compile(r"[Tt](?<!\w.)he ([a-z][a-z\-]*(?: [a-z][a-z\-]*){0,2})")
# Words that point at someone without describing them, or say how many.
_NOT_DESCRIPTIONS = words(
    "other others latter former one same first last rest whole two three only best worst"
    " most least end way thing reason problem point answer truth matter very next kind sort"
    " children people men women folk"
)
_FUNCTION_WORDS = words(
    "of off in on at to into onto from with by for up down out over under and or but her his"
    " their its my your our him them me us it"
)
MALE_HEADS = words("man gentleman boy fellow husband son lad sailor father brother uncle")
FEMALE_HEADS = words("woman lady girl wife daughter maid widow mother sister aunt lass")
# A mention counts from a little before the sentence that links it (`"Light," the surgeon said`
# just before `Dr Okonjo, the surgeon,`); a description any person could be (`the old man`)
# only this far after it.
BACK_REACH = 3000
GENERIC_REACH = 12000
SENTENCE_REACH = 400  # the longest sentence the introduction rule reads back


@dataclass(frozen=True)
class Link:
    """`words` (a description) names `owner` (an index into the named drafts) from `position`;
    `gender`: what the pronouns after the description say, besides its head noun."""

    words: tuple[str, ...]
    owner: int
    position: int
    gender: str = "unknown"


def find_links(named: list[Draft], scan: Scan) -> list[Link]:
    links = []
    text = scan.text
    for owner, draft in enumerate(named):
        narrated = sorted(span for span in draft.spans if not scan.in_quote(span[0]))
        for index, (start, end) in enumerate(narrated):
            links += _links_at(text, owner, start, end, scan, first=index == 0)
    gendered = [link for link in links if _genders_agree(link, named[link.owner])]
    return sorted(gendered, key=lambda link: link.position)


def _links_at(text: str, owner: int, start: int, end: int, scan: Scan, first: bool) -> list[Link]:
    found = []
    match = _APPOSED_AFTER_RE.match(text, end, end + 120)
    if match:
        found.append(Link(tuple(match.group(1).split()), owner, start))
    # the comma after the name first: most names have none, and the search costs more
    match = text.startswith(",", end) and _APPOSED_BEFORE_RE.search(text, max(0, start - 60), start)
    if match:
        found.append(Link(tuple(match.group(1).split()), owner, start))
    if first and opens_sentence(text, start) and _STATE_RE.match(text, end):
        found += _previous_sentence_links(text, owner, start)
    return [link for link in found if _describes(link.words)]


def _previous_sentence_links(text: str, owner: int, start: int) -> list[Link]:
    """`The chief ducks through the hatch. Kowalczyk hasn't slept in a week.`: a name first
    given in a sentence that says what they are or have (no new action) names the subject of
    the sentence just before it, in the same paragraph."""
    floor = max(0, start - SENTENCE_REACH)
    paragraph = text.rfind("\n\n", floor, start)
    floor = paragraph + 2 if paragraph >= 0 else floor
    ends = list(_SENTENCE_END_RE.finditer(text, floor, start))
    if not ends or ends[-1].end() != start:
        return []
    sentence_start = ends[-2].end() if len(ends) > 1 else floor
    if any(c in text[sentence_start : ends[-1].start()] for c in _QUOTE_MARKS):
        return []
    # The description is the subject: it opens the sentence or its main clause (`From the
    # corner, the android looked up`), not an object (`Maren stamped the snow off her boots`).
    for match in _MENTION_RE.finditer(text, sentence_start, ends[-1].start()):
        if match.start() != sentence_start and not text.endswith(", ", 0, match.start()):
            continue
        found = match.group(1).split()
        for size in range(1, len(found) + 1):
            if found[size - 1] in _FUNCTION_WORDS:
                break  # a preposition or pronoun ends the noun phrase
            end = match.start(1) + len(" ".join(found[:size]))
            # `ducks`, `had come up`, not `is nearly empty`: a coffee shop only is.
            if acts(text, end) and not is_described(text, end):  # `his grey hair flattened`
                gender = following_pronoun(text, end) or "unknown"
                phrase = tuple(found[:size])
                if gender == "unknown" and not _a_person(text, phrase):
                    return []  # `The car smells like cold fries. Rosa has her feet up`
                return [Link(phrase, owner, start, gender)]
    return []


PERSON_SIGN_READS = 40  # the description's mentions read for a person sign, at most
TAG_SPAN = 16  # a tag's reach from its quotation: `," said the ferryman`, `the abbess says, "`


def _a_person(text: str, phrase: tuple[str, ...]) -> bool:
    """Whether a description whose sentence has no pronoun of its own is someone, not a thing
    or a place that acts (`The car smells like cold fries`, `The steriliser hisses`): its head
    names a person (`the captain`, `the woman`, `the voice`), or it speaks somewhere in the
    story (`"Sit," said the chief`)."""
    head = phrase[-1]
    if _head_gender(head) != "unknown" or head in GENERIC_PERSON_NOUNS:
        return True
    pattern = re.compile(rf"\b[Tt]he {' '.join(phrase)}\b")
    for match in islice(pattern.finditer(text), PERSON_SIGN_READS):
        if speaks(text, match.start(), match.end()) and _beside_quotation(text, *match.span()):
            return True
    return False


def _beside_quotation(text: str, start: int, end: int) -> bool:
    """A quotation mark on the description's line just before it or after its verb: a speech
    verb alone is no tag (`"Omelettes." // The line went dead`)."""
    before = text[max(0, start - TAG_SPAN) : start].rpartition("\n")[2]
    after = text[end : end + TAG_SPAN].partition("\n")[0]
    return any(mark in before or mark in after for mark in _QUOTE_MARKS)


def _describes(description: tuple[str, ...]) -> bool:
    head = description[-1]
    plural = head.endswith("s") and not head.endswith("ss")
    return not (
        plural
        or head.endswith(("ly", "est"))
        or head in PLACE_WORDS
        or any(w in _NOT_DESCRIPTIONS for w in description)
    )


def _head_gender(head: str) -> str:
    if head in FEMALE_HEADS or head.endswith(("woman", "ess")):
        return "female"
    if head in MALE_HEADS or head.endswith("man"):
        return "male"
    return TITLES.get(title_key(head) or "") or "unknown"


def _genders_agree(link: Link, draft: Draft) -> bool:
    described = _head_gender(link.words[-1])
    if described == "unknown":
        described = link.gender
    known = draft.likely_gender
    return "unknown" in (described, known) or described == known


def _generic(link: Link) -> bool:
    return any(w in GENERIC_PERSON_NOUNS for w in link.words)


@dataclass
class Links:
    """The links of one story by description, each list in text order, for look-ups in
    logarithmic time (a story may link thousands of mentions)."""

    by_phrase: dict[tuple[str, ...], list[Link]]
    positions: dict[tuple[str, ...], list[int]]
    heads: frozenset[str]

    @classmethod
    def of(cls, links: list[Link]) -> Links:
        by_phrase: dict[tuple[str, ...], list[Link]] = {}
        for link in links:  # already in text order
            by_phrase.setdefault(link.words, []).append(link)
        positions = {
            phrase: [link.position for link in found] for phrase, found in by_phrase.items()
        }
        return cls(by_phrase, positions, frozenset(phrase[-1] for phrase in by_phrase))

    def owner(self, phrase: tuple[str, ...], position: int) -> int | None:
        """The named draft the description `phrase` at `position` is: the one linked last
        before it (or just after it, within BACK_REACH), when that link reaches it."""
        candidates = self.by_phrase.get(phrase)
        if not candidates:
            return None
        i = bisect_right(self.positions[phrase], position + BACK_REACH) - 1
        if i < 0:
            return None
        link = candidates[i]
        if _generic(link) and not (
            link.position - BACK_REACH <= position <= link.position + GENERIC_REACH
        ):
            return None
        return link.owner


def join_linked_descriptions(described: list[Draft], named: list[Draft], scan: Scan) -> list[Draft]:
    """Give each named draft the mentions of the descriptions linked to it (a described draft
    whose every linked mention moves is dropped); returns the described drafts that stay."""
    # One index of the named drafts' narrated mentions for every step below, kept up to date
    # as mentions join them (built afresh for each step, it read every mention again).
    mentions = NarratedMentions(named, scan) if named else None
    point_of_view = mentions.most_named() if mentions else None
    described = _join_epithets(described, named, scan, point_of_view, mentions)
    links = Links.of(find_links(named, scan))
    given: list[tuple[Draft, tuple[int, int]]] = []
    taken = {start for draft in named for start, _ in draft.spans}
    remaining = []
    for draft in described:
        kept = []
        for span in draft.spans:
            # `the Cat` the story capitalises is a name of its own, not `the cat` it described
            phrase = tuple(scan.text[span[0] : span[1]].split()[1:])
            owner = links.owner(phrase, span[0]) if phrase else None
            if owner is None:
                kept.append(span)
            else:
                _give(named[owner], scan.text, *span)
                given.append((named[owner], span))
                taken.add(span[0])
        if kept:
            draft.spans = kept
            remaining.append(draft)
    claimed = taken | {start for draft in remaining for start, _ in draft.spans}
    _add_mentions(links, named, scan, claimed, given)
    if mentions is not None:
        # The epithets' mentions join the index as they are given, so it stays what indexing
        # the drafts afresh would give.
        mentions.add_all(given)
        _add_epithet_mentions(named, scan, claimed, point_of_view, mentions)
        # Imported here: epithets.py builds on this module's epithet words and index.
        from fanarchive.analysis.characters.epithets import add_role_epithets

        add_role_epithets(named, scan, claimed, mentions)
    return remaining


def _give(draft: Draft, text: str, start: int, end: int) -> None:
    """The mention `text[start:end]` is `draft`'s, its surface counted as written."""
    draft.spans.append((start, end))
    draft.surfaces[" ".join(text[start:end].split())] += 1


def _add_mentions(
    links: Links,
    named: list[Draft],
    scan: Scan,
    claimed: set[int],
    given: list[tuple[Draft, tuple[int, int]]],
) -> None:
    """`the attending` anywhere in the narration, once linked: a mention of its owner (each
    one given is added to `given`)."""
    if not links.heads:
        return
    text = scan.text
    for match in _MENTION_RE.finditer(text):
        if match.start() in claimed or scan.in_quote(match.start()):
            continue
        found = match.group(1).split()
        for size in range(len(found), 0, -1):
            phrase = tuple(found[:size])
            if phrase[-1] not in links.heads:
                continue
            owner = links.owner(phrase, match.start())
            if owner is not None:
                end = match.start(1) + len(" ".join(phrase))
                _give(named[owner], text, match.start(), end)
                given.append((named[owner], (match.start(), end)))
                claimed.add(match.start())
                break


# Epithets: what tells two people present apart (`the older man`, `the taller one`) or how one
# looks (`the blond`, `the redhead`, `the dark-haired girl`), not who someone is.
COMPARATIVES = words(
    "older younger elder taller shorter smaller bigger larger broader thinner heavier"
    " slimmer stockier leaner darker paler fairer"
)
TRAIT_NOUNS = words("blond blonde brunette brunet redhead ginger")
AGE_COMPARATIVES = words("elder older younger")
SCENE_REACH = 2000  # how far before an epithet the one it stands for was named


def _epithet(words_: tuple[str, ...]) -> bool:
    return any(
        w in COMPARATIVES or w in TRAIT_NOUNS or w.endswith(("-haired", "-eyed")) for w in words_
    )


def _join_epithets(
    described: list[Draft],
    named: list[Draft],
    scan: Scan,
    point_of_view: Draft | None,
    mentions: NarratedMentions | None,
) -> list[Draft]:
    """`Draco Malfoy was leaning in the doorway.` / `"Potter," the blond drawled.`: an epithet
    the cast made a character stands for the one person of its gender named just before its
    first mention (see `epithet_owner`)."""
    if mentions is None:
        return described
    remaining = []
    for draft in described:
        words_ = tuple(draft.known_aliases[0].split()) if draft.known_aliases else ()
        first = min((s for s, _ in draft.spans if not scan.in_quote(s)), default=None)
        owner = None
        if _epithet(words_) and first is not None:
            owner = epithet_owner(first, draft.character.gender, mentions, point_of_view)
        if owner is None:
            remaining.append(draft)
        else:
            owner.spans += draft.spans
            owner.surfaces.update(draft.surfaces)
            mentions.add(owner, draft.spans)
    return remaining


class NarratedMentions:
    """The named drafts' mention starts outside quotations, in text order, kept up to date as
    epithets join them: who the narration names near an epithet is a look-up, not a walk
    through every mention of the cast at each epithet (a cast of thousands was quadratic)."""

    def __init__(self, named: list[Draft], scan: Scan) -> None:
        self.named = named
        self.scan = scan
        self._index = {id(draft): i for i, draft in enumerate(named)}
        self._starts = sorted(
            (start, i)
            for i, draft in enumerate(named)
            for start, _ in draft.spans
            if not scan.in_quote(start)
        )

    def add(self, draft: Draft, spans: list[tuple[int, int]]) -> None:
        """`spans` just joined `draft`."""
        i = self._index[id(draft)]
        for start, _ in spans:
            if not self.scan.in_quote(start):
                insort(self._starts, (start, i))

    def add_all(self, given: list[tuple[Draft, tuple[int, int]]]) -> None:
        """Each (draft, span) of `given` just joined its draft: one sort, not an insort each."""
        in_quote = self.scan.in_quote
        self._starts += [
            (span[0], self._index[id(draft)]) for draft, span in given if not in_quote(span[0])
        ]
        self._starts.sort()

    def most_named(self) -> Draft:
        """The draft the narration names most (the first of those named as often)."""
        counts = [0] * len(self.named)
        for _, i in self._starts:
            counts[i] += 1
        return self.named[counts.index(max(counts))]

    def starts(self) -> list[tuple[int, int]]:
        """(start, index into `named`) of every narrated mention, in text order."""
        return self._starts

    def named_in(self, start: int, end: int) -> set[int]:
        """The drafts (indices into `named`) the narration names in `[start, end)`."""
        low = bisect_left(self._starts, (start, -1))
        high = bisect_left(self._starts, (end, -1))
        return {i for _, i in self._starts[low:high]}


def epithet_owner(
    position: int, gender: str, mentions: NarratedMentions, point_of_view: Draft | None
) -> Draft | None:
    """The one named character of `gender` (or of no known gender) the narration names within
    SCENE_REACH before the epithet at `position`, leaving out the point of view (the character
    the story names most, whom the narration calls by name) and anyone named in the epithet's
    own sentence (`Harry watched the blond`); None when there is not exactly one."""
    text = mentions.scan.text
    ends = list(_SENTENCE_END_RE.finditer(text, max(0, position - SENTENCE_REACH), position))
    sentence_start = ends[-1].end() if ends else max(0, position - SENTENCE_REACH)
    sentence_end = _SENTENCE_END_RE.search(text, position)
    own_end = sentence_end.start() if sentence_end else len(text)
    in_own_sentence = mentions.named_in(sentence_start, own_end)
    found = []
    for i in mentions.named_in(position - SCENE_REACH, position) - in_own_sentence:
        candidate = mentions.named[i]
        if candidate is point_of_view:
            continue
        if gender != "unknown" and candidate.likely_gender not in ("unknown", gender):
            continue
        found.append(candidate)
    return found[0] if len(found) == 1 else None


# `the` and up to three words, one of them an epithet word: where `_epithet_phrase` looks.
_EPITHET_RE = re.compile(  # `\bthe`, opening on its letter (as _MENTION_RE)
    r"[Tt](?<!\w.)he ((?:[a-z][a-z\-]* ){0,2}?(?:"
    + "|".join(sorted(COMPARATIVES | TRAIT_NOUNS))
    + r"|[a-z]+-haired|[a-z]+-eyed)\b(?: [a-z][a-z\-]*){0,2})"
)
# Heads an epithet ends with: `the blond`, `the older man`, `the taller one`, `the younger`.
EPITHET_HEADS = (
    TRAIT_NOUNS
    | COMPARATIVES
    | words("man woman boy girl guy lady gentleman kid one teen teenager youth")
)


def _add_epithet_mentions(
    named: list[Draft],
    scan: Scan,
    claimed: set[int],
    point_of_view: Draft | None,
    mentions: NarratedMentions,
) -> None:
    """`"Potter," the blond drawled.` where no `The Blond` is in the cast: each epithet that
    speaks or acts is a mention of the one person of its gender named just before it
    (`mentions` indexes the named drafts' narrated mentions and is kept up to date)."""
    text = scan.text
    for match in _EPITHET_RE.finditer(text):
        if match.start() in claimed or scan.in_quote(match.start()):
            continue
        phrase = _epithet_phrase(match.group(1).split())
        if phrase is None:
            continue
        end = match.start(1) + len(" ".join(phrase))
        if not (acts(text, end) or speaks(text, match.start(), end)):
            continue
        gender = _head_gender(phrase[-1])
        if gender == "unknown":
            gender = following_pronoun(text, end) or "unknown"
        owner = epithet_owner(match.start(), gender, mentions, point_of_view)
        if owner is not None:
            _give(owner, text, match.start(), end)
            mentions.add(owner, [(match.start(), end)])
            claimed.add(match.start())


def _epithet_phrase(found: list[str]) -> tuple[str, ...] | None:
    """The longest start of `found` that is an epithet ending with an epithet head; none that
    compares ages (`the elder`, `the younger brother`, `the older man`), which novels use for
    family as much as for someone present."""
    for size in range(len(found), 0, -1):
        phrase = tuple(found[:size])
        if phrase[-1] in EPITHET_HEADS and _epithet(phrase):
            return None if any(w in AGE_COMPARATIVES for w in phrase) else phrase
    return None
