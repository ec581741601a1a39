"""Acts: a kiss, a touch, a confession, and who does it to whom.

ActBinding.act binds the people on either side of an act ("Ann kissed Bob", "Ann and Bob
kissed"), reads a noun after a verb as the verb ("pulled Bob into a kiss"), and, when a side
is a pronoun, the person it stands for ("Ann kissed him": named before, the object of the
doer's verb, the scene's one person of its sex) or, neither side named ("he kissed her"), the
line's one or two people, the sentence before, or the scene's couple. `affectionate` tells a
kiss on the hand or head from romance.
"""

from __future__ import annotations

import re

from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.relationships.context import (
    ACT_REACH_AFTER,
    ACT_REACH_BEFORE,
    PRONOUN_REACH,
    _words_back,
)
from fanarchive.analysis.relationships.exchanges import ExchangeBinding
from fanarchive.analysis.relationships.genders import (
    OTHER_PERSON_RE,
    PERSON_NOUNS,
    _described_of,
    _genders_of,
    _someone_else,
)
from fanarchive.analysis.relationships.people import Mentions, Pair, Person, pair_of
from fanarchive.analysis.relationships.pronouns import (
    LOOKBACK,
    OBJECT_PRONOUN_RE,
    SUBJECT_PRONOUN_RE,
    PronounBinding,
)
from fanarchive.analysis.relationships.scenes import SceneBinding

