"""Pairs of characters in a relationship, romantic (A/B) or platonic (A & B), with evidence.

1. Interaction volume per pair: a line spoken to someone (speaker -> addressee), adjacent
   turns between two speakers, and sharing a sentence or a paragraph.
2. Cues (relationships.cues) count for a pair only when they concern both of its characters
   in one sentence or one exchange (relationships.binding): a kiss between the two, "you're
   my brother" said to the other, "Ann's rival Bob"; not a sentence that mentions one of them
   and someone's brother. Negated or hypothetical cues ("he didn't kiss him") count for
   nothing or half.
3. A pair is romantic with a decisive cue (a kiss, a confession, "you're mine", a marriage)
   or enough lesser ones; spouses and partners are romantic, never "family". Its subtype is
   what the text calls them (rivals, friends, family, enemies).
4. An author's own "A/B" tag (the work's header) is followed unless the text says otherwise,
   and then the platonic finding says why (`detail`) with that evidence.
5. Score = exchanges and romance together for a romantic pair (the main pairing comes
   first), interaction and what the text calls them for a platonic one. A pair without
   evidence sentences is never reported.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import combinations, islice

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.characters.clustering import KIN_NAMES
from fanarchive.analysis.characters.narrator import READER
from fanarchive.analysis.characters.tagged import DISAMBIGUATION_RE, parse_relationship
from fanarchive.analysis.document import Document
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Evidence, Quote, Relationship
from fanarchive.analysis.relationships.acts import (
    DESCRIBED_OBJECT_RE,
    LAST_SUBJECT_RE,
    TO_YOU_RE,
)
from fanarchive.analysis.relationships.binding import Binder
from fanarchive.analysis.relationships.context import ACT_REACH_BEFORE
from fanarchive.analysis.relationships.cues import (
    COUPLE_LEXICON,
    NOT_A_COUPLE_RE,
    PARENT_NOUNS,
    PARTED_RE,
    ROMANCE_LEXICON,
    SPLIT_TO_SEARCH_RE,
    SPOUSE_LEXICON,
    SUBTYPE_LEXICON,
    WEAK_SPOUSE_RE,
    RomanceCue,
    couple_cue,
    cue_form,
    romance_cue,
    spouse_form,
    subtype_of,
)
from fanarchive.analysis.relationships.genders import _genders_of, _noun_genders
from fanarchive.analysis.relationships.people import NARRATOR_PRONOUNS, Pair, pair_of
from fanarchive.analysis.relationships.pronouns import OBJECT_PRONOUN_RE
from fanarchive.analysis.relationships.reader import (
    READER_LEXICON,
    love_interest,
    reader_cue,
    readers_pair,
)
from fanarchive.analysis.relationships.scenes import LAST_LINES, SCENE_CROWD
from fanarchive.analysis.sentences import SentenceIndex, sentence_index
from fanarchive.analysis.warnings.context import factor
from fanarchive.analysis.warnings.scanner import Hit, document_hits

DECISIVE = 3.0  # a cue this strong (stated, not hypothetical) makes a pair romantic
ROMANTIC_TOTAL = 5.0  # ... or this much romance from two or more kinds of cue
DECISIVE_KINDS = {"kiss", "confession", "possessive", "sexual", "spouse", "couple"}
DECISIVE_SENTENCES = 2  # decisive cues in this many sentences make a romance in any length
ROMANCE_DENSITY = 0.1  # romance cue strength per unit of interaction a romantic pair needs
MIN_INTERACTION = 0.5  # the two share at least a sentence, a paragraph or an exchange
MAX_RELATIONSHIPS = 6
# A sentence or paragraph naming more people than this pairs only the first (a sentence) or
# the most named (a paragraph) of them: every two of thousands is quadratic in time and
# memory. The PDNC novels, LitBank and the fan-fiction sets name at most 10 in a sentence,
# 15 in a paragraph.
CROWD = 40
MAX_EVIDENCE = 5
MIN_PLATONIC_INTERACTION = 3.0
SPOUSE_WEIGHT = 3.0  # "Ann's husband Bob", "Ann married Bob": decisive
PARTNER_WEIGHT = 2.0  # "her partner": in life or at work

_CACHE_ATTR = "_fanarchive_relationships"  # the content warnings reuse the pairs
BARE_MARRY_RE = LazyPattern(r"marr(?:y|ies|ying)")
PROGRESSIVE_RE = LazyPattern(r"\b(?:is|was|are|were|'s|'re)\s+$")
# "They had been married", "they got married", "they'd just married": the couple is "they".
THEY_MARRIED_RE = LazyPattern(
    r"\bthey(?:'d|'ve|'re)?(?:\s+(?:had|have|were|are|got|gotten|been|just|only|happily"
    r"|recently|finally|secretly|long|since|already|newly))*\s+$",
    re.IGNORECASE,
)
WE_PARTED_RE = LazyPattern(THEY_MARRIED_RE.pattern.replace("they", "we"), re.IGNORECASE)
TO_TWO_RE = LazyPattern(r"\b(?:you two|you both|both of you|the two of you|you guys)\b", re.I)
NOT_EACH_OTHER_RE = LazyPattern(r"\s+(?:to|before|once|off|twice|again)\b")  # to others
NAMES_A_COUPLE_RE = LazyPattern(r"newlyweds", re.IGNORECASE)  # "the newlyweds, Ann and Bob"
TITLE_BEFORE_RE = LazyPattern(r"\b(?:Mrs|Mr)\.?\s+$")
# "like a brother to me", "was like a little sister": a likeness, said of friends, not kin.
LIKENED_RE = re.compile(
    r"\blike\s+(?:(?:a|an|my|his|her|their|your|our)\s+)?(?:[\w-]+\s+)?$", re.I
)  # "like sisters", "like real brothers" too
# "pulled his son into a hug, and Dan stood stiff": a parent or child noun naming nobody is a
# kin guess (never a relational binding, which on the PDNC tune novels made Elizabeth and
# Darcy family through "her father"), of the one person of its sex in its own sentence (with
# the window of "his brother", "her father" in Pride and Prejudice found Wickham).
PARENT_NOUN_RE = re.compile(rf"(?:{PARENT_NOUNS})", re.I)
POSSESSIVE_AFTER_RE = re.compile(r"['’]s?\b")
PREPOSITION_PHRASE_RE = re.compile(
    r"\b(?:of|from|at|in|to|with|about|for|by|on|like|and|or)\s+(?:(?:his|her|their|my|your|our)"
    r"|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+)?$"
)
COUPLE_RE = LazyPattern(r"\b(Mr|Mrs)\.? and (Mrs|Mr)\.? ([A-Z][\w'-]+)")  # at " and Mr"


@dataclass
class PairInfo:
    interaction: float = 0.0
    exchanges: float = 0.0  # lines spoken to each other and adjacent turns
    romance: list[tuple[float, str, int]] = field(default_factory=list)  # weight, kind, sentence
    subtypes: Counter = field(default_factory=Counter)
    subtype_sentences: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    shared: list[int] = field(default_factory=list)  # sentences naming both
    spoken: list[int] = field(default_factory=list)  # where their lines to each other start
    nearby: list[int] = field(default_factory=list)  # sentences of a paragraph naming both
    # "his brother" naming nobody, taken for the other (binding.unnamed_kin), or one family
    # name: guesses, so they name the kind of a pair only when nothing says it is a couple
    kin_guesses: list[int] = field(default_factory=list)
    said_love: list[int] = field(default_factory=list)  # sentences of a confession in a line
    # the romance cues said in a line ("I love you", "you're mine", "kiss me"), as in `romance`
    said: list[tuple[float, str, int]] = field(default_factory=list)
    # who of the two said more than a friend's "love you" ("I'm in love with you")
    avowed_by: set[str] = field(default_factory=set)
    # a kiss in their scene bound to nobody, its pronouns fitting the two: no platonic guess
    unbound_kiss: bool = False

    def together(self, count: int, index: SentenceIndex) -> list[int]:
        """Up to `count` sentences showing the two together: naming both, else their lines
        (a pair the author tags, who talk but are never named in one sentence)."""
        if self.shared:
            return self.shared[:count]
        spoken = sorted({s for at in self.spoken if (s := index.index_at(at)) >= 0})
        return (spoken or sorted(set(self.nearby)))[:count]

    @property
    def romance_total(self) -> float:
        return sum(w for w, _, _ in self.romance)


def find_relationships(document: Document, quotes: list[Quote], cast: Cast) -> list[Relationship]:
    cached = document.__dict__.get(_CACHE_ATTR)
    if cached is not None and cached[0] is quotes and cached[1] is cast:
        return list(cached[2])
    found = _find(document, quotes, cast)
    document.__dict__[_CACHE_ATTR] = (quotes, cast, found)
    return list(found)


def _find(document: Document, quotes: list[Quote], cast: Cast) -> list[Relationship]:
    names = {c.name for c in cast.characters if c.present or c.mentions >= 2}
    # Someone named once in the narration: "Tanaka looked at Kiyoko, asleep on his shoulder.
    # He had been in love with her" is a couple however rarely Kiyoko is named (a passer-by
    # named once makes no pair without a cue or an exchange bound to them). Not one named
    # only in a line ('"Ron thinks I'm hiding something," said Harry. Harry kissed him'):
    # talked about, not there.
    names |= _named_in_narration(cast, quotes, names)
    # Someone named once whom the author's own relationship tags name ("John/Mary", Mary
    # named in one line) is one of the work's pairs, not a passer-by.
    every = {c.name for c in cast.characters if c.mentions >= 1}
    tagged_pairs = authors_pairs(document, cast, every)
    names |= {name for pair in tagged_pairs[True] | tagged_pairs[False] for name in pair}
    narrator = narrator_of(cast)
    if narrator:
        names.add(narrator[0])
    if len(names) < 2 or not document.text.strip():
        return []
    index = sentence_index(document)
    binder = Binder(document, index, quotes, cast, names)
    # The characters named in each sentence, in order of mention (a named first- or
    # second-person narrator where "I"/"you" stands for them outside quotes).
    named = {
        s: list(dict.fromkeys(p.name for p in people))
        for s, people in binder.people.items()
        if people
    }
    pairs: dict[Pair, PairInfo] = defaultdict(PairInfo)
    count_interactions(document, index, quotes, named, names, pairs)
    reader = _reader_binding(document, index, binder, cast, pairs)
    spouses, kin, spouse_nouns = assign_cues(document, index, binder, pairs, reader)
    assign_couples(document, index, binder, pairs)
    if reader is not None:
        assign_reader_cues(document, index, binder, pairs, reader, cast.narrator.name)
    assign_family_names(cast, names, index, pairs)
    assign_kin_address(document, binder, index, pairs)
    assign_one_sided_spouse(spouses, kin, spouse_nouns, binder, index, pairs)
    tagged = authors_pairs(document, cast, names)
    relationships = [
        r
        for pair, info in pairs.items()
        if (r := build(pair, info, index, pair in tagged[True], pair in tagged[False]))
    ]
    relationships.sort(key=lambda r: (-r.score, r.tag))
    return relationships[:MAX_RELATIONSHIPS]


def _named_in_narration(cast: Cast, quotes: list[Quote], names: set[str]) -> set[str]:
    """The characters not in `names` whom the cast finds named outside the quoted lines."""
    starts = [q.start for q in quotes]
    found = set()
    for mention in cast.mentions:
        if mention.character in names or mention.character in found:
            continue
        i = bisect_left(starts, mention.start + 1) - 1
        if i < 0 or quotes[i].end <= mention.start:
            found.add(mention.character)
    return found


def narrator_of(cast: Cast) -> tuple[str, re.Pattern[str]] | None:
    """A named first- or second-person narrator and the pronouns that stand for them."""
    narrator = getattr(cast, "narrator", None)
    pronouns = NARRATOR_PRONOUNS.get(getattr(cast, "narration", "third"))
    if narrator is None or pronouns is None:
        return None
    return narrator.name, pronouns


def count_interactions(
    document: Document,
    index: SentenceIndex,
    quotes: list[Quote],
    named: dict[int, list[str]],
    names: set[str],
    pairs: dict[Pair, PairInfo],
) -> None:
    previous: Quote | None = None
    for quote in quotes:
        speaker = quote.speaker if quote.speaker in names else None
        if speaker and quote.addressee in names and quote.addressee != speaker:
            info = pairs[pair_of(speaker, quote.addressee)]
            info.interaction += 1.0
            info.exchanges += 1.0
            info.spoken.append(quote.start)
        if (
            speaker
            and previous is not None
            and previous.speaker in names
            and previous.speaker != speaker
            and abs(quote.paragraph - previous.paragraph) <= 1
        ):
            info = pairs[pair_of(speaker, previous.speaker)]
            info.interaction += 0.5
            info.exchanges += 0.5
            info.spoken += [previous.start, quote.start]
        previous = quote
    for s, people in named.items():
        for a, b in combinations(sorted(set(people[:CROWD])), 2):
            info = pairs[(a, b)]
            info.interaction += 0.25
            info.shared.append(s)
    by_paragraph: dict[int, dict[str, int]] = defaultdict(dict)  # name -> first sentence
    sentences: dict[int, Counter] = defaultdict(Counter)  # name -> sentences naming them
    paragraph_starts = [p.start for p in document.paragraphs]
    for s, people in sorted(named.items()):
        paragraph = bisect_left(paragraph_starts, index.spans[s].start + 1) - 1
        for person in people:
            by_paragraph[paragraph].setdefault(person, s)
        sentences[paragraph].update(people)
    for paragraph, people in by_paragraph.items():
        for a, b in combinations(sorted(_most_named(people, sentences[paragraph])), 2):
            pairs[(a, b)].interaction += 0.25
            pairs[(a, b)].nearby += [people[a], people[b]]


def _most_named(first: dict[str, int], sentences: Counter) -> list[str]:
    """A paragraph's people, or in a crowd (more than CROWD) the CROWD it names in most
    sentences (the first named on a tie): a paragraph of thousands of names would make a
    pair of every two, millions of them."""
    if len(first) <= CROWD:
        return list(first)
    return sorted(first, key=lambda name: (-sentences[name], first[name], name))[:CROWD]


def _reader_binding(
    document: Document,
    index: SentenceIndex,
    binder: Binder,
    cast: Cast,
    pairs: dict[Pair, PairInfo],
) -> Callable[[Hit], Pair | None] | None:
    """In a second-person reader-insert, the pair of a narration cue beside "you" and the
    love interest's pronoun (relationships.reader); None in any other story."""
    narrator = getattr(cast, "narrator", None)
    if narrator is None or getattr(cast, "narration", "third") != "second":
        return None
    if narrator.name not in binder.names:
        return None
    partners = love_interest(narrator.name, pairs, binder.genders)
    if not partners:
        return None
    lovers = set(partners.values()) | {narrator.name}

    def bind(hit: Hit) -> Pair | None:
        quote = binder._quote_at(hit.start)
        if quote is not None:  # "Be my date": said between the reader and the love interest
            sides = {quote.speaker, quote.addressee}
            between = len(sides) == 2 and narrator.name in sides
            return pair_of(*sides) if between and sides <= lovers else None
        span = index.spans[index.index_at(hit.start)]
        return readers_pair(document.text, (span.start, span.end), narrator.name, partners)

    return bind


