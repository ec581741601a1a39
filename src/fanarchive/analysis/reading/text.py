"""Plain text: the Document's text is the decoded input, newline-normalised, unchanged otherwise.

Paragraphs are blocks separated by blank lines. A block of several lines is either one
hard-wrapped paragraph (Project Gutenberg style: lines of similar length, filled to a margin)
or several paragraphs written one per line (common in fan fiction pasted from a web page).
"""

from __future__ import annotations

import re

from fanarchive.analysis.document import Document, Span

NEWLINES_RE = re.compile(r"\r\n?|\u2028|\u2029|\x85")
TRIMMED_LINE_RE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)[^\S\n]*$", re.M)
WRAP_MARGIN_MAX = 120  # longest line of a hard-wrapped paragraph
WRAP_RAGGEDNESS = 25  # a wrapped line falls short of the margin by about a word or two
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]*_~]*$")


def normalise_newlines(text: str) -> str:
    return NEWLINES_RE.sub("\n", text)


def read_plain(text: str, source_format: str = "text") -> Document:
    text = normalise_newlines(text)
    return Document(text=text, paragraphs=split_paragraphs(text), source_format=source_format)


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans (whitespace trimmed) in one pass over the text's non-blank lines."""
    spans: list[Span] = []
    block: list[Span] = []
    previous_end = -1
    for match in TRIMMED_LINE_RE.finditer(text):
        line = Span(match.start(1), match.end(1))
        # A blank line between two lines ends the block.
        if block and text.count("\n", previous_end, line.start) > 1:
            spans.extend(_split_block(text, block))
            block = []
        block.append(line)
        previous_end = line.end
    if block:
        spans.extend(_split_block(text, block))
    return spans


def _split_block(text: str, lines: list[Span]) -> list[Span]:
    if len(lines) == 1:
        return lines
    if not _hard_wrapped(text, lines):
        return _lines_as_paragraphs(text, lines)
    # Within a wrapped block, an indented line still starts a new paragraph (unless every
    # line is indented: then the whole text is; or it continues in lower case).
    indented = [text[line.start - 1] in " \t" for line in lines]
    if all(indented[1:]):
        return [Span(lines[0].start, lines[-1].end)]
    indented = [
        indent and not text[line.start].islower()
        for indent, line in zip(indented, lines, strict=True)
    ]
    paragraphs, first = [], lines[0]
    for previous, line, indent in zip(lines[:-1], lines[1:], indented[1:], strict=True):
        if indent:
            paragraphs.append(Span(first.start, previous.end))
            first = line
    paragraphs.append(Span(first.start, lines[-1].end))
    return paragraphs


def _lines_as_paragraphs(text: str, lines: list[Span]) -> list[Span]:
    """One paragraph per line, except that a line continuing in lower case was wrapped."""
    paragraphs, first, previous = [], lines[0], lines[0]
    for line in lines[1:]:
        if not text[line.start].islower():
            paragraphs.append(Span(first.start, previous.end))
            first = line
        previous = line
    paragraphs.append(Span(first.start, previous.end))
    return paragraphs


def _hard_wrapped(text: str, lines: list[Span]) -> bool:
    """Lines filled to a margin (all but the last within a word or two of the longest), or
    mostly continuing in lower case; lines that each end a sentence before a line starting
    a new one are paragraphs of their own."""
    body = lines[:-1]
    longest = max(line.end - line.start for line in body)
    if longest > WRAP_MARGIN_MAX:
        return False
    if all(
        SENTENCE_END_RE.search(text, line.start, line.end) and not text[after.start].islower()
        for line, after in zip(body, lines[1:], strict=True)
    ):
        return False
    if longest >= 45 and all(line.end - line.start >= longest - WRAP_RAGGEDNESS for line in body):
        return True
    continued = sum(1 for line in lines[1:] if text[line.start].islower())
    return continued >= len(body) / 2
