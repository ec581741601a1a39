"""What the text calls two people: relational nouns and reciprocal cues.

A relational noun ("brother", "rival", "wife") binds its possessor to the person it names:
"Ann's brother Bob", "Bob, her brother", "Bob was Ann's rival", "He had been John's friend";
a plural one ("siblings") the two named beside it ("Ann and Bob were siblings") or, after
"They were ...", the two of the sentence before or the last two speakers. A reciprocal cue
("were married", "hated each other") binds the two people named nearest it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Quote
from fanarchive.analysis.relationships.context import AND_RE, _words_back
from fanarchive.analysis.relationships.exchanges import EXCHANGE_LINES, ExchangeBinding
from fanarchive.analysis.relationships.genders import (
    OTHER_PERSON_RE,
    PERSON_NOUNS,
    _genders_of,
    _noun_genders,
    _someone_else,
)
from fanarchive.analysis.relationships.people import Pair, Person, pair_of
from fanarchive.analysis.relationships.pronouns import PEOPLE_BACK, PronounBinding
from fanarchive.analysis.relationships.scenes import (
    KIN_NAME_RE,
    SCENE_CROWD,
    SCENE_REACH,
    SceneBinding,
)

# Between the person named and a relational phrase about them: "Bob, her brother",
# "Bob was Ann's rival", "Bob, who had always been her friend".
BEFORE_PHRASE_RE = LazyPattern(
    r"^(?:\s*,\s*(?:(?:who|that)\s+)?|\s+)(?:(?:was|is|were|are|had\s+been|has\s+been|became|"
    r"remained|'s)\s+)(?:(?:always|still|now|also|once|really|truly|just)\s+)?"
    r"(?:(?:the|a|an)\s+)?$|^\s*,\s*(?:(?:the|a|an)\s+)?$"
    # A narrator's contraction: "You've been his best friend", "I'm her brother".
    r"|^(?:'m|'re|'ve\s+been|'d\s+been|\s+am|\s+have\s+been)\s+"
    r"(?:(?:always|still|now|also|once|really|truly|just)\s+)?(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)
POSSESSIVE_WORD_RE = re.compile(
    r"\b(his|her|their|my|your|our)\s+(?:[\w-]+\s+){0,2}(?:ex-)?$", re.IGNORECASE
)
_COPULA_ADVERB = r"(?:(?:always|still|now|also|once|really|truly|just)\s+)?"
# "had been", "'s been", "'d always been" ("'s" alone is "is"; "'d" alone is "would" or "had"
# with another verb: "She'd met his wife").
_BEEN = rf"(?:\s+(?:had|have|has)|'s|'d|'ve)\s+{_COPULA_ADVERB}been"
# "He had been John's friend", "She's my ex", "He's been Ann's boyfriend": a pronoun subject
# opening the sentence before a copula and the possessor of the noun.
PRONOUN_SUBJECT_RE = LazyPattern(
    rf"^\W*(?:(?:and|but|so|yet)\s+)?(he|she)(?:{_BEEN}|'s|\s+(?:was|is|became|remained))"
    rf"\s+{_COPULA_ADVERB}$",
    re.IGNORECASE,
)
# Between "Ann and Cat" and a plural noun naming both: "became fast friends", "were the best
# of friends", "swore to be bosom friends", "had always been good friends"; not a part in a
# play or a game ("were playing enemies", "were cast as sisters").
PLURAL_GAP_RE = LazyPattern(
    r"\s*,\s*the\s+[A-Z][\w'-]*\s+|"  # "Ann and Cat, the Moss sisters"
    r"\s+(?:(?:had|have|has|would)\s+)?(?:(?:always|still|now|also|once|really|truly|just|"
    r"soon|quickly|finally)\s+)?(?:were|are|became|become|been|remained|stayed|"
    r"(?:[a-z]+\s+)?to\s+be)\s+(?:(?:the|a|an)\s+)?(?:(?!(?:my|his|her|their|your|our"
    r"|playing|cast|pretending|posing|acting|dressed|disguised|as)\b)[a-z][\w-]*\s+){0,2}",
    re.IGNORECASE,
)
# "encouraged them to be friends", "told us we were rivals": the cue is theirs, not the
# named person's before it.
THEM_BETWEEN_RE = LazyPattern(
    r"\b(?:them|us)\s+(?:both\s+|all\s+)?(?:to\s+)?(?:be|become|stay|remain)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "Bob, the postman,", "Cat, a girl from the village": a name given a role of its own.
ROLE_APPOSITIVE_RE = LazyPattern(r",\s+(?:the|a|an)\s+", re.IGNORECASE)
AFTER_PHRASE_RE = re.compile(r"^\s*,?\s*$")
# '"Who's Nell?"', '"Who is Mr. Gray, then?"': a line asking who one person is.
WHO_IS_RE = re.compile(
    r"(?:and |so |wait,? )?who(?:'s| is| was)\s+[A-Z][\w.' -]*[?,]?(?: then\?)?", re.I
)
# '"My wife."', '"Oh, my little brother."': a line that opens with its speaker's noun.
MY_NOUN_OPENS_RE = re.compile(r"(?:(?:oh|well|um|uh),?\s+)?my\s+(?:[\w-]+\s+){0,2}", re.I)
# After a name called at the end of a sentence: its punctuation, or the line's end.
CALL_ENDS_RE = re.compile(r"\s*(?:[.!?…]|$)")
COMMA_ONLY_RE = LazyPattern(r"^\s*,\s*(?:(?:the|a|an)\s+)?$", re.IGNORECASE)
# A verb right after a noun, "brother's here", "brother is", "brother'd": the noun's own.
VERB_AFTER_RE = LazyPattern(
    r"(?:'s|'d|'ll|'re|'ve)\b|\s+(?:is|was|has|had|will|would|isn't|wasn't|hasn't|hadn't|won't"
    r"|wouldn't)\b",
    re.IGNORECASE,
)
APPOSITIVE_CHAIN_RE = LazyPattern(r"\s*,\s*[^,.;:!?\"“”]{1,60}?\s(?:and|or)\s+(?:(?:the|a|an)\s+)?")
POSSESSOR_FREE_RE = LazyPattern(r"\b(?:both|all|two|now)\b\s*", re.IGNORECASE)
THEY_RE = LazyPattern(r"\W*they\b", re.IGNORECASE)
KIN_NOUN_RE = LazyPattern(r"brother|sister|sibling|cousin|twin", re.IGNORECASE)
KIN_TALK_PARAGRAPHS = 3  # paragraphs after a sibling noun its owner's talk is looked in
# "her brother's", "her sisters'"; not "her brother's here", "her brother's been ill" ("is",
# "has"). Not "never" nor "not": "her husband's never intending", "her husband's not being".
_CONTRACTED = (
    r"here|there|been|gone|got|gotten|going|coming|a|an|the|always|still|already|just|away"
    r"|really|probably|definitely|so|too|very|fine|okay|dead|alive|asleep|awake|waiting"
)
NOUN_OWNS_RE = re.compile(rf"'s\b(?!\s+(?:{_CONTRACTED})\b)|(?<=s)'(?!\w)", re.IGNORECASE)
# "her brother's friend", "his sister's new boyfriend": the kin owns another person.
OWNS_A_PERSON_RE = LazyPattern(
    r"(?:'s|(?<=s)')\s+(?:[\w-]+\s+)?(?:"
    + PERSON_NOUNS
    + r"|friends?|rivals?|enem(?:y|ies)|partners?|boyfriends?|girlfriends?|fianc\w*|lovers?"
    r"|ex|exes|spouses?|boss|teammates?|roommates?|classmates?)\b",
    re.IGNORECASE,
)
# "Her brother came in", "her sister had just arrived": someone coming into the scene.
ENTERS_RE = re.compile(
    r"\s+(?:(?:had|has|have|just|finally|then|suddenly)\s+)*(?:(?:came|comes|come|walked"
    r"|walks|burst|bursts|stepped|steps|strode|wandered)\s+(?:in|into|through)\b|(?:arrived"
    r"|arrives|entered|enters|appeared|appears|joined|joins)\b|(?:showed|shows|turned|turns)"
    r"\s+up\b)",
    re.IGNORECASE,
)
IN_LAW_RE = re.compile(r"[- ]in[- ]law", re.IGNORECASE)
# "Bob and her brother", "Bob or her sister": two people, listed.
LISTED_BEFORE_RE = LazyPattern(r"\s*,?\s*(?:and|or|with|nor)\s+", re.IGNORECASE)
# "her brother", "Ann's little sister", "my ex-husband" (an ex is a past partner, still one).
POSSESSOR_RE = re.compile(
    r"(?:\b(his|her|their|my|your|our)|'s?)\s+(?:[\w-]+\s+){0,2}(?:ex-)?$", re.IGNORECASE
)
# '"I'm Callum's wife"', '"I am his husband"': the speaker says what they are to someone.
I_AM_OWNER_RE = re.compile(r"\bI(?:'m| am)\s+(?:(his|her)|(?=[A-Z])[\w-]+(')s)\s+$")
# '"I'm his wife," she lied.': a line its tag calls a lie says nothing of the two.
LIED_TAG_RE = re.compile(r"[\"”’']?\s*(?:[\w'.-]+\s+){1,3}?(?:lied|bluffed|fibbed)\b")
# '"Is Tom's father here?" / "I'm his wife."': someone named owns a person in the line
# before, whom "his" or "her" may mean as well as the one named.
NAMED_PERSONS_RE = re.compile(
    r"\b[A-Z][\w-]*(?:'s|’s)\s+(?:[\w-]+\s+)?(brother|husband|boyfriend|fianc[ée]e?|sons?|father"
    r"|dad|sister|wife|girlfriend|bride|groom|daughter|mother|mom|mum)\b"
)
POSSESSOR_WORDS = 4  # the words POSSESSOR_RE spans at most: "his", two words and "ex-"
# "The two of them had been friends for years", "The girls were cousins": as "they" below.
TWO_OF_THEM_RE = LazyPattern(
    r"\W*(?:the\s+two(?:\s+of\s+them|\s+(?:girls|boys|men|women))?|both\s+of\s+them|the\s+pair"
    r"|the\s+(?:girls|boys|men|women))"
    r"\s+(?:(?:had|have)\s+)?(?:(?:always|still|now|also|once|really|truly|just)\s+)?"
    r"(?:were|are|had\s+been|have\s+been|became|remained)\s+(?:[\w'-]+,?\s+){0,3}",
    re.IGNORECASE,
)
# "He was her brother", "They were enemies now", "She'd been his wife": the people are the two
# named just before.
PRONOUN_COPULA_RE = re.compile(
    rf"\W*(?:he|she|they|we|i|you)\s*(?:{_BEEN}|was|is|were|are|'re|'s|am)\s+"
    # ... and not "He's her brother's friend": someone else's (a possessive "'s" or "s'").
    r"(?:(?![\w'-]*(?:'s|s')[,\s])[\w'-]+,?\s+){0,3}",
    re.IGNORECASE,
)


# Between a line and the possessor's phrase of a noun that opens the narration after it: the
# line's last marks ('"Don't," my twin whispers', '"Wave." My brother looked down'), in the
# same paragraph.
AFTER_LINE_RE = LazyPattern(r"[,.!?\u2026\u2014-]*[\"'\u201d\u2019]?[ \t]*")

SPOUSE_NOUN_RE = LazyPattern(r"husband|wife", re.IGNORECASE)
# The sex "his" and "her" say their owner is.
POSSESSIVE_GENDERS = {"his": {"male"}, "her": {"female"}}
# "Her wife", "His husband" opening a sentence (after its opening marks).
SENTENCE_OWNER_RE = re.compile(r"[\W_]*\b(his|her)\s+", re.IGNORECASE)
# "my mother and sister": a noun listed after another is not the one a line just named.
LISTED_NOUN_RE = re.compile(r"\b(?:and|or)\s+(?:my\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
CLAUSE_REACH = 120  # characters after a noun its clause's "him"/"her" is looked for in
OBJECT_PRONOUNS = {
    "male": re.compile(r"\bhim\b", re.IGNORECASE),
    "female": re.compile(r"\bher\b", re.IGNORECASE),
}
# "his ex-wife", "her late husband", "his first wife", "her future husband": not the spouse
# the owner has now (a widow and a widower who meet are not each other's).
NOT_NOW_BEFORE_RE = LazyPattern(
    r"(?:\bex-\s*|\b(?:ex|late|former|first|dead|deceased|previous|future|would-be|dear"
    r"\s+departed)\s+)$",
    re.IGNORECASE,
)


class RelationBinding(ExchangeBinding, SceneBinding, PronounBinding):
    """A relational noun's possessor and the person it names; a reciprocal cue's two
    people."""

    def relational(self, start: int, end: int, plural: bool = False) -> Pair | None:
        """A relational noun ("brother", "rival", "wife"): its possessor and the person it
        names; a plural one ("siblings", "rivals") also binds the two named beside it."""
        if NOUN_OWNS_RE.match(self.text, end):
            return None  # "Bob, her husband's best friend": Bob is the friend of another
        exchange = self.exchange(start, end, relational=True)
        if exchange:
            return exchange
        s = self.index.index_at(start)
        named = self._named_by(s, start, end)
        if named is not None and not self._fits(named.name, _noun_genders(self.text[start:end])):
            named = None  # "Mr. Darcy, her sister": the sister is someone else
        if named is not None:
            possessor = self._possessor(s, start, named)
            if possessor and possessor != named.name:
                return pair_of(possessor, named.name)
        else:
            found = self._pronoun_subject_pair(s, start, end)
            if found is None and not plural:
                found = self._speaker_described(s, start, end)
            if found is None and not plural:
                found = self._named_in_line(s, start, end)
            if found is None and not plural:
                found = self._declared_in_line(s, start, end)
            if found is None and not plural:
                found = self._answers_who(start)
            if found:
                return found
        if plural and not POSSESSOR_RE.search(self._possessor_lead(s, start)):
            both = self._named_together(s, start, end)  # "Ann and Bob were siblings"
            if both:
                return both
        lead = self.text[self.index.spans[s].start : start]
        copula = PRONOUN_COPULA_RE.fullmatch(lead) or (plural and TWO_OF_THEM_RE.fullmatch(lead))
        if not copula:
            return None
        named = {p.name for p in self._distinct(s)}
        found = None if named else self._previous_two(s, need_pronoun=False)
        # "They had been rivals since the Final, though Yurio ...": after an exchange, its
        # two speakers (not kin: who is whose sibling needs a name).
        if (
            found is None
            and plural
            and THEY_RE.match(lead)
            and not KIN_NOUN_RE.search(self.text, start, end)
        ):
            found = self._last_two_speakers(start)
            if found and not named <= set(found):
                found = None
        return found

    def _pronoun_subject_pair(self, s: int, start: int, end: int) -> Pair | None:
        """ "He had been John's friend for five years", "He's my ex": the noun's possessor
        is named ("John's") or the narrator ("my"); the pronoun opening the sentence is the
        last other person named in the few sentences before whose gender fits it, else the
        one such person of the scene (narration only; nobody else described in the
        sentence)."""
        if self._quote_at(start) is not None:
            return None
        found = self._copula_owner(s, start)
        if found is None:
            return None
        owner, phrase_start = found
        lead = PRONOUN_SUBJECT_RE.match(self._before(s, phrase_start))
        if lead is None:
            return None
        sentence = self.index.spans[s]
        rest = self.text[sentence.start : start] + " " + self.text[end : sentence.end]
        if _someone_else(rest):
            return None  # "He was John's friend, and his brother's": who is "he"?
        genders = _genders_of(lead.group(1))
        noun = _noun_genders(self.text[start:end])
        subject = self._subject_named_before(s, owner.name, genders)
        if subject is None:
            subject = self._subject_in_scene(start, owner.name, genders)
        if subject is None or not self._fits(subject, noun):
            return None  # the last man named is no sister
        return pair_of(owner.name, subject)

    def _speaker_described(self, s: int, start: int, end: int) -> Pair | None:
        """'"Don't," my twin whispers', '"You were going to wave." My brother looked down at
        me': a noun opening the narration right after a line, its speech tag or the beat that
        follows it, describes the one who spoke the line (the speaker found for it); its
        possessor is found as for "his brother" naming nobody."""
        phrase = POSSESSOR_RE.search(self._possessor_lead(s, start))
        if phrase is None or self._quote_at(start) is not None:
            return None
        phrase_start = start - len(phrase.group())
        i = bisect_left(self.quote_starts, phrase_start) - 1
        quote = self.quotes[i] if i >= 0 else None
        if quote is None or quote.speaker not in self.names or quote.end > phrase_start:
            return None
        if not AFTER_LINE_RE.fullmatch(self.text, quote.end, phrase_start):
            return None
        owner = self._kin_owner(s, start)
        noun = _noun_genders(self.text[start:end])
        if owner is None or owner == quote.speaker or not self._fits(quote.speaker, noun):
            return None
        return pair_of(owner, quote.speaker)

    def _copula_owner(self, s: int, start: int) -> tuple[Person, int] | None:
        """Whose the noun is, a named person ("John's friend") or the narrator ("my ex"),
        and where the possessor's phrase starts."""
        before = self._possessor_lead(s, start)
        # "He's my ex": the possessive word, not the "'s" of "He's", says whose.
        phrase = POSSESSIVE_WORD_RE.search(before) or POSSESSOR_RE.search(before)
        if phrase is None:
            return None
        people = self.people.get(s, [])
        phrase_start = start - len(phrase.group())
        if phrase.group(1) is None:  # "John's friend": the owner's name ends at the "'s"
            owner = self._sentence_mentions(s).ending_at(phrase_start)
            if owner is None or owner.narrator:
                return None
            return owner, owner.start
        # "my ex": the narrator's own word
        owner = next((p for p in people if p.start == phrase_start and p.narrator), None)
        return (owner, phrase_start) if owner else None

    def reciprocal(self, start: int, end: int) -> Pair | None:
        """ "were married", "hated each other", "grew up together": the two people named
        nearest it, or (a sentence naming nobody) the two of the sentence before."""
        exchange = self.exchange(start, end)
        if exchange:
            return exchange
        s = self.index.index_at(start)
        people = self._distinct(s)
        if len(people) >= 2:
            last = self._sentence_mentions(s).last_before(start)
            if last is not None and THEM_BETWEEN_RE.search(
                self.text, max(last.end, start - 40), start
            ):
                return None  # "Sakumo had encouraged them to be friends as children": "them"
            return self._nearest_two(people, start, end)
        if not people:
            return self._previous_two(s)
        return None

    def _before(self, s: int, offset: int) -> str:
        return self.text[self.index.spans[s].start : offset]

    def _possessor_lead(self, s: int, offset: int) -> str:
        """The end of sentence `s` before `offset` where a possessor's phrase before a noun
        may stand (POSSESSOR_RE: "his", "Ann's", then two words at most and "ex-"). Kept
        per offset: a noun's several rules each ask it."""
        lead = self._leads.get(offset)
        if lead is None:
            start = self.index.spans[s].start
            lead = self.text[_words_back(self.text, start, offset, POSSESSOR_WORDS) : offset]
            self._leads[offset] = lead
        return lead

    def _nearest_two(self, people: list[Person], start: int, end: int) -> Pair | None:
        """The nearest person named before the cue and the nearest after it (its subject and
        object); when all are on one side, the two nearest there."""
        before = [p for p in people if p.end <= start]
        after = [p for p in people if p.start >= end]
        if before and after:
            a = before[-1]
            b = next((p for p in after if p.name != a.name), None)
            if b is not None:
                return pair_of(a.name, b.name)
        ranked = sorted(people, key=lambda p: min(abs(p.end - start), abs(p.start - end)))
        first = ranked[0]
        second = next((p for p in ranked[1:] if p.name != first.name), None)
        return pair_of(first.name, second.name) if second else None

    def _named_together(self, s: int, start: int, end: int) -> Pair | None:
        """Two people joined by "and" right before a plural noun ("Ann and Bob were siblings",
        "Ann and Bob, the twins") or right after it ("the twins Ann and Bob")."""
        people = self.people.get(s, [])
        before = [p for p in people if p.end <= start]
        if len(before) >= 2:
            second = before[-1]
            gap = self.text[second.end : start]
            gap = POSSESSOR_FREE_RE.sub("", gap)
            if BEFORE_PHRASE_RE.match(gap) or PLURAL_GAP_RE.fullmatch(gap):
                first = self._joined_with(people, second)
                if first:
                    return pair_of(first.name, second.name)
        after = [p for p in people if p.start >= end]
        if (
            len(after) >= 2
            and after[0].name != after[1].name
            and AFTER_PHRASE_RE.match(self.text[end : after[0].start])
            and AND_RE.fullmatch(self.text[after[0].end : after[1].start])
        ):
            return pair_of(after[0].name, after[1].name)
        return None

    def _named_by(self, s: int, start: int, end: int) -> Person | None:
        """The person a relational noun names: right after it ("her brother Bob", "brother,
        Bob") or just before its phrase ("Bob, her brother", "Bob was Ann's rival")."""
        mentions = self._sentence_mentions(s)
        after = mentions.first_from(end)
        if after is not None and AFTER_PHRASE_RE.match(self.text[end : after.start]):
            # '"Who's Nell?" / "My wife, Iris."': the name the line calls closes it, and the
            # noun answers the question; "my wife Nell" names her.
            return None if self._called_after(after, start) else after
        phrase = POSSESSOR_RE.search(self._possessor_lead(s, start))
        phrase_start = start - len(phrase.group()) if phrase else start
        if phrase and phrase.group(1) is None:
            # "Bob was Ann's rival": the possessor's name comes first, then "'s".
            owner = mentions.ending_at(phrase_start)
            phrase_start = owner.start if owner else phrase_start
        last = mentions.last_before(phrase_start)
        gap = self.text[last.end : phrase_start] if last else ""
        if last and BEFORE_PHRASE_RE.match(gap):
            # '"Bob, my brother's here"': the noun is the subject of its own verb, and the one
            # before the bare comma is called, not described.
            if COMMA_ONLY_RE.match(gap) and VERB_AFTER_RE.match(self.text, end):
                return None
            return last
        # "Ginny, Ron's sister and Harry's wife": past the owners of the earlier phrases.
        for person in mentions.before_reversed(phrase_start):
            if not self.text.startswith("'s", person.end):
                gap = self.text[person.end : phrase_start]
                return person if APPOSITIVE_CHAIN_RE.fullmatch(gap) else None
        return None

    def _possessor(self, s: int, start: int, named: Person) -> str | None:
        """Whose brother (rival, wife) the noun says: "Ann's" before it, or the person a
        possessive pronoun stands for (someone else named in the sentence, else the last
        person named before whose gender fits)."""
        phrase = POSSESSOR_RE.search(self._possessor_lead(s, start))
        if phrase is None:
            return None
        people = self.people.get(s, [])
        phrase_start = start - len(phrase.group())
        if phrase.group(1) is None:
            owner = self._sentence_mentions(s).ending_at(phrase_start)
            return owner.name if owner else None
        word = phrase.group(1).lower()
        quote = self._quote_at(start)
        if quote is not None and word in ("my", "your"):
            return self._line_owner(quote, word)
        if quote is None and word in ("my", "our"):
            # The narration's "my brother" is the narrator's, never another person's named
            # beside it: "My brother Sam had never liked Theo" makes no kin of Sam and Theo.
            return self.narrator if word == "my" else None
        genders = POSSESSIVE_GENDERS.get(word, {"any"})
        others = [p for p in people if p.name != named.name and self._fits(p.name, genders)]
        if others:
            earlier = [p for p in others if p.end <= phrase_start]
            return (earlier[-1] if earlier else others[0]).name
        # Not named in the sentence: only the one person of the sentence before who fits.
        fitting = {
            p.name
            for p in self.people.get(s - 1, [])
            if p.name != named.name and self._fits(p.name, genders)
        }
        return fitting.pop() if len(fitting) == 1 else None

    def _named_in_line(self, s: int, start: int, end: int) -> Pair | None:
        """'"Ian's in the byre with the cow. Go and help my husband."': a "my" noun naming
        nobody in a line that names one other person in the noun's sentence or the one before
        (neither of the two talking, of the noun's sex): the speaker and that person. Not a
        noun in a list ("my mother and sister"), nor one whose sentence says "him"/"her" of
        that person's sex ("My sister entertained her": she is someone else)."""
        quote = self._quote_at(start)
        lead = self._possessor_lead(s, start)
        phrase = POSSESSIVE_WORD_RE.search(lead)
        if quote is None or phrase is None or phrase.group(1).lower() != "my":
            return None
        sides = self._sides(quote)
        if sides is None or quote.speaker not in self.names:
            return None
        if LISTED_NOUN_RE.search(lead):
            return None
        since = max(quote.start, self.index.spans[max(0, s - 1)].start)
        lo = bisect_left(self.mention_starts, since)
        hi = bisect_left(self.mention_starts, start)
        # the latest PEOPLE_BACK names at most: a line naming thousands stays linear
        named = set(self.mention_names[max(lo, hi - PEOPLE_BACK) : hi]) - set(sides)
        if len(named) != 1:
            return None
        other = named.pop()
        if not self._is_of(other, _noun_genders(self.text[start:end])):
            return None
        rest = self.text[end : min(quote.end, self.index.spans[s].end, end + CLAUSE_REACH)]
        said = OBJECT_PRONOUNS.get(self.genders.get(other, ""))
        return None if said and said.search(rest) else pair_of(quote.speaker, other)

    def _called_after(self, person: Person, start: int) -> bool:
        """Whether `person`, right after a noun in a line, is the one the line calls, its
        sentence ending there ("My wife, Iris. You'd know ...")."""
        quote = self._quote_at(start)
        return (
            quote is not None
            and quote.addressee == person.name
            and CALL_ENDS_RE.match(self.text, person.end, quote.end + 1) is not None
        )

    def _declared_in_line(self, s: int, start: int, end: int) -> Pair | None:
        """'"I'm Callum's wife."', '"Family of Callum Reyes?" / "I'm his wife."': a line's
        speaker saying what they are to someone, named before the "'s" or, for "his" and
        "her", the one person of that sex the line and the line before it name."""
        quote = self._quote_at(start)
        if quote is None or quote.speaker not in self.names:
            return None
        declared = I_AM_OWNER_RE.search(self.text, max(quote.start, start - 40), start)
        if declared is None:
            return None
        if declared.group(1) is None:
            owner = self._sentence_mentions(s).ending_at(declared.start(2))
            other = owner.name if owner and not owner.narrator else None
        else:
            other = self._one_named_before(quote, start, declared.group(1).lower())
        if other is not None and self._declaration_doubted(quote, declared.group(1)):
            return None
        noun = _noun_genders(self.text[start:end])
        if other is None or other == quote.speaker or not self._fits(quote.speaker, noun):
            return None
        return pair_of(quote.speaker, other)

    def _declaration_doubted(self, quote: Quote, pronoun: str | None) -> bool:
        """Whether a line's "I'm X's wife" may not say so of X: its tag calls it a lie, or
        its "his"/"her" may mean a person of that sex the line before says someone has
        ("Is Tom's father here?")."""
        if LIED_TAG_RE.match(self.text, quote.end):
            return True
        if pronoun is None:
            return False
        since, sex = self._line_before_start(quote), _pronoun_sex(pronoun)
        return any(
            sex in _noun_genders(owned.group(1))
            for owned in NAMED_PERSONS_RE.finditer(self.text, since, quote.start)
        )

    def _answers_who(self, start: int) -> Pair | None:
        """'"Who's Nell?" / "My wife."': a line opening with its speaker's noun answers the
        line before asking who someone named is: the speaker and that person."""
        quote = self._quote_at(start)
        if quote is None or quote.speaker not in self.names:
            return None
        if not MY_NOUN_OPENS_RE.fullmatch(self.text, quote.start, start):
            return None
        i = bisect_left(self.quote_starts, quote.start)
        if i == 0 or self.quotes[i - 1].speaker == quote.speaker:
            return None
        asked = WHO_IS_RE.fullmatch(self.quotes[i - 1].text.strip())
        if asked is None:
            return None
        before = self.quotes[i - 1]
        lo = bisect_left(self.mention_starts, before.start)
        hi = bisect_left(self.mention_starts, before.end)
        named = set(self.mention_names[lo:hi]) - {quote.speaker}
        return pair_of(quote.speaker, named.pop()) if len(named) == 1 else None

    def _one_named_before(self, quote: Quote, start: int, pronoun: str) -> str | None:
        """The one person of the pronoun's sex named from the line before `quote` to `start`."""
        lo = bisect_left(self.mention_starts, self._line_before_start(quote))
        hi = bisect_left(self.mention_starts, start)
        sex = _pronoun_sex(pronoun)
        named = {
            name
            for name in self.mention_names[max(lo, hi - PEOPLE_BACK) : hi]
            if name != quote.speaker and self._is_of(name, {sex})
        }
        return named.pop() if len(named) == 1 else None

    def _line_before_start(self, quote: Quote) -> int:
        """Where the line before `quote` starts (its own start when it is the first)."""
        i = bisect_left(self.quote_starts, quote.start)
        return self.quotes[i - 1].start if i else quote.start

    def _line_owner(self, quote: Quote, word: str) -> str | None:
        """Whose "my" or "your" is in a line: its speaker's, or the one it is said to (the
        line's addressee, else the other side of the exchange); not whoever the line or its
        tag names first ('"Cat, Bob is my brother," Ann said')."""
        if word == "my":
            return quote.speaker if quote.speaker in self.names else None
        sides = self._sides(quote)
        if sides is None:
            return None
        return sides[1] if sides[0] == quote.speaker else sides[0]

    def unnamed_kin(
        self,
        start: int,
        end: int,
        same_sentence: bool = False,
        spouses: dict[str, set[str]] | None = None,
    ) -> tuple[str, str | None] | None:
        """ "Dean was off the hood before his brother had taken three steps", "Nancy ... no
        Mike. The last one was the hardest, because her little brother had radar": a kin noun
        naming nobody, in the narration: its possessor and (None when it is not clear) the kin,
        the one other person of the noun's sex named in its sentence, else in the sentences
        just before and after.
        A guess (the brother may be a third person): the caller lets it name a pair's kind
        only where nothing in the text says the two are a couple. Not a kin who comes into
        the scene ("Her brother came in"): someone new."""
        genders = _noun_genders(self.text[start:end])
        if "any" in genders or IN_LAW_RE.match(self.text, end):
            return None  # "her cousin" may be anyone; a sister-in-law is no sister
        if self._quote_at(start) is not None or ENTERS_RE.match(self.text, end):
            return None
        s = self.index.index_at(start)
        owner = self._kin_owner(s, start)
        if owner is None:
            return None
        apart = self._beside_kin(s, start, end) | {owner}
        for window in ((s,),) if same_sentence else ((s,), (s - 1, s + 1), (s - 2, s + 2)):
            if len(window) > 1 and window[1] - s > 1 and self._describes_another(s, start, end):
                break  # two sentences off, "He was Ann's brother, and her father's son": who?
            fitting = {
                p.name
                for t in window
                for p in self.people.get(t, [])
                if p.name not in apart
                and not p.narrator
                and self._is_of(p.name, genders)
                # two sentences off, only one the narration names ("At lunch my sister texts
                # me ... Good, Tori writes"), not one a line speaks of ("come over with
                # William the Conqueror")
                and (abs(t - s) < 2 or self._named_plainly(p))
            }
            if fitting:
                kin = next(iter(fitting)) if len(fitting) == 1 else None
                if kin and self._only_one_in_scene(s, start, kin, apart):
                    return owner, kin
                break
        if same_sentence or not KIN_NOUN_RE.fullmatch(self.text, start, end):
            return owner, None
        talked = self._talked_with_before(start, owner, genders)
        if talked:
            return owner, talked
        if fitting:
            return owner, None
        if spouses is None or genders & spouses.get(owner, set()):
            return owner, None  # "her wife" unnamed too: the one she talks with may be her
        return owner, self._talks_with_next(start, end, owner, genders)

    def _speakers_just_before(self, start: int) -> set[str]:
        """The speakers of the lines of `start`'s paragraph and the EXCHANGE_LINES before
        it, when nobody else is named between the last of them and `start`."""
        here = bisect_left(self.paragraph_starts, start + 1) - 1
        since = self.paragraph_starts[max(0, here - EXCHANGE_LINES)]
        i = bisect_left(self.quote_starts, start) - 1
        if i < 0:
            return set()
        lo = bisect_left(self.mention_starts, self.quotes[i].end)
        between = set(self.mention_names[lo : bisect_left(self.mention_starts, start)])
        speakers = set()
        while i >= 0 and self.quotes[i].start >= since:
            speakers.add(self.quotes[i].speaker)
            i -= 1
        return speakers if between <= speakers else set()

    def _talked_with_before(self, start: int, owner: str, genders: set[str]) -> str | None:
        """'"We shared a womb." ... She threw a tea towel at her brother': a sibling noun
        naming nobody, in the narration just after lines between its owner and one other
        person (the lines of its paragraph and the EXCHANGE_LINES paragraphs before), is
        that person, when the cast knows their sex and it fits."""
        speakers = self._speakers_just_before(start)
        return self._the_one_other(owner, speakers, speakers, genders)

    def _talks_with_next(self, start: int, end: int, owner: str, genders: set[str]) -> str | None:
        """ "Elsa came down every Sunday to make chocolate with her sister", then a
        conversation of two: a sibling noun naming nobody around it is the one other person
        the owner talks with in the lines after it (its paragraph and the next few), when
        nobody else is named or speaks there and the cast knows their sex; `spouses`: the
        sexes of each owner's unnamed spouses (a wife never named may be the one)."""
        here = bisect_left(self.paragraph_starts, start + 1) - 1
        last = min(len(self.paragraph_starts) - 1, here + KIN_TALK_PARAGRAPHS + 1)
        limit = self.paragraph_starts[last] if last > here else len(self.text)
        limit = min(limit, end + SCENE_REACH)
        i = bisect_left(self.quote_starts, end)
        speakers = set()
        while i < len(self.quotes) and self.quotes[i].start < limit:
            speakers.add(self.quotes[i].speaker)
            i += 1
        lo, hi = bisect_left(self.mention_starts, end), bisect_left(self.mention_starts, limit)
        named = set(self.mention_names[lo:hi])
        return self._the_one_other(owner, speakers, speakers | named, genders)

    def _the_one_other(
        self, owner: str, speakers: set[str], present: set[str], genders: set[str]
    ) -> str | None:
        """The one person besides a speaking owner among `present`, when the cast names them
        (not a kin word) and their sex is one of `genders`."""
        others = present - {owner}
        if owner not in speakers or len(others) != 1:
            return None
        kin = others.pop()
        if kin not in self.names or KIN_NAME_RE.match(kin):
            return None
        return kin if self.genders.get(kin, "unknown") in genders else None

    def unnamed_spouse(self, start: int, end: int) -> tuple[str, str] | None:
        """ "kissed his wife", "met her husband's eyes": a husband or wife naming nobody, in
        the narration, owned by a named person ("Bob's wife", "his wife" after Bob): the owner
        and the spouse's sex. Not an ex, a late or a future one, a fiancé or a partner: only
        the present spouse."""
        genders = _noun_genders(self.text[start:end])
        if "any" in genders or not SPOUSE_NOUN_RE.fullmatch(self.text, start, end):
            return None
        if NOT_NOW_BEFORE_RE.search(self.text, max(0, start - 20), start):
            return None
        s = self.index.index_at(start)
        quote = self._quote_at(start)
        if quote is not None:
            # '"I was just telling your husband he looks well"': the one spoken to has a
            # husband; "my wife" the speaker a wife (who they are is left to the other side)
            phrase = POSSESSIVE_WORD_RE.search(self._possessor_lead(s, start))
            word = phrase.group(1).lower() if phrase else ""
            owner = self._line_owner(quote, word) if word in ("my", "your") else None
        else:
            owner = self._kin_owner(s, start)
        return (owner, genders.pop()) if owner and owner != self.narrator else None

    def spouse_after_line(self, start: int, end: int) -> Pair | None:
        """`"You never pay attention when you're cooking angry." Her wife presses the towel
        down`: a husband or wife whose "his"/"her" opens a narration sentence naming nobody,
        after a line in the same paragraph, is that line's speaker (the sentence is the
        speaker's beat) and the owner the one spoken to, when their genders fit. Not the
        other way round: in `"Eat your peas, Sam." Her husband laughed` the husband is a
        third person, and Sam the child spoken to."""
        if not SPOUSE_NOUN_RE.fullmatch(self.text, start, end) or self._quote_at(start):
            return None
        s = self.index.index_at(start)
        owner = SENTENCE_OWNER_RE.fullmatch(self.text, self.index.spans[s].start, start)
        if owner is None or self.people.get(s):
            return None
        i = bisect_left(self.quote_starts, start) - 1
        if i < 0 or "\n" in self.text[self.quotes[i].end : start]:
            return None  # no line before it in its paragraph
        line = self.quotes[i]
        pair = self._sides(line)
        if pair is None:
            return None
        spoken_to = pair[0] if pair[1] == line.speaker else pair[1]
        owner_genders = POSSESSIVE_GENDERS[owner.group(1).lower()]
        noun = _noun_genders(self.text[start:end])
        fits = self._fits(line.speaker, noun) and self._fits(spoken_to, owner_genders)
        return pair if fits else None

    def unnamed_partner(self, start: int, end: int) -> tuple[str, str | None] | None:
        """ "found his wife at the table. '"You said Tuesday," Laura said' ", "Her ex-boyfriend
        looked up": a partner noun naming nobody, taken as an unnamed kin noun is
        (unnamed_kin), but a romance weighs more than a subtype: not when the sentence
        describes anyone else ("his daughter's attachment to her husband"), says "she" of
        someone else before it ("She'd like to meet his wife") or names another of the
        possessor's sex ("Mrs. Gardiner ... found Elizabeth's arm inadequate, and
        preferred her husband's")."""
        found = self.unnamed_kin(start, end)
        if found is None or found[1] is None:
            return found
        s = self.index.index_at(start)
        sentence = self.index.spans[s]
        phrase_start = self._phrase_start(s, start)
        rest = self.text[sentence.start : phrase_start] + " " + self.text[end : sentence.end]
        owner_sex = self.genders.get(found[0])
        rivals = {
            p.name
            for p in self.people.get(s, [])
            if p.name != found[0] and self.genders.get(p.name, "unknown") in (owner_sex, "unknown")
        }
        # "She'd like to meet his wife": "she" before the noun is someone else than the wife
        before = _genders_of(self.text[sentence.start : phrase_start])
        if OTHER_PERSON_RE.search(rest) or rivals or self.genders.get(found[1]) in before:
            return found[0], None
        return found

    def _named_plainly(self, person: Person) -> bool:
        """Named in the narration and not described there as someone else ("Bob, the
        postman, knocked"): who a noun two sentences off may be."""
        if self._quote_at(person.start) is not None:
            return False
        return ROLE_APPOSITIVE_RE.match(self.text, person.end) is None

    def _phrase_start(self, s: int, start: int) -> int:
        """Where the possessor's phrase of the noun at `start` begins ("her little brother")."""
        phrase = POSSESSOR_RE.search(self._possessor_lead(s, start))
        return start - len(phrase.group()) if phrase else start

    def _describes_another(self, s: int, start: int, end: int) -> bool:
        """Sentence `s` speaks of someone described besides the noun at `start` (the
        sentence's kin phrases found once: a sentence of thousands of "her sister" asks for
        each)."""
        found = self._kin_phrases.get(s)
        if found is None:
            span = self.index.spans[s]
            found = [m.span() for m in OTHER_PERSON_RE.finditer(self.text, span.start, span.end)]
            self._kin_phrases[s] = found
        phrase_start = self._phrase_start(s, start)
        return bool(found) and (found[0][1] <= phrase_start or found[-1][0] >= end)

    def _only_one_in_scene(self, s: int, start: int, kin: str, apart: set[str]) -> bool:
        """Nobody else of the kin's sex in the scene (its paragraph and the two before, and
        the sentence after): in a crowded novel "his sister" is as often someone unnamed."""
        people = self._scene_people(start, SCENE_CROWD)
        if people is None:
            return False
        people |= {p.name for p in self.people.get(s, []) + self.people.get(s + 1, [])}
        sex = self.genders.get(kin)
        return all(n in apart or n == kin or self.genders.get(n) != sex for n in people)

    def _beside_kin(self, s: int, start: int, end: int) -> set[str]:
        """Who the kin noun is not: one listed with it ("Bob and her brother", "her brother
        and Bob"), or the person a phrase the kin owns names ("Bob, her brother's friend")."""
        apart = set()
        mentions = self._sentence_mentions(s)
        phrase = POSSESSOR_RE.search(self._possessor_lead(s, start))
        phrase_start = start - len(phrase.group()) if phrase else start
        before = mentions.last_before(phrase_start)
        gap = self.text[before.end : phrase_start] if before else ""
        if before and LISTED_BEFORE_RE.fullmatch(gap):
            apart.add(before.name)
        if before and OWNS_A_PERSON_RE.match(self.text, end) and BEFORE_PHRASE_RE.match(gap):
            apart.add(before.name)
        after = mentions.first_from(end)
        if after and AND_RE.fullmatch(self.text, end, after.start):
            apart.add(after.name)
        return apart

    def _is_of(self, name: str, genders: set[str]) -> bool:
        """Of the noun's sex as the cast knows it ("sister": a woman, not someone unsexed)."""
        return "any" in genders or self.genders.get(name) in genders

    def _kin_owner(self, s: int, start: int) -> str | None:
        """Whose the kin noun is: "Ann's" or "my" (a named narrator) just before it, or the
        person "his"/"her" may stand for (the nearest named before it in its sentence, else the
        one of the sentence before)."""
        phrase = POSSESSOR_RE.search(self._possessor_lead(s, start))
        if phrase is None:
            return None
        phrase_start = start - len(phrase.group())
        mentions = self._sentence_mentions(s)  # by bisection: a long sentence stays linear
        if phrase.group(1) is None or phrase.group(1).lower() == "my":
            owner = (
                mentions.ending_at(phrase_start)
                if phrase.group(1) is None
                else next((p for p in self._distinct(s) if p.start == phrase_start), None)
            )
            return owner.name if owner else None
        genders = POSSESSIVE_GENDERS.get(phrase.group(1).lower())
        if genders is None:
            return None
        nearest = next(
            (
                p
                for p in mentions.before_reversed(phrase_start)
                if not p.narrator and self._fits(p.name, genders)
            ),
            None,
        )
        if nearest:
            return nearest.name  # the nearest, as "Ann told Cat about her brother"
        fitting = {
            p.name
            for p in self.people.get(s - 1, [])
            if not p.narrator and self._fits(p.name, genders)
        }
        if not fitting and not self.people.get(s - 1) and KIN_NOUN_RE.match(self.text, start):
            # '"And you took all the room in it." She threw a tea towel at her brother':
            # after a line naming nobody, the one of the lines just before who fits (a
            # sibling only: a spouse's owner so found made couples of strangers)
            fitting = {n for n in self._speakers_just_before(start) if self._fits(n, genders)}
        return fitting.pop() if len(fitting) == 1 else None


def _pronoun_sex(pronoun: str) -> str:
    """The sex a possessive "his" or "her" gives."""
    return "male" if pronoun.lower() == "his" else "female"
