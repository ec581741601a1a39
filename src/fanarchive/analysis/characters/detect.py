"""`detect_cast`: packs first, then discovery and clustering, then presence, gender and the
narrator. Everything is computed from one scan of the story's capitalised runs."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from fanarchive.analysis.characters import context
from fanarchive.analysis.characters.apposition import join_linked_descriptions
from fanarchive.analysis.characters.called import (
    once_named_beat_before_a_line,
    once_named_of_a_lone_gender,
)
from fanarchive.analysis.characters.cast import Cast, surface_key
from fanarchive.analysis.characters.clustering import (
    GIVEN_NAME_TITLES,
    MARRIED_TITLES,
    Cluster,
    canonical_form,
    cluster_forms,
)
from fanarchive.analysis.characters.codenames import join_codenames
from fanarchive.analysis.characters.definite import (
    _generic,
    find_descriptions,
    find_tagged_descriptions,
    surfaces,
)
from fanarchive.analysis.characters.discovery import (
    RELATION_GENDER,
    Form,
    _is_vocative,
    _person_signs,
    collect_forms,
    coordinated_with_people,
    drop_plurals,
    is_name,
    short_work,
    with_components,
)
from fanarchive.analysis.characters.labels import labelled_people
from fanarchive.analysis.characters.lexicon import (
    HONORIFIC_GENDER,
    NOT_NAMES,
    PLACE_WORDS,
    TITLES,
    WEEKDAYS_AND_MONTHS,
    split_honorific,
    title_key,
    words,
)
from fanarchive.analysis.characters.names import (
    COMMON_WORD_ZIPF,
    given_names,
    shared_by_both_sexes,
    usual_english_name,
    zipf,
)
from fanarchive.analysis.characters.narrator import (
    READER,
    READER_RE,
    narration_person,
    self_introductions,
)
from fanarchive.analysis.characters.packs_match import (
    active_fandoms,
    declared_fandoms,
    match_runs,
    resolve_families,
    trusted,
)
from fanarchive.analysis.characters.relatives import narrators_parents
from fanarchive.analysis.characters.scan import Scan, scan_story
from fanarchive.analysis.characters.tagged import disagreements, with_tags
from fanarchive.analysis.document import Document
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Character, Mention, Quote
from fanarchive.analysis.packs import Knowledge

# Opening on the capital, not the look-behind, lets the regex engine skip to capitals.
SHOUTED_RE = re.compile(r"[A-Z](?<![\w'’-].)[A-Z]{2,}(?![\w'’-])")
SHOUTED_TITLED_RE = LazyPattern(
    r"([A-Z](?<![\w-].)[A-Z]{1,8})\.?[ \t]+([A-Z][A-Z'’-]{2,})(?![\w-])"
)
SHOUTED_RUN_RE = re.compile(r"[A-Z](?<![\w-].)[A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)+(?![\w'’-])")


@dataclass
class Draft:
    """A character being assembled: its mentions and the surfaces seen."""

    character: Character
    spans: list[tuple[int, int]] = field(default_factory=list)
    surfaces: Counter[str] = field(default_factory=Counter)
    known_aliases: tuple[str, ...] = ()
    family_names: tuple[str, ...] = ()  # a pack character's family names
    honorifics: Counter[str] = field(default_factory=Counter)  # `-kun`, `-nee` seen
    # The gender a pack or the given name's usual use suggests: the text's pronouns,
    # titles and honorifics come first (a woman named Harry is a woman).
    default_gender: str = "unknown"

    @property
    def likely_gender(self) -> str:
        """A title's or a head noun's gender, else a pack's or the given name's usual one."""
        if self.character.gender != "unknown":
            return self.character.gender
        return self.default_gender


def _pack_drafts(
    scan: Scan, knowledge: Knowledge, fandoms: list[str]
) -> tuple[dict, dict, set[str]]:
    matches = [m for m in match_runs(scan, knowledge) if trusted(m, scan, knowledge)]
    active = active_fandoms(matches, scan, fandoms, knowledge)
    for match in matches:
        match.characters = [c for c in match.characters if c.fandom in active]
    matches = [m for m in matches if m.characters]
    counts = Counter(m.characters[0].name for m in matches if not m.family)
    drafts: dict[str, Draft] = {}
    claimed: dict[int, set[int]] = defaultdict(set)
    for match in matches:
        claimed[match.run].update(range(match.first, match.last))
    for match in resolve_families(matches, scan, counts):
        known = match.characters[0]
        draft = drafts.get(known.name)
        if draft is None:
            character = Character(name=known.name, source="pack", fandom=known.fandom)
            draft = drafts[known.name] = Draft(
                character,
                known_aliases=known.aliases,
                family_names=known.family_names,
                default_gender=known.gender,
            )
        draft.spans.append((match.start, match.end))
        draft.surfaces[" ".join(match.surface.split())] += 1
    return drafts, claimed, active


def _display(form: Form) -> str:
    if not form.title:
        return " ".join(form.names)
    return " ".join([form.display.split()[0], *form.names])


def _discovered_drafts(clusters: list[Cluster], taken: set[str]) -> list[Draft]:
    drafts = []
    for cluster in clusters:
        name = _display(canonical_form(cluster))
        if name in taken:
            continue
        taken.add(name)
        draft = Draft(
            Character(name=name, gender=cluster.titles_gender, source="discovered"),
            default_gender=cluster.gender,
        )
        for form in cluster.forms:
            draft.surfaces[_display(form)] += form.count
            draft.spans += [(o.start, o.end) for o in form.occurrences]
            draft.honorifics.update(o.honorific for o in form.occurrences if o.honorific)
        drafts.append(draft)
    return drafts


def _join_pack_aliases(known: list[Draft], discovered: list[Draft]) -> list[Draft]:
    """`Lee jumped up.` beside `Rock Lee`, `Rin giggled.` beside `Nohara Rin`: an alias a pack
    leaves untrusted where a sentence opens (a word of several characters or of English) is
    found again by discovery; a one-word name that is one word or alias of exactly one pack
    character here is that character, not a second one. Returns the discovered drafts left."""
    remaining = []
    for draft in discovered:
        name = draft.character.name
        owners = [k for k in known if " " not in name and name in _pack_words(k)]
        if len(owners) == 1 and not {owners[0].likely_gender, draft.character.gender} >= {
            "male",
            "female",
        }:
            owners[0].spans += draft.spans
            owners[0].surfaces.update(draft.surfaces)
        else:
            remaining.append(draft)
    return remaining


def _no_names(knowledge: Knowledge, active: set[str]) -> frozenset[str]:
    """The packs' words that name no one (`Quidditch`, `Hokage`): in every work, except a word
    that is a given name too (`Merlin`, `Nani`), which is only its own fandom's word: BBC
    Merlin's hero and Lilo's sister are people."""
    return frozenset(
        term
        for term, fandoms in knowledge.term_fandoms.items()
        if term.split()[0].lower() not in given_names() or fandoms & active
    )


def _pack_words(draft: Draft) -> set[str]:
    return set(draft.character.name.split()) | set(draft.known_aliases)


def _described_drafts(
    scan: Scan, claimed: dict[int, set[int]], terms: frozenset[str], taken: set[str]
) -> list[Draft]:
    drafts = []
    described = find_descriptions(scan, claimed, terms)
    for description in described + find_tagged_descriptions(scan):
        if description.name in taken:
            continue
        gender = _description_gender(description.words[-1])
        if gender == "unknown":  # a head that says none: the pronouns after its speech tags
            gender = description.gender
        draft = Draft(Character(name=description.name, gender=gender, source="discovered"))
        draft.spans = description.spans
        draft.surfaces = surfaces(description, scan.text)
        draft.known_aliases = (" ".join(description.words),)
        drafts.append(draft)
        taken.add(description.name)
    return drafts


# A reply that gives the speaker's own first name: `"Walter."`, `"Call me Walter."`.
_CORRECTION_RE = re.compile(r"[\W_]*(?:(?:please,?\s+)?call me\s+)?([A-ZÀ-Þ][\w'’-]*)\s*\.", re.I)
_BETWEEN_TURNS = " \t\n\"“”«»‘’'—–-"


def _join_corrected_names(drafts: list[Draft], scan: Scan) -> list[Draft]:
    """`"You should be asleep, Mr Abernathy."` / `"Walter. And I can't sleep."`: the next
    turn answering a title and family name with a first name alone, never named before,
    gives the one addressed their own name (`«You're Mrs Petrakis?» «Eleni. Nobody calls me
    Mrs Petrakis.»`)."""
    owner = {start: index for index, draft in enumerate(drafts) for start, _ in draft.spans}
    mentions = sorted(owner)
    text, starts, ends = scan.text, scan.quote_starts, scan.quote_ends
    for i in range(len(starts) - 1):
        if text[ends[i] : starts[i + 1]].strip(_BETWEEN_TURNS):
            continue  # narration between: not the next turn
        match = _CORRECTION_RE.match(text, starts[i + 1], ends[i + 1])
        if match is None or not match.group(1)[0].isupper():
            continue
        given = owner.get(match.start(1))
        first, last = bisect_left(mentions, starts[i]), bisect_left(mentions, ends[i])
        titled = {owner[m] for m in mentions[first:last] if _titled_at(text, m)}
        if given is None or len(titled) != 1 or given in titled:
            continue
        holder, named = drafts[titled.pop()], drafts[given]
        if not named.spans or " " in named.character.name or min(named.spans)[0] != match.start(1):
            continue  # one word, named here for the first time (not `"Potter."` in reply)
        if {holder.likely_gender, named.likely_gender} >= {"male", "female"}:
            continue
        holder.spans += named.spans
        holder.surfaces.update(named.surfaces)
        owner.update({start: drafts.index(holder) for start, _ in named.spans})
        named.spans = []
    return [d for d in drafts if d.spans]


def _join_answered_titles(drafts: list[Draft], scan: Scan) -> list[Draft]:
    """`'Miss Bridgerton,' she said.` / `Eloise did not even blink. 'This is ...'`: the one a
    line calls by name answers in the next paragraph, which opens with them, or tags them
    (`said Eloise`), and names no one else outside quotation marks. When one of the two is a
    title and family name and the other a lone given name, and neither ever has the other
    part (no `Eloise Bridgerton`, no `Miss Eloise`), they are one person, unless their genders
    differ, they share a paragraph's narration, or the name is answered by two people. Not
    `Mrs.` or `Lady`, whom a daughter answers for (as in clustering, `Mrs. Bennet` is no
    `Elizabeth`)."""
    if not any(_title_and_family(d) for d in drafts):
        return drafts  # no `Miss Bridgerton` to join: the turns need not be read
    spans = {start: (index, end) for index, d in enumerate(drafts) for start, end in d.spans}
    turns = _Turns(scan, spans)
    pairs = Counter(pair for i in range(len(scan.quote_starts)) if (pair := turns.answer(i)))
    callers = Counter(called for called, _ in pairs)
    joins = [
        (titled, given)
        for (called, answering) in pairs
        if callers[called] == 1 and not turns.together(called, answering)
        for titled, given in [_titled_and_given(drafts[called], drafts[answering], scan.text)]
        if titled is not None
        and not {titled.likely_gender, given.likely_gender} >= {"male", "female"}
    ]
    partners = Counter(id(d) for pair in joins for d in pair)
    for titled, given in joins:
        if partners[id(titled)] > 1 or partners[id(given)] > 1:
            continue  # one person who would take two others' names: no telling
        big, small = (given, titled) if len(given.spans) >= len(titled.spans) else (titled, given)
        big.spans += small.spans
        big.surfaces.update(small.surfaces)
        small.spans = []
    return [d for d in drafts if d.spans]


_QUOTATION_RE = LazyPattern(r"^\s*[\"“][^\"“”]*[\"”]")


class _Turns:
    """Who a line calls by name and who the next paragraph gives the turn to."""

    def __init__(self, scan: Scan, spans: dict[int, tuple[int, int]]):
        self.scan, self.spans, self.mentions = scan, spans, sorted(spans)
        self.paragraphs: dict[int, set[tuple[int, int]]] = defaultdict(set)
        self.read: dict[tuple[int, int], list[int]] = {}
        self.bounds = _paragraphs(scan.text)
        self.opening = [start for start, _ in self.bounds]
        for paragraph in self.bounds:
            for start in self._narration(paragraph):
                self.paragraphs[spans[start][0]].add(paragraph)

    def _narration(self, paragraph: tuple[int, int]) -> list[int]:
        """The mentions outside quotation marks in a paragraph, read once per paragraph (a
        paragraph of a thousand lines is looked at for each of them)."""
        if paragraph not in self.read:
            self.read[paragraph] = self._read(paragraph)
        return self.read[paragraph]

    def _read(self, paragraph: tuple[int, int]) -> list[int]:
        first, last = (
            bisect_left(self.mentions, paragraph[0]),
            bisect_left(self.mentions, paragraph[1]),
        )
        return [m for m in self.mentions[first:last] if not self.scan.in_quote(m)]

    def together(self, one: int, other: int) -> bool:
        return bool(self.paragraphs[one] & self.paragraphs[other])

    def answer(self, i: int) -> tuple[int, int] | None:
        text, starts, ends = self.scan.text, self.scan.quote_starts, self.scan.quote_ends
        inside = self.mentions[
            bisect_left(self.mentions, starts[i]) : bisect_left(self.mentions, ends[i])
        ]
        called = {self.spans[m][0] for m in inside if _addressed(text, m, self.spans[m][1])}
        k = bisect_right(self.opening, starts[i]) - 1
        if len(called) != 1 or k < 0 or k + 1 >= len(self.bounds):
            return None
        here, after = self.bounds[k], self.bounds[k + 1]
        j = bisect_left(starts, after[0])
        if j == len(starts) or starts[j] >= after[1]:
            return None  # no line in the next paragraph
        named = self._narration(after)
        answering = {self.spans[m][0] for m in named}
        if len(answering) != 1 or not all(self._takes_turn(m, after) for m in named):
            return None
        if answering & {self.spans[m][0] for m in self._narration(here)}:
            return None  # named where the line is said: the one who calls
        return called.pop(), answering.pop()

    def _takes_turn(self, start: int, paragraph: tuple[int, int]) -> bool:
        """`Eloise did not even blink.` opening the paragraph, or `said Eloise`: not someone
        only looked at (`Tom looked at him.`)."""
        text, end = self.scan.text, self.spans[start][1]
        if context.speaks(text, start, end):
            return True
        lead = _QUOTATION_RE.sub("", text[paragraph[0] : start], count=1)
        # `"You were listening to it too loud." Tony leaned over.`: the beat after the line
        return not lead.strip(_BETWEEN_TURNS + ".,!?…") and context.acts(text, end)


def _titled_and_given(one: Draft, other: Draft, text: str) -> tuple[Draft | None, Draft | None]:
    if _title_and_family(one) and _lone_given(other, text):
        return one, other
    if _title_and_family(other) and _lone_given(one, text):
        return other, one
    return None, None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in re.finditer(r"\n", text):
        if text[start : match.start()].strip():
            bounds.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def _addressed(text: str, start: int, end: int) -> bool:
    """`"Lars, are potatoes vegetarian?"`, `"Thank you, Mrs. Lindqvist."`: a name set off by
    a comma or a sentence's end on both sides."""
    before = text[max(0, start - 3) : start].rstrip()
    after = text[end : end + 1]
    return (not before or before[-1] in ",.!?\"“‘'—") and after in (",", ".", "!", "?", ";", "")


