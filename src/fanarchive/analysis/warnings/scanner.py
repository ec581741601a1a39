"""Scan a text for many regex cue fragments in one pass over its words.

A single alternation of a few hundred fragments is slow in Python's `re` (every word
boundary tries every branch). Instead each fragment's first word is compiled into a
trigger regex; one pass over the words asks (with a per-word cache) whether a cue can start
there, and only then the anchored alternation is tried at that position.
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise, repeat
from operator import itemgetter
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.tablecache import cache_key, cached
from fanarchive.analysis.text import trie_pattern

WORD_START_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_TRIGGER_CACHE_LIMIT = 200_000
_UNSEEN = object()  # a word not looked up yet (None caches "starts no cue")


def flexible_spaces(pattern: str) -> str:
    """Let a space in a fragment match any run of whitespace (line breaks in paragraphs);
    lookbehinds keep theirs (they must keep a fixed width)."""
    out, in_class, escaped, behind_depth = [], False, False, 0
    for i, ch in enumerate(pattern):
        if behind_depth:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == "(":
                behind_depth += 1
            elif ch == ")":
                behind_depth -= 1
            continue
        if not escaped and not in_class and pattern.startswith(("(?<!", "(?<="), i):
            behind_depth = 1
            out.append(ch)
            continue
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(r"\s+" if ch == " " and not in_class else ch)
    return "".join(out)


def _tokens(pattern: str):
    """(position, token, depth, in a class) for each character of a regex, an escape being one
    token; depth is the group nesting the token stands at (a group's own brackets outside)."""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        token = pattern[i : i + 2] if pattern[i] == "\\" else pattern[i]
        if not in_class and token == ")":
            depth -= 1
        yield i, token, depth, in_class
        if in_class:
            in_class = token != "]"
        elif token == "[":
            in_class = True
        elif token == "(":
            depth += 1
        i += len(token)


def split_top_level(pattern: str, separator: str) -> list[str]:
    """Split a regex on `separator` characters outside groups and character classes."""
    cuts = [
        i
        for i, token, depth, in_class in _tokens(pattern)
        if token == separator and depth == 0 and not in_class
    ]
    bounds = [-1, *cuts, len(pattern)]
    return [pattern[start + 1 : end] for start, end in pairwise(bounds)]


def _literal_start(head: str) -> str:
    """The letters (at most two) every word `head` matches starts with; "" when even the
    first may vary. Two letters, not one: a cast of thousands of invented names each tried
    every head of its first letter in every lexicon."""
    if len(split_top_level(head, "|")) > 1:
        return ""
    start = ""
    for position in range(min(2, len(head))):
        letter, after = head[position], head[position + 1 : position + 2]
        if not (letter.isalpha() and letter.islower()) or after in ("?", "*", "{", "|"):
            break
        start += letter
    return start


def first_word(alternative: str) -> str:
    """A regex for the words a fragment can start with (tokens are runs of letters).

    The fragment is cut at its first top-level space or hyphen (or a class holding one);
    when a cut splits a word, any continuation of letters is allowed. Lookaheads at the
    end of the word are dropped: a lone word cannot satisfy them.
    """
    head = _before_lookaround(split_top_level(alternative, " ")[0])
    cut = re.search(r"-|\[[^\]]*[- ][^\]]*\]|\\s", head)
    spaced = _spaced_group(head)
    if cut is None and spaced is None:
        return head
    word = head[: min(at for at in (cut and cut.start(), spaced) if at is not None)]
    if re.search(r"[a-z]\?$", word):
        word = word[:-2]  # "brothers?-in-arms" starts with "brother", "brothers" or longer
    return word.rstrip("?") + "[a-z']*"


def _spaced_group(head: str) -> int | None:
    """Where the first top-level group holding a space opens in a word regex
    ("town(?:'s| is| was) dead" cut at its first space keeps "town(?:'s| is| was)", which no
    lone word but "town's" matches: the cue then never fired on "the town was dead")."""
    opened = None
    for i, token, depth, in_class in _tokens(head):
        if in_class:
            continue
        if token == "(" and depth == 0:
            opened = i
        elif token == " " and depth > 0 and opened is not None:
            return opened
        elif token == ")" and depth == 0:
            opened = None
    return None


def expand_leading_group(alternative: str) -> list[str]:
    """Distribute a leading group over the rest: "(?:same as|like) dead" becomes
    ["same as dead", "like dead"], so each alternative starts with a plain word."""
    if not alternative.startswith("(?:"):
        return [alternative]
    depth, end = 0, -1
    for i, ch in enumerate(alternative):
        if ch == "\\":
            continue
        if ch == "(" and (i == 0 or alternative[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and alternative[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                end = i
                break
    if end < 0:
        return [alternative]
    inner, rest = alternative[3:end], alternative[end + 1 :]
    optional = rest.startswith("?")
    if rest[:1] in ("*", "+", "{") or (optional and rest[1:2] in ("?", "+")):
        return [alternative]
    if optional:
        rest = rest[1:]
    expanded = [
        e for part in split_top_level(inner, "|") for e in expand_leading_group(part + rest)
    ]
    if optional:
        expanded.extend(expand_leading_group(rest.lstrip(" ")) if rest.strip() else [])
    return expanded


LEADING_LOOKBEHIND_RE = LazyPattern(r"\(\?<[!=](?:[^()\\]|\\.)*\)")


def split_lookbehind(alternative: str) -> tuple[str, str]:
    """Leading lookbehinds ("(?<!at )the party was dead") and the fragment after them: the
    fragment's first word triggers the cue; the lookbehind looks at the text before it."""
    behind = ""
    while found := LEADING_LOOKBEHIND_RE.match(alternative):
        behind += found.group()
        alternative = alternative[found.end() :]
    return behind, alternative


def without_positive_lookarounds(pattern: str) -> str:
    """`pattern` with its `(?=…)` and `(?<=…)` groups removed: the scanner has checked them
    in the text, and a matched surface on its own ("grave" of "grave.") cannot satisfy them."""
    kept, skip_to_depth = [], None
    for i, token, depth, in_class in _tokens(pattern):
        if skip_to_depth is not None:
            if token == ")" and depth == skip_to_depth and not in_class:
                skip_to_depth = None
            continue
        if token == "(" and not in_class and pattern.startswith(("(?=", "(?<="), i):
            skip_to_depth = depth
            continue
        kept.append(token)
    return "".join(kept)


def _before_lookaround(head: str) -> str:
    """The part of a word regex before its first top-level lookahead or lookbehind."""
    for i, token, depth, in_class in _tokens(head):
        lookaround = head.startswith(("(?=", "(?!", "(?<=", "(?<!"), i)
        if token == "(" and depth == 0 and not in_class and lookaround:
            return head[:i]
    return head


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    surface: str  # lower-cased, whitespace collapsed


_REGISTRY: list[Lexicon] = []
_CACHE_ATTR = "_fanarchive_lexicon_hits"


class Lexicon:
    """A set of case-insensitive regex fragments matched on word boundaries.

    Every lexicon registers itself so one pass over a document serves them all.
    """

    def __init__(self, patterns: list[str]):
        _REGISTRY.append(self)
        derived = _derived_alternatives(patterns)
        _learn_languages([head for head, _, _ in derived])
        self._alternatives = [(_head_test(head), fragment) for head, fragment, _ in derived]
        self._by_word: dict[str, re.Pattern[str] | None] = {}
        # Fragments by the letters their first word must start with ("": any), so a word
        # is tried against a few heads, not all: a text of 40,000 distinct words
        # (a cast of thousands) spent most of its time here.
        self._by_start: dict[str, list[int]] = {}
        for position, (_, _, start) in enumerate(derived):
            self._by_start.setdefault(start, []).append(position)
        self._by_prefix: dict[str, tuple[tuple[WordTest, str], ...]] = {}

    def matcher(self, word: str) -> re.Pattern[str] | None:
        """The anchored alternation of the fragments that can start with `word` (cached)."""
        compiled = self._by_word.get(word, _UNSEEN)
        if compiled is not _UNSEEN:
            return compiled
        candidates = tuple(fragment for test, fragment in self.heads_for(word[:2]) if test(word))
        compiled = _compile_alternation(candidates) if candidates else None
        if len(self._by_word) < _TRIGGER_CACHE_LIMIT:
            self._by_word[word] = compiled
        return compiled

    def heads_for(self, start: str) -> tuple[tuple[WordTest, str], ...]:
        """The fragments a word opening with `start` (its first two letters) may begin, in
        order, computed once per `start`: a cast of thousands of invented names asks for the
        same few hundred."""
        heads = self._by_prefix.get(start)
        if heads is None:
            by_start = self._by_start
            positions = by_start.get(start[:1], []) + by_start.get("", [])
            if len(start) > 1:
                positions += by_start.get(start, [])
            heads = tuple(self._alternatives[p] for p in sorted(positions))
            self._by_prefix[start] = heads
        return heads


def _derived_alternatives(patterns: list[str]) -> list[tuple[str, str, str]]:
    """(first-word regex, fragment, literal start) of each alternative of `patterns`, longest
    first, read from the disk cache when this code derived them before: deriving the 23
    lexicons' 2,700 alternatives took a third of a second of every process's import."""
    return _derived("lexicon", patterns, _derive_alternatives, _looks_derived)


def _derived(kind: str, patterns: list[str], derive: Callable, valid: Callable):
    """`derive(patterns)`, read from the disk cache when this code derived it before (keyed on
    this file's bytes and the patterns, so changed code or patterns derive afresh)."""
    key = cache_key(kind, (), (_SOURCE, marshal.dumps(list(patterns))))
    return cached(key, lambda: derive(patterns), valid)


def _derive_alternatives(patterns: list[str]) -> list[tuple[str, str, str]]:
    alternatives = [
        (behind, expanded)
        for pattern in patterns
        for alt in split_top_level(pattern, "|")
        if alt
        for behind, rest in [split_lookbehind(alt)]
        for expanded in expand_leading_group(rest)
    ]
    # longer phrases win at a shared start
    alternatives.sort(key=lambda pair: len(pair[0]) + len(pair[1]), reverse=True)
    heads = [(first_word(a), behind + flexible_spaces(a)) for behind, a in alternatives]
    return [(head, fragment, _literal_start(head)) for head, fragment in heads]


def _looks_derived(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(entry, tuple) and len(entry) == 3 and all(isinstance(s, str) for s in entry)
        for entry in value
    )


def surface_patterns(patterns: list[str]) -> list[str]:
    """Each pattern as a matched surface is classified against, alone: without the positive
    lookarounds the scanner checked in the text, spaces flexible; from the disk cache like
    the alternatives (0.02 s of every import for the warnings' 145 cues)."""
    return _derived("surfaces", patterns, _derive_surface_patterns, _looks_like_strings)


def _derive_surface_patterns(patterns: list[str]) -> list[str]:
    return [flexible_spaces(without_positive_lookarounds(pattern)) for pattern in patterns]


def _looks_like_strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(s, str) for s in value)


# Whether a word is one a fragment may start with (its first-word regex fully matches it).
WordTest = Callable[[str], object]
_PLAIN_WORD_RE = re.compile(r"[a-z']+")


@cache
def _head_test(head: str) -> WordTest:
    """The test of a first-word regex, made once per process (the lexicons' 2,700
    alternatives share 1,900 heads). A head of plain letters (1,100 of them: "kill",
    "stabbed") fully matches that word only, so it is compared, not compiled; a head that
    fully matches a few strings only (700 of the other 800: "stabb(?:ed|ing)", "arrows?")
    is a look-up in them, not compiled either (compiling them was an eighth of the import)."""
    if _PLAIN_WORD_RE.fullmatch(head):
        return head.__eq__
    language = _LANGUAGES.get(head)
    if language is not None:
        return language.__contains__
    return re.compile(head).fullmatch


# Heads whose every full match is known (finite_language), with those strings: filled by
# each lexicon from the disk cache before it asks for its heads' tests.
_LANGUAGES: dict[str, frozenset[str]] = {}
_LANGUAGE_LIMIT = 64  # strings a head may fully match to be looked up, not compiled


def _learn_languages(heads: list[str]) -> None:
    languages = _derived("languages", heads, _derive_languages, _looks_like_languages)
    for head, language in zip(heads, languages, strict=True):
        if language is not None and head not in _LANGUAGES:
            _LANGUAGES[head] = frozenset(language)


def _derive_languages(heads: list[str]) -> list[list[str] | None]:
    return [finite_language(head) for head in heads]


def _looks_like_languages(value: object) -> bool:
    return isinstance(value, list) and all(
        language is None
        or (isinstance(language, list) and all(isinstance(s, str) for s in language))
        for language in value
    )


def finite_language(pattern: str) -> list[str] | None:
    """Every string `pattern` fully matches, sorted, when it is made of literals, groups,
    alternatives, sets of literal characters and repeats of at most three only, and
    matches at most _LANGUAGE_LIMIT strings; None otherwise (`bang\\w*`, a look-around,
    an anchor, a flag). Such a pattern fully matches a string exactly when the string is
    one of these."""
    try:
        tree = sre_parse.parse(pattern)
    except re.error:
        return None
    if tree.state.flags & ~re.UNICODE:
        return None
    found = _language(list(tree.data))
    return None if found is None else sorted(found)


def _language(items: list) -> set[str] | None:
    found = {""}
    for op, value in items:
        if op is sre.LITERAL:
            options: set[str] | None = {chr(value)}
        elif op is sre.IN:
            options = _set_members(value)
        elif op is sre.SUBPATTERN and not value[1] and not value[2]:  # no local flags
            options = _language(list(value[3].data))
        elif op is sre.BRANCH:
            branches = [_language(list(branch.data)) for branch in value[1]]
            options = None if None in branches else set().union(*branches)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[1] <= 3:
            options = _repeated(_language(list(value[2].data)), value[0], value[1])
        else:
            return None
        if options is None:
            return None
        found = {start + option for start in found for option in options}
        if len(found) > _LANGUAGE_LIMIT:
            return None
    return found


def _set_members(items: list) -> set[str] | None:
    """The characters of a set of literal characters (`[ae]`); None for anything else."""
    if not all(op is sre.LITERAL for op, _ in items):
        return None
    return {chr(value) for _, value in items}


def _repeated(strings: set[str] | None, least: int, most: int) -> set[str] | None:
    if strings is None:
        return None
    found, power = set(), {""}  # power: the strings of `count` repeats
    for count in range(most + 1):
        if count >= least:
            found |= power
        if count < most:
            power = {start + s for start in power for s in strings}
            if len(power) > _LANGUAGE_LIMIT:
                return None
    return found


# The bytes of the code deriving the alternatives, part of their cache key: changed code
# derives them afresh.
_SOURCE = Path(__file__).read_bytes()


@lru_cache(maxsize=4096)
def _compile_alternation(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    """Many words share the same candidate fragments ("kill", "kills"): compile once."""
    return re.compile("(?:" + "|".join(alternatives) + r")\b")


def lower_same_length(text: str) -> str:
    """Lower-case text with straight apostrophes, offsets unchanged (some characters
    lower-case to two, so those are left alone)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered.replace("’", "'")


def scan(text: str, lexicons: list[Lexicon]) -> list[list[Hit]]:
    """Every cue of every lexicon in `text`.

    The distinct words of the text are checked once against the lexicons; the words that
    can start a cue are compiled into a trie-shaped regex (fast in `re`: one branch per
    letter), and the anchored cue regexes run only where it matches.
    """
    lowered = lower_same_length(text)
    results: list[list[Hit]] = [[] for _ in lexicons]
    entries: dict[str, list[tuple[list[Hit], re.Pattern[str]]]] = {}
    words = _distinct_words(lowered)
    # "corpse's", "he'd": the part before the apostrophe can start a cue too.
    words.update([w.split("'", 1)[0] for w in words if "'" in w])
    starting = _starting_cues(tuple(lexicons))
    for word in words:
        found = starting.at(word)
        if found:
            entries[word] = [(results[i], matcher) for i, matcher in found]
    if not entries:
        return results
    finder = re.compile(r"\b" + trie_pattern(entries) + r"\b")
    matched = _matches_by_word(finder, lowered, entries)
    # In text order, and at one position in its word's entry order, as a walk over the
    # positions would find them; a lexicon keeps one hit of a span at a position (a word's
    # alternation and its stem's may both match it).
    matched.sort(key=itemgetter(0, 1))
    for start, _entry, hits, match in matched:
        end = match.end()
        if not (hits and hits[-1].start == start and hits[-1].end == end):
            hits.append(Hit(start, end, " ".join(match.group().split())))
    return results


def _matches_by_word(
    finder: re.Pattern[str], lowered: str, entries: dict[str, list]
) -> list[tuple[int, int, list[Hit], re.Match[str]]]:
    """(position, entry, hits, match) of every anchored alternation matching where the
    finder found its word. The positions are grouped by word and each alternation tried at
    all of its word's positions by `map` (~50,000 positions of a novel open a cue's first
    word, two in a hundred hold one): the Python work is per match, not per position."""
    found = list(finder.finditer(lowered))
    positions: dict[str, list[int]] = {}
    for word, start in zip(map(re.Match.group, found), map(re.Match.start, found), strict=True):
        at = positions.get(word)
        if at is None:
            positions[word] = [start]
        else:
            at.append(start)
    matched = []
    for word, starts in positions.items():
        for entry, (hits, matcher) in enumerate(entries[word]):
            tries = map(matcher.match, repeat(lowered), starts)
            matched.extend((m.start(), entry, hits, m) for m in filter(None, tries))
    return matched


class _StartingCues:
    """For each word, the lexicons (by position) whose cues may start with it and their
    anchored regexes. The answer depends on the word and the lexicons only, so it is kept
    across texts: each fic of an archive asked every lexicon about each of its words again
    (sampled, a fifth of a 300-word work's analysis)."""

    def __init__(self, lexicons: tuple[Lexicon, ...]):
        self.lexicons = lexicons
        self._by_word: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {}
        self._by_start: dict[str, list[tuple[int, Lexicon]]] = {}

    def at(self, word: str) -> tuple[tuple[int, re.Pattern[str]], ...]:
        found = self._by_word.get(word)
        if found is None:
            found = self._find(word)
            if len(self._by_word) < _TRIGGER_CACHE_LIMIT:
                self._by_word[word] = found
        return found

    def _find(self, word: str) -> tuple[tuple[int, re.Pattern[str]], ...]:
        entry = [
            (i, matcher)
            for i, lexicon in self._lexicons_for(word)
            if (matcher := lexicon.matcher(word)) is not None
        ]
        if "'" in word:
            # "cadaver's": cues starting with the part before the apostrophe are tried too.
            stem = word.split("'", 1)[0]
            entry.extend(
                (i, matcher)
                for i, lexicon in self._lexicons_for(stem)
                if (matcher := lexicon.matcher(stem)) is not None
                # per lexicon: two lexicons may share one compiled alternation ("wife")
                and not any(j == i and m is matcher for j, m in entry)
            )
        return tuple(entry)

    def _lexicons_for(self, word: str) -> list[tuple[int, Lexicon]]:
        # Only the lexicons with a fragment that may start like the word are asked: a cast
        # of thousands of invented names made most of the scan's time asking all of them.
        start = word[:2]
        found = self._by_start.get(start)
        if found is None:
            found = self._by_start[start] = [
                (i, lexicon) for i, lexicon in enumerate(self.lexicons) if lexicon.heads_for(start)
            ]
        return found


@lru_cache(maxsize=8)
def _starting_cues(lexicons: tuple[Lexicon, ...]) -> _StartingCues:
    """One for each set of lexicons scanned together (in the analysis, the registry's)."""
    return _StartingCues(lexicons)


def _distinct_words(lowered: str) -> set[str]:
    """WORD_START_RE's words of the text, read from its distinct whitespace-separated chunks
    (no word holds whitespace, and a work repeats most of its chunks); a chunk that is one
    word between punctuation needs no regex. A third of the time of reading every word."""
    words: set[str] = set()
    for chunk in set(lowered.split()):
        core = chunk.strip(_NOT_IN_WORDS)
        if core.isalpha():
            words.add(core)
        else:
            words.update(WORD_START_RE.findall(chunk))
    return words


# Punctuation around a word (no word character: WORD_START_RE reads none of it).
_NOT_IN_WORDS = "\"'“”‘’.,;:!?()[]*…—–-"


@dataclass
class _ScanCache:
    text: str
    hits: dict[int, list[Hit]]


def document_hits(document, lexicon: Lexicon) -> list[Hit]:
    """The hits of `lexicon` in `document.text`. All registered lexicons are scanned together
    the first time and the result is cached on the document."""
    cache = document.__dict__.get(_CACHE_ATTR)
    if cache is None or cache.text is not document.text:
        cache = _ScanCache(document.text, {})
        document.__dict__[_CACHE_ATTR] = cache
    missing = [lex for lex in _REGISTRY if id(lex) not in cache.hits]
    if missing:
        for lex, hits in zip(missing, scan(document.text, missing), strict=True):
            cache.hits[id(lex)] = hits
    return cache.hits[id(lexicon)]
