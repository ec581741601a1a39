"""Who is named where: the people of each sentence, as the binding sees them.

A Person is a cast mention (or a named narrator's "I"/"you") at its offsets; Mentions finds
who is named just before or after an offset by bisection; people_by_sentence builds the lists
from the cast, less a mention whose title contradicts its character ("Mrs. Weasley" read as
Ron Weasley). With the pair and apostrophe helpers every other module uses. Apart from the
binding classes: it is built once from the cast and decides no cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.sentences import SentenceIndex

Pair = tuple[str, str]
NARRATOR_PRONOUNS = {
    "first": re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself)\b"),  # "My husband Bob" opens sentences
    "second": re.compile(r"\b(?:you|your|yourself)\b", re.IGNORECASE),
}
TITLES = r"(Mrs|Miss|Ms|Lady|Madam|Aunt|Mr|Sir|Lord|Uncle)"
TITLE_RE = re.compile(r"\b" + TITLES + r"\.?\s+$")  # just before a name
LEADING_TITLE_RE = re.compile(TITLES + r"\b\.?\s")  # at the start of a name
FEMALE_TITLES = {"mrs", "miss", "ms", "lady", "madam", "aunt"}


@dataclass(frozen=True)
class Person:
    start: int
    end: int
    name: str
    narrator: bool = False  # "I"/"you" standing for a named narrator


class Mentions:
    """People named in a stretch of text (a sentence, or its lines or narration), in the
    order given, with what each cue asks of them: by bisection when their starts and ends
    both rise in that order (as the cast lists mentions), so a long sentence of many cues
    stays linear; by a walk over them otherwise."""

    def __init__(self, people: list[Person]):
        self.people = people
        self.starts = [p.start for p in people]
        self.ends = [p.end for p in people]
        self.ordered = _rising(self.starts) and _rising(self.ends)
        self.by_end: dict[int, Person] = {}
        for person in people:
            self.by_end.setdefault(person.end, person)
        self.names = len({p.name for p in people})

    def last_before(self, offset: int) -> Person | None:
        """The last one ending at or before `offset`."""
        if self.ordered:
            i = bisect_right(self.ends, offset) - 1
            return self.people[i] if i >= 0 else None
        before = [p for p in self.people if p.end <= offset]
        return before[-1] if before else None

    def before_reversed(self, offset: int) -> Iterator[Person]:
        """Those ending at or before `offset`, the last first."""
        if self.ordered:
            return (self.people[i] for i in range(bisect_right(self.ends, offset) - 1, -1, -1))
        return reversed([p for p in self.people if p.end <= offset])

    def first_from(self, offset: int) -> Person | None:
        """The first one starting at or after `offset`."""
        if self.ordered:
            i = bisect_left(self.starts, offset)
            return self.people[i] if i < len(self.people) else None
        return next((p for p in self.people if p.start >= offset), None)

    def ending_at(self, offset: int) -> Person | None:
        return self.by_end.get(offset)


def _rising(values: list[int]) -> bool:
    return all(a <= b for a, b in pairwise(values))


def _titled_family_name(text: str, person: Person) -> bool:
    """The mention is a title and one name ("Mr. Stone", "Mrs. Stone" for Bob Stone, or for
    "Tom" whose alias the cast made it), not the character's given name ("Miss Ann") nor a
    character called so ("Mrs. Bennet")."""
    if LEADING_TITLE_RE.match(person.name):
        return False
    surface = text[person.start : person.end]
    inside = LEADING_TITLE_RE.match(surface)
    if inside:
        surface = surface[inside.end() :]
    elif not TITLE_RE.search(text, max(0, person.start - 8), person.start):
        return False
    words = surface.split()
    return len(words) == 1 and words[0] != person.name.split()[0]


# Curly apostrophes ("Ann’s brother", "you’re mine"), as many works type them, read as the
# straight one every pattern here is written with; one character for one keeps the offsets.
APOSTROPHES = ("’", "‘", "ʼ", "`")


def straight_apostrophes(text: str) -> str:
    # str.replace, not str.translate: translate with a non-ASCII table is 10x slower.
    for mark in APOSTROPHES:
        if mark in text:
            text = text.replace(mark, "'")
    return text


def pair_of(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def people_by_sentence(
    document: Document, index: SentenceIndex, cast: Cast, names: set[str]
) -> dict[int, list[Person]]:
    """The people named in each story sentence, in text order: the cast's mentions (less those
    whose title contradicts the character) and a named first- or second-person narrator
    wherever "I"/"you" stands for them."""
    people: dict[int, list[Person]] = defaultdict(list)
    genders = {c.name: c.gender for c in cast.characters}
    for mention in cast.mentions:
        if mention.character not in names or document.in_note(mention.start):
            continue
        if _title_contradicts(
            document.text,
            mention.start,
            mention.end,
            mention.character,
            genders.get(mention.character, "unknown"),
        ):
            continue
        s = index.index_at(mention.start)
        if s >= 0:
            people[s].append(Person(mention.start, mention.end, mention.character))
    narrator = getattr(cast, "narrator", None)
    pronouns = NARRATOR_PRONOUNS.get(getattr(cast, "narration", "third"))
    if narrator is not None and pronouns is not None and narrator.name in names:
        for s, span in enumerate(index.spans):
            if document.in_note(span.start):
                continue
            for found in pronouns.finditer(document.text, span.start, span.end):
                people[s].append(Person(found.start(), found.end(), narrator.name, True))
            if s in people:
                people[s].sort(key=lambda p: p.start)
    return people


def _title_contradicts(text: str, start: int, end: int, character: str, gender: str) -> bool:
    """ "Mrs. Weasley" resolved to Ron Weasley, "Mr. Bennet" to Mrs. Bennet: the title said
    (in the mention or just before it) is of the other sex than the character's."""
    said = TITLE_RE.search(text, max(0, start - 8), start) or LEADING_TITLE_RE.match(
        text, start, end
    )
    if said is None:
        return False
    titled = LEADING_TITLE_RE.match(character)
    if titled:
        gender = _title_gender(titled.group(1))
    return gender in ("male", "female") and gender != _title_gender(said.group(1))


def _title_gender(title: str) -> str:
    return "female" if title.lower() in FEMALE_TITLES else "male"