def _title_and_family(draft: Draft) -> bool:
    """`Miss Bridgerton`, `Mr. Lindqvist`: never with a given name."""
    words_ = draft.character.name.split()
    return (
        len(words_) == 2
        and title_key(words_[0]) not in (None, *MARRIED_TITLES)
        and words_[1].lower() not in given_names()
        and all(len(surface.split()) <= 2 for surface in draft.surfaces)
    )


def _lone_given(draft: Draft, text: str) -> bool:
    """`Eloise`, `Lars`: a given name, never with a family name or a title."""
    name = draft.character.name
    return (
        all(" " not in surface for surface in draft.surfaces)
        # `Aziraphale`, `Kageyama`: a word English never writes is as good as a given name
        and (name.lower() in given_names() or zipf(name) == 0)
        and not any(_titled_at(text, s) for s, _ in draft.spans)
    )


_MY_NAME_RE = re.compile(r"\b(?:[Mm]y name(?:'s|’s| is)|[Cc]all me) ([A-ZÀ-Þ][\w'’-]+)")
_TAG_GAP = 12  # characters between a quotation's end and the description its tag names


def _named_descriptions(described: list[Draft], named: list[Draft], scan: Scan) -> list[Draft]:
    """`"My name's Abel," the young man said at last`: the described speaker who gives his
    name is that person; he joins the character of that name, or takes the name. Returns the
    descriptions that stay as they are, renamed or not."""
    starts = {start: draft for draft in described for start, _ in draft.spans}
    by_name = {d.character.name: d for d in named}
    text, remaining = scan.text, list(described)
    for q_start, q_end in zip(scan.quote_starts, scan.quote_ends, strict=True):
        match = _MY_NAME_RE.search(text, q_start, q_end)
        if match is None:
            continue
        speaker = next((starts[i] for i in range(q_end, q_end + _TAG_GAP) if i in starts), None)
        if speaker is None or speaker not in remaining:
            continue
        name = match.group(1)
        if title_key(name) or name.lower() in NOT_NAMES:
            continue  # `Call me Sir`, `my name's Nobody`
        holder = by_name.get(name)
        if holder is speaker:
            continue  # the same description giving its name again
        if holder is not None:
            holder.spans += speaker.spans
            holder.surfaces.update(speaker.surfaces)
            remaining.remove(speaker)
        else:
            speaker.known_aliases += (speaker.character.name,)
            speaker.character.name = name
            by_name[name] = speaker  # a second description giving the name joins this one
    return remaining


