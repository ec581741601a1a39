"""Find quoted speech: spans of quoted words (quotation marks excluded, as PDNC does).

Every common convention is recognised:

* double quotes, straight or curly (`"…"`, `“…”`), the default;
* single quotes (British dialogue, `‘…’` or `'…'`), chosen when single-quote openers clearly
  outnumber double marks — apostrophes (`don't`, `Gai's`, `'em`, `'tis`, `rock 'n' roll`,
  `the boys'`) are told apart from quotation marks by their neighbours;
* guillemets, French (`«…»`, with or without inner spaces) or German (`»…«`), and the single
  angle quotes `‹…›` / `›…‹`; which way they point is decided per work;
* low-high quotes (`„…“`, German; `„…”`, Polish);
* corner brackets (`「…」`, `『…』`), which the Document already reads as `“…”`;
* dash dialogue lines (a paragraph opening with `—`, `―` or `– `): the line is speech, except
  for tags cut out of it (`—Stay —said Gaara—. Please.`, `— Hello, she said.`);
* chat and script lines (`Peter: guys`, `**Tony:** kid`, `spiderboy (10:42): lol`, `HAMLET:
  To be`), in runs of at least three lines where two labels take turns: the message is speech
  and the label (`Quote.label`) names its speaker.

The work's dominant style is decided from counts over the whole work; a paragraph that has no
mark of that style but marks of another one is read in its own style (a guillemet letter in an
English story, a translator who switches), the outer marks deciding when styles nest.

Marks are paired within a paragraph by a left-to-right scan that knows which marks can open
and which can close, so a stray mark is skipped instead of flipping every later quote.
A quote left open at the end of a paragraph ends there; when the next paragraph opens with a
mark it is the same speech continued (Gutenberg style), see `continues_previous`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from fanarchive.analysis.characters.lexicon import words
from fanarchive.analysis.characters.names import given_names, zipf
from fanarchive.analysis.document import Document, Span
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Quote
from fanarchive.analysis.speakers.lexicon import SPEECH_VERBS
from fanarchive.analysis.text import trie_pattern

DOUBLE_MARKS = '"“”'
SINGLE_MARKS = "'‘’"
GUILLEMETS = "«»"
ANGLES = "‹›"
LOW_MARK = "„"
DASHES = "—―"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS + GUILLEMETS + ANGLES + LOW_MARK + "‚"

_SINGLE_RE = re.compile(r"['‘’]")
# A single mark that starts a quoted line: after start/space/bracket/dash, before a letter,
# digit, or the opening of speech ("…", "—"). The mark comes first and the look-behind takes
# it in (the text's start passes it, a line's start is after a space): a pattern opening on a
# character class lets the regex engine skip to the marks.
_SINGLE_OPENER_RE = re.compile(r"['‘](?<![^\s(\[—–-].)(?=[^\W_]|\.\.\.|…|—)")
# Elisions that begin with an apostrophe and must never open a quote.
_ELISION_RE = re.compile(
    r"['‘](?:em|tis|twas|twere|twill|cause|cos|coz|til|till|round|bout|n|s|ere|neath|kay|ello|im|er|ow|appen|alf|cept|fore|nother|un|uns|ye|d|ll|re|ve|m|t)\b",
    re.I,
)
# A dash dialogue line opens with an em dash or horizontal bar, or an en dash (or two hyphens)
# followed by a space, as typewritten translations do.
_DASH_LINE_RE = re.compile(r"[ \t]*(?:[—―]|–(?=\s)|--(?=\s))")
# Inside a dash line, " —said X—" style tags interrupt the speech.
_DASH_TAG_RE = re.compile(r"\s[—―–]\s*(?=[^\W\d_])")
_DASH_RESUME_RE = LazyPattern(r"[—―–][.,;:]?\s*")
# "— Hello, she said." / "— Hello, said Harry." / "— Bonjour, dit-il.": a tag after the
# speech's comma (or ?, !) that runs to the end of its sentence.
_VERB = trie_pattern(SPEECH_VERBS)
# The speaker of a tag: a pronoun (lower case: `Go! He said …` is speech reporting speech), a
# name, or a description of up to three words (`the queen`, `a dry voice`, `the old man`).
_DESCRIPTION = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Mm]y|[Yy]our|[Tt]heir|[Oo]ur)(?:\s+[\w'’-]+){1,3}?"
# A name: a capital in any Latin script (`Łucja`, `Ínés`), not only ASCII.
_CAPITAL = r"[^\W\d_a-zß-öø-ÿ]"
_NAME = rf"(?!(?:He|She|They|It|We|You)\b){_CAPITAL}[\w'’-]*(?:\s+{_CAPITAL}[\w'’-]*)?"
_TAG_SUBJECT = rf"(?:he|she|they|I|we|you|it|{_NAME}|{_DESCRIPTION})"
# The tag runs to the end of its sentence, or to a dash that resumes the speech
# (`— Then we need grain, said the chancellor, — from somewhere else.`).
# (compiled at first use: only dash dialogue reads it, 0.01 s of every import)
_INLINE_TAG_RE = LazyPattern(
    rf"(?<=[,!?…])\s+(?:{_TAG_SUBJECT}\s+(?:\w+ly\s+)?(?i:{_VERB})\b"
    rf"|(?i:{_VERB})\s+{_TAG_SUBJECT}\b"
    r"|\w+-(?:t-)?(?:il|elle|ils|elles|on|je|tu|nous|vous)\b)"
    r"[^.!?…—―]*(?:[.!?…]+|$|(?=[—―]))\s*"
)
# A dash after a sentence's end, before a capital, starts speech again after narration
# (`— Lucan. Ysolde did not raise her voice. — Shoes.`, `I swallowed. — A Dutchman.`);
# a dash before a lower-case word starts a tag instead (`— Yes, — said he.`, `—No —dijo—.`).
_SPEECH_AGAIN_RE = LazyPattern(r"(?<=[.!?…])[\"”’»]?[ \t]+[—―–][ \t]*(?=[^\W\d_])")
# ... except a named tag after an exclamation or question (`— You're an idiot! — Yuri
# shouted.`): the dash closes the speech and the name speaks.
_NAMED_TAG_RE = LazyPattern(rf"{_NAME}\s+(?:\w+ly\s+)?(?i:{_VERB})\b")
# Where a sentence starts inside a dash line (after its end mark, or a broken-off `like a—`).
_SENTENCE_START_RE = LazyPattern(r"(?<=[.!?…—])[\"”’»]?\s+(?=[^\W\d_])")
# A work written in dash dialogue has at least this many dash lines, and more of them than
# paragraphs with quotation marks.
MIN_DASH_LINES = 3
# A sentence after a dash line's tag that opens like narration ("He added", "She turned").
# So does one a name opens before a verb in the past (`Buck Mulligan attacked the hollow`).
_NARRATION_RE = LazyPattern(
    r"(?:He|She|They|His|Her|Their)\s+[a-z]|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+[a-z]+ed\b"
)
# Words of someone speaking, not of a third-person narration.
_SPEAKING_RE = LazyPattern(r"\b(?:I|[Yy]ou|[Yy]our|[Ww]e|me|my|[Uu]s|[Oo]ur)\b|[?!]")
_SPACES = " \t\n\u00a0\u202f\u2009\u2007"
_LINE_SPACES = _SPACES.replace("\n", "")  # the spaces within a line

OPEN, CLOSE, BOTH, NEITHER = 1, 2, 3, 0
_OPENING_NEIGHBOURS = frozenset(" \t\n([{—–-/*_")
_CLOSING_FOLLOWERS = frozenset(" \t\n.,;:!?)]}—–-/*_…")


@dataclass(frozen=True)
class _Style:
    """One quotation convention: the marks it pairs and the role of a mark at an offset."""

    name: str
    marks: re.Pattern
    role: Callable[[str, int, Span], int]


def _fixed_roles(openers: str, closers: str) -> Callable[[str, int, Span], int]:
    def role(text: str, offset: int, para: Span) -> int:
        return OPEN if text[offset] in openers else CLOSE if text[offset] in closers else NEITHER

    return role


def _double_role(text: str, offset: int, para: Span) -> int:
    mark = text[offset]
    before = text[offset - 1] if offset > para.start else " "
    after = text[offset + 1] if offset + 1 < para.end else " "
    # A “ with no ” after it in its paragraph (`“Hello,“ she said.`, typed by some phones'
    # autocorrect) opens or closes by its neighbours, as a straight quote does.
    if mark == "‘" or (mark == "“" and text.find("”", offset, para.end) >= 0):
        return OPEN
    if mark in "”’":
        return CLOSE if before not in " \t\n" or after in _CLOSING_FOLLOWERS else BOTH
    can_open = before in _OPENING_NEIGHBOURS or before in ALL_MARKS
    can_close = after in _CLOSING_FOLLOWERS or after in ALL_MARKS
    if before in " \t\n" and after in " \t\n":
        return BOTH
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return BOTH if (can_open and can_close) or (not can_open and not can_close) else NEITHER


def _doubled_role(text: str, offset: int, para: Span) -> int:
    """Two apostrophes for a double quote (`''Hello,'' she said.`, `` ``Hello,'' ``): the pair
    opens or closes by its neighbours, as a straight double quote does."""
    if text[offset] in "`‘":
        return OPEN
    if text[offset] == "’":
        return CLOSE
    before = text[offset - 1] if offset > para.start else " "
    after = text[offset + 2] if offset + 2 < para.end else " "
    can_open = before in _OPENING_NEIGHBOURS
    can_close = after in _CLOSING_FOLLOWERS
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return BOTH


STYLES = {
    "double": _Style("double", re.compile(r'["“”]'), _double_role),
    "doubled": _Style("doubled", re.compile(r"''|``|‘‘|’’"), _doubled_role),
    "single": _Style("single", _SINGLE_RE, _double_role),
    "guillemets": _Style("guillemets", re.compile("[«»]"), _fixed_roles("«", "»")),
    "reversed guillemets": _Style(
        "reversed guillemets", re.compile("[«»]"), _fixed_roles("»", "«")
    ),
    "angles": _Style("angles", re.compile("[‹›]"), _fixed_roles("‹", "›")),
    "reversed angles": _Style("reversed angles", re.compile("[‹›]"), _fixed_roles("›", "‹")),
    "low-high": _Style("low-high", re.compile("[„“”]"), _fixed_roles("„", "“”")),
}


# Two quotations' worth of doubled apostrophes before a work counts as written with them.
MIN_DOUBLED_MARKS = 4
DOUBLED_MARKS = ("''", "``", "‘‘", "’’")
# Styles a paragraph may fall back to when it lacks the work's (never single quotes alone).
_FALLBACKS = ("double", "doubled", "guillemets", "angles", "low-high")


def find_quotes(document: Document) -> list[Quote]:
    """All quotes in the story (author's notes skipped), in text order."""
    text = document.text
    story = [
        (index, para)
        for index, para in enumerate(document.paragraphs)
        if not document.in_note(para.start)
    ]
    work_style = quote_style(text, [para for _, para in story])
    # Styles whose marks occur anywhere in the work: most works use one, and a paragraph then
    # needs no search for the others.
    present = tuple(
        name
        for name in _FALLBACKS
        if (LOW_MARK in text if name == "low-high" else STYLES[name].marks.search(text))
    )
    quotes: list[Quote] = []
    dash_lines, marked, silent = 0, 0, []  # silent: paragraphs (indices) without any mark
    for index, para in story:
        style = _paragraph_style(text, para, work_style, present)
        if _DASH_LINE_RE.match(text, para.start) and not _opens_quote(text, para, style):
            spans = _dash_spans(text, para, _dash_start(text, para))
            dash_lines += 1
        else:
            spans = _marked_spans(text, para, style)
            if not spans:
                silent.append(index)
                continue
            marked += 1
        for start, end in spans:  # (inline: this loop runs for every paragraph of a novel)
            start, end = _trim(text, start, end)
            if end > start and not _names_a_text(text, start, end, para.start):
                quotes.append(Quote(start, end, text[start:end], paragraph=index))
    if dash_lines >= MIN_DASH_LINES and dash_lines > marked:
        for index in silent:
            spans = _speech_after_narration(text, document.paragraphs[index])
            _add_quotes(quotes, text, spans, index)
        quotes.sort(key=lambda quote: quote.start)
    elif chat := chat_lines(text, document.paragraphs, silent):
        quotes.extend(chat)
        quotes.sort(key=lambda quote: quote.start)
    return quotes


# `Peter: guys`, `**Tony:** kid`, `[spiderboy]: lol`, `MJ (10:42 PM): how`, `[22:41] @ned: no`,
# `Sol, 07:02: rude`: a label of one to three words, each opening with a letter (not
# `Day 1:`), then a colon and the message.
_LABEL_WORD = r"[^\W\d_][\w'’.-]*"
_CLOCK = r"\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
_CHAT_TIME = rf"(?:\[?{_CLOCK}\]?[ \t]+)?"
CHAT_LINE_RE = re.compile(
    rf"[ \t]*{_CHAT_TIME}[*_\[<@]{{0,2}}(?P<label>{_LABEL_WORD}(?:[ \t]{_LABEL_WORD}){{0,2}})"
    rf"[*_\]>]{{0,2}}(?:[ \t]*\([^()\n]{{1,24}}\)|,[ \t]*{_CLOCK})?[ \t]*:[*_]{{0,2}}[ \t]+"
    r"(?P<message>\S[^\n]*)"
)
MIN_CHAT_RUN = 3


def chat_lines(text: str, paragraphs: list[Span], silent: list[int]) -> list[Quote]:
    """The messages of chat and script lines among the paragraphs without quotation marks
    (`silent`, indices in order), each with its label; a line is a paragraph or a line of one
    (a chat pasted with line breaks). A run of consecutive such lines counts when it has at
    least MIN_CHAT_RUN lines, two labels and one of them again, and at least two of its
    labels (or half) can be people (`_names_someone`): a header (`Rating: Teen`, `Fandom: …`)
    or a letter's `From:`/`To:` names each field once, a diary's `Day 1:` is no label, a
    lone `Note: …` is no run, and `Rule one:` / `Rule two:` or `Monday:` name no one."""
    quotes: list[Quote] = []
    for run in _line_runs(text, paragraphs, silent):
        counts = Counter(match["label"] for _, match in run)
        people = {label for label in counts if _names_someone(label)}
        if (
            len(run) >= MIN_CHAT_RUN
            and len(counts) >= 2
            and len(counts) < len(run)
            and len(people) >= min(2, (len(counts) + 1) // 2)
        ):
            heading = run[0][1]["label"]
            if counts[heading] == 1 and heading not in people:
                run = run[1:]  # `Group chat: the squad` over the chat is no one's line
            for index, match in run:
                label = match["label"]
                start, end = _trim(text, match.start("message"), match.end("message"))
                quotes.append(Quote(start, end, text[start:end], paragraph=index, label=label))
    return quotes


# Below this wordfreq frequency a label's first word is no everyday English word (`Rule`,
# `Step`, `Monday`, `Pros` are; `Tanaka`, `MJ`, `Burr`, a username are not).
LABEL_WORD_ZIPF = 3.5
PERSON_LABELS = frozenset({"me", "i", "you", "mum", "mom", "dad", "mama", "papa"})


def _names_someone(label: str) -> bool:
    """A label that can be a person: a given name, someone's mum, `me` or `you`, or a word
    English seldom uses (a surname, a username); not `Rule one`, `Monday`, `Pros`."""
    first = label.split()[0].lower()
    return first in given_names() or first in PERSON_LABELS or zipf(first) < LABEL_WORD_ZIPF


def _line_runs(text: str, paragraphs: list[Span], silent: list[int]):
    """Runs of consecutive chat-shaped lines, as (paragraph index, match) lists: a run ends
    at a line of another shape or a paragraph that is not silent."""
    run: list[tuple[int, re.Match]] = []
    previous = None
    for index in silent:
        if previous is not None and index != previous + 1 and run:
            yield run
            run = []
        previous = index
        para = paragraphs[index]
        line_start = para.start
        while line_start < para.end:
            line_end = text.find("\n", line_start, para.end)
            line_end = para.end if line_end < 0 else line_end
            # no colon, no label (a str.find: most lines are narration)
            has_colon = text.find(":", line_start, line_end) >= 0
            match = CHAT_LINE_RE.fullmatch(text, line_start, line_end) if has_colon else None
            if match and sum(ch.isalpha() for ch in match["label"]) >= 2:
                run.append((index, match))
            elif run:
                yield run
                run = []
            line_start = line_end + 1
    if run:
        yield run


def _add_quotes(quotes: list[Quote], text: str, spans: list[tuple[int, int]], index: int) -> None:
    for start, end in spans:
        start, end = _trim(text, start, end)
        if end > start:
            quotes.append(Quote(start, end, text[start:end], paragraph=index))


def quote_style(text: str, paragraphs: list[Span]) -> str:
    """The work's dominant convention (a key of STYLES), from counts of quoted lines."""
    doubles = singles = lows = 0
    guillemets = {"«": 0, "»": 0, "first«": 0, "first»": 0}
    angles = {"‹": 0, "›": 0, "first‹": 0, "first›": 0}
    others = any(mark in text for mark in GUILLEMETS + ANGLES + LOW_MARK)
    for para in paragraphs:
        doubles += len(STYLES["double"].marks.findall(text, para.start, para.end))
        for match in _SINGLE_OPENER_RE.finditer(text, para.start, para.end):
            if not _ELISION_RE.match(text, match.start()):
                singles += 1
        if others:
            lows += text.count(LOW_MARK, para.start, para.end)
            _count_pointing(text, para, "«»", guillemets)
            _count_pointing(text, para, "‹›", angles)
    # Each double-quoted line uses two marks, each single-quoted line one opener.
    lines = {
        "double": doubles / 2,
        "guillemets": (guillemets["«"] + guillemets["»"]) / 2,
        "angles": (angles["‹"] + angles["›"]) / 2,
        "low-high": float(lows),
    }
    if singles >= 3 and singles > doubles:
        lines["single"] = float(singles)
    doubled = _count_doubled(text, paragraphs) if any(m in text for m in DOUBLED_MARKS) else 0
    if doubled >= MIN_DOUBLED_MARKS:
        lines["doubled"] = doubled / 2
    best = max(lines, key=lambda name: (lines[name], name == "double"))
    if lines[best] == 0:
        return "double"
    if best == "guillemets" and guillemets["first»"] > guillemets["first«"]:
        return "reversed guillemets"
    if best == "angles" and angles["first›"] > angles["first‹"]:
        return "reversed angles"
    return best


def _count_doubled(text: str, paragraphs: list[Span]) -> int:
    return sum(len(STYLES["doubled"].marks.findall(text, p.start, p.end)) for p in paragraphs)


def _count_pointing(text: str, para: Span, pair: str, counts: dict[str, int]) -> None:
    """Count both marks of a pair, and which of the two comes first in the paragraph (the
    opener: « in French, » in German)."""
    left, right = pair
    first_left = text.find(left, para.start, para.end)
    first_right = text.find(right, para.start, para.end)
    if first_left < 0 and first_right < 0:
        return
    counts[left] += text.count(left, para.start, para.end)
    counts[right] += text.count(right, para.start, para.end)
    if first_right < 0 or 0 <= first_left < first_right:
        counts["first" + left] += 1
    else:
        counts["first" + right] += 1


def _paragraph_style(
    text: str, para: Span, work_style: str, present: tuple[str, ...] = _FALLBACKS
) -> str:
    """The work's style when the paragraph uses it; otherwise the style of the paragraph's
    first mark (the outer one when styles nest). Single quotes are never chosen for one
    paragraph of a double-quote work: there they are apostrophes or quotes inside quotes.
    `present`: the styles whose marks occur in the work."""
    if not present or present == (work_style,):
        return work_style
    low = text.find(LOW_MARK, para.start, para.end) if "low-high" in present else -1
    if low >= 0 and work_style in ("double", "low-high"):
        # „ opens a quote; “ then closes it. A paragraph with as many „ as “ is low-high.
        lows = text.count(LOW_MARK, para.start, para.end)
        if lows >= text.count("“", para.start, para.end):
            return "low-high"
    if _uses(text, para, work_style):
        return work_style
    first, chosen = para.end, work_style
    for name in present:
        match = STYLES[name].marks.search(text, para.start, para.end)
        if match and match.start() < first:
            first, chosen = match.start(), name
    if first == para.end:  # no mark at all: nothing says the paragraph is reversed
        return chosen
    if chosen in ("guillemets", "angles") and work_style.startswith("reversed"):
        chosen = "reversed " + chosen
    elif chosen == "guillemets" and text[first] == "»":
        chosen = "reversed guillemets"
    elif chosen == "angles" and text[first] == "›":
        chosen = "reversed angles"
    return chosen


def _uses(text: str, para: Span, style: str) -> bool:
    if style == "single":
        return any(
            not _ELISION_RE.match(text, m.start())
            for m in _SINGLE_OPENER_RE.finditer(text, para.start, para.end)
        )
    return STYLES[style].marks.search(text, para.start, para.end) is not None


def _opens_quote(text: str, para: Span, style: str) -> bool:
    """Whether a dash line also holds marked speech: any mark of its style, except closing
    marks at the very end (a speech begun in an earlier paragraph, closed on this line)."""
    spec = STYLES[style]
    body_end = para.end
    while body_end > para.start and text[body_end - 1] in _SPACES + ".,;:!?…":
        body_end -= 1
    while body_end > para.start and spec.marks.match(text, body_end - 1):
        if spec.role(text, body_end - 1, para) == OPEN:
            break
        body_end -= 1
    if style == "single":
        return any(
            not _is_apostrophe(text, m.start(), para)
            for m in _SINGLE_RE.finditer(text, para.start, body_end)
        )
    return spec.marks.search(text, para.start, body_end) is not None


def continues_previous(document: Document, quote: Quote, previous: Quote | None) -> bool:
    """True when `quote` opens its paragraph and `previous`, the last quote of the paragraph
    before, was left open at that paragraph's end: one speech over several paragraphs."""
    if previous is None or previous.paragraph != quote.paragraph - 1 or quote.paragraph <= 0:
        return False
    text = document.text
    para = document.paragraphs[quote.paragraph]
    if text[para.start : quote.start].strip(_SPACES + ALL_MARKS + DASHES + "–") != "":
        return False
    previous_para = document.paragraphs[previous.paragraph]
    return text[previous.end : previous_para.end].strip() == ""


def _marked_spans(text: str, para: Span, style: str) -> list[tuple[int, int]]:
    spec = STYLES[style]
    marks = [m.start() for m in spec.marks.finditer(text, para.start, para.end)]
    width = 2 if style == "doubled" else 1  # `''` is two characters
    if style == "single":
        marks = [i for i in marks if not _is_apostrophe(text, i, para)]
    spans: list[tuple[int, int]] = []
    opened = -1
    if _elision_opens(text, para, style, marks):
        # ''Tis late,' he said.': the elision's apostrophe doubles as the opening mark.
        opened = para.start
    for position, offset in enumerate(marks):
        role = spec.role(text, offset, para)
        if opened < 0:
            if role & OPEN:
                opened = offset + width
        elif role & CLOSE:
            if style == "single" and _closing_too_early(text, offset, marks[position + 1 :], para):
                continue
            spans.append((opened, offset))
            opened = -1
        elif role == OPEN:
            # A clear opener inside a quote: the previous quote lost its closing mark.
            spans.append((opened, offset))
            opened = offset + width
    if opened >= 0:
        spans.append((opened, para.end))
    return spans


def _elision_opens(text: str, para: Span, style: str, marks: list[int]) -> bool:
    return (
        style == "single"
        and bool(marks)
        and _ELISION_RE.match(text, para.start) is not None
        and _double_role(text, marks[0], para) == CLOSE
    )


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
    return any(_double_role(text, o, para) & CLOSE for o in later)


def _dash_spans(text: str, para: Span, start: int) -> list[tuple[int, int]]:
    """Dash dialogue from `start`: `—Speech —said X—. More speech.`, `— Speech, said X. More
    speech.`, `— Speech, — said X. — More speech.` or `— Speech. Narration. — More speech.`"""
    spans: list[tuple[int, int]] = []
    while start < para.end:
        again = _speech_again(text, start, para.end)
        end = again.start() if again else para.end
        spans += _dash_segment(text, start, end, narration_last=end < para.end)
        if not again:
            break
        start = again.end()
    return spans


def _speech_again(text: str, start: int, end: int) -> re.Match | None:
    """The first dash in `start:end` after a sentence's end that opens speech (a capital
    follows it; before a lower-case word it opens a tag)."""
    for match in _SPEECH_AGAIN_RE.finditer(text, start, end):
        if text[match.end()].isupper() and not _NAMED_TAG_RE.match(text, match.end()):
            return match
    return None


def _dash_segment(text: str, start: int, end: int, narration_last: bool) -> list[tuple[int, int]]:
    """One stretch of a dash line up to the end of the paragraph or to a dash that resumes
    the speech. Cut out its tags; when it has none and a resuming dash follows, its last
    sentence is the narration that dash closes."""
    spans: list[tuple[int, int]] = []
    tagged = False
    tag = inline = _UNSEARCHED
    while start < end:
        tag = _ahead(tag, _DASH_TAG_RE, text, start, end)
        inline = _ahead(inline, _INLINE_TAG_RE, text, start, end)
        if inline and (not tag or inline.start() < tag.start()):
            tagged = True
            spans.append((start, inline.start()))
            if _NARRATION_RE.match(text, inline.end()):
                break  # "— Go! he said. He turned away.": after the tag, the narrator goes on
            start = _after_dash(text, inline.end(), end)
            continue
        if not tag:
            if narration_last and not tagged:
                end = _last_sentence_start(text, start, end)
            end = _narration_start(text, start, end)
            spans.append((start, _before_closing_marks(text, start, end)))
            break
        tagged = True
        spans.append((start, tag.start()))
        resume = _DASH_RESUME_RE.search(text, tag.end(), end)
        if not resume:
            break
        start = resume.end()
    return spans


_UNSEARCHED = object()


def _ahead(previous, pattern: re.Pattern | LazyPattern, text: str, start: int, end: int):
    """The first match of `pattern` in `start:end`: the previous search's answer while it
    still lies ahead (a miss stays a miss), so a paragraph of thousands of dashes is not
    searched to its end once per dash."""
    if previous is None or (previous is not _UNSEARCHED and previous.start() >= start):
        return previous
    return pattern.search(text, start, end)


def _dash_start(text: str, para: Span) -> int:
    """Where a dash line's speech starts: past the dash and its spaces (a dash followed by a
    space would read as a sentence broken off before `She kept it`, whose speech would then
    be taken for narration)."""
    start = _DASH_LINE_RE.match(text, para.start).end()
    while start < para.end and text[start] in _LINE_SPACES:
        start += 1
    return start


def _after_dash(text: str, start: int, end: int) -> int:
    """Past a dash (and its spaces) that resumes speech right after a tag."""
    while start < end and text[start] in DASHES + "–" + _SPACES:
        start += 1
    return start


def _narration_start(text: str, start: int, end: int) -> int:
    """Where a sentence of `start:end` after its first opens like narration (`— Thanks, old
    chap. He skipped off the gunrest`) and nothing after it speaks as an I to a you or asks
    or cries out (`She never did. You told me this passage was clear.`, `He wiped his face.
    Orders?`: the speech goes on): the speech ends there (`end` when none does)."""
    for match in _SENTENCE_START_RE.finditer(text, start, end):
        if _NARRATION_RE.match(text, match.end()):
            if _SPEAKING_RE.search(text, match.end(), end):
                return end
            return match.start()
    return end


def _last_sentence_start(text: str, start: int, end: int) -> int:
    """Where the last sentence of `start:end` begins (`end` when it has only one)."""
    last = end
    for match in _SENTENCE_START_RE.finditer(text, start, end):
        if text[match.end()].isupper() and match.end() < end:
            last = match.start()
    return last


def _speech_after_narration(text: str, para: Span) -> list[tuple[int, int]]:
    """A paragraph of a dash-dialogue work that opens with narration may go on to speech:
    `I swallowed. — A Dutchman. In 1740.`"""
    again = _speech_again(text, para.start, para.end)
    return _dash_spans(text, para, again.end()) if again else []


def _before_closing_marks(text: str, start: int, end: int) -> int:
    """A dash line may close, with a mark, a speech opened in an earlier paragraph (French
    `« Bonjour, dit-il.` / `— Bien, merci. »`): the mark is not part of the speech."""
    while end > start and text[end - 1] in _SPACES + ALL_MARKS:
        end -= 1
    return end


# `a copy of "The Secret Garden"`, `a stack of books labelled "Poetry (Misc.)"`, `the word
# "love"`: the words before the marks make what they hold a title, a label or a word, which
# no one says in the scene.
_NAMING_WORDS = words(
    "of labelled labeled titled entitled marked stamped captioned word words phrase"
)
_NAMED_TEXT_WORDS = 8


def _names_a_text(text: str, start: int, end: int, paragraph_start: int) -> bool:
    """The quotation continues a sentence of narration as the object of a naming word: a
    title, a label or a word mentioned, not speech. Only short spans that do not end a
    sentence inside their marks (`"Poetry (Misc.)"`, not `of "Come in!"`)."""
    before = text[max(paragraph_start, start - 30) : start].rstrip(ALL_MARKS + " ")
    word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
    if word not in _NAMING_WORDS:
        return False
    inner = text[start:end].strip(ALL_MARKS + " ")
    return len(inner.split()) <= _NAMED_TEXT_WORDS and not inner.endswith(
        (".", "!", "?", ",", "…", "—", "-")
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    return start, end
