"""Pairs of characters in a relationship, romantic (A/B) or platonic (A & B), with evidence.

1. Interaction volume per pair: a line spoken to someone (speaker -> addressee), adjacent
   turns between two speakers, and sharing a paragraph.
2. Cues (relationships.cues) are given to the pair they are about: inside a quote, its
   speaker and addressee (or the other side of the exchange); otherwise the characters
   named in the sentence, widened to its neighbours when fewer than two are named.
   Negated or hypothetical cues ("he didn't kiss him") count for nothing or half.
3. A pair is romantic with a decisive cue (a kiss, a confession, "you're mine") or enough
   lesser ones; its subtype is what the text calls them (rivals, friends, family, enemies).
4. Score = interaction volume + cue strength; the main pairing comes first. A pair without
   evidence sentences is never reported.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Evidence, Quote, Relationship
from fanarchive.analysis.relationships.cues import (
    ROMANCE_LEXICON,
    SUBTYPE_LEXICON,
    romance_cue,
    subtype_of,
)
from fanarchive.analysis.sentences import SentenceIndex, sentence_index
from fanarchive.analysis.warnings.context import factor
from fanarchive.analysis.warnings.scanner import Hit, document_hits

DECISIVE = 3.0  # a cue this strong (stated, not hypothetical) makes a pair romantic
ROMANTIC_TOTAL = 5.0  # ... or this much romance from two or more kinds of cue
DECISIVE_KINDS = {"kiss", "confession", "possessive", "sexual"}
ROMANCE_DENSITY = 0.1  # romance cue strength per unit of interaction a romantic pair needs
MIN_INTERACTION = 0.5  # the two share at least a sentence, a paragraph or an exchange
MAX_RELATIONSHIPS = 6
MAX_EVIDENCE = 5
MIN_PLATONIC_INTERACTION = 3.0
LOOKBACK = 5  # sentences searched back for the people a cue's pronouns refer to

Pair = tuple[str, str]
NARRATOR_PRONOUNS = {
    "first": re.compile(r"\b(?:I|me|my|myself)\b"),
    "second": re.compile(r"\b(?:you|your|yourself)\b", re.IGNORECASE),
}
_CACHE_ATTR = "_fanarchive_relationships"  # the content warnings reuse the pairs


@dataclass
class PairInfo:
    interaction: float = 0.0
    romance: list[tuple[float, str, int]] = field(default_factory=list)  # weight, kind, sentence
    subtypes: Counter = field(default_factory=Counter)
    subtype_sentences: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    shared: list[int] = field(default_factory=list)  # sentences naming both

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
    narrator = narrator_of(cast)
    if narrator:
        names.add(narrator[0])
    if len(names) < 2 or not document.text.strip():
        return []
    index = sentence_index(document)
    named = names_by_sentence(document, index, cast, names, narrator)
    pairs: dict[Pair, PairInfo] = defaultdict(PairInfo)
    count_interactions(document, index, quotes, named, names, pairs)
    quote_of = QuoteLocator(quotes, names)
    assign_cues(document, index, named, quote_of, pairs)
    relationships = [r for pair, info in pairs.items() if (r := build(pair, info, index))]
    relationships.sort(key=lambda r: (-r.score, r.tag))
    return relationships[:MAX_RELATIONSHIPS]


def pair_of(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def narrator_of(cast: Cast) -> tuple[str, re.Pattern[str]] | None:
    """A named first- or second-person narrator and the pronouns that stand for them."""
    narrator = getattr(cast, "narrator", None)
    pronouns = NARRATOR_PRONOUNS.get(getattr(cast, "narration", "third"))
    if narrator is None or pronouns is None:
        return None
    return narrator.name, pronouns


def names_by_sentence(
    document: Document,
    index: SentenceIndex,
    cast: Cast,
    names: set[str],
    narrator: tuple[str, re.Pattern[str]] | None = None,
) -> dict[int, list[str]]:
    """The characters named in each story sentence, in order of mention; a first- or
    second-person narrator counts where "I"/"you" appears beside a named character."""
    named: dict[int, list[str]] = defaultdict(list)
    for mention in cast.mentions:
        if mention.character in names and not document.in_note(mention.start):
            s = index.index_at(mention.start)
            if s >= 0 and mention.character not in named[s]:
                named[s].append(mention.character)
    if narrator:
        name, pronouns = narrator
        for s, people in named.items():
            if name not in people and pronouns.search(index.sentence(s)):
                people.insert(0, name)
    return named


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
            pairs[pair_of(speaker, quote.addressee)].interaction += 1.0
        if (
            speaker
            and previous is not None
            and previous.speaker in names
            and previous.speaker != speaker
            and abs(quote.paragraph - previous.paragraph) <= 1
        ):
            pairs[pair_of(speaker, previous.speaker)].interaction += 0.5
        previous = quote
    for s, people in named.items():
        for a, b in combinations(sorted(set(people)), 2):
            info = pairs[(a, b)]
            info.interaction += 0.25
            info.shared.append(s)
    by_paragraph: dict[int, set[str]] = defaultdict(set)
    paragraph_starts = [p.start for p in document.paragraphs]
    for s, people in named.items():
        paragraph = bisect_left(paragraph_starts, index.spans[s].start + 1) - 1
        by_paragraph[paragraph].update(people)
    for people in by_paragraph.values():
        for pair in combinations(sorted(people), 2):
            pairs[pair].interaction += 0.25


class QuoteLocator:
    """Which quote (if any) covers an offset, and who is talking to whom there."""

    def __init__(self, quotes: list[Quote], names: set[str]):
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]
        self.names = names

    def participants(self, offset: int) -> Pair | None:
        i = bisect_left(self.starts, offset + 1) - 1
        if i < 0 or not (self.quotes[i].start <= offset < self.quotes[i].end):
            return None
        quote = self.quotes[i]
        speaker = quote.speaker if quote.speaker in self.names else None
        if speaker is None:
            return None
        other = quote.addressee if quote.addressee in self.names else None
        # The other side of the exchange: the nearest different speaker around this line.
        for j in (i - 1, i + 1, i - 2, i + 2):
            if other:
                break
            if 0 <= j < len(self.quotes):
                candidate = self.quotes[j].speaker
                if candidate in self.names and candidate != speaker:
                    other = candidate
        return pair_of(speaker, other) if other and other != speaker else None


def assign_cues(
    document: Document,
    index: SentenceIndex,
    named: dict[int, list[str]],
    quote_of: QuoteLocator,
    pairs: dict[Pair, PairInfo],
) -> None:
    romance_spans = []
    for hit in document_hits(document, ROMANCE_LEXICON):
        cue = romance_cue(hit.surface)
        weight = _weight(document, index, hit) if cue else 0.0
        if not weight:
            continue
        romance_spans.append((hit.start, hit.end))
        pair = target_pair(index, named, quote_of, pairs, hit)
        if pair:
            pairs[pair].romance.append((cue.weight * weight, cue.kind, index.index_at(hit.start)))
    romance_starts = [a for a, _ in romance_spans]
    for hit in document_hits(document, SUBTYPE_LEXICON):
        i = bisect_left(romance_starts, hit.start + 1) - 1
        if i >= 0 and hit.start < romance_spans[i][1]:
            continue  # "more than just a friend" is a confession, not "just a friend"
        subtype = subtype_of(hit.surface)
        if not subtype or not _weight(document, index, hit):
            continue
        pair = target_pair(index, named, quote_of, pairs, hit)
        if pair:
            pairs[pair].subtypes[subtype] += 1
            pairs[pair].subtype_sentences[subtype].append(index.index_at(hit.start))


def _weight(document: Document, index: SentenceIndex, hit: Hit) -> float:
    if document.in_note(hit.start):
        return 0.0
    s = index.index_at(hit.start)
    if s < 0:
        return 0.0
    span = index.spans[s]
    return factor(document.text, span.start, span.end, hit.start)


def target_pair(
    index: SentenceIndex,
    named: dict[int, list[str]],
    quote_of: QuoteLocator,
    pairs: dict[Pair, PairInfo],
    hit: Hit,
) -> Pair | None:
    """The pair a cue is about: the two sides of the exchange inside a quote, else the
    characters named in its sentence (or nearby), preferring the pair that interacts most."""
    in_quote = quote_of.participants(hit.start)
    if in_quote:
        return in_quote
    s = index.index_at(hit.start)
    people = list(named.get(s, []))
    # "He leaned over and kissed Gai": a pronoun most likely means the last other
    # character named before, so look back a few sentences, then one ahead.
    for t in [*range(s - 1, s - LOOKBACK - 1, -1), s + 1]:
        if len(people) >= 2:
            break
        for person in reversed(named.get(t, [])):
            if person not in people and len(people) < 2:
                people.append(person)
    if len(people) < 2:
        return None
    candidates = [pair_of(a, b) for a, b in combinations(people, 2)]
    return max(candidates, key=lambda p: pairs[p].interaction if p in pairs else 0.0)


def is_romantic(info: PairInfo) -> bool:
    kinds = {k for _, k, _ in info.romance}
    family = info.subtypes.get("family", 0)
    if family and "sexual" not in kinds and (family >= 3 or subtype_for(info) == "family"):
        return False  # siblings who kiss or say "I love you" are family
    if info.romance_total < ROMANCE_DENSITY * info.interaction:
        return False  # a long acquaintance with one stray cue is not a romance
    if any(w >= DECISIVE and k in DECISIVE_KINDS for w, k, _ in info.romance):
        return True
    return info.romance_total >= ROMANTIC_TOTAL and len(kinds - {"partner"}) >= 2


def subtype_for(info: PairInfo) -> str:
    counts = Counter(info.subtypes)
    counts["friends"] += counts.pop("just-friends", 0) + counts.pop("childhood", 0)
    ranked = [(n, name) for name, n in counts.items() if n > 0]
    if not ranked:
        return ""
    # What the text calls them most; rivals/enemies/family outrank the catch-all "friends".
    priority = {"rivals": 3, "enemies": 3, "family": 2, "friends": 1}
    return max(ranked, key=lambda item: (item[0] * priority.get(item[1], 1), item[1]))[1]


def build(pair: Pair, info: PairInfo, index: SentenceIndex) -> Relationship | None:
    if info.interaction < MIN_INTERACTION:
        return None
    romantic = is_romantic(info)
    subtype = subtype_for(info)
    signals = _signals(info, index)
    if romantic:
        cue_sentences = sorted(info.romance, key=lambda r: (-r[0], r[2]))
        chosen = sorted({s for _, _, s in cue_sentences[:MAX_EVIDENCE]})
    elif subtype or info.interaction >= MIN_PLATONIC_INTERACTION:
        chosen = sorted({s for ss in info.subtype_sentences.values() for s in ss})[:MAX_EVIDENCE]
        if len(chosen) < 2:
            chosen = sorted(set(chosen) | set(info.shared[: MAX_EVIDENCE - len(chosen)]))
    else:
        return None
    if not chosen:
        return None
    score = (
        math.log1p(info.interaction) + 0.5 * info.romance_total + 0.5 * sum(info.subtypes.values())
    )
    tag = "/".join(pair) if romantic else " & ".join(pair)
    return Relationship(
        tag=tag,
        kind="romantic" if romantic else "platonic",
        characters=list(pair),
        score=score,
        subtype=subtype,
        evidence=[index.evidence(s) for s in chosen],
        signals=signals,
    )


def _signals(info: PairInfo, index: SentenceIndex) -> dict[str, list[Evidence]]:
    signals: dict[str, list[Evidence]] = defaultdict(list)
    for weight, kind, s in sorted(info.romance, key=lambda r: r[2]):
        if weight >= 1:
            signals[kind].append(index.evidence(s))
    for subtype, sentences in info.subtype_sentences.items():
        signals[subtype].extend(index.evidence(s) for s in sorted(set(sentences)))
    return dict(signals)
