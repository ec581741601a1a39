"""Full-text normalisation and query compilation, shared by every search backend.

Both backends index the *same* normalised text: Python folds case and accents and splits on
anything that is not a letter or digit, then joins the tokens with single spaces. SQLite's
FTS5 (unicode61 tokenizer) and PostgreSQL's `simple` text-search configuration then see plain
space-separated alphanumeric words, which they tokenise identically: no stemming, no stop words.
That is what makes the results identical on both databases.

A user query is a list of items: bare words and "quoted phrases" must all match (AND);
items prefixed with `-` must not match. Each item is a tuple of tokens (a phrase when more than
one). Tokens are alphanumeric only, so nothing a user types reaches either query language
unescaped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

TOKEN_RE = re.compile(r"[^\W_]+")
QUERY_ITEM_RE = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
MAX_QUERY_CHARS = 300
MAX_QUERY_ITEMS = 12
# PostgreSQL refuses lexemes over 2 KB; FTS5 would index them; so both drop long tokens.
MAX_TOKEN_CHARS = 200
# PostgreSQL clamps tsvector positions at 16,383, which would break phrase matches deep in a
# long work; so PostgreSQL indexes long works as overlapping segments of this many tokens.
SEGMENT_TOKENS = 16_000
MAX_PHRASE_TOKENS = 32  # segments overlap by this much, so no phrase is cut in two


def fold(text: str) -> str:
    """Lower-case, strip accents (é -> e), compatibility-normalise (ﬁ -> fi)."""
    if text.isascii():  # the common case; the per-character pass below costs ~1 ms per 4k words
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    return [t for t in TOKEN_RE.findall(fold(text)) if len(t) <= MAX_TOKEN_CHARS]


def normalise_document(*parts: str) -> str:
    """The text both backends index: folded tokens joined by spaces."""
    return " ".join(" ".join(tokens(part or "")) for part in parts)


def terms(document: str) -> list[str]:
    """Every distinct word and every distinct pair of adjacent words ("a b") of a document.

    PostgreSQL indexes these (browse.fulltext) so that a word or a two-word phrase is one index
    look-up that needs no positions: a tsvector keeps at most 256 positions per lexeme, so
    `'a' <-> 'b'` misses a phrase after a word's 256th use, and checking positions means
    reading every candidate row. Pairs come from the text itself, so they are exact.
    """
    return sorted(distinct_terms(document))


def distinct_terms(document: str) -> set[str]:
    """terms() in no particular order (sorting them is a third of the cost)."""
    words = [word for word in document.split(" ") if word]
    found = set(words)
    found.update(map(" ".join, zip(words, words[1:], strict=False)))
    return found


def item_terms(item: tuple[str, ...]) -> list[str]:
    """The terms a query item needs: its word, or each adjacent pair of its phrase."""
    if len(item) == 1:
        return [item[0]]
    return list(dict.fromkeys(f"{a} {b}" for a, b in zip(item, item[1:], strict=False)))


def segments(document: str) -> list[str]:
    """A normalised document cut into overlapping segments both backends can index whole."""
    words = document.split(" ")
    if len(words) <= SEGMENT_TOKENS:
        return [document]
    step = SEGMENT_TOKENS - MAX_PHRASE_TOKENS
    return [" ".join(words[start : start + SEGMENT_TOKENS]) for start in range(0, len(words), step)]


@dataclass(frozen=True)
class TextQuery:
    must: tuple[tuple[str, ...], ...] = ()
    must_not: tuple[tuple[str, ...], ...] = ()
    notes: list[str] = field(default_factory=list, compare=False)

    def __bool__(self) -> bool:
        return bool(self.must or self.must_not)

    def display(self) -> str:
        def show(item: tuple[str, ...]) -> str:
            return f'"{" ".join(item)}"' if len(item) > 1 else item[0]

        return " ".join([show(i) for i in self.must] + ["-" + show(i) for i in self.must_not])


def parse_text_query(raw: str) -> TextQuery:
    """Parse what a reader typed; never raises. Notes explain anything dropped."""
    notes: list[str] = []
    raw = raw or ""
    if len(raw) > MAX_QUERY_CHARS:
        notes.append(f"The search text was cut to its first {MAX_QUERY_CHARS} characters.")
        raw = raw[:MAX_QUERY_CHARS]
    must: list[tuple[str, ...]] = []
    must_not: list[tuple[str, ...]] = []
    for match in QUERY_ITEM_RE.finditer(raw):
        negate = bool(match.group(1) or match.group(3))
        item = tuple(tokens(match.group(2) if match.group(2) is not None else match.group(4)))
        if not item:
            continue
        if len(item) > MAX_PHRASE_TOKENS:
            notes.append(f"A phrase was cut to its first {MAX_PHRASE_TOKENS} words.")
            item = item[:MAX_PHRASE_TOKENS]
        target = must_not if negate else must
        if item not in target:
            target.append(item)
    if len(must) + len(must_not) > MAX_QUERY_ITEMS:
        notes.append(f"Only the first {MAX_QUERY_ITEMS} search words or phrases were used.")
        must = must[:MAX_QUERY_ITEMS]
        must_not = must_not[: max(0, MAX_QUERY_ITEMS - len(must))]
    return TextQuery(tuple(must), tuple(must_not), notes)