# A subject or object pronoun between a name and the act: the act is someone else's.
SUBJECT_RE = re.compile(
    r"\b(?:he|she|they|we|you|i|who|which|that|his|her|their|its)\b|[\"“”]", re.IGNORECASE
)
# The doer's own verbs before the act: "Ann caught his hands, and kissed him" (a pronoun
# there is an object, not someone else doing the act: no subject pronoun, no quote); one
# clause or a few ("Ann put it on, and put her arms round his neck, and kissed him").
_NOT_SUBJECT = r"(?!(?:he|she|they|we|i|you|who|which|that)\b)"
VERB_CHAIN_RE = LazyPattern(
    rf"(?:\s+{_NOT_SUBJECT}[a-z][\w'-]*(?:\s+{_NOT_SUBJECT}[\w'-]+){{0,6}},?\s+"
    r"(?:and|then|and then)){1,3}\s+",
    re.IGNORECASE,
)
# An act done to the name right after it ("kissed Bob", "hugged Ann"): the name is its
# object, not the subject of the next act of a chain.
ACT_VERB_BEFORE_RE = LazyPattern(
    r"\b(?:kiss(?:ed|es)?|hugg(?:ed|ing)|hugs?|embrac(?:ed|es|ing))\s+$", re.IGNORECASE
)
ACT_VERB_REACH = 16  # characters before a name the act verb is looked for in
# "pulled Bob down into a kiss", "gave him a quick kiss": the act a noun after a verb and its
# object (the tail after the object; a name's, or a pronoun's with it).
_INTO_TAIL = (
    r"\s+(?:(?:down|up|closer|close|forward|in|back)\s+)*(?:into|in\s+for)\s+(?:a|an|another)"
    r"\s+(?:[\w-]+\s+){0,2}"
)
_GAVE_TAIL = r"\s+(?:a|an|another)\s+(?:[\w-]+\s+){0,2}"
OBJECT_TAIL_RE = re.compile(rf"(?P<into>{_INTO_TAIL})|(?P<gave>{_GAVE_TAIL})")
PRONOUN_OBJECT_TAIL_RE = re.compile(
    rf"\b(?:him|her|them|me|you)(?:(?P<into>{_INTO_TAIL})|(?P<gave>{_GAVE_TAIL}))$", re.IGNORECASE
)
VERB_BEFORE_RE = re.compile(
    r"\b((?!(?:and|or|but|then|with|to|of|the|a|an|his|her|their|my|your|for|at|in|on|as"
    r"|he|she|they|we|i|you|who|that|which)\b)[a-z][\w'-]*)\s+$"
)
GIVE_RE = LazyPattern(r"give|gave|gives|giving|given")
# "we kissed", "We'd dated for": the narrator's "we" a few words before a cue.
# Only the tense and adverbs of the narrator's own verb between: not "we watched Ann kiss".
WE_LEAD_RE = LazyPattern(
    r"\b[Ww]e(?:'d|'ve|'re)?(?:\s+(?:had|have|were|are|been|just|finally|first|only|never"
    r"|always|once|then|both|got|started|still|almost|nearly|really|even|already|actually"
    r"|officially|secretly|briefly))*\s+$"
)
# A short predicate between a subject and its object, no clause of its own ("Bob walked
# Ann", "Ann threw her arms around Bob"): up to five lower-case words, none a subject or "and".
_PREDICATE_WORD = r"(?!(?:and|or|but|then|he|she|they|we|i|you|who|which|that)\b)[a-z][\w'-]*"
ONE_VERB_RE = LazyPattern(rf"\s+{_PREDICATE_WORD}(?:\s+{_PREDICATE_WORD}){{0,4}}\s+")
# "her toes", "his arms": the doer's own body between the name and the act.
POSSESSED_RE = re.compile(
    r"\b(?:his|her|their)\s+(?:toes|tiptoes|arms?|hands?|head|face|eyes|feet|knees|fingers)\b",
    re.IGNORECASE,
)
CHAIN_END_RE = LazyPattern(r"(?:,\s*|\s)(?:and|then|and then)\s+$", re.IGNORECASE)
SUBJECT_ONLY_RE = LazyPattern(r"\b(?:he|she|they|we|i|who)\b", re.IGNORECASE)
LAST_SUBJECT_RE = re.compile(r"\b(?:he|she)\b(?!.*\b(?:he|she|they|i|we|you)\b)", re.IGNORECASE)
TO_YOU_RE = re.compile(r"\s+(?:to\s+)?(?:me|you)\b", re.IGNORECASE)
DESCRIBED_OBJECT_RE = re.compile(
    r"\s+(?:the|a|an|this|that|his|her|their|my|your|our|each|every|one|\w+'s)\s+"
    r"(?:[\w'-]+\s+)?(?:" + PERSON_NOUNS + r")s?\b",
    re.IGNORECASE,
)
# "kissed her hand", "kiss the Grandmother's hand", "kissed the top of his head": affection.
AFFECTION_RE = re.compile(
    r"\s+(?:(?:to|on|against)\s+)?(?:(?:the|a)\s+(?:top|back|tip)\s+of\s+)?(?:the\s+)?(?:[\w-]+(?:'s|’s| s)\s+|his\s+|her\s+|"
    r"their\s+|my\s+|your\s+)(?:\w+\s+)?(?:hands?|cheeks?|forehead|brow|head|hair|fingers|"
    r"knuckles|nose|temple)\b",
    re.IGNORECASE,
)
# "kissed her temple, then her mouth": the kiss goes on to the lips.
THEN_MOUTH_RE = LazyPattern(
    r"\s*,?\s*(?:and\s+)?(?:then\s+)?(?:on\s+)?(?:his|her|their|my|your|the)\s+(?:mouth|lips)\b",
    re.IGNORECASE,
)
OBJECT_RE = re.compile(r"\b(?:him|her|them|us|me|you|it)\b", re.IGNORECASE)
# "kissed the ring, and Cat ...": a thing the act is done to, then a clause of its own.
THING_THEN_CLAUSE_RE = re.compile(
    r"\s+(?:the|a|an|this|that)\s+[^,;:.!?\"]*[,;]\s*(?:(?:and|but|then|while|as|so)\s+)?$",
    re.IGNORECASE,
)
# "They kissed, and Cat dried the cups": the act has no object, the name opens a clause.
BARE_CLAUSE_BREAK_RE = re.compile(r"\s*[,;]\s*(?:(?:and|but|then|while|as|so)\s+)?$", re.IGNORECASE)
# "Remus ... kissed him back": the answer to a kiss, by the one who was kissed.
KISSED_BACK_RE = re.compile(r"\bkiss(?:ed|es)\s+(?:him|her)\s+back\b", re.IGNORECASE)


