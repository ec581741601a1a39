"""Who a relationship cue is about: a cue counts for a pair only when it concerns both of
its characters, in one sentence or one exchange.

- Inside a quote, the speaker and the one spoken to, when the words are about the two of
  them ("I love you", "you're my brother", "we're rivals"); gossip about others ("he kissed
  her") falls back to the names in the sentence.
- A relational noun ("brother", "rival", "wife") binds its possessor to the person it names:
  "Ann's brother Bob", "Bob, her brother", "Bob was Ann's rival", and after a sentence
  naming exactly two people, "He was her brother". "Her brother" alone is a third person.
- A reciprocal cue ("were siblings", "married", "hated each other") binds the two people named
  nearest it in its sentence ("Ann and Bob were married"), or, when the sentence names
  nobody, the two people of the sentence before ("They were enemies now.").
- An act ("kissed", "held her hand") binds the people named on either side of it; a pronoun
  stands for someone named in the last few sentences only when its gender fits and no other
  person ("his mother") is in the sentence to be the one meant.
- A mention whose title contradicts the character it was resolved to ("Mrs. Weasley" read as
  Ron Weasley) is nobody's: better no cue than a false romance.
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
from fanarchive.analysis.model import Quote
from fanarchive.analysis.sentences import SentenceIndex

Pair = tuple[str, str]
LOOKBACK = 3  # sentences searched back for the person a pronoun stands for
# A titled family name ("Mr. Stone") is someone else when the narration calls the character
# by an untitled name this often, and this many times as often as by the titled one.
NAMESAKE_PLAIN = 3
NAMESAKE_SHARE = 2

NARRATOR_PRONOUNS = {
    "first": re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself)\b"),  # "My husband Bob" opens sentences
    "second": re.compile(r"\b(?:you|your|yourself)\b", re.IGNORECASE),
}
# The words of a quoted clause that make it about the speaker and the one spoken to.
EXCHANGE_RE = re.compile(r"\b(?:i|me|my|mine|we|us|our|you|your|yours)\b|\bi'(?:m|d|ll|ve)\b")
# A quoted relational noun about the speaker and the one spoken to: "you're my brother",
# "I'm your big brother", "we were rivals" (the lead of the clause up to the noun).
ABOUT_US_RE = re.compile(
    r"\b(?:you(?:'re| are| were|'ve been| have been| will always be) "
    r"(?:(?:always|still|really|truly) )?(?:my|our)|"
    r"i(?:'m| am| was|'ve been| have been| will always be) "
    r"(?:(?:always|still|really|truly|just) )?your|"
    r"we(?:'re| are| were|'ve been| have been))\b[^.!?;,]*$"
)
MALE_RE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
FEMALE_RE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
PLURAL_RE = re.compile(r"\b(?:they|them|their|we|us|our)\b", re.IGNORECASE)
# Someone described rather than named: the pronouns around them may mean them.
OTHER_PERSON_RE = re.compile(
    r"\b(?:his|her|their|my|your|\w+'s) (?:\w+ )?(?:mother|father|mom|mum|dad|mama|papa|parents?|"
    r"aunt|uncle|grand\w+|son|daughter|baby|child|kid|teacher|boss|master|wife|husband|"
    r"boyfriend|girlfriend|friend|brother|sister|cousin|nephew|niece|maid|servant)\b",
    re.IGNORECASE,
)
TITLES = r"(Mrs|Miss|Ms|Lady|Madam|Aunt|Mr|Sir|Lord|Uncle)"
TITLE_RE = re.compile(r"\b" + TITLES + r"\.?\s+$")  # just before a name
LEADING_TITLE_RE = re.compile(TITLES + r"\b\.?\s")  # at the start of a name
FEMALE_TITLES = {"mrs", "miss", "ms", "lady", "madam", "aunt"}
# Between the person named and a relational phrase about them: "Bob, her brother",
# "Bob was Ann's rival", "Bob, who had always been her friend".
BEFORE_PHRASE_RE = re.compile(
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
PRONOUN_SUBJECT_RE = re.compile(
    rf"^\W*(?:(?:and|but|so|yet)\s+)?(he|she)(?:{_BEEN}|'s|\s+(?:was|is|became|remained))"
    rf"\s+{_COPULA_ADVERB}$",
    re.IGNORECASE,
)
# Between "Ann and Cat" and a plural noun naming both: "became fast friends", "were the best
# of friends", "swore to be bosom friends", "had always been good friends"; not a part in a
# play or a game ("were playing enemies", "were cast as sisters").
PLURAL_GAP_RE = re.compile(
    r"\s*,\s*the\s+[A-Z][\w'-]*\s+|"  # "Ann and Cat, the Moss sisters"
    r"\s+(?:(?:had|have|has|would)\s+)?(?:(?:always|still|now|also|once|really|truly|just|"
    r"soon|quickly|finally)\s+)?(?:were|are|became|become|been|remained|stayed|"
    r"(?:[a-z]+\s+)?to\s+be)\s+(?:(?:the|a|an)\s+)?(?:(?!(?:my|his|her|their|your|our"
    r"|playing|cast|pretending|posing|acting|dressed|disguised|as)\b)[a-z][\w-]*\s+){0,2}",
    re.IGNORECASE,
)
AFTER_PHRASE_RE = re.compile(r"^\s*,?\s*$")
COMMA_ONLY_RE = re.compile(r"^\s*,\s*(?:(?:the|a|an)\s+)?$", re.IGNORECASE)
# A verb right after a noun, "brother's here", "brother is", "brother'd": the noun's own.
VERB_AFTER_RE = re.compile(
    r"(?:'s|'d|'ll|'re|'ve)\b|\s+(?:is|was|has|had|will|would|isn't|wasn't|hasn't|hadn't|won't"
    r"|wouldn't)\b",
    re.IGNORECASE,
)
APPOSITIVE_CHAIN_RE = re.compile(r"\s*,\s*[^,.;:!?\"“”]{1,60}?\s(?:and|or)\s+(?:(?:the|a|an)\s+)?")
AND_RE = re.compile(r"\s*,?\s*and\s+", re.IGNORECASE)
POSSESSOR_FREE_RE = re.compile(r"\b(?:both|all|two|now)\b\s*", re.IGNORECASE)
ACT_REACH_BEFORE = 80  # characters between a doer's name and the act ("Ann leaned over and ...")
ACT_REACH_AFTER = 30  # ... and between the act and the one it is done to
# A subject or object pronoun between a name and the act: the act is someone else's.
SUBJECT_RE = re.compile(
    r"\b(?:he|she|they|we|you|i|who|which|that|his|her|their|its)\b|[\"“”]", re.IGNORECASE
)
OBJECT_PRONOUN_RE = re.compile(r"\s+(?:him|her|them)\b", re.IGNORECASE)  # "kissed him"
# The doer's own verbs before the act: "Ann caught his hands, and kissed him" (a pronoun
# there is an object, not someone else doing the act: no subject pronoun, no quote).
_NOT_SUBJECT = r"(?!(?:he|she|they|we|i|you|who|which|that)\b)"
VERB_CHAIN_RE = re.compile(
    rf"\s+{_NOT_SUBJECT}[a-z][\w'-]*(?:\s+{_NOT_SUBJECT}[\w'-]+){{0,6}},?\s+(?:and|then|and then)\s+",
    re.IGNORECASE,
)
# "he kissed", "she leaned over and kissed": a subject pronoun at most a few words before.
SUBJECT_PRONOUN_RE = re.compile(r"\b(?:he|she|they)\b(?:\s+[\w'-]+){0,4}\s*$", re.IGNORECASE)
PRONOUN_REACH = 50
LAST_LINES = 4  # lines looked back for the two who spoke before "They had been rivals"
EXCHANGE_LINES = 2  # lines (and paragraphs) back a confession's exchange reaches
THEY_RE = re.compile(r"\W*they\b", re.IGNORECASE)
KIN_NOUN_RE = re.compile(r"brother|sister|sibling|cousin|twin", re.IGNORECASE)
# After a line: '," he told her', '," Ann said to him'.
TOLD_PRONOUN_RE = re.compile(
    r"[\"”]?\s*(?:he|she|[A-Z][\w'-]+)\s+(?:told|said\s+to|asked|called\s+to|whispered\s+to"
    r"|murmured\s+to|promised)\s+(him|her)\b"
)
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
GIVE_RE = re.compile(r"give|gave|gives|giving|given")
# A kin word or a friend's word used to call someone: after a comma or dash, or opening the
# line, and ending its clause ("I love you, Mom.", "Dad, I ...", "love you, little sis").
_ADDRESS_WORDS = (
    r"(?i:mom|mum|mommy|mummy|mama|mamma|momma|mother|dad|daddy|papa|pop|father|grandma"
    r"|grandpa|gran|granny|nana|auntie|aunt|uncle|sis|sister|bro|brother|son|kiddo|kid|buddy"
    r"|pal|mate|dude|man)|Ma|Pa"
)
PLATONIC_ADDRESS_RE = re.compile(
    r"(?:^[\"“”']?|[,—–]|\s-)\s*(?:(?i:my|little|big|baby|old|dear)\s+){0,2}(?:"
    + _ADDRESS_WORDS
    + r")"
    r"\s*(?:[,.!?;—–]|$)"
)
# "her brother's", "her sisters'"; not "her brother's here", "her brother's been ill" ("is",
# "has"). Not "never" nor "not": "her husband's never intending", "her husband's not being".
_CONTRACTED = (
    r"here|there|been|gone|got|gotten|going|coming|a|an|the|always|still|already|just|away"
    r"|really|probably|definitely|so|too|very|fine|okay|dead|alive|asleep|awake|waiting"
)
NOUN_OWNS_RE = re.compile(rf"'s\b(?!\s+(?:{_CONTRACTED})\b)|(?<=s)'(?!\w)", re.IGNORECASE)
THIRD_SINGULAR_RE = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
# "we kissed", "We'd dated for": the narrator's "we" a few words before a cue.
# Only the tense and adverbs of the narrator's own verb between: not "we watched Ann kiss".
WE_LEAD_RE = re.compile(
    r"\b[Ww]e(?:'d|'ve|'re)?(?:\s+(?:had|have|were|are|been|just|finally|first|only|never"
    r"|always|once|then|both|got|started|still|almost|nearly|really|even|already|actually"
    r"|officially|secretly|briefly))*\s+$"
)
SCENE_REACH = 1500  # characters back a cue's scene reaches (about 250 words)
SCENE_CROWD = 6  # more people than this in a scene: a crowd, where a pronoun binds nobody
# A short predicate between a subject and its object, no clause of its own ("Bob walked
# Ann", "Ann threw her arms around Bob"): up to five lower-case words, none a subject or "and".
_PREDICATE_WORD = r"(?!(?:and|or|but|then|he|she|they|we|i|you|who|which|that)\b)[a-z][\w'-]*"
ONE_VERB_RE = re.compile(rf"\s+{_PREDICATE_WORD}(?:\s+{_PREDICATE_WORD}){{0,4}}\s+")
# "her toes", "his arms": the doer's own body between the name and the act.
POSSESSED_RE = re.compile(
    r"\b(?:his|her|their)\s+(?:toes|tiptoes|arms?|hands?|head|face|eyes|feet|knees|fingers)\b",
    re.IGNORECASE,
)
CHAIN_END_RE = re.compile(r"(?:,\s*|\s)(?:and|then|and then)\s+$", re.IGNORECASE)
SUBJECT_ONLY_RE = re.compile(r"\b(?:he|she|they|we|i|who)\b", re.IGNORECASE)
LAST_SUBJECT_RE = re.compile(r"\b(?:he|she)\b(?!.*\b(?:he|she|they|i|we|you)\b)", re.IGNORECASE)
TO_YOU_RE = re.compile(r"\s+(?:to\s+)?(?:me|you)\b", re.IGNORECASE)
PERSON_NOUNS = (
    r"girl|boy|child|children|man|woman|lady|gentleman|baby|kid|son|daughter|mother|father|"
    r"mom|mum|dad|aunt|uncle|sister|brother|cousin|friend|stranger|maid|servant|wife|husband|"
    r"infant|toddler|grandmother|grandfather|niece|nephew|twins?"
)
DESCRIBED_PERSON_RE = re.compile(
    r"\b(?:the|a|an|this|that|his|her|their|my|your|our|\w+'s)\s+(?:[\w'-]+\s+)?(?:"
    + PERSON_NOUNS
    + r")s?\b",
    re.IGNORECASE,
)
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
THEN_MOUTH_RE = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:then\s+)?(?:on\s+)?(?:his|her|their|my|your|the)\s+(?:mouth|lips)\b",
    re.IGNORECASE,
)
# Someone a scene describes by a role, whom a pronoun may mean ("a soldier came to the door").
SCENE_ROLE_RE = re.compile(
    r"\b(?:the|a|an|this|that|another)\s+(?:[\w'-]+\s+)?(?:soldier|guard|knight|doctor|nurse"
    r"|officer|captain|sergeant|priest|stranger|boy|girl|man|woman|waiter|waitress|driver"
    r"|teacher|student|prisoner|messenger|servant|maid|guest|visitor|patient|customer"
    r"|neighbou?r|youth|lad|lass|fellow|guy|kid)s?\b",
    re.IGNORECASE,
)
# A character called by a kin word ("Mom", "Grandpa", "Aunt May"): a scene with them is a
# family scene, where a pronoun kiss is no couple's.
KIN_NAME_RE = re.compile(
    r"(?:Mom|Mum|Mommy|Mummy|Mama|Mamma|Mother|Dad|Daddy|Papa|Father|Ma|Pa|Grandma|Grandpa"
    r"|Granny|Gran|Nana|Grandmother|Grandfather|Auntie|Aunt|Uncle|Grunkle)\b"
)
# A small child's age in a scene ("Tom was six", "a six-year-old", "three months old").
_CHILD_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9]|1[0-2])"
CHILD_AGE_RE = re.compile(
    rf"\b(?:was|is|turned|turns)(?:\s+(?:just|only|barely|nearly|almost))?\s+{_CHILD_NUMBER}"
    r"(?!\s*(?:[-:.,]\s*\d|minutes|hours|days|weeks|feet|foot|inches|miles|o'clock|am\b|pm\b"
    r"|in the|at night|when))\b"
    rf"|\b(?:one|{_CHILD_NUMBER})[- ](?:years?|months?)[- ]old\b|\bmonths old\b",
    re.IGNORECASE,
)
OBJECT_RE = re.compile(r"\b(?:him|her|them|us|me|you|it)\b", re.IGNORECASE)
CLAUSE_END_RE = re.compile(r"[.!?;]")  # where a quoted clause ends
THIRD_PERSON_RE = re.compile(r"\b(?:he|him|his|she|her|hers|they|them|their)\b")
VOCATIVE_BEFORE_RE = re.compile(
    r"(?:^|[,.!?;—–-])\s*(?:(?:my|our|oh|o)\s+)?(?:\w+\s+)?$", re.IGNORECASE
)
VOCATIVE_AFTER_RE = re.compile(r"\s*(?:[,.!?;—–-]|$)")
# "her brother", "Ann's little sister", "my ex-husband" (an ex is a past partner, still one).
POSSESSOR_RE = re.compile(
    r"(?:\b(his|her|their|my|your|our)|'s?)\s+(?:[\w-]+\s+){0,2}(?:ex-)?$", re.IGNORECASE
)
POSSESSOR_WORDS = 4  # the words POSSESSOR_RE spans at most: "his", two words and "ex-"
# "The two of them had been friends for years", "The girls were cousins": as "they" below.
TWO_OF_THEM_RE = re.compile(
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


class Binder:
    """The pair a cue concerns, from the people named (or clearly meant) around it."""

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

    # --- the kinds of cue ---------------------------------------------------------------

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
        found = self._with_pronoun(s, one.name, start, end)
        if found is None and doer is not None and other is None:
            found = self._object_then_act(people, doer, start, end) or self._scene_other(
                s, doer.name, start, end
            )
        if found is None and doer is None and other is not None and other.narrator:
            found = self._scene_other(s, other.name, start, end, doing=True)
        return found

    def _none_named(self, s: int, line: Mentions, start: int, end: int) -> Pair | None:
        """Neither side of an act named beside it ("he kissed her"): the one or two people
        its line names, else the two of the sentence before or of the scene."""
        if line.names == 1:
            return self._pronouns_around(s, line.people[0], start, end)
        if line.names == 2:
            return self._both_pronouns(s, line.people, start, end)
        if line.people:
            return None
        return self._previous_two(s, cue=start) or self._scene_couple(s, start, end)

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
        a, b = sorted({p.name for p in people})
        if "any" in doing or "any" in done:
            return None  # "they", "them": more than one of them
        if "unknown" in (self.genders.get(a, "unknown"), self.genders.get(b, "unknown")):
            return None  # "she" may be someone the cast did not find
        one_way = self._fits(a, doing) and self._fits(b, done)
        other_way = self._fits(b, doing) and self._fits(a, done)
        return (a, b) if one_way or other_way else None

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

    def _quoted_line(self, s: int, people: list[Person], start: int, end: int) -> Pair | None:
        """A quoted line nobody attributed, "I love you," Bob told Ann: said between the two
        people its sentence names, when the words are about "I" and "you"."""
        lead = self.text[self.index.spans[s].start : start]
        if sum(lead.count(mark) for mark in '"“”') % 2 == 0:
            return None  # not inside quotation marks
        close = self.text.find('"', end)  # not `'"' in text[end:]`: a copy of the rest per cue
        words = self.text[start : close if close >= 0 else end]
        clause = (lead.rsplit('"', 1)[-1] + words).lower().replace("’", "'")
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

    def _pronouns_around(self, s: int, person: Person, start: int, end: int) -> Pair | None:
        """ "He cupped Naruto's face and kissed him": a subject pronoun before the one person
        named, the act after it and an object pronoun right after the act."""
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
        return pair_of(*distinct) if len(distinct) == 2 else None

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

    def _subject_named_before(self, s: int, owner: str, genders: set[str]) -> str | None:
        """The last person other than `owner` named in the few sentences before whose gender
        fits, unless someone of that sex is described since ("Ann kissed Bob. A man waited
        in the car. He was Ann's brother")."""
        for t in range(s - 1, max(-1, s - LOOKBACK - 1), -1):
            for person in reversed(self.people.get(t, [])):
                if person.name == owner or person.narrator:
                    continue
                if not self._fits(person.name, genders):
                    continue
                if _described_of(self.text[person.end : self.index.spans[s].start], genders):
                    return None
                return person.name
        return None

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

    def reciprocal(self, start: int, end: int) -> Pair | None:
        """ "were married", "hated each other", "grew up together": the two people named
        nearest it, or (a sentence naming nobody) the two of the sentence before."""
        exchange = self.exchange(start, end)
        if exchange:
            return exchange
        s = self.index.index_at(start)
        people = self._distinct(s)
        if len(people) >= 2:
            return self._nearest_two(people, start, end)
        if not people:
            return self._previous_two(s)
        return None

    # --- exchanges ----------------------------------------------------------------------

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
        if relational:
            # "you're my brother", "I'm your big brother", "we were rivals": not "you were
            # an excellent wife".
            lead = self.text[max(quote.start, start - 60) : start].lower().replace("’", "'")
            about_us = ABOUT_US_RE.search(lead)
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

    def _quote_at(self, offset: int) -> Quote | None:
        i = bisect_left(self.quote_starts, offset + 1) - 1
        if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def _sides(self, quote: Quote) -> Pair | None:
        speaker = quote.speaker if quote.speaker in self.names else None
        if speaker is None:
            return None
        other = quote.addressee if quote.addressee in self.names else None
        if other is None:
            other = self._told(quote, speaker)  # '"I love you," Harry told Ginny'
        if other is None:
            # The other side of the exchange: the nearest different speaker around this line.
            i = bisect_left(self.quote_starts, quote.start)
            for j in (i - 1, i + 1, i - 2, i + 2):
                if 0 <= j < len(self.quotes):
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

    # --- people in and around a sentence ------------------------------------------------

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

    def _described_since(self, t: int, start: int, s: int, sexes: set[str]) -> bool:
        """Someone of `sexes` described after `start` in sentence `t`, or in a sentence
        naming nobody between it and sentence `s` ("Her brother came in."), outside quotes:
        a third person a pronoun of `s` may mean. One described in a sentence that names
        someone ("She knelt beside her wife and kissed Asami's jaw") is taken for them."""
        stretches = [(start, self.index.spans[t].end)]
        stretches += [
            (self.index.spans[u].start, self.index.spans[u].end)
            for u in range(t + 1, s)
            if not self.people.get(u)
        ]
        return any(_described_of(self._narration(lo, hi), sexes) for lo, hi in stretches)

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

    def _before(self, s: int, offset: int) -> str:
        return self.text[self.index.spans[s].start : offset]

    def _possessor_lead(self, s: int, offset: int) -> str:
        """The end of sentence `s` before `offset` where a possessor's phrase before a noun
        may stand (POSSESSOR_RE: "his", "Ann's", then two words at most and "ex-")."""
        start = self.index.spans[s].start
        return self.text[_words_back(self.text, start, offset, POSSESSOR_WORDS) : offset]

    def _distinct(self, s: int) -> list[Person]:
        return self.people.get(s, [])

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
        return None if OTHER_PERSON_RE.search(self.text, person.start, start) else person

    def _done_to(self, line: Mentions, end: int) -> Person | None:
        """The person named just after a cue ("kissed Bob", "kissed him and Bob" is not)."""
        person = line.first_from(end)
        if person is None:
            return None
        between = self.text[end : person.start]
        if len(between) > ACT_REACH_AFTER or OBJECT_RE.search(between):
            return None
        return None if OTHER_PERSON_RE.search(between) else person

    def _joined_with(self, people: list[Person], person: Person) -> Person | None:
        """The person joined to `person` by "and" just before it ("Ann and Bob kissed")."""
        earlier = [p for p in people if p.end <= person.start]
        if (
            earlier
            and earlier[-1].name != person.name
            and AND_RE.fullmatch(self.text[earlier[-1].end : person.start])
        ):
            return earlier[-1]
        return None

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
        for t in range(s, max(-1, s - LOOKBACK - 1), -1):
            # Earlier in the act's own sentence first ("Cat came in, and Bob took her hands
            # and kissed her"), then the sentences before, latest first. Not the speakers of
            # lines: a wrong attribution would make a false romance.
            fitting = [  # "he" never stands for the narrator who says "I"
                p
                for p in self.people.get(t, [])
                if (t < s or p.end <= start)
                and p.name != named
                and not p.narrator
                and self._fits(p.name, genders)
            ]
            if not fitting:
                continue
            # "Ann, Bob and Cat sat down. Bob kissed her": Ann or Cat, a guess; "Ann sat with
            # Bob. Her brother came in. Ann kissed him": the brother, maybe.
            if len({p.name for p in fitting}) > 1 or self._described_since(
                t, fitting[-1].end, s, _pronoun_sexes(genders)
            ):
                return None
            return pair_of(named, fitting[-1].name)
        return None

    def _previous_two(self, s: int, need_pronoun: bool = True, cue: int = -1) -> Pair | None:
        """A sentence naming nobody ("He kissed her"): the two people of the last sentence
        that names anyone, when it names exactly two whose genders fit the pronouns."""
        if need_pronoun and (not self._pronoun_genders(s) or self._kin_in(s)):
            return None
        for t in range(s - 1, max(-1, s - LOOKBACK - 1), -1):
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

    def _named_by(self, s: int, start: int, end: int) -> Person | None:
        """The person a relational noun names: right after it ("her brother Bob", "brother,
        Bob") or just before its phrase ("Bob, her brother", "Bob was Ann's rival")."""
        mentions = self._sentence_mentions(s)
        after = mentions.first_from(end)
        if after is not None and AFTER_PHRASE_RE.match(self.text[end : after.start]):
            return after
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
        genders = {"his": {"male"}, "her": {"female"}}.get(word, {"any"})
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


def _rising(values: list[int]) -> bool:
    return all(a <= b for a, b in pairwise(values))


def _someone_else(text: str) -> bool:
    """A person besides the named ones that a pronoun may stand for: kin or a described
    person ("her brother", "the baby", "Ann's little boy")."""
    return bool(OTHER_PERSON_RE.search(text) or DESCRIBED_PERSON_RE.search(text))


FEMALE_NOUNS = re.compile(
    r"girl|woman|lady|daughter|mother|mom|mum|aunt|sister|niece|grandmother|maid|wife"
    r"|waitress|lass"
)
MALE_NOUNS = re.compile(
    r"boy|man|gentleman|son|father|dad|uncle|brother|nephew|grandfather|husband|lad|fellow|guy"
)


def _described_of(text: str, genders: set[str]) -> bool:
    """Someone described in `text` ("a woman who can shoot", "her brother", "a soldier")
    whom a pronoun of `genders` may mean: not a woman for "he", not a man for "she"."""
    for found in (
        *OTHER_PERSON_RE.finditer(text),
        *DESCRIBED_PERSON_RE.finditer(text),
        *SCENE_ROLE_RE.finditer(text),
    ):
        noun = found.group().split()[-1].lower()
        sex = _noun_sex(noun)
        if sex is None and noun.endswith("s"):  # "girls", not the "s" of "waitress"
            sex = _noun_sex(noun[:-1])
        if sex is None or sex in genders:
            return True
    return False


def _pronoun_sexes(genders: set[str]) -> set[str]:
    """Whom pronouns of `genders` may mean: "they", "I" or "you" (or none said) anyone."""
    return {"male", "female"} if not genders or "any" in genders else genders


def _noun_sex(noun: str) -> str | None:
    if FEMALE_NOUNS.fullmatch(noun):
        return "female"
    return "male" if MALE_NOUNS.fullmatch(noun) else None


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


def _noun_genders(noun: str) -> set[str]:
    """The sex a relational noun names ("sister": female), or any."""
    noun = noun.lower()
    if re.search(r"brother|husband|boyfriend|groom|fianc[ée]$|fiance$", noun):
        return {"male"}
    if re.search(r"sister|wife|wives|girlfriend|bride|fianc[ée]e", noun):
        return {"female"}
    return {"any"}


def _genders_of(text: str) -> set[str]:
    found = set()
    if MALE_RE.search(text):
        found.add("male")
    if FEMALE_RE.search(text):
        found.add("female")
    if PLURAL_RE.search(text) or re.search(r"\b(?:I|me|you)\b", text):
        found.add("any")
    return found


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
