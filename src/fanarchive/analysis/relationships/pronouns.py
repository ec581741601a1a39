"""Whom a pronoun beside a cue stands for, from the few sentences before it.

"Ann kissed him": the last other person named (in the sentence or the LOOKBACK sentences
before) whose gender fits, unless someone else was described since; "He kissed her", naming
nobody: the two people of the last sentence that names anyone, when their genders fit the
pronouns; "He was John's friend": the last man named before. Shared by the acts and the
relational nouns.
"""

from __future__ import annotations

import re

from fanarchive.analysis.relationships.context import ACT_REACH_AFTER, PRONOUN_REACH, CueContext
from fanarchive.analysis.relationships.genders import _described_of, _genders_of, _pronoun_sexes
from fanarchive.analysis.relationships.people import Pair, Person, pair_of

LOOKBACK = 3  # sentences searched back for the person a pronoun stands for (CueContext._back)
# "kissed him", "kissed the corner of her mouth", "kissed his jaw": the one a part of whom is
# kissed is the one kissed.
BODY_PARTS = (
    r"mouth|lips|cheeks?|jaw|jawline|neck|throat|shoulders?|forehead|brow|temples?|hands?"
    r"|fingers|knuckles|wrists?|palms?|head|hair|face|nose|chin|collarbone|chest|ears?"
    r"|eyelids|hairline"
)
OBJECT_PRONOUN_RE = re.compile(
    r"\s+(?:(?:the|a)\s+(?:[\w-]+\s+){1,2}?of\s+)?"
    rf"(?:him|her|them|(?:his|their)(?=\s+(?:[\w-]+\s+)?(?:{BODY_PARTS})\b))\b",
    re.IGNORECASE,
)
# "he kissed", "she leaned over and kissed": a subject pronoun at most a few words before.
PEOPLE_BACK = 60  # people of one sentence a pronoun is looked for among, latest first
SUBJECT_PRONOUN_RE = re.compile(r"\b(?:he|she|they)\b(?:\s+[\w'-]+){0,4}\s*$", re.IGNORECASE)