def assign_reader_cues(
    document: Document,
    index: SentenceIndex,
    binder: Binder,
    pairs: dict[Pair, PairInfo],
    reader: Callable[[Hit], Pair | None],
    narrator: str,
) -> None:
    """Closeness, a date, a dance (reader.READER_CUES) between the reader and their love
    interest: in their lines to each other, or beside "you" and the love interest's pronoun."""
    for hit in document_hits(document, READER_LEXICON):
        cue = reader_cue(hit.surface)
        weight = _weight(document, index, hit) if cue else 0
        if not weight:
            continue
        pair = binder.exchange(hit.start, hit.end) or reader(hit)
        if pair and narrator in pair:
            found = (cue.weight * weight, cue.kind, index.index_at(hit.start))
            pairs[pair].romance.append(found)


def assign_cues(
    document: Document,
    index: SentenceIndex,
    binder: Binder,
    pairs: dict[Pair, PairInfo],
    reader: Callable[[Hit], Pair | None] | None = None,
) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, list[int]]]:
    """Each cue to the pair it concerns (binding.Binder), if any; returns the sexes of each
    owner's unnamed spouses and unnamed kin ("his wife", "her brother" naming nobody) and
    where each owner's spouse nouns are."""
    romance_spans = []
    for hit, cue in _romance_hits(document):
        if cue is None or (cue.kind == "partner" and spouse_form(hit.surface)):
            continue  # husbands, wives, fiancés: bound as spouses below
        weight = _weight(document, index, hit)
        if not weight:
            continue
        romance_spans.append((hit.start, hit.end))
        if cue.kind == "couple" and PARTED_RE.fullmatch(hit.surface):
            pair = _they_parted(binder, hit)
        else:
            pair = binder.act(hit.start, hit.end)
        if pair is None and cue.kind == "couple":
            pair = _they_after_exchange(binder, hit.start)
        if pair is None and reader is not None:
            pair = reader(hit)  # "You lean over and kiss him": the reader's love interest
        if pair is None and cue.kind == "kiss" and not binder.affectionate(hit.end):
            _mark_unbound_kiss(binder, hit, pairs)
        if pair and cue.kind == "confession" and binder.platonic_address(hit.start, pair):
            continue  # "I love you, Mom", "Love you, buddy": a child's, a friend's
        if pair and cue.kind == "confession" and _to_several(binder, hit):
            continue  # "love you guys", "love you both": said to several, no one's couple
        if pair:
            kind, strength = cue.kind, cue.weight
            if kind == "kiss" and binder.affectionate(hit.end):
                kind, strength = "touch", 1  # a kiss on the hand or the cheek
            found = (strength * weight, kind, index.index_at(hit.start))
            pairs[pair].romance.append(found)
            if (quote := binder._quote_at(hit.start)) is not None:
                pairs[pair].said.append(found)
                if kind == "confession":
                    pairs[pair].said_love.append(found[2])
                    if quote.speaker in pair and not FRIENDS_LOVE_RE.fullmatch(hit.surface.lower()):
                        pairs[pair].avowed_by.add(quote.speaker)
    romance_spans.sort()
    romance_starts = [a for a, _ in romance_spans]
    unnamed: dict[tuple[str, str], list[tuple[str | None, int]]] = defaultdict(list)
    unnamed_spouses: dict[str, set[str]] = defaultdict(set)  # owner -> sexes of the spouse
    spouse_nouns: dict[str, list[int]] = defaultdict(list)  # owner -> where they are said
    unnamed_kin_sexes: dict[str, set[str]] = defaultdict(set)  # owner -> sexes of their kin
    partners: dict[tuple[str, str], list[tuple[str | None, int]]] = defaultdict(list)
    for hit in document_hits(document, SPOUSE_LEXICON):
        _assign_spouse(document, index, binder, pairs, hit, unnamed_spouses, partners, spouse_nouns)
    _assign_each_others_spouse(unnamed_spouses, binder, index, pairs)
    _assign_unnamed_partners(partners, index, pairs)
    for hit in document_hits(document, SUBTYPE_LEXICON):
        i = bisect_left(romance_starts, hit.start + 1) - 1
        if i >= 0 and hit.start < romance_spans[i][1]:
            continue  # "more than just a friend" is a confession, not "just a friend"
        subtype = subtype_of(hit.surface)
        if not subtype or not _weight(document, index, hit):
            continue
        if subtype == "enemies" and _banter(binder, hit):
            subtype = "friends"  # '"I hate you!" / "You love me!"', both laugh: teasing
        if subtype == "family" and LIKENED_RE.search(
            binder.text, max(0, hit.start - 24), hit.start
        ):
            subtype = "friends"  # "like a brother to me": close, not kin
        parent = PARENT_NOUN_RE.fullmatch(hit.surface)
        pair = None if parent else _bind(binder, hit, cue_form(hit.surface))
        if pair is None and subtype == "family" and cue_form(hit.surface) == "relational":
            found = binder.unnamed_kin(
                hit.start, hit.end, same_sentence=bool(parent), spouses=unnamed_spouses
            )
            if found:
                owner, kin = found
                if parent and _kin_in_passing(binder, hit):
                    # counted as a guess that found nobody, not skipped: the owner's other
                    # guesses must still be at least half (_one_person_each_time)
                    kin = None
                unnamed[(owner, hit.surface.lower().rstrip("s"))].append((kin, hit.start))
            continue
        if pair:
            pairs[pair].subtypes[subtype] += 1
            pairs[pair].subtype_sentences[subtype].append(index.index_at(hit.start))
    _assign_unnamed_kin(unnamed, index, pairs)
    _assign_fights(document, binder, index, pairs)
    # "her big brother" beside "her husband": a man of hers who may be either
    for owner, noun in unnamed:
        unnamed_kin_sexes[owner] |= _noun_genders(noun)
    return unnamed_spouses, unnamed_kin_sexes, spouse_nouns


