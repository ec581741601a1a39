"""The scene of a cue: its paragraph and the two before it.

Who is in the scene (named, or heard speaking), whether it is a crowd or a family scene, the
one person there of a pronoun's sex, whether it speaks of someone else (kin, a stranger, a
small child); and the cues the scene alone binds: a first-person narrator's "we" ("We'd dated
for three years") and the last two speakers before "They had been rivals". Apart from the
pronouns (the last few sentences): its reach is paragraphs, with limits of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.relationships.context import CueContext
from fanarchive.analysis.relationships.genders import (
    SCENE_ROLE_RE,
    _described_of,
    _genders_of,
    _someone_else,
)
from fanarchive.analysis.relationships.people import Pair, pair_of

LAST_LINES = 4  # lines looked back for the two who spoke before "They had been rivals"
THIRD_SINGULAR_RE = LazyPattern(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
SCENE_REACH = 1500  # characters back a cue's scene reaches (about 250 words)
SCENE_CROWD = 6  # more people than this in a scene: a crowd, where a pronoun binds nobody
# A character called by a kin word ("Mom", "Grandpa", "Aunt May"): a scene with them is a
# family scene, where a pronoun kiss is no couple's.
KIN_NAME_RE = re.compile(
    r"(?:Mom|Mum|Mommy|Mummy|Mama|Mamma|Mother|Dad|Daddy|Papa|Father|Ma|Pa|Grandma|Grandpa"
    r"|Granny|Gran|Nana|Grandmother|Grandfather|Auntie|Aunt|Uncle|Grunkle)\b"
)
# A small child's age in a scene ("Tom was six", "a six-year-old", "three months old").
_CHILD_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9]|1[0-2])"
CHILD_AGE_RE = LazyPattern(
    rf"\b(?:was|is|turned|turns)(?:\s+(?:just|only|barely|nearly|almost))?\s+{_CHILD_NUMBER}"
    # "is nine-tenths", "was ten-thirty": a fraction or a time ("six-and-a-half" an age)
    r"(?!-(?!and\b|ish\b)[a-z])"
    r"(?!\s*(?:[-:.,]\s*\d|minutes|hours|days|weeks|feet|foot|inches|miles|o'clock|am\b|pm\b"
    r"|in the|at night|when))\b"
    rf"|\b(?:one|{_CHILD_NUMBER})[- ](?:years?|months?)[- ]old\b|\bmonths old\b",
    re.IGNORECASE,
)


class SceneBinding(CueContext):
    """Who is in a cue's scene, and the cues the scene alone binds."""

    def we_pair(self, start: int, end: int) -> Pair | None:
        """ "We had been married long enough", "We'd dated for three years", in a
        first-person narration: the narrator and the one other person of the scene (named or
        heard speaking in the cue's paragraph and the two before it), when nobody else is
        described there ("my mother and I": "we" may be them)."""
        if self.narrator is None or self._quote_at(start) is not None:
            return None
        s = self.index.index_at(start)
        if any(p.name != self.narrator for p in self._distinct(s)):
            return None  # "We had been married ten years when Tom died": "we" may be Tom
        people = self._scene_people(start, SCENE_CROWD)
        if people is None:
            return None
        others = people - {self.narrator}
        if len(others) != 1 or self._scene_may_mean_another(start, end):
            return None
        other = others.pop()
        # "... long enough that he no longer asked why": the sentence's "he" or "she" is the
        # other ("when he died", said to Cat, is someone else).
        said = _genders_of(" ".join(THIRD_SINGULAR_RE.findall(self._sentence(s))))
        gender = self.genders.get(other, "unknown")
        if len(said) > 1 or (said and gender != "unknown" and gender not in said):
            return None
        return pair_of(self.narrator, other)

    def _scene_start(self, start: int) -> int:
        """Where the scene of a cue starts: its paragraph and the two before it, at most
        SCENE_REACH characters back (a work of one long paragraph stays linear)."""
        here = bisect_left(self.paragraph_starts, start + 1) - 1
        first = self.paragraph_starts[max(0, here - 2)] if here >= 0 else 0
        return max(first, start - SCENE_REACH)

    def _scene_people(self, start: int, most: int) -> set[str] | None:
        """Who is in the scene of a cue: the people named, or heard speaking, in its paragraph
        and the two before it, up to the cue; None for a crowd of more than `most` (nobody a
        pronoun can be told from, and a long look-up in a cast of thousands) and for a scene
        with someone called by a kin word (a family scene)."""
        first = self._scene_start(start)
        people: set[str] = set()
        i = bisect_left(self.mention_starts, start) - 1
        while i >= 0 and self.mention_starts[i] >= first:
            people.add(self.mention_names[i])
            if len(people) > most:
                return None
            i -= 1
        i = bisect_left(self.quote_starts, first)
        while i < len(self.quotes) and self.quotes[i].start < start:
            if self.quotes[i].speaker in self.names:
                people.add(self.quotes[i].speaker)
            i += 1
        if any(KIN_NAME_RE.match(name) for name in people):
            return None  # "Mom met me at the station ... I kissed her": kin, not a couple
        return people if len(people) <= most else None

    def _one_in_scene(self, start: int, besides: str, genders: set[str]) -> str | None:
        """The one person of a cue's scene other than `besides` whose gender is one of
        `genders`, when everyone else there has a known gender (a pronoun may mean anyone
        the cast could not sex); None in a crowd, a family scene, or for none or several."""
        people = self._scene_people(start, SCENE_CROWD)
        if people is None:
            return None
        others = people - {besides}
        if any(self.genders.get(name, "unknown") == "unknown" for name in others):
            return None
        fitting = [name for name in others if self.genders.get(name) in genders]
        return fitting[0] if len(fitting) == 1 else None

    def _scene_may_mean_another(self, start: int, end: int) -> bool:
        """The scene speaks of someone besides its named people, whom the pronoun may be:
        kin or someone described ("her father", "a soldier came to the door"), or a small
        child ("Tom was six": the kiss a parent's)."""
        scene = self.text[self._scene_start(start) : end]
        return (
            _someone_else(scene)
            or SCENE_ROLE_RE.search(scene) is not None
            or CHILD_AGE_RE.search(scene) is not None
        )

    def _last_two_speakers(self, start: int) -> Pair | None:
        """ "They had been rivals since the Final" after an exchange: the two who spoke the
        last two lines before it (in its scene, no one else among the last lines)."""
        if self._quote_at(start) is not None:
            return None
        first = self._scene_start(start)
        i = bisect_left(self.quote_starts, start) - 1
        speakers: list[str] = []
        while i >= 0 and self.quotes[i].start >= first and len(speakers) < LAST_LINES:
            speakers.append(self.quotes[i].speaker or "")
            i -= 1
        if len(speakers) < 2 or any(name not in self.names for name in speakers):
            return None  # a line nobody was given: who spoke it may be anyone
        distinct = set(speakers)
        if len(distinct) != 2:
            return None
        # "'Nobody ever asks me,' Robin said. She tossed Steve his keys. They'd been best
        # friends since ...": someone else named since the last line may be one of "they".
        last_line = self.quotes[bisect_left(self.quote_starts, start) - 1]
        j = bisect_left(self.mention_starts, last_line.end)
        while j < len(self.mention_starts) and self.mention_starts[j] < start:
            if self.mention_names[j] not in distinct:
                return None
            j += 1
        return pair_of(*distinct)

    def _subject_in_scene(self, start: int, owner: str, genders: set[str]) -> str | None:
        """Named further back: the one person of the scene other than `owner` whose gender
        fits (everyone's gender known; nobody of that sex described, no small child)."""
        subject = self._one_in_scene(start, owner, genders)
        if subject is None:
            return None
        scene = self.text[self._scene_start(start) : start]  # the cue's own noun aside
        if _described_of(scene, genders) or CHILD_AGE_RE.search(scene):
            return None  # "a soldier came to the door ... He was Ann's brother"
        return subject