def _titled_at(text: str, start: int) -> bool:
    return title_key(text[start : start + 12].split(None, 1)[0]) is not None


def _join_titled_descriptions(described: list[Draft], named: list[Draft]) -> list[Draft]:
    """`the Doctor` is `Dr Marjoribanks` and `the Captain` is `Captain Lennox` when the text
    names one person with that title; returns the descriptions that stay characters."""
    remaining = []
    for draft in described:
        words_ = draft.character.name.split()
        title = title_key(words_[-1]) if len(words_) == 2 else None
        if not _joined_to_title_holder(draft, title, named):
            remaining.append(draft)
    return remaining


def _joined_to_title_holder(draft: Draft, title: str | None, others: list[Draft]) -> bool:
    """Join `draft` to the one draft among `others` named with `title`; False when none or
    several are (or there is no title)."""
    holders = [d for d in others if d is not draft and _holds_title(d, title)] if title else []
    if len(holders) != 1:
        return False
    holders[0].spans += draft.spans
    holders[0].surfaces.update(draft.surfaces)
    return True


# A description any person could be (`the old lady`) makes up at least this share of the
# mentions of people of its gender when it is someone the story never names.
GENERIC_SHARE = 0.02


def _lost_in_cast(draft: Draft, named: list[Draft]) -> bool:
    """`"Is the daughter married?" asked the old lady`, four times in a novel where the women
    are named hundreds of times: the description is one of them (the sieve then resolves its
    tags as descriptions, by gender), not someone new. In a story of few people, the
    nameless `old man` who speaks is a large share of them and stays a character."""
    if not draft.known_aliases or not _generic(tuple(draft.known_aliases[0].split())):
        return False
    gender = draft.character.gender
    of_gender = sum(len(d.spans) for d in named if gender in ("unknown", d.likely_gender))
    return len(draft.spans) < GENERIC_SHARE * of_gender