# A "hate you" answered with love or laughter ('"I hate you!" / "You love me!"', "she said,
# grinning") is teasing between friends, not enmity.
BANTER_RE = LazyPattern(
    r"\b(?:laugh\w*|grin\w*|giggl\w*|chuckl\w*|smirk\w*|snicker\w*|teas(?:e|ed|es|ing)"
    r"|joking|kidding|you love me|love you too|love you more)\b",
    re.IGNORECASE,
)
BANTER_REACH = 300  # characters after the line: its answer and the beat after it


def _banter(binder: Binder, hit: Hit) -> bool:
    """A "hate you" said in a line, answered with love or laughter within the next few
    lines (or laughed in its own paragraph)."""
    quote = binder._quote_at(hit.start)
    if quote is None or not hit.surface.lower().startswith("hate you"):
        return False
    text = binder.text
    start = text.rfind("\n", 0, quote.start) + 1
    return BANTER_RE.search(text, start, quote.end + BANTER_REACH) is not None


# Blows one person deals another ("Luffy ducked, and hit him", "Toomes punched him"):
# enemies when the text shows the same two fighting in FIGHT_SENTENCES sentences or more.
# The blow verbs, case-insensitive: `\b(?:punch(?:ed|es|ing)?|kick(?:ed|s|ing)?|stabb(?:ed|ing)
# |stabs?|slash(?:ed|es|ing)|hit|hits|hitting|slapp(?:ed|ing)|slaps?|strangl(?:ed|es|ing)
# |tackl(?:ed|es|ing)|head-?butt(?:ed|s|ing)?|shot|shoots?|shooting)\b`, written to open on a
# class of their first letters (every character that `[hkpst]` matches ignoring case: the
# long s and the Kelvin sign too) with the case-insensitive rest after it, each verb after a
# look-behind on its letter: `re` skips ahead to those letters, where a pattern opening on
# `\b` (or on a letter under a global IGNORECASE) is tried at every character. 27 -> 17 ms on
# a 100,000-word work; the verbs of each letter keep their order.
FIGHT_FIRST_LETTERS = "HKPSThkpst\u017f\u212a"
FIGHT_RE = LazyPattern(
    rf"[{FIGHT_FIRST_LETTERS}](?<!\w.)(?i:(?<=p)unch(?:ed|es|ing)?|(?<=k)ick(?:ed|s|ing)?"
    r"|(?<=s)(?:tabb(?:ed|ing)|tabs?|lash(?:ed|es|ing)|lapp(?:ed|ing)|laps?|trangl(?:ed|es|ing)"
    r"|hot|hoots?|hooting)|(?<=h)(?:it|its|itting|ead-?butt(?:ed|s|ing)?)|(?<=t)ackl(?:ed|es|ing))\b"
)
FIGHT_SENTENCES = 2
# What follows a blow verb that makes it no blow: "shot him a look", "shot Bob a grin" (a
# verb with two objects gives, it does not wound), "hit on her", "hit it off", "kicked off".
NOT_A_BLOW_AFTER_RE = LazyPattern(
    r"\s+(?:(?:him|her|them|me|you|us|[A-Z][\w'’-]*)\s+an?\b|(?:on|up|off|it\s+off)\b)"
)


