"""What the binding knows of a work, and what every kind of cue asks of one sentence.

CueContext holds the text (apostrophes made straight), the sentence index, the quotes and the
people of each sentence (titled namesakes dropped), and answers the questions all cues share:
the quote at an offset, the people a sentence names in its narration or in one line, whether
it speaks of kin or of someone described, whether a name fits a pronoun's genders. Its
per-sentence caches keep a long sentence of many cues linear. The base every binding class
extends; it binds no cue itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Quote
from fanarchive.analysis.relationships.genders import (
    DESCRIBED_PERSON_RE,
    OTHER_PERSON_RE,
    _genders_of,
)
from fanarchive.analysis.relationships.people import (
    Mentions,
    Person,
    _titled_family_name,
    people_by_sentence,
    straight_apostrophes,
)
from fanarchive.analysis.sentences import SentenceIndex

# A titled family name ("Mr. Stone") is someone else when the narration calls the character
# by an untitled name this often, and this many times as often as by the titled one.
NAMESAKE_PLAIN = 3
NAMESAKE_SHARE = 2
AND_RE = re.compile(r"\s*,?\s*and\s+", re.IGNORECASE)
ACT_REACH_BEFORE = 80  # characters between a doer's name and the act ("Ann leaned over and ...")
ACT_REACH_AFTER = 30  # ... and between the act and the one it is done to
PRONOUN_REACH = 50
LINE_SENTENCES_SKIPPED = 6  # sentences of lines naming nobody a lookback passes, at most
WORD_RE = re.compile(r"\w")


class CueContext:
    """The work's text, quotes and people by sentence, and the look-ups every kind of cue
    shares."""

    def __init__(
        self,
        document: Document,
        index: SentenceIndex,
        quotes: list[Quote],
        cast: Cast,
        names: set[str],
    ):
        self.text = straight_apostrophes(document.text)
        self.index = index
        self.names = names
        self.genders = {c.name: c.gender for c in cast.characters}
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]
        narrator = getattr(cast, "narrator", None)
        first_person = getattr(cast, "narration", "third") == "first"
        # A first-person narrator, whom "we" holds (None in the third person).
        self.narrator = (
            narrator.name if first_person and narrator and narrator.name in names else None
        )
        self.people = people_by_sentence(document, index, cast, names)
        self.paragraph_starts = [p.start for p in document.paragraphs]
        for s, people in self.people.items():
            # Inside a quote "I" is its speaker, who may be anyone.
            self.people[s] = [
                p for p in people if not (p.narrator and self._quote_at(p.start) is not None)
            ]
        self._drop_titled_namesakes()
        # Every person named (or a narrator's "I"), in text order: a scene's people by bisect.
        everyone = sorted((p.start, p.name) for people in self.people.values() for p in people)
        self.mention_starts = [start for start, _ in everyone]
        self.mention_names = [name for _, name in everyone]
        self._people_ends: dict[int, list[int]] = {}
        # What a whole sentence says, asked by every cue in it: found once per sentence, so
        # a work of one long sentence with many cues stays linear.
        self._sentence_others: dict[int, tuple[bool, bool]] = {}
        self._sentence_genders: dict[int, set[str]] = {}
        self._by_line: dict[int, dict[int, Mentions]] = {}
        self._mentions: dict[int, Mentions] = {}
        self._narration_names: dict[tuple[int, int], set[str]] = {}
        self._by_start: dict[int, tuple[list[int], list[Person], int]] = {}
        self._clause_marks: dict[int, list[int]] = {}  # by id() of the quote
        self._clause_words: dict[tuple[int, int], tuple[bool, bool]] = {}
        self._leads: dict[int, str] = {}  # by offset: the words before a relational noun
        self._kin_phrases: dict[int, list[tuple[int, int]]] = {}  # by sentence
        self._backs: dict[tuple[int, int], list[int]] = {}  # by sentence and lookback

    def _drop_titled_namesakes(self) -> None:
        """ "Mr. Stone" in the narration of a story whose narration otherwise calls Bob Stone
        "Bob": his father, a namesake, whom the cast resolved by the family name. Nobody's:
        better no cue than a false romance."""
        titled: dict[str, list[tuple[int, Person]]] = defaultdict(list)
        plain: dict[str, int] = defaultdict(int)
        for s, people in self.people.items():
            for person in people:
                if person.narrator or self._quote_at(person.start) is not None:
                    continue  # "Mr. Potter," said the teacher: how others address him
                if _titled_family_name(self.text, person):
                    titled[person.name].append((s, person))
                else:
                    plain[person.name] += 1
        for name, found in titled.items():
            if plain[name] >= NAMESAKE_PLAIN and len(found) * NAMESAKE_SHARE <= plain[name]:
                for s, person in found:
                    self.people[s].remove(person)

    def _back(self, s: int, lookback: int) -> list[int]:
        """Sentence `s` and the `lookback` sentences before it, latest first, where a
        sentence of a line that names nobody ('"Petunia.', 'To see him."') is not counted: a
        line cut into short sentences is one beat of the scene, and the one a pronoun stands
        for was named before it. At most LINE_SENTENCES_SKIPPED such sentences are passed."""
        found = self._backs.get((s, lookback))
        if found is None:
            found, counted, skipped = [s], 0, 0
            t = s - 1
            while t >= 0 and counted < lookback:
                found.append(t)
                if self._silent_line(t) and skipped < LINE_SENTENCES_SKIPPED:
                    skipped += 1
                else:
                    counted += 1
                t -= 1
            self._backs[(s, lookback)] = found
        return found

    def _silent_line(self, t: int) -> bool:
        """Sentence `t` lies inside a line and names nobody."""
        if self.people.get(t):
            return False
        span = self.index.spans[t]
        words = WORD_RE.search(self.text, span.start, span.end)
        if words is None:
            return True
        quote = self._quote_at(words.start())
        return quote is not None and quote.end >= span.end - 2

    def _quote_at(self, offset: int) -> Quote | None:
        i = bisect_left(self.quote_starts, offset + 1) - 1
        if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def _people_in_line(self, s: int, quote: Quote | None) -> Mentions:
        """The people sentence `s` names inside `quote` (None: in its narration), in text
        order; sorted out once per sentence, so a long sentence of many cues stays linear.
        Callers only read its list."""
        groups = self._by_line.get(s)
        if groups is None:
            lines: dict[int, list[Person]] = defaultdict(list)
            for person in self._distinct(s):
                lines[id(self._quote_at(person.start))].append(person)
            groups = self._by_line[s] = {key: Mentions(line) for key, line in lines.items()}
        return groups.get(id(quote)) or Mentions([])

    def _sentence_mentions(self, s: int) -> Mentions:
        """Everyone sentence `s` names, as Mentions (built once per sentence)."""
        if s not in self._mentions:
            self._mentions[s] = Mentions(self.people.get(s, []))
        return self._mentions[s]

    def _narration(self, start: int, end: int) -> str:
        """The text from `start` to `end` with its quoted lines blanked: who a line speaks of
        ("That's my girl") is not always in the scene."""
        parts, at = [], start
        i = max(0, bisect_left(self.quote_starts, start) - 1)
        while i < len(self.quotes) and self.quotes[i].start < end:
            quote = self.quotes[i]
            if quote.end > at:
                parts.append(self.text[at : max(at, quote.start)])
                at = max(at, min(quote.end, end))
            i += 1
        parts.append(self.text[at:end])
        return " ".join(parts)

    def _sentence(self, s: int) -> str:
        span = self.index.spans[s]
        return self.text[span.start : span.end]

    def _distinct(self, s: int) -> list[Person]:
        return self.people.get(s, [])

    def _pronoun_genders(self, s: int) -> set[str]:
        if s not in self._sentence_genders:
            self._sentence_genders[s] = _genders_of(self._sentence(s))
        return self._sentence_genders[s]

    def _others_in(self, s: int) -> tuple[bool, bool]:
        """Whether sentence `s` speaks of kin ("his mother": OTHER_PERSON_RE) and of anyone
        described (_someone_else), found once per sentence."""
        if s not in self._sentence_others:
            sentence = self._sentence(s)
            kin = OTHER_PERSON_RE.search(sentence) is not None
            self._sentence_others[s] = (
                kin,
                kin or DESCRIBED_PERSON_RE.search(sentence) is not None,
            )
        return self._sentence_others[s]

    def _kin_in(self, s: int) -> bool:
        return self._others_in(s)[0]

    def _someone_else_in(self, s: int) -> bool:
        return self._others_in(s)[1]

    def _fits(self, name: str, genders: set[str]) -> bool:
        gender = self.genders.get(name, "unknown")
        return "any" in genders or gender == "unknown" or gender in genders

    def _ending_by(self, people: list[Person], offset: int) -> int:
        """How many of a sentence's `people` (in text order) end by `offset`, by bisection:
        a sentence of thousands of people is asked once for each of its cues."""
        ends = self._people_ends.get(id(people))
        if ends is None or len(ends) != len(people):
            ends = self._people_ends[id(people)] = [p.end for p in people]
        return bisect_right(ends, offset)

    def _joined_with(self, people: list[Person], person: Person) -> Person | None:
        """The person joined to `person` by "and" just before it ("Ann and Bob kissed")."""
        before = self._ending_by(people, person.start)
        last = people[before - 1] if before else None
        if (
            last is not None
            and last.name != person.name
            and AND_RE.fullmatch(self.text[last.end : person.start])
        ):
            return last
        return None


def _words_back(text: str, lo: int, hi: int, count: int) -> int:
    """Where a search for a pattern that spans at most the last `count` words before `hi`
    ("his brother", "'s little sister") may start: at or before the first of those words
    (past a space, tab or line break; else `lo`). It finds what a search from `lo` would,
    without walking a whole long sentence once per cue."""
    at = hi
    for _ in range(count):
        while at > lo and text[at - 1].isspace():
            at -= 1
        at = max(lo, max(text.rfind(mark, lo, at) for mark in " \t\n") + 1)
    return at
