"""Find quoted speech: spans of quoted words (quotation marks excluded, as PDNC does).

Three conventions are recognised, decided per work:

* double quotes, straight or curly (`"…"`, `“…”`), the default;
* single quotes (British dialogue, `‘…’` or `'…'`), chosen when single-quote openers clearly
  outnumber double marks — apostrophes (`don't`, `Gai's`, `'em`, `rock 'n' roll`, `the boys'`)
  are told apart from quotation marks by their neighbours;
* em-dash dialogue lines (a paragraph opening with `—` or `―`), in any work.

Marks are paired within a paragraph by a left-to-right scan that knows which marks can open
and which can close, so a stray mark is skipped instead of flipping every later quote.
A quote left open at the end of a paragraph ends there; when the next paragraph opens with a
mark it is the same speech continued (Gutenberg style), see `continues_previous`.
"""

from __future__ import annotations

import re

from fanarchive.analysis.document import Document, Span
from fanarchive.analysis.model import Quote

DOUBLE_MARKS = '"“”„'
SINGLE_MARKS = "'‘’‚"
DASHES = "—―"

_DOUBLE_RE = re.compile(r'["“”„]')
_SINGLE_RE = re.compile(r"['‘’‚]")
# A single mark that starts a quoted line: after start/space/bracket/dash, before a letter,
# digit, or the opening of speech ("…", "—").
_SINGLE_OPENER_RE = re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘](?=[^\W_]|\.\.\.|…|—)", re.M)
# Elisions that begin with an apostrophe and must never open a quote.
_ELISION_RE = re.compile(
    r"['‘](?:em|tis|twas|twere|twill|cause|cos|coz|til|till|round|bout|n|s|ere|neath|kay|ello|im|er|ow|appen|alf|cept|fore|nother|un|uns|ye|d|ll|re|ve|m|t)\b",
    re.I,
)
_DASH_LINE_RE = re.compile(r"[ \t]*[—―]")
# Inside an em-dash line, " —said X—" style tags interrupt the speech.
_DASH_TAG_RE = re.compile(r"\s[—―]\s*(?=[^\W\d_])")
_DASH_RESUME_RE = re.compile(r"[—―][.,;:]?\s*")

OPEN, CLOSE, BOTH, NEITHER = 1, 2, 3, 0
_OPENING_NEIGHBOURS = frozenset(" \t\n([{—–-/*_")
_CLOSING_FOLLOWERS = frozenset(" \t\n.,;:!?)]}—–-/*_…")


def find_quotes(document: Document) -> list[Quote]:
    """All quotes in the story (author's notes skipped), in text order."""
    text = document.text
    story = [
        (index, para)
        for index, para in enumerate(document.paragraphs)
        if not document.in_note(para.start)
    ]
    style = quote_style(text, [para for _, para in story])
    quotes: list[Quote] = []
    for index, para in story:
        if _DASH_LINE_RE.match(text, para.start) and not _DOUBLE_RE.search(
            text, para.start, para.end
        ):
            spans = _dash_spans(text, para)
        else:
            spans = _marked_spans(text, para, style)
        for start, end in spans:
            start, end = _trim(text, start, end)
            if end > start:
                quotes.append(Quote(start, end, text[start:end], paragraph=index))
    return quotes


def quote_style(text: str, paragraphs: list[Span]) -> str:
    """ "double" or "single": which marks this work uses for dialogue, from counts."""
    doubles = singles = 0
    for para in paragraphs:
        doubles += len(_DOUBLE_RE.findall(text, para.start, para.end))
        for match in _SINGLE_OPENER_RE.finditer(text, para.start, para.end):
            if not _ELISION_RE.match(text, match.start()):
                singles += 1
    # Each double-quoted line uses two marks, each single-quoted line one opener.
    return "single" if singles >= 3 and singles > doubles else "double"