def _assign_fights(
    document: Document, binder: Binder, index: SentenceIndex, pairs: dict[Pair, PairInfo]
) -> None:
    """Two who trade blows in two sentences or more are enemies (one slap may be a sibling's
    or a lover's quarrel); in the narration only (a line's "I'll kick you" is a threat)."""
    fights: dict[Pair, set[int]] = defaultdict(set)
    for found in FIGHT_RE.finditer(binder.text):
        if binder._quote_at(found.start()) is not None:
            continue
        if NOT_A_BLOW_AFTER_RE.match(binder.text, found.end()):
            continue
        pair = binder.act(found.start(), found.end(), named_only=False)
        if pair:
            fights[pair].add(index.index_at(found.start()))
    for pair, sentences in fights.items():
        info = pairs.get(pair)
        if info is None or len(sentences) < FIGHT_SENTENCES or info.subtypes.get("family"):
            continue
        info.subtypes["enemies"] += 1
        info.subtype_sentences["enemies"] += sorted(sentences)


def assign_one_sided_spouse(
    unnamed: dict[str, set[str]],
    kin_sexes: dict[str, set[str]],
    spouse_nouns: dict[str, list[int]],
    binder: Binder,
    index: SentenceIndex,
    pairs: dict[Pair, PairInfo],
) -> None:
    """ "Naruto sat down again, and his wife reached across the table", the wife never named:
    when the owner has no romance with anyone yet and exactly one person of the spouse's sex
    is shown with them (sharing a sentence or an exchange) whom nothing calls
    kin or a friend, that one is the spouse (not when the owner has an unnamed relative of
    that sex too: "kissed her husband, then her big brother"; nor when anyone else of that
    sex is in the scene of the noun or has an unnamed spouse of the owner's sex, nor when the
    one shown has an unnamed spouse too: the mutual reading's, `_assign_each_others_spouse`).
    Inferred: it does not outweigh the text calling the two siblings."""
    # In a couple already: a romance the text shows, not a hug or a cheek kiss (weight 1),
    # which a spouse gives as often as a friend ("kissed her cheek" beside "my wife").
    partnered = {
        name for pair, info in pairs.items() if info.romance and is_romantic(info) for name in pair
    }
    shown: dict[str, list[str]] = defaultdict(list)
    for (one, other), info in pairs.items():
        if info.interaction < MIN_INTERACTION or info.subtypes or info.kin_guesses:
            continue
        if not (info.shared or info.spoken):
            continue  # only a paragraph apart: "Himawari's door was open ... he could see her"
        for owner, candidate in ((one, other), (other, one)):
            sex = binder.genders.get(candidate)
            if candidate in partnered:
                continue  # in a couple of their own
            if owner in unnamed and sex in unnamed[owner] and sex not in kin_sexes[owner]:
                shown[owner].append(candidate)
    # owners by their own sex and their spouse's: who else may be someone's unnamed spouse,
    # found without comparing every two owners (a work of thousands of "his wife")
    by_sexes: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    for name, sexes in unnamed.items():
        for spouse_sex in sexes:
            by_sexes[(binder.genders.get(name), spouse_sex)].add(name)
    for owner in sorted(shown):
        if owner in partnered or len(shown[owner]) != 1:
            continue
        candidate = shown[owner][0]
        if _another_may_be_spouse(owner, candidate, unnamed, by_sexes, spouse_nouns[owner], binder):
            continue
        _couple_where_together(pairs, owner, candidate, index)


def _couple_where_together(pairs: dict, one: str, other: str, index: SentenceIndex) -> None:
    """Counts two spouses of an unnamed "his wife" as a couple, with the first sentence that
    shows them together as the evidence (none: nothing to show, so no suggestion)."""
    info = pairs[pair_of(one, other)]
    sentence = info.together(1, index)
    if sentence:
        info.romance.append((SPOUSE_WEIGHT, "couple", sentence[0]))


def _another_may_be_spouse(
    owner: str,
    candidate: str,
    unnamed: dict[str, set[str]],
    by_sexes: dict[tuple[str | None, str], set[str]],
    nouns: list[int],
    binder: Binder,
) -> bool:
    """Someone besides `candidate` of the spouse's sex may be the one "his wife" means: they
    have an unnamed spouse of the owner's sex ("Cat, who missed her husband"), or are in the
    scene of one of the owner's nouns ("Cat read at the table while Ann cooked. Bob ... kissed
    his wife")."""
    if candidate in unnamed:
        return True  # "her husband" of their own: each other's only by the mutual reading
    sex = binder.genders.get(candidate)
    owner_sex = binder.genders.get(owner)
    others = by_sexes.get((sex, owner_sex or ""), set())
    if any(name not in (owner, candidate) for name in islice(others, 3)):
        return True
    for at in nouns:
        if _said_apart(binder, at, candidate, sex):
            return True
        people = binder._scene_people(at, SCENE_CROWD)
        if people is None:
            return True
        if any(n not in (owner, candidate) and binder.genders.get(n) == sex for n in people):
            return True
    return False


# "she", "him": a pronoun of the spouse's sex (the possessive before the noun aside).
SEX_PRONOUN_RE = {
    "female": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
    "male": re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE),
}


def _said_apart(binder: Binder, at: int, candidate: str, sex: str | None) -> bool:
    """The noun's sentence speaks of the one shown as someone else: it names them ("Ann met
    Bob, her husband's best friend") or says "she" of that sex before the noun ("She'd like to
    meet his wife")."""
    s = binder.index.index_at(at)
    if any(p.name == candidate for p in binder.people.get(s, [])):
        return True
    pronoun = SEX_PRONOUN_RE.get(sex or "")
    lead = binder.text[binder.index.spans[s].start : at]
    lead = re.sub(r"\b(?:his|her|their|my|your)\s+(?:[\w-]+\s+)?$", "", lead)
    return pronoun is not None and pronoun.search(lead) is not None