def _holds_title(draft: Draft, title: str) -> bool:
    return any(
        len(surface.split()) > 1 and title_key(surface.split()[0]) == title
        for surface in draft.surfaces
    )


# What stories call someone by a clipped title (`"It's educational, Cap."`, `"On it,
# Sarge."`, `"Doc? Is he okay?"`), and the title it clips.
TITLE_CLIPS = {"Cap": "captain", "Doc": "dr", "Sarge": "sergeant"}


def _join_title_clips(drafts: list[Draft]) -> list[Draft]:
    """`Cap` is Captain Rask when the text names one person with that title."""
    kept = []
    for draft in drafts:
        if not _joined_to_title_holder(draft, TITLE_CLIPS.get(draft.character.name), drafts):
            kept.append(draft)
    return kept


MALE_NOUNS = words("man gentleman boy fellow husband son lad sailor mariner")
FEMALE_NOUNS = words("woman lady girl wife daughter maid widow")


def _description_gender(head: str) -> str:
    """`the Queen`, `the Invisible Man`: the head noun or title says it."""
    head = head.lower()
    if head in FEMALE_NOUNS or head.endswith(("woman", "maid", "wife", "ess")):
        return "female"  # `the housemaid`, `the laundress`
    if head in MALE_NOUNS or head.endswith("man"):
        return "male"  # `the barman`, `the policeman`
    return TITLES.get(head) or "unknown"


def _add_shouted_mentions(document: Document, drafts: list[Draft]) -> None:
    """`"NARUTO!"`: a known one-word name in capitals is a mention too (only for names
    already found three times, so that `MAY` or `WILL` in a shout stay words)."""
    owners: dict[str, set[int]] = {}
    for index, draft in enumerate(drafts):
        if len(draft.spans) >= 3:
            for surface in (*draft.surfaces, *draft.known_aliases, draft.character.name):
                if " " not in surface:
                    owners.setdefault(split_honorific(surface)[0].upper(), set()).add(index)
    text = document.text
    shouted: dict[int, tuple[int, int]] = {}  # start -> the word's span, for full names below
    runs = [
        match
        for span in document.story_spans
        for match in SHOUTED_RUN_RE.finditer(text, span.start, span.end)
    ]
    titled = _add_shouted_titled_names(runs, drafts)
    if owners:
        for span in document.story_spans:
            for match in SHOUTED_RE.finditer(text, span.start, span.end):
                found = owners.get(match.group())
                if found and len(found) == 1 and match.start() not in titled:
                    drafts[next(iter(found))].spans.append(match.span())
                    shouted[match.start()] = match.span()
    _add_shouted_full_names(runs, drafts, shouted, titled)


def _add_shouted_titled_names(runs: list[re.Match[str]], drafts: list[Draft]) -> set[int]:
    """`MR. VERLOC` in capitals (a heading, a sign) where the text's only Verlocs are women
    (`Mrs. Verloc`, `Winnie Verloc`) is her husband, a character of his own, not more
    mentions of hers (which the one-word shout step would make them). Returns where the
    titles and family names so read start."""
    found: dict[tuple[str, str], list[tuple[int, int, int, str]]] = defaultdict(list)
    for run in runs:
        for match in SHOUTED_TITLED_RE.finditer(run.group()):
            title, name = title_key(match.group(1)), _unshouted_key(match.group(2))
            if title and TITLES.get(title) and len(name) > 2:
                base = run.start()
                at = (base + match.start(), base + match.start(2), base + match.end())
                found[(title, name.capitalize())].append((*at, match.group(1)))
    if not found:
        return set()
    families: dict[str, list[Draft]] = defaultdict(list)
    for draft in drafts:
        for family in {surface.split()[-1] for surface in draft.surfaces}:
            families[family].append(draft)
    starts = set()
    for (title, name), matches in found.items():
        gender, bearers = TITLES[title], families.get(name, [])
        if not bearers or any(d.likely_gender in (gender, "unknown") for d in bearers):
            continue
        display = f"{matches[0][3].capitalize()}. {name}"
        drafts.append(_found_draft(display, [(a, c) for a, _, c, _ in matches], "unknown", gender))
        starts.update(i for a, b, _, _ in matches for i in (a, b))
    return starts


def _add_shouted_full_names(
    runs: list[re.Match[str]],
    drafts: list[Draft],
    shouted: dict[int, tuple[int, int]],
    taken: set[int],
) -> None:
    """`ANTHONY PATCH` in `CHAPTER I ANTHONY PATCH`, `SIR HENRY CURTIS`: a name of two words
    or more in capitals (a heading, a sign, a shout) is a mention of the one character the
    text writes so in lower case; two words together are no `MAY` or `WILL` of a shout. A
    first name the step above took (`ANTHONY`) grows into the full name."""
    owners: dict[str, set[int]] = {}
    for index, draft in enumerate(drafts):
        for surface in draft.surfaces:
            if " " in surface:
                owners.setdefault(" ".join(surface.upper().split()), set()).add(index)
    if not owners:
        return
    for match in runs:
        for start, end, found in _shouted_names(match, owners):
            if start in taken:
                continue
            spans = drafts[found].spans
            if start in shouted and shouted[start] in spans:
                spans.remove(shouted[start])
            spans.append((start, end))


def _unshouted_key(words_: str) -> str:
    """`ANTHONY PATCH'S,` -> `ANTHONY PATCH`."""
    words_ = words_.rstrip(".,;:!?'’")
    return words_[:-2] if words_.endswith(("'S", "’S")) else words_


def _shouted_names(match: re.Match[str], owners: dict[str, set[int]]) -> list[tuple]:
    """The longest known names inside a run in capitals (`CHAPTER I ANTHONY PATCH`,
    `I MEET SIR HENRY CURTIS`), left to right: (start, end, the draft's index)."""
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", match.group())]
    found, i = [], 0
    while i < len(tokens) - 1:
        for j in range(len(tokens), i + 1, -1):
            owner = owners.get(_unshouted_key(" ".join(t[2] for t in tokens[i:j])))
            if owner and len(owner) == 1:
                base = match.start()
                found.append((base + tokens[i][0], base + tokens[j - 1][1], next(iter(owner))))
                i = j
                break
        else:
            i += 1
    return found


