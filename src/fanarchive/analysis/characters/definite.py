"""Characters known only by a description: `the Caterpillar`, `the Mock Turtle`, `the General`,
`the mariner`, `the old man`, `my aunt`.

A capitalised noun phrase after `the`, with no name of its own, is a character when it speaks
(`said the Hatter`, `the Queen shouted`) at least twice, wherever it stands. A lower-case one
is a character as soon as it is the subject of a speech tag touching a quotation (`said the
croupier`, `"Hello there," the man called`, `asked my aunt`), even once and even when its head
is a word any person could be (`the man`, `the girl`): a speaker the story never names is
still someone, who takes turns and is `he` or `she` afterwards. Words that only point
(`the other`, `the first`, `the latter`) and plurals stay out. Phrases that share their head
noun (`the Rabbit`, `the White Rabbit`) are one character, named by the longest; a description
any person could be is found again only as the same phrase (`the old man`, not `the young
man`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from fanarchive.analysis.characters.context import following_pronoun
from fanarchive.analysis.characters.lexicon import (
    GENERIC_PERSON_NOUNS,
    NOT_NAMES,
    PLACE_WORDS,
    SPEECH_VERBS,
    TITLES,
    title_key,
)
from fanarchive.analysis.characters.scan import Run, Scan, Token
from fanarchive.analysis.prefilter import finditer_at
from fanarchive.analysis.text import trie_pattern

MIN_SPEECHES = 2
MIN_MENTIONS = 2  # a description that speaks once is someone when named this often
_VERBS = trie_pattern(SPEECH_VERBS)  # one branch per letter: this regex runs on every word
_PHRASE = r"[a-z][a-z\-]+(?: [a-z][a-z\-]+){0,2}"
# What may follow `said the old man` before the sentence goes on: punctuation, an adverb, or
# a preposition or conjunction (`said the old man in a low voice`).
_PHRASE_END = (
    r"(?=[,.;:!?—]| [a-z]+ly\b| (?:in|with|as|at|to|and|from|who|after|again|while|without"
    r"|over|under|through|for|on|of|when|but|then|between|into|across|behind)\b)"
)
# `"...," said the mariner.` / `"...," the big navvy cried`: a lower-case description as the
# subject of a speech tag touching a quotation. (`[Tt]` before its look-behind: a letter
# test fails faster than a look-behind at most of the text's characters.)
TAGGED_RE = re.compile(
    rf"\b(?:{_VERBS}) the ({_PHRASE}){_PHRASE_END}|[Tt](?<![\w-].)he ({_PHRASE}) (?:{_VERBS})\b"
)
# Where TAGGED_RE may match, found by patterns opening on a literal, which `re` skips to
# (TAGGED_RE opens on `\b` and is tried at every character: 50 ms of a 100,000-word work).
# ` the` after a speech verb (a look-behind for each length of verb: each must be of one
# width), the verb's start found from there; `he ` of `the` before up to three words and a
# verb. Only the literal is consumed, so no candidate hides inside another's match.
_VERB_LENGTHS = sorted({len(verb) for verb in SPEECH_VERBS})
_VERB_BEFORE_THE_RE = re.compile(
    " the(?= )(?:"
    + "|".join(
        rf"(?<=\b(?:{trie_pattern(v for v in SPEECH_VERBS if len(v) == n)}) the)"
        for n in _VERB_LENGTHS
    )
    + ")"
)
_THE_BEFORE_VERB_RE = re.compile(rf"he (?=(?:[a-z][a-z\-]+ ){{1,3}}(?:{_VERBS})\b)")
# Words that point at someone without describing them: never part of a speaking description.
POINTING_WORDS = frozenset(
    {
        *("other", "others", "latter", "former", "one", "same", "first", "second", "last"),
        *("rest", "whole", "two", "three", "people", "children", "men", "women", "thing"),
        *("voice", "figure"),
    }
)
# `a man started up from among the graves`: how far before a description speaks the story
# may bring the one described in as someone new (in characters),
INTRODUCTION_REACH = 3000
# and how far after that introduction the description still means that newcomer (in a novel,
# `the young man` three chapters on is more often someone the story has named).
NEWCOMER_REACH = 12000
# `\b(?:[Aa]n?|[Oo]ne|[Ss]ome) ...`, each word opening on its letter behind a look-behind that
# asks what `\b` asked, so that `re` skips ahead to those letters (as every `\b[Tt]he` below).
_INTRODUCTION = (
    r"(?:A(?<!\w.)n?|a(?<!\w.)n?|O(?<!\w.)ne|o(?<!\w.)ne|S(?<!\w.)ome|s(?<!\w.)ome)"
    r" (?:[a-z\-]+,? ){{0,3}}{head}\b"
)
# How far (in characters) a tag may stand from the quotation it belongs to.
TAG_REACH = 4
_WORD_CHAR_RE = re.compile(r"\w")


@dataclass
class Description:
    words: tuple[str, ...]
    spans: list[tuple[int, int]] = field(default_factory=list)
    speeches: int = 0
    # The gender the pronouns right after its speech tags give (`said the stranger, and he
    # held his hands to the flames`), for a head noun that gives none.
    gender: str = "unknown"

    @property
    def name(self) -> str:
        return "The " + " ".join(w if w[:1].isupper() else w.title() for w in self.words)


def _phrase(run: Run, text: str) -> tuple[int, list[Token]] | None:
    tokens = run.tokens
    if tokens[0].base == "The" and len(tokens) > 1:
        return tokens[0].start, tokens[1:]
    before = text[max(0, tokens[0].start - 5) : tokens[0].start]
    if before.endswith(("the ", "the\n")) and not before[-5:-4].isalpha():
        return tokens[0].start - 4, tokens
    return None


def _describes(tokens: list[Token], terms: frozenset[str]) -> bool:
    return (
        all(
            not t.particle and t.base not in terms and (t.title or t.base.lower() not in NOT_NAMES)
            for t in tokens
        )
        and tokens[-1].base.lower() not in PLACE_WORDS
    )


def _speaks(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    return bool(
        (before and before[-1].strip(",;").lower() in SPEECH_VERBS)
        or (after and after[0].strip(",.;!?").lower() in SPEECH_VERBS)
    )


def find_descriptions(
    scan: Scan, claimed: dict[int, set[int]], terms: frozenset[str]
) -> list[Description]:
    found: dict[tuple[str, ...], Description] = {}
    for index, run in enumerate(scan.runs):
        if claimed.get(index) or run.in_quote:
            continue
        phrase = _phrase(run, scan.text)
        if phrase is None or not _describes(phrase[1], terms):
            continue
        start, tokens = phrase
        words = tuple(t.base for t in tokens)
        description = found.setdefault(words, Description(words))
        description.spans.append((start, tokens[-1].end))
        description.speeches += _speaks(scan.text, start, tokens[-1].end)
    speakers = [d for d in found.values() if d.speeches > 0]
    return [
        d
        for d in _merge_heads(speakers)
        if d.speeches >= MIN_SPEECHES or _titled_mid_sentence(d, scan)
    ]


def _titled_mid_sentence(description: Description, scan: Scan) -> bool:
    """`"Run," said the Doctor.` and `the Doctor grinned`: a title the story capitalises
    where no sentence starts (`the Doctor`, `the Captain`, not `The doctor`) names someone,
    even speaking once, when it recurs: in the narration, or called by it in a line
    (`"Doctor?"`, `"Yes, Captain."`: the one the narration calls `the Doctor` answers to it)."""
    mid = [s for s, _ in description.spans if scan.text[s] == "t"]
    if len(description.words) != 1 or title_key(description.words[0]) not in TITLES or not mid:
        return False
    return len(description.spans) + _title_calls(description.words[0], scan) >= MIN_MENTIONS


def _title_calls(title: str, scan: Scan) -> int:
    """How often a line calls someone by the bare title: at a line's start or after a comma,
    followed by a comma, `?`, `!` or a full stop (`"Doctor?"`, `"Not now, Captain."`)."""
    # `\b` + the title, opening on its first letter where that is a word character
    first = re.escape(title[0])
    opening = rf"{first}(?<!\w.)" if _WORD_CHAR_RE.match(title) else rf"\b{first}"
    pattern = re.compile(rf"{opening}{re.escape(title[1:])}(?=[,?!.])")
    return sum(
        1
        for match in pattern.finditer(scan.text)
        if scan.in_quote(match.start()) and _opens_or_follows_comma(scan.text, match.start())
    )


def _opens_or_follows_comma(text: str, start: int) -> bool:
    before = text[max(0, start - 2) : start]
    return before.endswith((", ", ",\n")) or before[-1:] in ('"', "“", "‘", "'", "—")


def find_tagged_descriptions(scan: Scan) -> list[Description]:
    """Lower-case descriptions that speak (`said the croupier`, `"Hello there," the man
    called`), with every place the story names them outside quotations: a description any
    person could be (`the man`, `the old lady`) when the story brought someone new in just
    before (`a man started up`), even if it speaks once, and only near that introduction;
    any other (`the croupier`) when it speaks at least twice, or once, as `the man` does,
    when the pronoun after its tag gives a gender."""
    found: dict[tuple[str, ...], Description] = {}
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for match in finditer_at(TAGGED_RE, scan.text, _tag_starts(scan.text)):
        words = tuple((match.group(1) or match.group(2)).split())
        if _describes_someone(words) and _touches_quote(scan, match.start(), match.end()):
            description = found.setdefault(words, Description(words))
            description.speeches += 1
            votes.setdefault(words, Counter())[following_pronoun(scan.text, match.end())] += 1
    for words, description in found.items():
        description.gender = _tagged_gender(votes[words])
    generic = [d for d in found.values() if _generic(d.words)]
    specific = _merge_heads([d for d in found.values() if not _generic(d.words)])
    speakers = [d for d in specific if d.speeches >= MIN_SPEECHES]
    # `"How did it happen?" asked the corporal, and he ...` once, after `a corporal` came in:
    # someone new, as `the man` is; only when the pronoun after the tag gives a gender (a
    # role heard once with none is as often a named person's epithet)
    once = [d for d in specific if d.speeches < MIN_SPEECHES and d.gender != "unknown"]
    generic += once
    for description in speakers + generic:
        description.spans = [
            (m.start(), m.end())
            for m in _mention_pattern(description).finditer(scan.text)
            if not scan.in_quote(m.start())
        ]
    for description in generic:
        _keep_near_introduction(description, scan)
    # Imported here: unnamed.py builds on this module's descriptions.
    from fanarchive.analysis.characters.unnamed import find_acting_descriptions

    kept = [d for d in speakers + generic if d.spans]
    return kept + find_acting_descriptions(scan, {d.words for d in kept})


def _tag_starts(text: str) -> list[int]:
    """Every offset TAGGED_RE may match at (a few more), ascending: a speech verb before
    ` the` (its letters before the look-behinds' `\\b`), the `t` of a `the` before a verb."""
    starts = [
        m.start() - 1 for m in _THE_BEFORE_VERB_RE.finditer(text, 1) if text[m.start() - 1] in "Tt"
    ]
    for match in _VERB_BEFORE_THE_RE.finditer(text):
        start = match.start()
        while start > 0 and "a" <= text[start - 1] <= "z":
            start -= 1
        starts.append(start)
    return sorted(starts)


def _tagged_gender(votes: Counter[str]) -> str:
    """The gender every pronoun after the description's tags agrees on (one is enough: the
    `he` after `said the stranger,` is most often the stranger; see `following_pronoun`)."""
    votes = Counter({g: n for g, n in votes.items() if g})
    return next(iter(votes)) if len(votes) == 1 else "unknown"


def _describes_someone(words: tuple[str, ...]) -> bool:
    """`old man`, `croupier`: not `other`, `two`, `men`, `man quietly`."""
    head = words[-1]
    plural = head.endswith("s") and not head.endswith("ss")
    return not (plural or head.endswith("ly") or any(w in POINTING_WORDS for w in words))


def _generic(words: tuple[str, ...]) -> bool:
    return any(w in GENERIC_PERSON_NOUNS for w in words)


def _mention_pattern(description: Description) -> re.Pattern:
    """Where the story names the description again: the same phrase when it is a description
    any person could be (`the old man`, not `the young man`), else any phrase of up to three
    words with its head (`the big navvy`, `the navvy`)."""
    if _generic(description.words):
        return re.compile(rf"[Tt](?<!\w.)he {re.escape(' '.join(description.words))}\b")
    head = re.escape(description.words[-1])
    return re.compile(rf"[Tt](?<!\w.)he (?:(?!the\b)[a-z\-]+ ){{0,2}}{head}\b")


def _keep_near_introduction(description: Description, scan: Scan) -> None:
    """Keep the mentions of a description any person could be that follow the story's
    bringing someone new in (`a white man and a heavily packed burro`); none when it never
    does (then `the old lady` is someone the story names, left to the speaker rules)."""
    start = _introduction(description, scan)
    description.spans = (
        []
        if start is None
        else [(s, e) for s, e in description.spans if start <= s <= start + NEWCOMER_REACH]
    )


def _introduction(description: Description, scan: Scan) -> int | None:
    """Where `a man` / `an old woman` first comes in, in the narration (`"a different, less
    handsome bard"` in a line brings no one in), shortly before `the man` is mentioned."""
    text, generic = scan.text, _generic(description.words)
    pattern = re.compile(_INTRODUCTION.format(head=re.escape(description.words[-1])))
    for start, _ in description.spans:
        found = [
            m.start()
            for m in pattern.finditer(text, max(0, start - INTRODUCTION_REACH), start)
            if generic or not scan.in_quote(m.start())
        ]
        if found:
            return found[-1]
    return None


def _touches_quote(scan: Scan, start: int, end: int) -> bool:
    """Whether text[start:end] sits right after a quotation's end or right before one's start."""
    if scan.in_quote(start):
        return False
    i = bisect_right(scan.quote_ends, start) - 1
    if i >= 0 and start - scan.quote_ends[i] <= TAG_REACH:
        return True
    j = bisect_left(scan.quote_starts, end)
    return j < len(scan.quote_starts) and scan.quote_starts[j] - end <= TAG_REACH


def _merge_heads(speakers: list[Description]) -> list[Description]:
    """`the Rabbit` joins `the White Rabbit` when that is the only phrase with its head."""
    by_head: dict[str, list[Description]] = {}
    for description in speakers:
        by_head.setdefault(description.words[-1], []).append(description)
    merged = []
    for group in by_head.values():
        longest = [d for d in group if len(d.words) > 1]
        if len(longest) == 1 and len(group) > 1:
            head = longest[0]
            for other in group:
                if other is not head:
                    head.spans += other.spans
                    head.speeches += other.speeches
            head.spans.sort()
            merged.append(head)
        else:
            merged += group
    return merged


def surfaces(description: Description, text: str) -> Counter[str]:
    return Counter(" ".join(text[s:e].split()) for s, e in description.spans)