# What a kiss is given to, when it is not a pronoun: a thing, a described person or a name.
KISSED_SOMETHING_RE = LazyPattern(
    r"\s+(?:(?:the|a|an|his|her|their|my|your|its|our|this|that|each|every)\b|[\w-]+['’]s\b"
    r"|[A-Z])"
)


def _mark_unbound_kiss(binder: Binder, hit: Hit, pairs: dict[Pair, PairInfo]) -> None:
    """ "He turned her round and kissed her" bound to nobody: of the scene's people, each two
    whose sexes the pronouns around the kiss fit may be the couple, so a platonic tag with
    nothing else said of them is not suggested (it would contradict the kiss)."""
    if binder._quote_at(hit.start) is not None:
        return  # a line's kiss is gossip about anyone
    if _figurative_kiss(binder.text, hit):
        return  # "sun-kissed", "kissed by frost": no one's kiss
    if DESCRIBED_OBJECT_RE.match(binder.text, hit.end):
        return  # "he kissed her daughter goodnight": given to someone described, no pronoun's
    people = binder._scene_people(hit.start, SCENE_CROWD)
    if not people:
        return
    s = binder.index.index_at(hit.start)
    people |= {p.name for p in binder.people.get(s, []) if not p.narrator}
    lead = binder.text[max(binder.index.spans[s].start, hit.start - ACT_REACH_BEFORE) : hit.start]
    subject = LAST_SUBJECT_RE.search(lead)
    after = OBJECT_PRONOUN_RE.match(binder.text, hit.end)
    sexes = [_genders_of(m.group()) for m in (subject, after) if m is not None]
    if not sexes and KISSED_SOMETHING_RE.match(binder.text, hit.end):
        return  # "kissed the ring", "kissed his wife", "kissed Bob": said of someone or something
    for a, b in combinations(sorted(people), 2):
        if _sexes_fit(binder, a, b, sexes):
            pairs[(a, b)].unbound_kiss = True


# "kissed by frost", "a kiss of salt": a kiss given by or made of something, not a pronoun's.
KISS_BY_OR_OF_RE = re.compile(r"\s+(?:by|of)\s+(?!(?:him|her|them|me|you|us)\b)", re.IGNORECASE)


def _figurative_kiss(text: str, hit: Hit) -> bool:
    """ "Sun-kissed shoulders", "the window kissed by frost": weather and things, no couple."""
    return text[hit.start - 1 : hit.start] == "-" or bool(KISS_BY_OR_OF_RE.match(text, hit.end))


def _sexes_fit(binder: Binder, a: str, b: str, sexes: list[set[str]]) -> bool:
    """The two can be the pronouns' people, one pronoun each (a sex the cast does not know
    fits any). A kiss told with no one ("Then a kiss") may be any two's; one told with a
    single pronoun has a side the binder could not place, so it is nobody's here (with it,
    the check half lost a right pair)."""
    if len(sexes) == 1:
        return False
    if not sexes:
        return True
    first, second = sexes
    return (binder._fits(a, first) and binder._fits(b, second)) or (
        binder._fits(b, first) and binder._fits(a, second)
    )


# The ones a confession is said to, when they are several ("love you guys", "love you all").
GROUP_ADDRESS_RE = LazyPattern(
    r"[ \t,]*(?i:guys|all|both|two|lot|people|everyone|everybody|folks|kids)\b(?!['’])"
)
GROUP_CONFESSION_RE = LazyPattern(r"(?i:\blove (?:you|ya|u)\b)" + GROUP_ADDRESS_RE.pattern)
ECHO_RE = re.compile(r"[ \t,]*(?i:too|as well)\b")


def _to_several(binder: Binder, hit: Hit) -> bool:
    """A confession said to several: "love you guys", or "love you too" answering one."""
    text = binder.text
    if GROUP_ADDRESS_RE.match(text, hit.end):
        return True
    quote = binder._quote_at(hit.start)
    if quote is None or not ECHO_RE.match(text, hit.end):
        return False
    i = bisect_left(binder.quote_starts, quote.start)
    return i > 0 and bool(GROUP_CONFESSION_RE.search(binder.quotes[i - 1].text))


def _assign_unnamed_kin(
    unnamed: dict[tuple[str, str], list[tuple[str | None, int]]],
    index: SentenceIndex,
    pairs: dict[Pair, PairInfo],
) -> None:
    """ "his brother" naming nobody, taken for the one person it can be each time (see
    `_one_person_each_time`)."""
    for owner, kin, starts in _one_person_each_time(unnamed):
        info = pairs[pair_of(owner, kin)]
        info.kin_guesses += [index.index_at(start) for start in starts]
        # "my sister ... Tori writes": the noun's sentence is about the two of them
        info.interaction = max(info.interaction, MIN_INTERACTION)


def _assign_unnamed_partners(
    partners: dict[tuple[str, str], list[tuple[str | None, int]]],
    index: SentenceIndex,
    pairs: dict[Pair, PairInfo],
) -> None:
    """ "his wife" or "her ex-boyfriend" naming nobody, taken for the one person it can be
    each time (as "his brother"). Inferred, as "they had been married" is: it does not
    outweigh the text calling the two siblings."""
    for owner, partner, starts in _one_person_each_time(partners):
        pairs[pair_of(owner, partner)].romance += [
            (SPOUSE_WEIGHT, "couple", index.index_at(start)) for start in starts
        ]


def _one_person_each_time(
    unnamed: dict[tuple[str, str], list[tuple[str | None, int]]],
) -> Iterator[tuple[str, str, list[int]]]:
    """(owner, the one person, where) for each owner's noun naming nobody whose every guess
    that found someone found the same person, at least half the times: a Darcy whose "his
    sister" is an unnamed Georgiana twenty times is no brother of the one woman beside him
    the twenty-first."""
    for (owner, _), found in unnamed.items():
        people = {name for name, _ in found if name}
        starts = [start for name, start in found if name]
        if len(people) == 1 and 2 * len(starts) >= len(found):
            yield owner, people.pop(), starts


def _romance_hits(document: Document) -> list[tuple[Hit, RomanceCue | None]]:
    """The shared romance cues (warnings.romance) and the couple's own (cues.COUPLE_LEXICON:
    "their lips met", "had been dating"); where one of ours overlaps shared ones, the
    stronger side ("been dating" over the lesser "dating")."""
    found = [(hit, romance_cue(hit.surface)) for hit in document_hits(document, ROMANCE_LEXICON)]
    own = [(hit, couple_cue(hit.surface)) for hit in document_hits(document, COUPLE_LEXICON)]
    own = [(hit, cue) for hit, cue in own if cue and not _a_meeting(document.text, hit)]
    if not own:
        return found
    found.sort(key=lambda item: item[0].start)
    starts = [hit.start for hit, _ in found]
    reach = max((hit.end - hit.start for hit, _ in found), default=0)  # the longest shared cue
    dropped: set[int] = set()
    added = []
    for hit, cue in own:
        first = bisect_left(starts, hit.start - reach)
        last = bisect_left(starts, hit.end)
        overlapping = [i for i in range(first, last) if found[i][0].end > hit.start]
        if all(_strength(found[i][1]) < cue.weight for i in overlapping):
            dropped.update(overlapping)
            added.append((hit, cue))
    kept = [item for i, item in enumerate(found) if i not in dropped] + added
    return sorted(kept, key=lambda item: item[0].start)


def _strength(cue: RomanceCue | None) -> int:
    return cue.weight if cue else 0