def _labelled_drafts(quotes: list[Quote], drafts: list[Draft], scan: Scan) -> list[Draft]:
    """The people a chat's or a script's labels name whom the cast does not hold yet."""
    if not any(q.label for q in quotes):
        return []
    known = {
        surface_key(surface)
        for d in drafts
        for surface in (d.character.name, *d.surfaces, *d.known_aliases)
    }
    return [
        _found_draft(name, spans, given_names().get(name.split()[0].lower(), "unknown"))
        for name, spans in labelled_people(quotes, known, scan.text)
    ]


HANDLE_RE = re.compile(r"[A-Za-z][a-z]+")
HANDLE_REST = 3  # letters a handle runs on past the name it opens with (`peter` + `parker`)


def _join_run_together_handles(quotes: list[Quote], drafts: list[Draft]) -> None:
    """`peterparker: guys` beside `Peter shows up at school`: a chat handle that is one
    person's one-word name run together with a second word (letters only, lower case after
    the first) is that person's, when only one of the cast's names opens it."""
    names: dict[str, list[Draft]] = defaultdict(list)
    for draft in drafts:
        for surface in {draft.character.name, *draft.surfaces}:
            if " " not in surface and len(surface) >= HANDLE_REST:
                names[surface.lower()].append(draft)
    labels = {q.label for q in quotes if q.label}
    # `kat: not me` beside `katniss: who took my bow`: one with a label of their own name
    # in the chat is not also the handle their name opens
    labelled = {id(d) for label in labels for d in names.get(label.lower(), ())}
    for label in labels:
        handle = label.lower()
        if not HANDLE_RE.fullmatch(label) or handle in names:
            continue
        owners = {
            id(d): d
            for k in range(HANDLE_REST, len(handle) - HANDLE_REST + 1)
            for d in names.get(handle[:k], ())
        }
        if len(owners) == 1 and not owners.keys() & labelled:
            draft = next(iter(owners.values()))
            draft.known_aliases = (*draft.known_aliases, label)


def _parent_drafts(drafts: list[Draft], scan: Scan) -> list[Draft]:
    """The I's parents the story calls only `my mom`, `my dad` (characters/relatives.py)."""
    known = {d.character.name.lower() for d in drafts} | {
        surface.lower() for d in drafts for surface in d.surfaces
    }
    return [
        _found_draft(name, spans, gender, gender=gender)
        for name, gender, spans in narrators_parents(scan.text, scan.in_quote, known)
    ]


def _found_draft(
    name: str, spans: list[tuple[int, int]], default_gender: str, gender: str = "unknown"
) -> Draft:
    """A character found outside the name rules (a label, a calling), named as written."""
    return Draft(
        Character(name=name, source="discovered", gender=gender),
        spans=spans,
        surfaces=Counter({name: len(spans)}),
        default_gender=default_gender,
    )


def _reader_draft(document: Document) -> Draft | None:
    if "/N" not in document.text and "/n" not in document.text:
        return None  # cheap test first: most works are no reader-inserts
    spans = [
        m.span()
        for s in document.story_spans
        for m in READER_RE.finditer(document.text, s.start, s.end)
    ]
    if not spans:
        return None
    draft = Draft(Character(name=READER, source="discovered"), spans=spans)
    draft.surfaces["Y/N"] += len(spans)
    return draft


def _presence(draft: Draft, scan: Scan) -> bool:
    text = scan.text
    for start, end in draft.spans:
        if scan.in_quote(start):
            if _vocative_at(scan, start, end):
                return True
        elif context.acts(text, end) or context.speaks(text, start, end):
            return True
    return False


def _vocative_at(scan: Scan, start: int, end: int) -> bool:
    from fanarchive.analysis.characters.discovery import Occurrence

    return _is_vocative(scan.text, Occurrence(start, end, None, (), False, True), scan)


class OthersNamed:
    """Where the cast's characters of each likely gender are named, to tell whether a `she`
    after a man's name is more likely the woman named just before (`Ron grinned, and for a
    moment she hated him`, in a scene with Hermione) than a sign the man is a woman."""

    REACH = 1500  # characters before a mention in which another's name still explains

    def __init__(self, drafts: list[Draft]):
        named: dict[str, list[tuple[int, int]]] = {"male": [], "female": []}
        for number, draft in enumerate(drafts):
            if (gender := draft.likely_gender) in named:
                named[gender] += [(start, number) for start, _ in draft.spans]
        self.ids = {id(draft): number for number, draft in enumerate(drafts)}
        self.named = {gender: sorted(spans) for gender, spans in named.items()}

    def near(self, gender: str, offset: int, draft: Draft) -> bool:
        """Someone other than `draft`, of `gender`, is named within REACH before `offset`."""
        spans = self.named.get(gender, [])
        own = self.ids.get(id(draft))
        i = bisect_left(spans, (offset,)) - 1
        for start, number in spans[max(0, i - 8) : i + 1][::-1]:  # own mentions may crowd in
            if start < offset - self.REACH:
                return False
            if number != own:
                return True
        return False


def _pronoun_gender(
    draft: Draft, scan: Scan, margin: int, others: OthersNamed | None = None
) -> str:
    """The pronoun that follows the character's acting or speaking mentions, when at least
    `margin` of them agree and outnumber the other gender `margin` times; for a name with no
    usual gender (`margin` is PRONOUN_MARGIN), also a single pronoun no other opposes."""
    votes = _pronoun_votes(draft, scan, others)
    if not votes:
        return _only_subject_gender(draft, scan) if margin == PRONOUN_MARGIN else "unknown"
    (best, n), *rest = votes.most_common()
    runner_up = rest[0][1] if rest else 0
    if n >= margin and n >= margin * runner_up:
        return best
    if margin == PRONOUN_MARGIN and not rest and _firm_pronoun(draft, scan, best):
        # A name with no usual gender (`Gavroche found his sister`, `Captain Holt said from
        # his office doorway`): one pronoun of its own, unopposed, is all a short scene gives.
        return best
    return "unknown"


def _pronoun_votes(draft: Draft, scan: Scan, others: OthersNamed | None = None) -> Counter[str]:
    """The pronouns after the character's acting or speaking mentions in the narration; with
    `others`, not those against the usual gender that another character of their gender,
    named just before, explains."""
    text = scan.text
    votes: Counter[str] = Counter()
    spans = _voting_spans(draft)
    for start, end in spans:
        if scan.in_quote(start) or not (
            context.acts(text, end) or context.speaks(text, start, end)
        ):
            continue
        gender = context.voting_pronoun(text, start, end)
        against = gender and gender != draft.default_gender
        if not (against and others is not None and others.near(gender, start, draft)):
            votes[gender] += 1
    # A gesture with one's own body (`shook her head`) is the surest pronoun: it counts twice.
    votes.update(
        context.gesture_pronoun(text, end) for start, end in spans if not scan.in_quote(start)
    )
    votes.pop("", None)
    return votes