class ActBinding(ExchangeBinding, SceneBinding, PronounBinding):
    """A kiss, a touch, a confession: the people on either side of it."""

    def act(
        self, start: int, end: int, to_you: bool = False, named_only: bool = False
    ) -> Pair | None:
        """A kiss, a touch, a confession: the people on either side of it. `to_you`: inside a
        quote it binds the exchange only when said to the one spoken to ("marry me");
        `named_only`: both must be named ("Ann married Bob", never "her ... Bob's marrying")."""
        exchange = self.exchange(start, end)
        if exchange and (not to_you or TO_YOU_RE.match(self.text, end)):
            return exchange
        if DESCRIBED_OBJECT_RE.match(self.text, end):
            return None  # "kissed the girl on the cheek": someone described, not named
        s = self.index.index_at(start)
        verb = self._verb_of_noun(s, start)
        if verb is not None:
            # "Ann pulled Bob into a kiss", "gave him a quick kiss": as "Ann kissed Bob".
            return self.act(verb[0], verb[1], to_you, named_only)
        if self.narrator and WE_LEAD_RE.search(
            self.text, max(self.index.spans[s].start, start - PRONOUN_REACH), start
        ):
            return self.we_pair(start, end)  # "We'd dated for three years"
        quote = self._quote_at(start)
        line = self._people_in_line(s, quote)
        if quote is None and line.names in (1, 2):
            found = self._quoted_line(s, line.people, start, end)
            if found:
                return found
        doer, other = self._doer(line, start), self._done_to(line, end)
        if doer and other and doer.name == other.name and other.narrator:
            # "he cups your face and kisses you": the narrator's "your" before the act is
            # what is touched, not who acts; the doer is the pronoun subject.
            doer = None
        named = self._both_named(line.people, doer, other)
        if named or named_only:
            return named
        if doer or other:
            return self._one_named(s, line.people, doer, other, start, end)
        return self._none_named(s, line, start, end)

    def _both_named(
        self, people: list[Person], doer: Person | None, other: Person | None
    ) -> Pair | None:
        """Both sides of an act named: "Ann kissed Bob", "Ann and Bob kissed"."""
        if doer and other and doer.name != other.name:
            return pair_of(doer.name, other.name)
        together = self._joined_with(people, doer) if doer and not other else None
        return pair_of(doer.name, together.name) if together else None

    def _one_named(
        self,
        s: int,
        people: list[Person],
        doer: Person | None,
        other: Person | None,
        start: int,
        end: int,
    ) -> Pair | None:
        """One side of an act named, the other a pronoun ("Ann kissed him", "he kissed Ann"):
        someone named before it, else the object of the doer's verb, else the scene's one
        other person of the pronoun's sex."""
        one = doer or other
        if doer is not None and other is None:
            answer = self._kissed_back_by(s, doer.name, end)
            if answer is not None:
                return pair_of(doer.name, answer)
        found = self._with_pronoun(s, one.name, start, end)
        if found is None and doer is not None and other is None:
            found = self._object_then_act(people, doer, start, end) or self._scene_other(
                s, doer.name, start, end
            )
        if found is None and doer is None and other is not None and other.narrator:
            found = self._scene_other(s, other.name, start, end, doing=True)
        return found

    def _kissed_back_by(self, s: int, doer: str, end: int) -> str | None:
        """ "Sirius bent and kissed him ... Remus made a small sound and kissed him back": the
        one named who kisses back, later in the sentence or in the next one, is the one
        kissed, whoever else was named before (narration only; their sex fits the pronoun)."""
        pronoun = OBJECT_PRONOUN_RE.match(self.text, end)
        if pronoun is None or pronoun.group().strip().lower() == "them":
            return None
        if self._quote_at(end) is not None:
            return None
        # the next sentence, or a few lines of it (not a whole long one per kiss)
        limit = min(self.index.spans[min(s + 1, len(self.index.spans) - 1)].end, end + 300)
        answer = KISSED_BACK_RE.search(self.text, end, limit)
        if answer is None or self._quote_at(answer.start()) is not None:
            return None
        t = self.index.index_at(answer.start())
        kisser = self._doer(self._people_in_line(t, None), answer.start())
        if kisser is None or kisser.name == doer:
            return None
        return kisser.name if self._fits(kisser.name, _genders_of(pronoun.group())) else None

    def _none_named(self, s: int, line: Mentions, start: int, end: int) -> Pair | None:
        """Neither side of an act named beside it ("he kissed her"): the one or two people
        its line names, else the two of the sentence before or of the scene."""
        if line.names == 1:
            return self._pronouns_around(s, line.people[0], start, end)
        if line.names == 2:
            return self._both_pronouns(s, line.people, start, end)
        if line.people:
            return None
        return (
            self._previous_two(s, cue=start)
            or self._one_before(s, start, end)
            or self._scene_couple(s, start, end)
        )

    def _one_before(self, s: int, start: int, end: int) -> Pair | None:
        """ "Katara waited for him. When he set the bags down she took his face in her hands
        and kissed him": the one person of the last sentence naming anyone is the pronoun
        of their sex (known), the other pronoun the last one named before who fits it."""
        if self._quote_at(start) is not None or self._someone_else_in(s):
            return None
        lead = self.text[max(self.index.spans[s].start, start - ACT_REACH_BEFORE) : start]
        subject = LAST_SUBJECT_RE.search(lead)
        after = OBJECT_PRONOUN_RE.match(self.text, end)
        if subject is None or after is None:
            return None
        for t in self._back(s, LOOKBACK)[1:]:
            people = {p.name for p in self.people.get(t, []) if not p.narrator}
            if not people:
                continue
            if len(people) != 1:
                return None
            one = people.pop()
            for known, other in ((subject, after), (after, subject)):
                sexes = _genders_of(other.group())
                if self.genders.get(one) not in _genders_of(known.group()):
                    continue
                # "Ann's father came home. She kissed him": he may be the one described.
                if _described_of(self._narration(self.index.spans[t].start, start), sexes):
                    return None
                return self._with_pronoun(s, one, start, end, other.group())
            return None
        return None

    def _verb_of_noun(self, s: int, start: int) -> tuple[int, int] | None:
        """The verb whose object the act is done to, when the act is a noun after it: "Ann
        pulled Bob down into a kiss", "dragged him into a kiss", "gave Bob a quick kiss"."""
        sentence_start = self.index.spans[s].start
        named = self._sentence_mentions(s).last_before(start)
        tail = None
        if named is not None and start - named.end <= ACT_REACH_AFTER:
            tail = OBJECT_TAIL_RE.fullmatch(self.text, named.end, start)
            object_start = named.start
        if tail is None:
            lead_start = max(sentence_start, start - ACT_REACH_AFTER)
            tail = PRONOUN_OBJECT_TAIL_RE.search(self.text, lead_start, start)
            object_start = tail.start() if tail else -1
        if tail is None:
            return None
        verb = VERB_BEFORE_RE.search(
            self.text, _words_back(self.text, sentence_start, object_start, 1), object_start
        )
        if verb is None or (tail.group("gave") and not GIVE_RE.fullmatch(verb.group(1))):
            return None
        return verb.start(1), verb.end(1)

    def _scene_other(
        self, s: int, named: str, start: int, end: int, doing: bool = False
    ) -> Pair | None:
        """ "Nancy leaned over the gearshift and kissed him" when no man was named in the
        few sentences before: the one other person of the scene, of the pronoun's gender
        (nobody of unknown gender there, nobody described in the sentence). `doing`: the
        pronoun is the subject and the first-person narrator the object ("Then he kissed
        me", that narration's commonest romance). Not "she kissed Bob" in the third person:
        in the PDNC check novels that made a false couple and lost a main pairing."""
        if doing:  # the last "he"/"she" before the act in its sentence, no subject after it
            lead = self.text[max(self.index.spans[s].start, start - ACT_REACH_BEFORE) : start]
            pronoun = LAST_SUBJECT_RE.search(lead)
        else:
            pronoun = OBJECT_PRONOUN_RE.match(self.text, end)
        if pronoun is None or self._someone_else_in(s):
            return None
        if self._quote_at(start) is not None:
            return None  # '"Ann kissed him!" Cat said': gossip, "him" may be anyone
        genders = _genders_of(pronoun.group().split()[0])
        if "any" in genders:
            return None
        other = self._one_in_scene(start, named, genders)
        if other is None or self._scene_may_mean_another(start, end):
            return None  # "her father" in the scene: he may be the one, the kiss a daughter's
        return pair_of(named, other)

    def _scene_couple(self, s: int, start: int, end: int) -> Pair | None:
        """ "At the fence she stopped, and went up on her toes, and kissed him", naming
        nobody: the two people of the scene (this paragraph and the two before it, named or
        speaking), when it holds exactly two and their genders are the pronouns' ("she ...
        him": a woman and a man; "she ... her": two women)."""
        if self._quote_at(start) is not None:
            return None  # a line's "she kissed him" is gossip about anyone
        people = self._scene_people(start, 2)
        if people is None or len(people) != 2:
            return None
        # The last "he"/"she" of the sentence before the act, no other subject after it.
        lead = self.text[max(self.index.spans[s].start, start - ACT_REACH_BEFORE) : start]
        subject = LAST_SUBJECT_RE.search(lead)
        after = OBJECT_PRONOUN_RE.match(self.text, end)
        if subject is None or after is None or self._someone_else_in(s):
            return None
        wanted = sorted([*_genders_of(subject.group()), *_genders_of(after.group())])
        if sorted(self.genders.get(n, "unknown") for n in people) != wanted:
            return None
        if self._scene_may_mean_another(start, end):
            return None  # "her father" in the scene: the kiss may be a daughter's
        return pair_of(*people)

    def _both_pronouns(self, s: int, people: list[Person], start: int, end: int) -> Pair | None:
        """ "Bob fell asleep with Ann in his arms, and in the morning he kissed her": the two
        its sentence names, when a subject pronoun just before the act and an object pronoun
        right after it fit them one each (nobody else described in the sentence)."""
        subject = SUBJECT_PRONOUN_RE.search(self.text, max(0, start - PRONOUN_REACH), start)
        after = OBJECT_PRONOUN_RE.match(self.text, end)
        if subject is None or after is None or self._someone_else_in(s):
            return None
        doing, done = _genders_of(subject.group().split()[0]), _genders_of(after.group())
        first = self._first_named(people)
        a, b = sorted(first)
        if "any" in doing or "any" in done:
            return None  # "they", "them": more than one of them
        if "unknown" in (self.genders.get(a, "unknown"), self.genders.get(b, "unknown")):
            return None  # "she" may be someone the cast did not find
        # A pronoun stands for someone named before it: not "... she kissed him, before Lilo
        # could see", where Lilo, named after the act, is a third person watching.
        subject_at = subject.start() + len(subject.group()) - len(subject.group().lstrip())
        one_way = self._fits(a, doing) and self._fits(b, done) and first[a] < subject_at
        other_way = self._fits(b, doing) and self._fits(a, done) and first[b] < subject_at
        one_way = one_way and first[b] < end
        other_way = other_way and first[a] < end
        return (a, b) if one_way or other_way else None

    def _first_named(self, people: list[Person]) -> dict[str, int]:
        """Where each person of a line is first named, read once per line: a sentence of
        thousands of kisses asked it for each."""
        cache = self.__dict__.setdefault("_first_named_cache", {})
        held = cache.get(id(people))
        # the list itself is held beside its answer, so its id cannot be another list's
        if held is None or held[0] is not people or held[1] != len(people):
            first: dict[str, int] = {}
            for person in people:
                first.setdefault(person.name, person.start)
            held = cache[id(people)] = (people, len(people), first)
        return held[2]

    def _object_then_act(
        self, people: list[Person], named: Person, start: int, end: int
    ) -> Pair | None:
        """ "Bob walked Ann home after the dance and kissed her": the one named just before
        the act is the object of the verb of the person named before them, whose verbs go on
        to the act, when the pronoun after the act fits that object."""
        earlier = [p for p in people if p.end <= named.start and p.name != named.name]
        pronoun = OBJECT_PRONOUN_RE.match(self.text, end)
        if (
            not earlier
            or pronoun is None
            or not self._fits(named.name, _genders_of(pronoun.group()))
        ):
            return None
        subject = earlier[-1]
        if not ONE_VERB_RE.fullmatch(self.text[subject.end : named.start]):
            return None
        rest = self.text[named.end : start]
        if len(rest) > ACT_REACH_BEFORE or SUBJECT_ONLY_RE.search(rest) or '"' in rest:
            return None
        if not CHAIN_END_RE.search(rest) or _someone_else(self.text[subject.start : end]):
            return None
        return pair_of(subject.name, named.name)

    def _pronouns_around(self, s: int, person: Person, start: int, end: int) -> Pair | None:
        """ "He cupped Naruto's face and kissed him": a subject pronoun before the one person
        named, the act after it and an object pronoun right after the act. Not "She kissed
        him, long enough that George cleared his throat": one named after the act watches."""
        if person.end > start:
            return None
        lead = self.text[max(self.index.spans[s].start, start - ACT_REACH_BEFORE) : person.start]
        subject = re.search(r"\b(?:he|she)\b(?!.*\b(?:he|she|they|i|we)\b)", lead, re.I)
        if subject is None or not OBJECT_PRONOUN_RE.match(self.text, end):
            return None
        if SUBJECT_ONLY_RE.search(self.text[person.end : start]):
            return None  # "... Naruto, and she kissed him": someone else acts
        return self._with_pronoun(s, person.name, start, end, subject.group())

    def affectionate(self, end: int) -> bool:
        """A kiss on the hand, cheek or head: affection between any two, not romance; not
        "kissed her temple, then her mouth"."""
        found = AFFECTION_RE.match(self.text, end)
        return found is not None and not THEN_MOUTH_RE.match(self.text, found.end())

    def _doer(self, line: Mentions, start: int) -> Person | None:
        """The person named just before a cue with no one else in between ("Ann kissed",
        "Ann leaned over and kissed"): no pronoun subject, no described person."""
        person = line.last_before(start)
        if person is None:
            return None
        between = self.text[person.end : start]
        if len(between) > ACT_REACH_BEFORE:
            return None
        # "Ann rose on her toes to kiss Bob": her toes are the doer's own; not "Ann watched
        # her kiss Bob", where "her" does the kissing.
        between = POSSESSED_RE.sub(" ", between)
        if SUBJECT_RE.search(between) and not VERB_CHAIN_RE.fullmatch(between):
            return None
        # "Ann's mother kissed Bob": the one described after the name acts, not Ann.
        if OTHER_PERSON_RE.search(self.text, person.start, start):
            return None
        # "she kissed Bob, and then went and kissed Tom": Bob was kissed, he does not kiss
        # now; the doer is the earlier act's (none named here: the kiss binds nobody).
        lead = self.text[max(0, person.start - ACT_VERB_REACH) : person.start]
        if ACT_VERB_BEFORE_RE.search(lead):
            return None
        return person

    def _done_to(self, line: Mentions, end: int) -> Person | None:
        """The person named just after a cue ("kissed Bob", "kissed him and Bob" is not)."""
        person = line.first_from(end)
        if person is None:
            return None
        between = self.text[end : person.start]
        if len(between) > ACT_REACH_AFTER or OBJECT_RE.search(between):
            return None
        if THING_THEN_CLAUSE_RE.match(between) or BARE_CLAUSE_BREAK_RE.match(between):
            return None  # "kissed the ring on his finger, and Cat dried the cups": Cat acts
        return None if OTHER_PERSON_RE.search(between) else person