def _a_meeting(text: str, hit: Hit) -> bool:
    """ "got together to study", "getting together with friends", "split up with Bob to
    search the house": a meeting or a search party, not a couple."""
    if hit.surface == "together":  # GOT_TOGETHER: the verb is behind the hit
        return NOT_A_COUPLE_RE.match(text, hit.end) is not None
    if hit.surface.startswith("split"):
        return SPLIT_TO_SEARCH_RE.match(text, hit.end) is not None
    return False


def _bind(binder: Binder, hit: Hit, form: str) -> Pair | None:
    if form == "reciprocal":
        return binder.reciprocal(hit.start, hit.end)
    if form == "act":
        return binder.act(hit.start, hit.end)
    return binder.relational(hit.start, hit.end, plural=form == "plural")


def _assign_each_others_spouse(
    unnamed: dict[str, set[str]],
    binder: Binder,
    index: SentenceIndex,
    pairs: dict[Pair, PairInfo],
) -> None:
    """ "Bob came down the stairs and kissed his wife" and "Helen met her husband's eyes",
    neither spouse named: Bob has a wife and Helen a husband, so they are each other's when
    each is the only one the other can be (of the noun's sex, shown together in the text).
    Inferred, as "they had been married" is: it does not outweigh the text calling the two
    siblings."""

    # Each owner's partners shown together (by the pairs, not by every other owner: a work of
    # thousands of men each kissing "his wife" made this quadratic).
    together: dict[str, set[str]] = defaultdict(set)
    for (one, other), info in pairs.items():
        if one in unnamed and other in unnamed and info.interaction >= MIN_INTERACTION:
            together[one].add(other)
            together[other].add(one)

    def candidates(owner: str) -> set[str]:
        return {
            other
            for other in together[owner]
            if binder.genders.get(other) in unnamed[owner]
            and binder.genders.get(owner) in unnamed[other]
        }

    for owner in sorted(unnamed):
        found = candidates(owner)
        if len(found) != 1:
            continue
        other = found.pop()
        if owner < other and candidates(other) == {owner}:
            _couple_where_together(pairs, owner, other, index)


def _assign_spouse(
    document: Document,
    index: SentenceIndex,
    binder: Binder,
    pairs: dict,
    hit: Hit,
    unnamed: dict[str, set[str]] | None = None,
    partners: dict[tuple[str, str], list[tuple[str | None, int]]] | None = None,
    spouse_nouns: dict[str, list[int]] | None = None,
) -> None:
    form = spouse_form(hit.surface)
    weight = _weight(document, index, hit)
    text = binder.text  # apostrophes made straight
    if not form or not weight or _attributive(text, hit.start, hit.surface):
        return
    if form == "married" and BARE_MARRY_RE.fullmatch(hit.surface):
        # "to marry", "of marrying": a wish or a plan; only "marry me" / "is marrying" count
        pair = binder.exchange(hit.start, hit.end)
        if not (pair and TO_YOU_RE.match(text, hit.end)):
            pair = None
            if PROGRESSIVE_RE.search(text, max(0, hit.start - 12), hit.start):
                pair = binder.act(hit.start, hit.end, named_only=True)
    elif form == "married":
        pair = binder.act(hit.start, hit.end, to_you=True, named_only=True)
        if pair is None:
            pair = _they_married(document, index, binder, hit)
            if pair:
                # Inferred from "they": decisive, but not a stated marriage that outweighs
                # the text calling the two siblings (is_romantic).
                sentence = index.index_at(hit.start)
                pairs[pair].romance.append((SPOUSE_WEIGHT * weight, "couple", sentence))
            return
    else:
        pair = binder.relational(hit.start, hit.end, plural=hit.surface.endswith("s"))
        if pair is None:
            pair = binder.spouse_after_line(hit.start, hit.end)
        if pair is None and unnamed is not None:
            found = binder.unnamed_spouse(hit.start, hit.end)
            if found:
                unnamed[found[0]].add(found[1])
                if spouse_nouns is not None:
                    spouse_nouns[found[0]].append(hit.start)
        if pair is None and partners is not None:
            # "found his wife at the table. 'You said Tuesday,' Laura said": as "his brother"
            guess = binder.unnamed_partner(hit.start, hit.end)
            if guess:
                partners[(guess[0], hit.surface.lower().rstrip("s"))].append((guess[1], hit.start))
    if pair:
        strength = PARTNER_WEIGHT if WEAK_SPOUSE_RE.fullmatch(hit.surface) else SPOUSE_WEIGHT
        pairs[pair].romance.append((strength * weight, "spouse", index.index_at(hit.start)))


def _they_parted(binder: Binder, hit: Hit) -> Pair | None:
    """ "They had broken up in a parking lot ... to tell Blaine things", "we broke up":
    exes, the two "they" stands for (binder.reciprocal) or the narrator's "we"; not in a
    line, where "we" may be the speaker and anyone."""
    if binder._quote_at(hit.start) is not None:
        return None
    s = binder.index.index_at(hit.start)
    lead = binder.text[binder.index.spans[s].start : hit.start]
    subject = THEY_MARRIED_RE.search(lead) or WE_PARTED_RE.search(lead)
    if subject is None:
        return None
    if subject.group().lstrip()[:1].lower() == "w":
        return binder.we_pair(hit.start, hit.end)
    return binder.reciprocal(hit.start, hit.end)


def _kin_in_passing(binder: Binder, hit: Hit) -> bool:
    """ "since the death of Darcy's father", "from her mother's apartment", "to her and her
    father": a parent or child in a phrase of a preposition, listed beside someone, or owning
    a thing, is spoken of, not one of the scene's named people."""
    if POSSESSIVE_AFTER_RE.match(binder.text, hit.end):
        return True
    lead = binder.text[max(0, hit.start - 40) : hit.start]
    return PREPOSITION_PHRASE_RE.search(lead) is not None


def _they_married(document: Document, index: SentenceIndex, binder: Binder, hit: Hit):
    """ "They had been married for twenty years": the two of the sentence before, when this
    one names nobody (binder.reciprocal); not "they were married to other people"."""
    lead_start = index.spans[index.index_at(hit.start)].start
    if not THEY_MARRIED_RE.search(binder.text, lead_start, hit.start):
        return None
    if NOT_EACH_OTHER_RE.match(binder.text, hit.end):
        return None
    return binder.reciprocal(hit.start, hit.end)


def _they_after_exchange(binder: Binder, start: int) -> Pair | None:
    """'"Hey, Matt." "Hey, Elena." "Usual?" "Please." They had dated for two years': a
    couple's "they" right after an exchange, the sentence naming nobody else, is its two
    speakers (as "They had been rivals since the Final", binder.relational); not after a line
    said to two ("Happy anniversary, you two"), whose speaker is a third."""
    if binder._quote_at(start) is not None:
        return None
    s = binder.index.index_at(start)
    # the few words before the cue, not the whole sentence: one sentence of thousands of
    # couple cues stays linear
    lead_start = max(binder.index.spans[s].start, start - ACT_REACH_BEFORE)
    if not THEY_MARRIED_RE.search(binder.text, lead_start, start):
        return None
    found = binder._last_two_speakers(start)
    if found is None or not {p.name for p in binder._distinct(s)} <= set(found):
        return None
    i = bisect_left(binder.quote_starts, start)
    lines = binder.quotes[max(0, i - LAST_LINES) : i]
    return None if any(TO_TWO_RE.search(q.text) for q in lines) else found