# The first mentions of a character say its gender (or that the text calls them `they`) as
# surely as all of them: a novel's lead, named thousands of times, was read pronoun by pronoun
# at every one.
VOTING_MENTIONS = 400


def _voting_spans(draft: Draft) -> list[tuple[int, int]]:
    if len(draft.spans) <= VOTING_MENTIONS:
        return draft.spans
    return sorted(draft.spans)[:VOTING_MENTIONS]


def _unopposed_gender(draft: Draft, scan: Scan) -> str:
    """A given name English seldom gives (`Jiwoo`, `Corin`), whose usual gender the name list
    takes from other countries' records, yields to the story's own pronouns when none
    opposes them: two agreeing, or one that surely refers back to the name (the rule for a
    name with no usual gender). A name English gives to both sexes (`Jamie`, `Robin`) yields
    to any pronouns that agree. A name usual in English, or a pack's character, still needs
    `OVERRULING_MARGIN`."""
    if draft.character.source != "discovered":
        return "unknown"
    shared = _shared_given_name(draft)
    if usual_english_name(draft.character.name.split()[0]) and not shared:
        return "unknown"
    votes = _pronoun_votes(draft, scan)
    if len(votes) != 1:
        return "unknown"
    ((gender, n),) = votes.items()
    sure = shared or n >= PRONOUN_MARGIN or _firm_pronoun(draft, scan, gender)
    return gender if sure else "unknown"


def _firm_pronoun(draft: Draft, scan: Scan, gender: str) -> bool:
    """A pronoun of `gender` that most likely refers back to the name: one of its own sentence
    (`context.own_pronoun`), a gesture's, or the `He`/`She` opening the next sentence when
    that one points at no one else (`"Home," Arya said. She pulled her cloak tighter.`, not
    `Arya hugged the boy. He laughed`)."""
    text = scan.text
    for start, end in draft.spans:
        if scan.in_quote(start):
            continue
        if context.gesture_pronoun(text, end) == gender:
            return True
        if context.subject_pronoun(text, start, end) == gender:
            return True
        acting = context.acts(text, end) or context.speaks(text, start, end)
        if acting and context.own_pronoun(text, end) == gender:
            return True
    return False


def _only_subject_gender(draft: Draft, scan: Scan) -> str:
    """No pronoun follows the name in its own sentences, but the `He`/`She` opening the
    next one after it was the subject (`Korra did not mention that. She knelt...`), always
    the same."""
    text = scan.text
    found = {
        context.subject_pronoun(text, start, end)
        for start, end in draft.spans
        if not scan.in_quote(start)
    }
    found.discard("")
    return found.pop() if len(found) == 1 else "unknown"


# Pronouns overrule a pack's or a given name's usual gender only on clearer evidence.
PRONOUN_MARGIN, OVERRULING_MARGIN = 2, 3


def _finish(
    draft: Draft, scan: Scan, called_they: bool = False, others: OthersNamed | None = None
) -> Character:
    character = draft.character
    character.mentions = len(draft.spans)
    character.aliases = sorted(s for s in draft.surfaces if s != character.name)
    character.present = _presence(draft, scan)
    if called_they:  # neither male nor female: the analysis format says `unknown`
        return character
    if character.gender == "unknown":
        character.gender = _kin_gender(draft, scan)
    if character.gender == "unknown":  # titles, head nouns and kin nouns have spoken first
        has_default = draft.default_gender != "unknown"
        firm = has_default and not _shared_given_name(draft)
        margin = OVERRULING_MARGIN if firm else PRONOUN_MARGIN
        # Overruling a pack's canon gender takes pronouns no one else explains (a given
        # name's usual gender is weaker evidence: there, as before, any pronouns overrule).
        rivals = others if draft.character.source == "pack" else None
        character.gender = _pronoun_gender(draft, scan, margin, rivals)
        if character.gender == "unknown" and has_default:
            character.gender = _unopposed_gender(draft, scan)
    if character.gender == "unknown":
        character.gender = _honorific_gender(draft.honorifics)
    if character.gender == "unknown":
        character.gender = draft.default_gender
    return character


# `my sister Jules`, `his little brother Sam`, `Ann's aunt Ellis`: a kin noun someone owns,
# right before the name (not `my sister Tom's book`).
_OWNED_KIN_BEFORE_RE = LazyPattern(
    r"(?:\b(?:my|his|her|our|their|your)|\w['’]s)\s+(?:[a-z]+\s+)?([a-z]+)\s+$", re.I
)
_KIN_READ_BACK = 40


def _kin_gender(draft: Draft, scan: Scan) -> str:
    """The gender the owned kin nouns before the name's mentions agree on: as sure as a title
    (a French `Jules` who is `my sister` is a woman, whatever the name list says), unless
    the name's own pronouns firmly say the other: `"Tell your brother Kate says hi," she
    said` has no kin noun of Kate's (review, fourteenth session)."""
    kin = _kin_noun_gender(draft, scan.text)
    if kin == "unknown":
        return kin
    pronouns = _pronoun_gender(draft, scan, OVERRULING_MARGIN)
    return kin if pronouns in ("unknown", kin) else "unknown"


def _kin_noun_gender(draft: Draft, text: str) -> str:
    said = set()
    for start, end in draft.spans:
        if text.startswith(("'s", "’s"), end):
            continue
        back = max(0, start - _KIN_READ_BACK)
        if _word_before(text, back, start).lower() not in RELATION_GENDER:
            continue  # the search's kin noun could only be this word: it would find none
        before = _OWNED_KIN_BEFORE_RE.search(text, back, start)
        if before and (gender := RELATION_GENDER.get(before.group(1).lower())):
            said.add(gender)
    return said.pop() if len(said) == 1 else "unknown"


def _word_before(text: str, back: int, start: int) -> str:
    """The letters between the whitespace before `start` and the whitespace before them
    (from `back` on). `_OWNED_KIN_BEFORE_RE`'s kin noun, when it matches, is this word: its
    letters sit between whitespace and the whitespace that ends the window. Checked first
    because the search opens on `\\b` and is tried at each of the window's 40 characters
    for each of the cast's mentions (25 ms a 100,000-word work)."""
    end = start
    while end > back and text[end - 1].isspace():
        end -= 1
    first = end
    while first > back and text[first - 1].isalpha():
        first -= 1
    return text[first:end]


