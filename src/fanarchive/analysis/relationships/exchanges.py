"""Cues inside quotes: the speaker and the one spoken to.

"I love you", "you're my brother", "we're rivals" bind a quote's speaker and addressee when
its clause is about the two of them (not "her brother is in love with you"); a line calling
the other "Mom" or "kiddo" makes a confession platonic; an unattributed line ('"I love you,"
Bob told Ann') binds the two its sentence names. Apart from the rest: it reads the quotes and
their clauses, not the narration's names and pronouns.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Quote
from fanarchive.analysis.relationships.context import CueContext
from fanarchive.analysis.relationships.genders import (
    DESCRIBED_PERSON_RE,
    OTHER_PERSON_RE,
    _genders_of,
)
from fanarchive.analysis.relationships.people import Pair, Person, pair_of

# The words of a quoted clause that make it about the speaker and the one spoken to.
# "I" and "you", also as texts write them ("u", "ur", "im", and "ily", which holds both).
EXCHANGE_RE = re.compile(
    r"\b(?:i|me|my|mine|we|us|our|you|your|yours|u|ur|im|ily|ilysm)\b|\bi'(?:m|d|ll|ve)\b"
)
# A quoted relational noun about the speaker and the one spoken to: "you're my brother",
# "I'm your big brother", "we were rivals" (the lead of the clause up to the noun).
# Texts spell them "ur my", "u r my", "youre my", "im ur", "ur always my".
ABOUT_US_RE = re.compile(
    r"\b(?:(?:you(?:'re| are| were|'ve been| have been| will always be)|ur|u r|youre) "
    r"(?:(?:always|still|really|truly) )?(?:my|our)|"
    r"(?:i(?:'m| am| was|'ve been| have been| will always be)|im) "
    r"(?:(?:always|still|really|truly|just) )?(?:your|ur|yr)|"
    r"we(?:'re| are| were|'ve been| have been))\b[^.!?;,]*$"
)
# "you're the smart twin", "ur the evil twin": a twin is one of two, said to the other.
THE_TWIN_RE = LazyPattern(r"\b(?:you(?:'re| are)|ur|u r|youre) the (?:[\w-]+ )?$")
EXCHANGE_LINES = 2  # lines (and paragraphs) back a confession's exchange reaches
# After a line: '," he told her', '," Ann said to him'.
TOLD_PRONOUN_RE = re.compile(
    r"[\"”]?\s*(?:he|she|[A-Z][\w'-]+)\s+(?:told|said\s+to|asked|called\s+to|whispered\s+to"
    r"|murmured\s+to|promised)\s+(him|her)\b"
)
# A kin word or a friend's word used to call someone: after a comma or dash, or opening the
# line, and ending its clause ("I love you, Mom.", "Dad, I ...", "love you, little sis").
_ADDRESS_WORDS = (
    r"(?i:mom|mum|mommy|mummy|mama|mamma|momma|mother|dad|daddy|papa|pop|father|grandma"
    r"|grandpa|gran|granny|nana|auntie|aunt|uncle|sis|sister|bro|brother|son|kiddo|kid|buddy"
    r"|pal|mate|dude|man)|Ma|Pa"
)
PLATONIC_ADDRESS_RE = LazyPattern(
    r"(?:^[\"“”']?|[,—–]|\s-)\s*(?:(?i:my|little|big|baby|old|dear)\s+){0,2}(?:"
    + _ADDRESS_WORDS
    + r")"
    r"\s*(?:[,.!?;—–]|$)"
)
# A kin word calling the one spoken to ("Mom.", "Dad, can you drive me?", "You are not helping,
# brother.", "Orange, little brother."): the two are kin. Not "Daddy", "Mommy" or "Mama", which
# lovers say too, nor "Mother"/"Father" (a priest, a nun, an in-law); not "bro" or "sis",
# which friends say.
KIN_ADDRESS_RE = re.compile(
    r"(?:^[\"“”']?|[,—–]|\s-)\s*(?:(?i:little|big|baby)\s+)?"
    r"(?P<word>(?i:mom|mum|dad|sister|brother))\s*(?:[,.!?;—–]|$)"
)
KIN_SEXES = {"mom": "female", "mum": "female", "dad": "male", "sister": "female", "brother": "male"}
# "Sister Dunleavy", "Brother Cadfael": in a story with such titles, "Sister" alone is one too.
KIN_TITLE_RE = LazyPattern(r"\b(?:Sister|Brother)\s+[A-Z]")
WORD_ONLY_RE = LazyPattern(r"\W*\w+\W*")  # '"Dad."' answering "Who called?" names, not calls
CLAUSE_END_RE = re.compile(r"[.!?;]")
DOUBLE_MARK_RE = re.compile('["“”]')
STRAIGHT_MARK_RE = re.compile('"')  # where a quoted clause ends
THIRD_PERSON_RE = re.compile(r"\b(?:he|him|his|she|her|hers|they|them|their)\b")
VOCATIVE_BEFORE_RE = LazyPattern(
    r"(?:^|[,.!?;—–-])\s*(?:(?:my|our|oh|o)\s+)?(?:\w+\s+)?$", re.IGNORECASE
)
VOCATIVE_AFTER_RE = LazyPattern(r"\s*(?:[,.!?;—–-]|$)")


class ExchangeBinding(CueContext):
    """Cues inside a quote, bound to its speaker and the one spoken to."""

    def _quoted_line(self, s: int, people: list[Person], start: int, end: int) -> Pair | None:
        """A quoted line nobody attributed, "I love you," Bob told Ann: said between the two
        people its sentence names, when the words are about "I" and "you"."""
        clause = self._open_quote_clause(self.index.spans[s].start, start, end)
        if clause is None:
            return None  # not inside quotation marks
        if THIRD_PERSON_RE.search(clause) or not EXCHANGE_RE.search(clause):
            return None
        names = {p.name for p in people}
        if len(names) == 1:
            # "I love you, Ann." right after a line between Ann and one other: that exchange
            names |= {p.name for p in self.people.get(s - 1, [])}
        if len(names) != 2:
            return None
        a, b = sorted(names)
        return (a, b)

    def _open_quote_clause(self, sentence_start: int, start: int, end: int) -> str | None:
        """The quoted words around a cue at start:end when an odd number of double marks
        opens before it in its sentence (lower case, straight apostrophes), else None. The
        marks are counted by bisection: counting them in the sentence's text up to each cue
        was quadratic in a sentence of thousands of kisses."""
        marks, straight = self._double_marks()
        if (bisect_left(marks, start) - bisect_left(marks, sentence_start)) % 2 == 0:
            return None
        after = bisect_left(straight, end)
        close = straight[after] if after < len(straight) else end
        last = bisect_left(straight, start) - 1
        opened = last >= 0 and straight[last] >= sentence_start
        lead_start = straight[last] + 1 if opened else sentence_start
        return (self.text[lead_start:start] + self.text[start:close]).lower().replace("’", "'")

    def _double_marks(self) -> tuple[list[int], list[int]]:
        """Where the text's double quotation marks stand (any, and straight ones), once."""
        found = self.__dict__.get("_double_mark_offsets")
        if found is None:
            marks = [m.start() for m in DOUBLE_MARK_RE.finditer(self.text)]
            found = (marks, [m.start() for m in STRAIGHT_MARK_RE.finditer(self.text)])
            self.__dict__["_double_mark_offsets"] = found
        return found

    def exchange(self, start: int, end: int, relational: bool = False) -> Pair | None:
        """Speaker and addressee of the quote holding the cue, when its clause is about the
        two of them (a relational noun: "you're my brother", "we're rivals", "brother!")."""
        quote = self._quote_at(start)
        if quote is None:
            return None
        pair = self._sides(quote)
        if pair is None:
            return None
        about_others, about_us = self._clause_pronouns(quote, start, end)
        if about_others or self._names_in(quote, start, end):
            return None  # about someone else: "her brother is in love with you"
        if not relational and self._described_before(quote, start):
            return None  # "Did the old man just kiss you?": someone described does it
        if relational:
            # "you're my brother", "I'm your big brother", "we were rivals": not "you were
            # an excellent wife".
            lead = self.text[max(quote.start, start - 60) : start].lower().replace("’", "'")
            about_us = ABOUT_US_RE.search(lead) or (
                self.text[start:end].lower() == "twin" and THE_TWIN_RE.search(lead)
            )
            # A bare "sister!" names the relation only to one the text says is addressed.
            addressed = quote.addressee in self.names or self._told_pronoun(quote, pair)
            vocative = addressed and self._vocative(quote, start, end)
            return pair if about_us or vocative else None
        return pair if about_us else None

    def platonic_address(self, start: int, pair: Pair | None = None) -> bool:
        """The line holding a cue calls the one spoken to by a kin word or a friend's word
        ("I love you, Mom", "Dad, I love you", "Love you, kiddo", "love you, man"), or, with
        the `pair` it binds, one of the two lines just before it does, spoken by one of the
        two ('"Daddy?" "Yeah, kiddo." "I love you three thousand."')."""
        quote = self._quote_at(start)
        if quote is None:
            return False
        lines = [quote]
        if pair is not None:
            i = bisect_left(self.quote_starts, quote.start)
            lines += [
                q
                for q in self.quotes[max(0, i - EXCHANGE_LINES) : i]
                if q.speaker in pair and quote.paragraph - q.paragraph <= EXCHANGE_LINES
            ]
        return any(PLATONIC_ADDRESS_RE.search(self.text[q.start : q.end]) for q in lines)

    def kin_address(self, quote: Quote) -> Pair | None:
        """ "Dad, can you drive me to school?" Violet asked: the speaker and the one spoken
        to (the line's addressee, else the other side of the exchange), of the sex the word
        says (or unknown), when the line names nobody; not a one-word answer to a question,
        nor "Sister" in a story that gives it as a title."""
        line = self.text[quote.start : quote.end]
        found = KIN_ADDRESS_RE.search(line)
        if found is None or quote.speaker not in self.names:
            return None
        word = found.group("word").lower()
        if word in ("sister", "brother") and self._kin_titles:
            return None
        i = bisect_left(self.quote_starts, quote.start)
        if WORD_ONLY_RE.fullmatch(line) and i > 0 and _asks(self.quotes[i - 1]):
            return None
        pair = self._sides(quote)
        named = bisect_left(self.mention_starts, quote.start)
        if pair is None or (
            named < len(self.mention_starts) and self.mention_starts[named] < quote.end
        ):
            return None  # "Dad, this is Bob": who is spoken to is not clear
        if TOLD_PRONOUN_RE.match(self.text, quote.end) and not self._told_pronoun(quote, pair):
            return None  # '"..., little sister," he told him': said to someone else
        other = pair[1] if pair[0] == quote.speaker else pair[0]
        return pair if self.genders.get(other, "unknown") in (KIN_SEXES[word], "unknown") else None

    @cached_property
    def _kin_titles(self) -> bool:
        """The story calls someone "Sister X" or "Brother X" (read once per work)."""
        return KIN_TITLE_RE.search(self.text) is not None

    def _told_pronoun(self, quote: Quote, pair: Pair) -> bool:
        """'"..., little sister," he told her': the speech tag's object pronoun fits the
        other side of the exchange (a known gender), so the line is said to them."""
        found = TOLD_PRONOUN_RE.match(self.text, quote.end)
        if found is None:
            return False
        other = pair[1] if pair[0] == quote.speaker else pair[0]
        return self.genders.get(other, "unknown") in _genders_of(found.group(1))

    def _vocative(self, quote: Quote, start: int, end: int) -> bool:
        """ "Thank you, brother.", "But, my dear sister, can I ...": the noun is the address."""
        before = self.text[quote.start : start]
        after = self.text[end : quote.end]
        return bool(VOCATIVE_BEFORE_RE.search(before) and VOCATIVE_AFTER_RE.match(after))

    def _names_in(self, quote: Quote, start: int, end: int) -> bool:
        """Someone is named in the quoted clause of the cue."""
        left, right = self._clause_bounds(quote, start, end)
        s = self.index.index_at(start)
        if s not in self._by_start:  # sorted once per sentence: a long one stays linear
            people = sorted(self.people.get(s, []), key=lambda p: p.start)
            longest = max((p.end - p.start for p in people), default=0)
            self._by_start[s] = ([p.start for p in people], people, longest)
        starts, people, longest = self._by_start[s]
        # Only a mention starting at most `longest` before the clause can reach into it.
        first, last = bisect_left(starts, left - longest), bisect_left(starts, right)
        return any(p.end > left for p in people[first:last])

    def _sides(self, quote: Quote) -> Pair | None:
        speaker = quote.speaker if quote.speaker in self.names else None
        if speaker is None:
            return None
        other = quote.addressee if quote.addressee in self.names else None
        if other is None:
            other = self._told(quote, speaker)  # '"I love you," Harry told Ginny'
        if other is None:
            # The other side of the exchange: the nearest different speaker around this line,
            # in the same exchange (a line paragraphs away is another conversation's).
            i = bisect_left(self.quote_starts, quote.start)
            for j in (i - 1, i + 1, i - 2, i + 2):
                if 0 <= j < len(self.quotes):
                    if abs(self.quotes[j].paragraph - quote.paragraph) > EXCHANGE_LINES:
                        continue
                    candidate = self.quotes[j].speaker
                    if candidate in self.names and candidate != speaker:
                        other = candidate
                        break
        return pair_of(speaker, other) if other and other != speaker else None

    def _told(self, quote: Quote, speaker: str) -> str | None:
        """The one person other than the speaker named in the narration of the quote's own
        sentences (the speech tag: "Harry told Ginny", "she said to Ann"), if exactly one."""
        first = self.index.index_at(quote.start)
        last = self.index.index_at(max(quote.start, quote.end - 1))
        named = self._narration_names.get((first, last))
        if named is None:  # once for all the lines of a sentence
            named = {
                p.name
                for t in range(first, last + 1)
                for p in self.people.get(t, [])
                if self._quote_at(p.start) is None
            }
            self._narration_names[(first, last)] = named
        others = named - {speaker}
        return others.pop() if len(others) == 1 else None

    def _clause_pronouns(self, quote: Quote, start: int, end: int) -> tuple[bool, bool]:
        """Whether the quoted clause of a cue says "he"/"she"/"they" (THIRD_PERSON_RE) and
        "I"/"you"/"we" (EXCHANGE_RE); once per clause, as a long one holds many cues."""
        bounds = self._clause_bounds(quote, start, end)
        if bounds not in self._clause_words:
            clause = self.text[bounds[0] : bounds[1]].lower().replace("’", "'")
            self._clause_words[bounds] = (
                THIRD_PERSON_RE.search(clause) is not None,
                EXCHANGE_RE.search(clause) is not None,
            )
        return self._clause_words[bounds]

    def _described_before(self, quote: Quote, start: int) -> bool:
        """Someone described, not named, stands in the cue's quoted clause before it ("the
        old man", "your mom", "Ann's brother"): the clause is about them, not the speaker."""
        left, _ = self._clause_bounds(quote, start, start)
        lead = self.text[left:start]
        return bool(OTHER_PERSON_RE.search(lead) or DESCRIBED_PERSON_RE.search(lead))

    def _clause_bounds(self, quote: Quote, start: int, end: int) -> tuple[int, int]:
        """The quoted words around the cue, cut at sentence ends (. ! ? ;), found by bisection
        over the quote's marks, listed once per quote."""
        marks = self._clause_marks.get(id(quote))
        if marks is None:
            found = CLAUSE_END_RE.finditer(self.text, quote.start, quote.end)
            marks = self._clause_marks[id(quote)] = [m.start() for m in found]
        before = bisect_left(marks, start) - 1
        after = bisect_left(marks, end)
        left = marks[before] + 1 if before >= 0 else quote.start
        return left, marks[after] if after < len(marks) else quote.end


def _asks(quote: Quote) -> bool:
    return quote.text.rstrip(" \"'”’").endswith("?")