def _attributive(text: str, start: int, surface: str = "") -> bool:
    """ "a married woman", "the wedded pair": a description, not a marriage between two.
    "The newlyweds, Ann and Bob": a plural noun names the two beside it."""
    if NAMES_A_COUPLE_RE.fullmatch(surface):
        return False
    before = text[max(0, start - 12) : start].lower()
    return re.search(r"\b(?:a|an|the|un)\s*$", before) is not None


def assign_couples(
    document: Document, index: SentenceIndex, binder: Binder, pairs: dict[Pair, PairInfo]
) -> None:
    """ "Mr. and Mrs. Weston": a married couple, when the story names each of them so."""
    text = binder.text
    couples = {
        found.start(): found
        for at in _occurrences(text, " and Mr")
        for back in (4, 3, 2)  # "Mrs.", "Mr." or "Mrs", "Mr"
        if at >= back and (found := COUPLE_RE.match(text, at - back))
    }
    if not couples:
        return
    by_name: dict[str, str] = {}
    for people in binder.people.values():
        for person in people:
            if not person.narrator:
                title = TITLE_BEFORE_RE.search(text, max(0, person.start - 6), person.start)
                surface = (title.group() if title else "") + text[person.start : person.end]
                by_name.setdefault(" ".join(surface.replace(".", "").split()), person.name)
    for found in couples.values():
        if document.in_note(found.start()):
            continue
        first = by_name.get(f"{found.group(1)} {found.group(3)}")
        second = by_name.get(f"{found.group(2)} {found.group(3)}")
        s = index.index_at(found.start())
        if first and second and first != second and s >= 0:
            pairs[pair_of(first, second)].romance.append((SPOUSE_WEIGHT, "spouse", s))


def assign_family_names(
    cast: Cast, names: set[str], index: SentenceIndex, pairs: dict[Pair, PairInfo]
) -> None:
    """ "Yuna Hollander" and "Shane Hollander", "Mr. Knightley" and "John Knightley": two
    people of one family name, of the same sex or one of a sex the cast does not know, are
    kin on a guess (a married couple shares the name too: never a man and a woman, nor Mr.
    and Mrs.). Only for a pair the text shows together, that sentence the evidence."""
    genders = {c.name: c.gender for c in cast.characters}
    by_family: dict[str, list[str]] = defaultdict(list)
    for name in names:
        words = name.split()
        if len(words) >= 2 and words[-1][:1].isupper() and words[-1].replace("-", "").isalpha():
            by_family[words[-1]].append(name)
    for people in by_family.values():
        for a, b in combinations(sorted(people), 2):
            sexes = {genders.get(a, "unknown"), genders.get(b, "unknown")}
            titles = {a.split()[0].rstrip("."), b.split()[0].rstrip(".")}
            if sexes == {"male", "female"} or titles == {"Mr", "Mrs"}:
                continue
            info = pairs.get((a, b))
            together = info.together(1, index) if info is not None else []
            if together:
                info.kin_guesses.append(together[0])


def assign_kin_address(
    document: Document, binder: Binder, index: SentenceIndex, pairs: dict[Pair, PairInfo]
) -> None:
    """ "Mom.", "Dad, can you drive me?", "You are not helping, brother.": the speaker and the
    kin it calls, a guess as a kin noun naming nobody is (it names the kind of a pair only
    when nothing says it is a couple: lovers call each other pet names too, in-laws
    "brother")."""
    for quote in binder.quotes:
        pair = binder.kin_address(quote)
        if pair is not None and not document.in_note(quote.start):
            pairs[pair].kin_guesses.append(index.index_at(quote.start))


def _occurrences(text: str, needle: str) -> list[int]:
    """Offsets of `needle` in `text` (str.find: far cheaper than a regex over the text)."""
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _weight(document: Document, index: SentenceIndex, hit: Hit) -> float:
    if document.in_note(hit.start):
        return 0.0
    s = index.index_at(hit.start)
    if s < 0:
        return 0.0
    span = index.spans[s]
    return factor(document.text, span.start, span.end, hit.start)


def authors_romantic_pairs(document: Document, cast: Cast, names: set[str]) -> set[Pair]:
    """The pairs the work's own header tags "A/B" (names matched to the cast)."""
    return authors_pairs(document, cast, names)[True]


def authors_pairs(document: Document, cast: Cast, names: set[str]) -> dict[bool, set[Pair]]:
    """The pairs the work's own header tags, romantic ("A/B", under True) and platonic
    ("A & B", under False; a pair tagged both ways is romantic only)."""
    tagged: dict[bool, set[Pair]] = {True: set(), False: set()}
    for tag in getattr(document.metadata, "relationships", None) or []:
        parsed = parse_relationship(tag)
        if parsed is None:
            continue
        people = [_tag_name(side, cast, names) for side in parsed.sides]
        # "A/B/C", a triad tagged as one relationship: each two of its people are a pair of
        # the tag's kind, as "A/B", "A/C" and "B/C" would say.
        if all(people) and len(set(people)) == len(people):
            for one, other in combinations(people, 2):
                tagged[parsed.romantic].add(pair_of(one, other))
    tagged[False] -= tagged[True]
    return tagged


def _tag_name(part: str, cast: Cast, names: set[str]) -> str | None:
    """The character of one name of a tag: "Crowley (Good Omens)" without its fandom, and
    each of the alternatives of "Jaskier | Dandelion" (AO3's names in two languages)."""
    bare = DISAMBIGUATION_RE.sub("", part)
    if bare.strip().casefold() in ("you", "reader"):
        bare = READER
    for alternative in [part, bare, *bare.split("|")]:
        found = _cast_name(alternative, cast, names) if alternative.strip() else None
        if found:
            return found
    return None


def _cast_name(part: str, cast: Cast, names: set[str]) -> str | None:
    """The character a tag's name stands for: its name or an alias, or a name sharing all of
    the tag's words ("Kakashi" for Hatake Kakashi)."""
    wanted = part.strip().casefold()
    words = set(re.findall(r"\w+", wanted))
    partial, within = [], []
    for character in cast.characters:
        if character.name not in names:
            continue
        surfaces = [character.name, *character.aliases]
        if any(surface.casefold() == wanted for surface in surfaces):
            return character.name
        own = set(re.findall(r"\w+", character.name.casefold()))
        if words and words <= own:
            partial.append(character.name)
        elif own and own <= words:
            within.append(character.name)  # "Bucky" in the tag James "Bucky" Barnes
    for found in (partial, within):
        if found:
            return found[0] if len(found) == 1 else None
    return None


def is_romantic(info: PairInfo) -> bool:
    kinds = {k for _, k, _ in info.romance}
    if any(w >= DECISIVE and k == "spouse" for w, k, _ in info.romance):
        return True  # a stated marriage or engagement between the two
    family = info.subtypes.get("family", 0)
    if family and "sexual" not in kinds and (family >= 3 or subtype_for(info) == "family"):
        return False  # siblings who kiss or say "I love you" are family
    decisive = _decisive_sentences(info)
    if len(decisive) >= DECISIVE_SENTENCES:
        return True  # bound to the two of them more than once: however long the story
    if info.romance_total < ROMANCE_DENSITY * info.interaction:
        return False  # a long acquaintance with one stray cue is not a romance
    if any(w >= DECISIVE and k in DECISIVE_KINDS for w, k, _ in info.romance):
        return True
    return info.romance_total >= ROMANTIC_TOTAL and len(kinds - {"partner"}) >= 2


def _decisive_sentences(info: PairInfo, spoken: bool = True) -> set[int]:
    """The sentences of the pair's decisive cues; `spoken=False`: not a confession said in a
    line ("I love you", "I love you too")."""
    said = set() if spoken else set(info.said_love)
    return {
        s
        for w, k, s in info.romance
        if w >= DECISIVE and k in DECISIVE_KINDS and not (k == "confession" and s in said)
    }


