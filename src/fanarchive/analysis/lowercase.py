"""Works written all in lower case ("lowercase intended"): read with the capitals English
would give them, so that the cast finds its names and the speech tags are read, while all the
analysis shows still quotes the author's own text.

A work is in lower case when its sentences open with a small letter far more often than with
a capital (`LOWERCASE_SHARE`), which ordinary prose never does. Its reading restores, without
moving any offset: the capital opening each sentence, the pronoun `I` (`i'm`, `i'll`), and
the names, found as a name behaves in lower-case prose:

- the subject or object of a speech tag against a quotation (`"out" cas said`, `said dean`),
  unless the word is a pronoun, a determiner or a word English uses everywhere (`will`);
- a given name (gender-guesser's list) not among English's commonest words, said twice;
- a word English hardly ever writes (`bakugo`, `castiel`), said twice, once as the subject
  of a verb (`bakugo scoffed`) or of a speech verb anywhere (`which kel says`);
- a word not among English's commonest, opening two sentences as their subject (`sunny
  nods.`, `sunny is sitting by the door.`) and called by in a quotation (`"okay, sunny?"`).

A name is capitalised in its possessive too (`basil's whole face`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import islice

from fanarchive.analysis.characters.names import given_names, zipf
from fanarchive.analysis.document import Document
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Analysis, Evidence
from fanarchive.analysis.speakers.lexicon import SPEECH_VERBS
from fanarchive.analysis.text import trie_pattern

LOWERCASE_SHARE = 0.3  # at most this share of sentence openings capitalised
MIN_OPENINGS = 8  # sentence openings needed to judge the style
SAMPLED_OPENINGS = 400
# A given name this frequent in wordfreq is an everyday word too (`will`, `may`, `mark`).
GIVEN_NAME_ZIPF = 4.8
TAGGED_NAME_ZIPF = 5.9
RARE_WORD_ZIPF = 3.0

_OPENING_RE = re.compile(r"(?:^|[.!?…][\"'”’)]*\s+|\n\s*)[\"'“‘(*_]*([^\W\d_])", re.MULTILINE)
_WORD_RE = LazyPattern(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z]|(?<![\w'’-])i(?![\w-])")
_SPEECH = trie_pattern(SPEECH_VERBS)
_CLOSING = r"[\"”’'»]"
# (compiled at first use: only a work written in lower case reads it)
_TAGGED_RE = LazyPattern(
    rf"{_CLOSING},?[ \t]+(?:([a-z][a-z'’-]+)[ \t]+(?:{_SPEECH})\b|(?:{_SPEECH})[ \t]+([a-z][a-z'’-]+)\b)"
)
_SUBJECT_RE = LazyPattern(r"(?:^|[.!?…][\"'”’]*\s+|\n\s*)([a-z][a-z'’-]+) [a-z]+(?:ed|s)\b")
_SAYS_RE = LazyPattern(rf"(?<![\w'’-])([a-z][a-z'’-]+)[ \t]+(?:{_SPEECH})\b")
_CALLED_RE = LazyPattern(r", ([a-z][a-z'’-]+)[?!.]*[\"”’'»]")
_POSSESSIVE_RE = LazyPattern(r"['’]s$")
_I_FORMS = LazyPattern(r"(?<![\w'’-])i(?=(?:['’](?:m|ll|d|ve))?(?![\w-]))")
NOT_NAMES = frozenset(
    (
        *("he", "she", "they", "it", "i", "you", "we", "who", "one", "then", "and", "but"),
        *("someone", "somebody", "everyone", "everybody", "nobody", "noone", "so"),
        *("this", "that", "the", "a", "an", "his", "her", "their", "my", "your", "our", "its"),
        *("him", "me", "us", "them", "nothing", "again", "back", "too"),
    )
)


def in_lower_case(text: str) -> bool:
    """Most sentences open with a small letter."""
    # The style holds throughout a work: its first openings are enough (and cheap).
    openings = [match.group(1) for match in islice(_OPENING_RE.finditer(text), SAMPLED_OPENINGS)]
    if len(openings) < MIN_OPENINGS:
        return False
    capitals = sum(1 for letter in openings if letter.isupper())
    return capitals <= LOWERCASE_SHARE * len(openings)


def with_capitals(document: Document) -> Document:
    """The document itself, or a copy whose text has its capitals restored (same offsets)
    when the work is written in lower case."""
    if not in_lower_case(document.text):
        return document
    return replace(document, text=restore_capitals(document.text))


def restore_capitals(text: str) -> str:
    letters = list(text)
    for match in _OPENING_RE.finditer(text):
        letters[match.start(1)] = letters[match.start(1)].upper()
    for match in _I_FORMS.finditer(text):
        letters[match.start()] = "I"
    names = lowercase_names(text)
    if names:
        named = re.compile(rf"(?<![\w'’-])(?:{trie_pattern(names)})(?=['’]s\b|(?![\w'’-]))")
        for match in named.finditer(text):
            letters[match.start()] = letters[match.start()].upper()
    return "".join(letters)


def lowercase_names(text: str) -> set[str]:
    """The words of a lower-case text that name someone (see the module's docstring)."""
    counts = Counter(_POSSESSIVE_RE.sub("", word) for word in _WORD_RE.findall(text))
    tagged = {word for match in _TAGGED_RE.finditer(text) for word in match.groups() if word}
    subjects = Counter(match.group(1) for match in _SUBJECT_RE.finditer(text))
    rare_subjects = set(subjects) | {match.group(1) for match in _SAYS_RE.finditer(text)}
    called = {match.group(1) for match in _CALLED_RE.finditer(text)}
    names = set()
    for word, count in counts.items():
        if word in NOT_NAMES or len(word) < 2 or word.endswith("ly"):
            continue  # (`"out," said softly`: a manner, not a name)
        frequency = zipf(word)
        if (
            (word in tagged and frequency < TAGGED_NAME_ZIPF)
            or (count >= 2 and word in given_names() and frequency < GIVEN_NAME_ZIPF)
            or (count >= 2 and word in rare_subjects and frequency < RARE_WORD_ZIPF)
            or (subjects[word] >= 2 and word in called and frequency < GIVEN_NAME_ZIPF)
        ):
            names.add(word)
    return names


def quote_the_author(original: str, read: str, analysis: Analysis) -> None:
    """Every quotation and piece of evidence read from the capitalised copy `read` quotes
    the author's `original` text again (the offsets are the same)."""

    def as_written(found: Evidence) -> Evidence:
        if read[found.start : found.end] != found.text:
            return found  # clipped or rewritten: nothing to restore letter for letter
        return Evidence(found.start, found.end, original[found.start : found.end])

    for quote in analysis.quotes:
        if read[quote.start : quote.end] == quote.text:
            quote.text = original[quote.start : quote.end]
    for finding in (*analysis.relationships, *analysis.warnings, *analysis.tags):
        finding.evidence = [as_written(e) for e in finding.evidence]
    for relationship in analysis.relationships:
        relationship.signals = {
            kind: [as_written(e) for e in found] for kind, found in relationship.signals.items()
        }