def continues_previous(document: Document, quote: Quote, previous: Quote | None) -> bool:
    """True when `quote` opens its paragraph and `previous`, the last quote of the paragraph
    before, was left open at that paragraph's end: one speech over several paragraphs."""
    if previous is None or previous.paragraph != quote.paragraph - 1 or quote.paragraph <= 0:
        return False
    text = document.text
    para = document.paragraphs[quote.paragraph]
    if text[para.start : quote.start].strip(" \t" + DOUBLE_MARKS + SINGLE_MARKS + DASHES) != "":
        return False
    previous_para = document.paragraphs[previous.paragraph]
    return text[previous.end : previous_para.end].strip() == ""


def _marked_spans(text: str, para: Span, style: str) -> list[tuple[int, int]]:
    marks_re = _SINGLE_RE if style == "single" else _DOUBLE_RE
    marks = [m.start() for m in marks_re.finditer(text, para.start, para.end)]
    if style == "single":
        marks = [i for i in marks if not _is_apostrophe(text, i, para)]
    spans: list[tuple[int, int]] = []
    opened = -1
    for position, offset in enumerate(marks):
        role = _role(text, offset, para)
        if opened < 0:
            if role & OPEN:
                opened = offset + 1
        elif role & CLOSE:
            if style == "single" and _closing_too_early(text, offset, marks[position + 1 :], para):
                continue
            spans.append((opened, offset))
            opened = -1
        elif role == OPEN:
            # A clear opener inside a quote: the previous quote lost its closing mark.
            spans.append((opened, offset))
            opened = offset + 1
    if opened >= 0:
        spans.append((opened, para.end))
    return spans


def _role(text: str, offset: int, para: Span) -> int:
    mark = text[offset]
    before = text[offset - 1] if offset > para.start else " "
    after = text[offset + 1] if offset + 1 < para.end else " "
    if mark in "“‘„‚":
        return OPEN
    if mark in "”’":
        return CLOSE if before not in " \t\n" or after in _CLOSING_FOLLOWERS else BOTH
    can_open = before in _OPENING_NEIGHBOURS or before in DOUBLE_MARKS + SINGLE_MARKS
    can_close = after in _CLOSING_FOLLOWERS or after in DOUBLE_MARKS + SINGLE_MARKS
    if before in " \t\n" and after in " \t\n":
        return BOTH
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return BOTH if (can_open and can_close) or (not can_open and not can_close) else NEITHER


def _is_apostrophe(text: str, offset: int, para: Span) -> bool:
    """An apostrophe inside or at the start of a word, not a quotation mark."""
    before = text[offset - 1] if offset > para.start else " "
    after = text[offset + 1] if offset + 1 < para.end else " "
    if before.isalnum() and after.isalpha():  # don't, Gai's, rock'n'roll
        return True
    if before in " \t\n(" and _ELISION_RE.match(text, offset):  # 'em, 'tis, 'n'
        nxt = _ELISION_RE.match(text, offset).end()
        return nxt >= para.end or not text[nxt].isalpha()
    # The closing apostrophe of an elision such as rock 'n' roll.
    return before == "n" and offset >= 2 and text[offset - 2] in "'‘"


def _closing_too_early(text: str, offset: int, later: list[int], para: Span) -> bool:
    """A plural possessive (`the boys' room`) looks like a closing mark; prefer a later one
    when the word after it continues the sentence."""
    if text[offset - 1] not in "sS" or offset + 2 >= para.end:
        return False
    if not (text[offset + 1] == " " and text[offset + 2].islower()):
        return False
    return any(_role(text, o, para) & CLOSE for o in later)


def _dash_spans(text: str, para: Span) -> list[tuple[int, int]]:
    """Em-dash dialogue: `—Speech —said X—. More speech.`"""
    start = _DASH_LINE_RE.match(text, para.start).end()
    spans = []
    while start < para.end:
        tag = _DASH_TAG_RE.search(text, start, para.end)
        if not tag:
            spans.append((start, para.end))
            break
        spans.append((start, tag.start()))
        resume = _DASH_RESUME_RE.search(text, tag.end(), para.end)
        if not resume:
            break
        start = resume.end()
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end
