"""Small text utilities shared by the components: sentences and token-ish helpers."""

from __future__ import annotations

import re

from fanarchive.analysis.document import Span
from fanarchive.analysis.lazyre import LazyPattern

# The double quotation marks: a sentence holding one is (partly) someone's speech. Single
# marks are left out, as the apostrophe is the same character.
DOUBLE_QUOTE_MARKS = ('"', "\u201c", "\u201d")

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before
# whitespace and a capital, quote or end of text. Abbreviations like "Mr." are kept.
_ABBREVIATIONS = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMt)(?<!\bJr)(?<!\bSr)"
SENTENCE_END_RE = LazyPattern(_ABBREVIATIONS + r"[.!?…]+[\"'”’)\]]*(?=\s+)|\n\s*\n")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split text[start:end] into sentence spans (whitespace trimmed)."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in SENTENCE_END_RE.finditer(text, start, end):
        _append_trimmed(text, cursor, match.end(), spans)
        cursor = match.end()
    _append_trimmed(text, cursor, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


def sentence_at(text: str, offset: int, window: int = 400) -> Span:
    """The sentence containing `offset`, searched within a bounded window."""
    lo = max(0, offset - window)
    hi = min(len(text), offset + window)
    for span in sentence_spans(text, lo, hi):
        if span.start <= offset < span.end or span.start > offset:
            return span
    return Span(offset, min(len(text), offset + 1))


def trie_pattern(words) -> str:
    """A regex matching exactly `words`, shaped as a trie so each position costs one
    branch per letter instead of one per word."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def word_trie_pattern(words) -> str:
    r"""`\b` + trie_pattern(words), for words that open on a word character, written so the
    regex engine skips ahead to the letters they open on: each first letter is followed by a
    look-behind asking what `\b` asked of the character before it. A regex opening on `\b`
    is tried at every character of the text (twice the time on a whole work)."""
    root: dict = {}
    for word in words:
        if not word or not (word[0].isalnum() or word[0] == "_"):
            return r"\b" + trie_pattern(words)
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    branches = [re.escape(ch) + r"(?<!\w.)" + _emit(child) for ch, child in sorted(root.items())]
    return "(?:" + "|".join(branches) + ")"


def _emit(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + ("?" if ends else "")
