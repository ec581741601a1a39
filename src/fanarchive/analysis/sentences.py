"""Sentences of a whole work, split once and looked up by offset (shared by warnings,
relationships and tags so the text is split a single time per analysis)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from fanarchive.analysis.document import Document, Span
from fanarchive.analysis.model import Evidence
from fanarchive.analysis.quotes import CHAT_LINE_RE

_CACHE_ATTR = "_fanarchive_sentence_index"
# A sentence ends at . ! ? … (with any closing quotes or brackets) before whitespace, or at
# a paragraph break: `([.!?…]+[\"'”’)\]]*)\s+|\s*\n[ \t]*\n\s*`, written to open on one class
# (a mark or a space), which the regex engine skips ahead to; opening on a group or a
# repeat, it was tried at every character (28 -> 17 ms on a 100,000-word work). The group
# holds the marks after the first; a paragraph break matches from the first space of the
# run of spaces holding it to the run's end, as `\s*\n[ \t]*\n\s*` does.
_END_RE = re.compile(
    r"[.!?…\s](?:(?<=[.!?…])([.!?…]*[\"'”’)\]]*)\s+"
    r"|(?<=\s)(?:\s*\n[ \t]*\n|(?<=\n)[ \t]*\n)\s*)"
)
_ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "st", "mt", "jr", "sr", "prof", "vs", "etc")


def split_sentences(text: str, paragraphs: list[Span] | None = None) -> list[Span]:
    """Sentence spans of the whole text (whitespace trimmed). With the document's
    `paragraphs`, no sentence runs across two of them, nor across the lines of a chat
    (`Peter: i love MJ` / `Ned: oh no` is two sentences, not one naming all three)."""
    spans = _punctuated_sentences(text)
    starts = [para.start for para in paragraphs] if paragraphs else []
    return _cut_at_lines(text, spans, starts) if "\n" in text else spans


def _punctuated_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = len(text) - len(text.lstrip())
    for match in _END_RE.finditer(text):
        more = match.group(1)  # the marks after the first; None at a paragraph break
        end = match.end(1) if more is not None else match.start()
        if (
            more == ""
            and text[match.start()] == "."
            and text[match.start() - 1] in "rstfcRSTFC"
            and _after_abbreviation(text, match.start())
            and "\n" not in match.group()
        ):
            continue
        if end > start:
            spans.append(Span(start, end))
        start = match.end()
    end = len(text.rstrip())
    if end > start:
        spans.append(Span(start, end))
    return spans


def _cut_at_lines(text: str, spans: list[Span], starts: list[int]) -> list[Span]:
    """Spans cut where a paragraph starts inside them (a text of one paragraph a line) and
    around chat lines. Both need a line break inside the span: the spans holding one are
    found from the line breaks (far fewer than the sentences), and only those are read."""
    span_starts = [span.start for span in spans]
    holding = set()
    for found in _LINE_BREAK_RE.finditer(text):
        i = bisect_right(span_starts, found.start()) - 1
        if i >= 0 and found.start() < spans[i].end:
            holding.add(i)
    if not holding:
        return spans
    result: list[Span] = []
    for i, span in enumerate(spans):
        if i not in holding:
            result.append(span)
            continue
        cuts = starts[bisect_right(starts, span.start) : bisect_left(starts, span.end)]
        cuts = sorted({*cuts, *_chat_cuts(text, span)})
        result.extend(_pieces(text, span, cuts) if cuts else (span,))
    return result


_LINE_BREAK_RE = re.compile("\n")


def _chat_cuts(text: str, span: Span) -> list[int]:
    """Where a span is cut at the line breaks around chat-shaped lines, where at least two
    such lines follow each other (a single `so the answer was this: no` in hard-wrapped prose
    is no chat)."""
    if text.find(":", span.start, span.end) < 0:
        return []
    lines, start = [], span.start
    while (end := text.find("\n", start, span.end)) >= 0:
        lines.append((start, end))
        start = end + 1
    lines.append((start, span.end))
    chat = [bool(CHAT_LINE_RE.fullmatch(text, a, b)) for a, b in lines]
    in_run = [
        shaped and ((i > 0 and chat[i - 1]) or (i + 1 < len(chat) and chat[i + 1]))
        for i, shaped in enumerate(chat)
    ]
    return [lines[i][0] for i in range(1, len(lines)) if in_run[i] or in_run[i - 1]]


def _pieces(text: str, span: Span, cuts: list[int]) -> list[Span]:
    pieces, start = [], span.start
    for cut in [*cuts, span.end]:
        end = cut
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            pieces.append(Span(start, end))
        start = cut
    return pieces


def _after_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and text[word_start - 1].isalpha() and dot - word_start < 5:
        word_start -= 1
    return text[word_start:dot].lower() in _ABBREVIATIONS


@dataclass
class SentenceIndex:
    text: str
    spans: list[Span]
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [s.start for s in self.spans]

    def index_at(self, offset: int) -> int:
        """Index of the sentence containing (or nearest before) `offset`; -1 if none."""
        return bisect_right(self.starts, offset) - 1

    def sentence(self, index: int) -> str:
        span = self.spans[index]
        return self.text[span.start : span.end]

    def evidence(self, index: int, limit: int = 400) -> Evidence:
        """The sentence as evidence; very long 'sentences' (run-on text) are clipped."""
        span = self.spans[index]
        end = min(span.end, span.start + limit)
        return Evidence(span.start, end, self.text[span.start : end])

    def __len__(self) -> int:
        return len(self.spans)


def sentence_index(document: Document) -> SentenceIndex:
    """The document's sentences, computed once and cached on the document."""
    cached = document.__dict__.get(_CACHE_ATTR)
    if cached is not None and cached.text is document.text:
        return cached
    index = SentenceIndex(document.text, split_sentences(document.text, document.paragraphs))
    document.__dict__[_CACHE_ATTR] = index
    return index