def _decisive(info: PairInfo) -> bool:
    return any(w >= DECISIVE and k in DECISIVE_KINDS for w, k, _ in info.romance)


def subtype_for(info: PairInfo) -> str:
    counts = Counter(info.subtypes)
    counts["friends"] += counts.pop("just-friends", 0) + counts.pop("childhood", 0)
    ranked = [(n, name) for name, n in counts.items() if n > 0]
    if not ranked:
        return ""
    # What the text calls them most; rivals/enemies/family outrank the catch-all "friends".
    priority = {"rivals": 3, "enemies": 3, "family": 2, "friends": 1}
    return max(ranked, key=lambda item: (item[0] * priority.get(item[1], 1), item[1]))[1]


def build(
    pair: Pair,
    info: PairInfo,
    index: SentenceIndex,
    tagged: bool = False,
    tagged_platonic: bool = False,
) -> Relationship | None:
    """The relationship of a pair; `tagged`: the work's author tags it "A/B";
    `tagged_platonic`: "A & B" (and not "A/B")."""
    shown = info.interaction >= MIN_INTERACTION or (
        (tagged or tagged_platonic) and info.interaction > 0  # the author's pair, met once
    )
    if not shown and not _decisive(info):
        return None  # a kiss bound to the two shows them together, named apart or not
    romantic = is_romantic(info)
    if romantic and not tagged and _friends_or_kin_saying_love(info):
        # "Jolene had been her friend since the orphanage" ... "Love you, girl. Go win": "I
        # love you" said between two the text calls friends (or guesses kin) is a friend's
        # (a relative's), as between two the author tags "A & B"; what the narration shows
        # (a kiss) still makes a romance.
        romantic = False
    if romantic and not tagged and _one_called_by_kin(pair):
        # `Mum: love you both` / `Priya: love you too`: whoever a story calls Mum or Dad is
        # someone's parent; their love is a family's (unless Mum and Dad are the pair).
        romantic = False
        info.subtypes["family"] += 1
        info.subtype_sentences["family"] += [s for _, _, s in info.romance]
    if info.kin_guesses and not romantic and not tagged:
        info.subtypes["family"] += len(info.kin_guesses)
        info.subtype_sentences["family"] += info.kin_guesses
    subtype = subtype_for(info)
    detail = ""
    if tagged_platonic:
        if romantic and len(_decisive_sentences(info, spoken=False)) < DECISIVE_SENTENCES:
            # "I love you" between two the author tags "A & B" is a friend's, said and
            # answered as often as friends like: only what the narration shows (kisses, sex,
            # a marriage, "she had fallen in love") in two sentences outweighs the tag.
            romantic, detail = False, "platonic as the author's tag says"
        elif romantic:
            detail = f"the text shows a romance; the author's tag says {' & '.join(pair)}"
    if tagged and not romantic:
        if info.subtypes.get("family"):
            subtype = "family"
            detail = f"the text calls them family; the author's tag says {'/'.join(pair)}"
        else:
            romantic, detail = True, "romantic as the author's tag says"
    if romantic:
        cue_sentences = sorted(info.romance, key=lambda r: (-r[0], r[2]))
        chosen = sorted({s for _, _, s in cue_sentences[:MAX_EVIDENCE]})
        if len(chosen) < 2:  # the cue first: a reader shown one sentence should see the kiss
            together = info.together(MAX_EVIDENCE - len(chosen), index)
            chosen += sorted(set(together) - set(chosen))
    elif detail and tagged:
        chosen = sorted(set(info.subtype_sentences["family"]))[:MAX_EVIDENCE]
    elif not subtype and info.unbound_kiss and not tagged_platonic:
        return None  # a kiss in their scene that may be theirs: not "just" platonic
    elif subtype or info.interaction >= MIN_PLATONIC_INTERACTION or tagged_platonic:
        # What the text calls them first (a suggestion shows the first few sentences).
        named = sorted(set(info.subtype_sentences.get(subtype, [])))
        others = sorted({s for ss in info.subtype_sentences.values() for s in ss} - set(named))
        chosen = (named + others)[:MAX_EVIDENCE]
        if len(chosen) < 2:
            together = info.shared[: MAX_EVIDENCE - len(chosen)]
            if tagged_platonic:  # as for "A/B": else their lines to each other
                together = info.together(MAX_EVIDENCE - len(chosen), index)
            chosen = sorted(set(chosen) | set(together))
    else:
        return None
    if not chosen:
        return None
    tag = "/".join(pair) if romantic else " & ".join(pair)
    return Relationship(
        tag=tag,
        kind="romantic" if romantic else "platonic",
        characters=list(pair),
        score=score_of(info, romantic),
        subtype=subtype,
        evidence=[index.evidence(s) for s in chosen],
        signals=_signals(info, index),
        detail=detail,
    )


FRIEND_SUBTYPES = ("friends", "just-friends", "childhood")
# The confessions a friend or a relative says too ("love you", "ily"). "I'm in love with
# you" said by both is a couple's own words, whatever the text called the two before
# (friends to lovers); said by one, it may be a love refused (review, fourteenth session).
FRIENDS_LOVE_RE = re.compile(r"(?:love|luv) (?:you|u|ya)|ily|ilysm")


def _friends_or_kin_saying_love(info: PairInfo) -> bool:
    """The text calls the two friends or guesses them kin ("her brother" naming nobody,
    "Mom," said to the other, one family name), and their only romance is said in their lines
    ("I love you", "love you too", "you're mine"): without those lines they are no couple."""
    if not info.said or len(info.avowed_by) >= 2:
        return False
    if not any(info.subtypes.get(name) for name in FRIEND_SUBTYPES) and not info.kin_guesses:
        return False
    unsaid = list((Counter(info.romance) - Counter(info.said)).elements())
    return not is_romantic(replace(info, romance=unsaid))


def _one_called_by_kin(pair: Pair) -> bool:
    kin = [name.casefold() in KIN_NAMES for name in pair]
    return any(kin) and not all(kin)


def score_of(info: PairInfo, romantic: bool) -> float:
    """How strongly the text shows the pair: interaction and what the text calls them; for a
    romantic pair, romance and exchanges together, so the main pairing is the couple the
    story both shows in love and shows talking."""
    base = math.log1p(info.interaction) + 0.5 * sum(info.subtypes.values())
    if not romantic:
        return base
    return base + 0.5 * _romance_shown(info) * (1 + math.log1p(info.exchanges)) / 2


def _romance_shown(info: PairInfo) -> float:
    """Romance cue strength, the strongest cue per sentence; being married is a state, said
    of a background couple as often as of the main one, so it counts for two sentences at
    most."""
    best: dict[int, tuple[float, str]] = {}
    for weight, kind, s in info.romance:
        if weight > best.get(s, (0.0, ""))[0]:
            best[s] = (weight, kind)
    spouse = sorted((w for w, k in best.values() if k == "spouse"), reverse=True)
    return sum(w for w, k in best.values() if k != "spouse") + sum(spouse[:2])


def _signals(info: PairInfo, index: SentenceIndex) -> dict[str, list[Evidence]]:
    signals: dict[str, list[Evidence]] = defaultdict(list)
    for weight, kind, s in sorted(info.romance, key=lambda r: r[2]):
        if weight >= 1:
            signals[kind].append(index.evidence(s))
    for subtype, sentences in info.subtype_sentences.items():
        signals[subtype].extend(index.evidence(s) for s in sorted(set(sentences)))
    return dict(signals)