class PronounBinding(CueContext):
    """The person a pronoun stands for, from the sentences before a cue."""

    def _subject_named_before(self, s: int, owner: str, genders: set[str]) -> str | None:
        """The last person other than `owner` named in the few sentences before whose gender
        fits, unless someone of that sex is described since ("Ann kissed Bob. A man waited
        in the car. He was Ann's brother")."""
        for t in self._back(s, LOOKBACK)[1:]:
            for person in reversed(self.people.get(t, [])):
                if person.name == owner or person.narrator:
                    continue
                if not self._fits(person.name, genders):
                    continue
                if _described_of(self.text[person.end : self.index.spans[s].start], genders):
                    return None
                return person.name
        return None

    def _described_since(
        self, t: int, start: int, s: int, sexes: set[str], cue: int | None = None
    ) -> bool:
        """Someone of `sexes` described after `start` in sentence `t` (up to the `cue` when
        `t` is the cue's own sentence), or in a sentence naming nobody between it and sentence
        `s` ("Her brother came in."), outside quotes: a third person a pronoun of `s` may
        mean. One described in a sentence that names someone ("She knelt beside her wife and
        kissed Asami's jaw") is taken for them."""
        # Not past the cue: read to the end of one long sentence for each of its thousands of
        # kisses, the search was quadratic ("Bob kissed him, and Tom kissed him back, and ...").
        end = self.index.spans[t].end if t < s or cue is None else min(cue, self.index.spans[t].end)
        stretches = [(start, end)]
        stretches += [
            (self.index.spans[u].start, self.index.spans[u].end)
            for u in range(t + 1, s)
            if not self.people.get(u)
        ]
        return any(_described_of(self._narration(lo, hi), sexes) for lo, hi in stretches)

    def _with_pronoun(
        self, s: int, named: str, start: int, end: int, pronoun: str = ""
    ) -> Pair | None:
        """One person named, the other a pronoun beside the cue ("Ann kissed him", "he
        kissed Ann"): the last other person named before it (in its sentence or the few
        before) whose gender fits the pronoun, unless someone else is described in the
        sentence ("his mother")."""
        if not pronoun:
            found = OBJECT_PRONOUN_RE.match(self.text, end) or SUBJECT_PRONOUN_RE.search(
                self.text, max(0, start - PRONOUN_REACH), start
            )
            pronoun = found.group() if found else ""
        if not pronoun or self._kin_in(s):
            return None
        genders = _genders_of(pronoun)
        for t in self._back(s, LOOKBACK):
            # Earlier in the act's own sentence first ("Cat came in, and Bob took her hands
            # and kissed her"), then the sentences before, latest first. Not the speakers of
            # lines: a wrong attribution would make a false romance.
            fitting = self._last_two_fitting(t, s, start, named, genders)
            if not fitting:
                continue
            # "Ann, Bob and Cat sat down. Bob kissed her": Ann or Cat, a guess; "Ann sat with
            # Bob. Her brother came in. Ann kissed him": the brother, maybe.
            if len({p.name for p in fitting}) > 1 or self._described_since(
                t, fitting[0].end, s, _pronoun_sexes(genders), start
            ):
                return None
            return pair_of(named, fitting[0].name)
        return None

    def _last_two_fitting(
        self, t: int, s: int, start: int, named: str, genders: set[str]
    ) -> list[Person]:
        """The people of sentence `t` (before the cue at `start` in its own sentence `s`)
        a pronoun of `genders` may stand for, latest first, as far back as a second name:
        "he" never stands for the narrator who says "I", nor for the one `named`."""
        people = self.people.get(t, [])
        count = len(people) if t < s else self._ending_by(people, start)
        fitting: list[Person] = []
        # Not a slice (a copy per cue), and no further back than PEOPLE_BACK people: a sentence
        # naming one man thousands of times was read back to its start for every kiss in it.
        for i in range(count - 1, max(-1, count - 1 - PEOPLE_BACK), -1):
            p = people[i]
            if p.name != named and not p.narrator and self._fits(p.name, genders):
                fitting.append(p)
                if p.name != fitting[0].name:
                    break
        return fitting

    def _previous_two(self, s: int, need_pronoun: bool = True, cue: int = -1) -> Pair | None:
        """A sentence naming nobody ("He kissed her"): the two people of the last sentence
        that names anyone, when it names exactly two whose genders fit the pronouns."""
        if need_pronoun and (not self._pronoun_genders(s) or self._kin_in(s)):
            return None
        for t in self._back(s, LOOKBACK)[1:]:
            people = {p.name for p in self.people.get(t, [])}
            if people:
                if len(people) != 2:
                    return None
                a, b = sorted(people)
                if not self._genders_cover((a, b), s, cue):
                    return None
                # "Ann sat with Bob. Her brother came in. He kissed her", "Ann kissed Bob. Her
                # brother glared at him. He was her twin": the one described since may be meant.
                last = max(p.end for p in self.people[t])
                sexes = _pronoun_sexes(self._pronoun_genders(s))
                return None if self._described_since(t, last, s, sexes) else (a, b)
        return None

    def _genders_cover(self, pair: Pair, s: int, cue: int) -> bool:
        """ "She kissed him" needs a woman and a man (or people of unknown gender)."""
        span = self.index.spans[s]
        near = self.text[max(span.start, cue - PRONOUN_REACH) : cue + ACT_REACH_AFTER]
        needed = _genders_of(near if cue >= 0 else self.text[span.start : span.end]) - {"any"}
        genders = [self.genders.get(name, "unknown") for name in pair]
        if needed == {"male", "female"}:
            return "unknown" in genders or set(genders) == needed
        return all(any(g in (want, "unknown") for g in genders) for want in needed)