def _narrated_gender(draft: Draft, scan: Scan) -> str:
    """`The reputation earned by Washington in this battle was the cause of his being
    selected`, `even Weary, the sunny-hearted, had a curl of his lip`: for a name with no
    gender otherwise, the pronouns after any of its mentions in the narration, not only those
    that act or speak, when every one agrees (see `Cast.narrated_genders`)."""
    text = scan.text
    found = {
        context.voting_pronoun(text, start, end)
        for start, end in _voting_spans(draft)
        if not scan.in_quote(start)
    }
    found.discard("")
    return found.pop() if len(found) == 1 else "unknown"


def _called_they(draft: Draft, scan: Scan) -> bool:
    """`Alex pulled their knees up` ... `Alex laughed despite themself`: a character whose own
    sentences refer back with a singular they at least twice, and never with he or she, is
    neither male nor female, whatever the given name usually is."""
    text = scan.text
    they, needed = 0, 2
    for start, end in _voting_spans(draft):
        if not scan.in_quote(start) and context.singular_they(text, start, end):
            they += 1
            if they == 2:
                if _only_subject_gender(draft, scan) != "unknown":
                    return False
                # `Michael shook their head ... leaned on her shoulder`: a stray "her" (whose
                # may be another's) is outnumbered by the name's own "their"s
                needed = max(2, sum(_pronoun_votes(draft, scan).values()) + 1)
            if they >= needed:  # enough: the rest of the mentions need not be read
                return True
    return False


def _shared_given_name(draft: Draft) -> bool:
    """A discovered name whose first word English gives to both sexes (`Jamie Fraser`)."""
    first = draft.character.name.split()[0]
    return draft.character.source == "discovered" and shared_by_both_sexes(first)


def _gender_in_talk(draft: Draft, scan: Scan) -> str:
    """`"Captain Osei owes me money, so she would."`: the pronoun of the name's own sentence
    inside what someone says, when every such pronoun agrees (see `Cast.talk_genders`)."""
    found = set()
    for start, end in draft.spans:
        bounds = scan.quote_bounds(start)
        if bounds is not None:
            # Only what the quotation itself says: in `"Come on, Harry," she said` the tag's
            # `she` is the speaker, not Harry.
            window = scan.text[bounds[0] : bounds[1]]
            found.add(context.own_pronoun(window, end - bounds[0]))
    found.discard("")
    return found.pop() if len(found) == 1 else "unknown"


def _honorific_gender(honorifics: Counter[str]) -> str:
    votes = Counter(HONORIFIC_GENDER[h] for h in honorifics.elements() if h in HONORIFIC_GENDER)
    if len(votes) == 1:
        return next(iter(votes))
    return "unknown"


def _narrator(cast: Cast, document: Document, scan: Scan, drafts: list[Draft]) -> None:
    reader = cast.get(READER)
    if reader is not None:
        cast.narrator, cast.narration = reader, "second"
        return
    if cast.narration != "first":
        return
    for name in self_introductions(document, scan):
        if (character := cast.resolve(name)) is not None:
            cast.narrator = character
            return
    # Others call the narrator by name; the narrator calls themself "I".
    best, best_vocatives = None, 1
    for draft in drafts:
        inside = [(s, e) for s, e in draft.spans if scan.in_quote(s)]
        if len(inside) < 0.75 * len(draft.spans) or _acts_in_narration(draft, scan):
            continue
        vocatives = sum(1 for s, e in inside if _vocative_at(scan, s, e))
        if vocatives > best_vocatives:
            best, best_vocatives = draft.character, vocatives
    cast.narrator = best


def _acts_in_narration(draft: Draft, scan: Scan) -> bool:
    """`Warren set the lens cap next to my coffee`: a name acting in a first-person narration is
    someone the I watches, not the I."""
    return any(
        not scan.in_quote(start) and context.acts(scan.text, end) for start, end in draft.spans
    )


def _full_names_of_kept(forms: list[Form], kept: list[Form], scan: Scan) -> list[Form]:
    """`Sherlock Holmes did not look up.` once, where `Sherlock` is a character: the full
    name of a kept first name is kept when it acts or speaks, even once at a sentence's
    start."""
    firsts = {f.names[0] for f in kept if len(f.names) == 1 and not f.title}
    chosen = {id(f) for f in kept}
    return [
        f
        for f in forms
        if id(f) not in chosen
        and not f.title
        and len(f.names) == 2
        and f.names[0] in firsts
        and any(
            not o.in_quote and (context.acts(scan.text, o.end) or o.speech) for o in f.occurrences
        )
    ]


def _named_in_full_and_alone(forms: list[Form], kept: list[Form], scan: Scan) -> list[Form]:
    """`Catelyn Stark found her husband.` ... `"Go," Catelyn said.`: a person named twice,
    once in full and once by the first name alone, each form too rare to stand by itself. Both
    are kept when the text never writes the first name in lower case, neither form is
    somewhere (`Hunsford Parsonage`, `in Hunsford`), and the lone first name speaks or is
    spoken to while being a word English does not use (`Catelyn`, not `Will` or `Grace`) or a
    given name that opens a sentence acting (`"Lane!"` ... `Lane yells back`); or, every word
    one English never writes, the two forms do two things only people do (`Cardan Greenbriar
    is waiting` ... `Cardan's mouth goes thin`)."""
    chosen = {id(f) for f in kept}
    alone = {
        f.names[0]: f for f in forms if id(f) not in chosen and not f.title and len(f.names) == 1
    }
    found = []
    for full in forms:
        lone = alone.get(full.names[0]) if len(full.names) == 2 and not full.title else None
        if id(full) in chosen or lone is None:
            continue
        if full.names[-1].lower() in PLACE_WORDS or full.tally("place") + lone.tally("place"):
            continue  # `Hunsford Parsonage`, `stayed in Hunsford`
        word = lone.names[0].lower()
        if scan.lower_words.get(word):
            continue
        if _speaks_as_named(lone) and (
            zipf(word) < COMMON_WORD_ZIPF or (word in given_names() and lone.tally("leads"))
        ):
            found += [full, lone]  # `"Lane!"` ... `Lane yells back`: a given name, acting
        elif (
            not any(zipf(n) for n in full.names) and _person_signs(full) + _person_signs(lone) >= 2
        ):
            found += [full, lone]  # `Cardan Greenbriar is waiting` ... `Cardan's mouth goes thin`
    return found


def _full_and_family_in_a_drabble(forms: list[Form], kept: list[Form], scan: Scan) -> list[Form]:
    """`which Greef Karga took personally` ... `Karga threw up his hands`: in a short work, a
    two-word name and its family name alone, every word one English seldom writes, are one
    person whose two forms together do two things only people do (as one form must,
    `_rare_name_in_a_drabble`)."""
    if not short_work(scan):
        return []
    chosen = {id(f) for f in kept}
    alone = {
        f.names[0]: f for f in forms if id(f) not in chosen and not f.title and len(f.names) == 1
    }
    found = []
    for full in forms:
        lone = alone.get(full.names[-1]) if len(full.names) == 2 and not full.title else None
        if id(full) in chosen or lone is None or any(zipf(n) for n in full.names):
            continue
        if _person_signs(full) + _person_signs(lone) >= 2 and not scan.lower_words.get(
            lone.names[0].lower()
        ):
            found += [full, lone]
    return found


def _given_names_of_a_castless_drabble(
    forms: list[Form], kept: list[Form], scan: Scan
) -> list[Form]:
    """`Lena had turned fifteen in March. Theo would be fifteen in June.`: a drabble whose
    cast would otherwise be empty names its people once, by given names opening sentences.
    Only then, such a name (a given name the text never writes in lower case, no month or
    weekday) is a character: with no one in the cast, every line had no speaker at all."""
    if kept or not short_work(scan) or not scan.quote_starts:
        return []
    return [
        f
        for f in forms
        if len(f.names) == 1
        and not f.title
        and f.names[0].lower() in given_names()
        and f.names[0].lower() not in WEEKDAYS_AND_MONTHS
        and not scan.lower_words.get(f.names[0].lower())
        and any(o.initial and not o.in_quote for o in f.occurrences)
    ]


def _speaks_as_named(form: Form) -> bool:
    return any(o.vocative if o.in_quote else o.speech for o in form.occurrences)


def _takes_family(title: str, name: str) -> bool:
    return title not in GIVEN_NAME_TITLES or name.lower() not in given_names()


def _late_genders(drafts: list[Draft], they: set[str], read, scan: Scan) -> dict[str, str]:
    """The genders `read` finds for the characters of no gender yet (not those called
    `they`), applied only once the lines are attributed (`Cast.finalise`)."""
    return {
        d.character.name: gender
        for d in drafts
        if d.character.gender == "unknown"
        and d.character.name not in they
        and (gender := read(d, scan)) != "unknown"
    }


def detect_cast(document: Document, quotes: list[Quote], knowledge: Knowledge) -> Cast:
    scan = scan_story(document, quotes)
    knowledge, tagged = with_tags(knowledge, document.metadata)
    packs, claimed, active = _pack_drafts(scan, knowledge, declared_fandoms(document, knowledge))
    terms = _no_names(knowledge, active)
    forms = collect_forms(scan, claimed, terms)
    narration = narration_person(document, scan)
    introduced = set(self_introductions(document, scan)) if narration == "first" else set()
    titled = frozenset(  # family names with a title (`Mr. Darcy`, `Miss Bingley`), not `Miss Lydia`
        f.names[-1] for f in forms.values() if f.title and _takes_family(f.title, f.names[-1])
    )
    alone = frozenset(f.names[0] for f in forms.values() if len(f.names) == 1)
    kept = [
        f
        for f in forms.values()
        if is_name(f, scan, titled, alone) or " ".join(f.names) in introduced
    ]
    kept += _full_names_of_kept(list(forms.values()), kept, scan)
    kept += _named_in_full_and_alone(list(forms.values()), kept, scan)
    kept += _full_and_family_in_a_drabble(list(forms.values()), kept, scan)
    kept += coordinated_with_people(list(forms.values()), kept, scan)
    kept += once_named_of_a_lone_gender(list(forms.values()), kept, scan)
    kept += once_named_beat_before_a_line(list(forms.values()), kept, scan)
    if narration != "first":  # an I is someone: a first-person drabble's cast is not empty
        kept += _given_names_of_a_castless_drabble(list(forms.values()), kept, scan)
    clusters = cluster_forms(
        drop_plurals(with_components(list(forms.values()), kept, scan)), scan.text
    )
    discovered = _join_pack_aliases(list(packs.values()), _discovered_drafts(clusters, set(packs)))
    drafts = _join_corrected_names(list(packs.values()) + discovered, scan)
    drafts = _join_title_clips(join_codenames(drafts, scan))
    drafts = _join_answered_titles(drafts, scan)
    described = _described_drafts(scan, claimed, terms, {d.character.name for d in drafts})
    described = join_linked_descriptions(described, drafts, scan)
    described = [d for d in described if not _lost_in_cast(d, drafts)]
    drafts += _named_descriptions(_join_titled_descriptions(described, drafts), drafts, scan)
    if (reader := _reader_draft(document)) is not None:
        drafts.append(reader)
    _add_shouted_mentions(document, drafts)
    _join_run_together_handles(quotes, drafts)  # before the labels' new people are sought
    drafts += _labelled_drafts(quotes, drafts, scan)
    if narration == "first" or any(d.character.name == READER for d in drafts):
        drafts += _parent_drafts(drafts, scan)
    they = {
        d.character.name
        for d in drafts
        if d.character.gender == "unknown" and _called_they(d, scan)
    }
    others = OthersNamed(drafts) if any(d.character.source == "pack" for d in drafts) else None
    characters = [_finish(d, scan, d.character.name in they, others) for d in drafts]
    mentions = sorted(
        (Mention(s, e, d.character.name) for d in drafts for s, e in d.spans),
        key=lambda m: m.start,
    )
    cast = Cast(characters, mentions)
    cast.text = scan.text
    for draft in drafts:
        cast.add_aliases(draft.character, list(draft.known_aliases))
    families = Counter(f for d in drafts for f in d.family_names)
    for draft in drafts:  # `Uchiha` resolves to Sasuke when he is the only Uchiha here
        cast.add_aliases(draft.character, [f for f in draft.family_names if families[f] == 1])
    cast.narration = narration
    cast.talk_genders = _late_genders(drafts, they, _gender_in_talk, scan)
    cast.narrated_genders = _late_genders(drafts, they, _narrated_gender, scan)
    cast.called_they = they
    _narrator(cast, document, scan, drafts)
    if cast.narrator is not None:
        cast.narrator.present = True
    characters.sort(key=lambda c: (not c.present, -c.mentions, c.name))
    cast.tag_disagreements = disagreements(characters, tagged)
    return cast
