"""Author's notes, chapter headings and scene breaks, found on a Document's paragraphs.

Structure the reader already took from markup (AO3's chapter headings and notes, <hr> rules)
is kept; this module finds what plain text only shows by convention:

- chapter headings: "Chapter 1", "Chapter One: Title", "~Chapter 3~", "Prologue", "Part II",
  and runs of numbered headings ("1.", "II") counting up;
- scene breaks: a paragraph of symbols only ("***", "* * *", "~~~", "-x-x-", "o0o", centred
  dividers) or a "scene break" label;
- author's notes at the beginning and end of the work and of each chapter: labelled ones
  ("A/N", "Author's Note", "Disclaimer:", "Notes:", fic header fields such as "Pairing:") and
  unlabelled ones recognised by talk about the writing, the fic, its readers or canon, set off
  from the story by a divider or extra blank lines;
- author's notes inside a chapter: an "A/N:" paragraph (or "(A/N: ...)"), replies to reviewers
  ("Review responses:", "Guest: thank you!") and thanks for reviews ("Thanks for all the
  reviews!"), each with the note-like paragraphs that follow it. The format has only
  beginning and end notes, so an inline note is placed by the nearer edge of its chapter.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from fanarchive.analysis.document import Chapter, Document, Note, Span
from fanarchive.analysis.lazyre import LazyPattern

# --- scene breaks ----------------------------------------------------------------------------
_BREAK_SYMBOLS = r"*~#=\-_.+•·◇◆♦❖❦⁂§¤°♥♡❤★☆✦✧✿❀<>|/\\:^"
SCENE_BREAK_RE = re.compile(
    rf"^[\s{_BREAK_SYMBOLS}oO0xX]*$"  # only divider characters...
    rf"|^\W*(?i:(?:line|scene|page|section|time)[ -]?(?:break|skip|change))\W*$"
)
_SHORT_SENTENCE_RE = re.compile(r"^\s*[A-Za-z0-9]{1,4}[.!?]+\s*$")
_DIVIDER_CHAR_RE = re.compile(rf"[{_BREAK_SYMBOLS}oO0xX]")

# --- chapter headings ------------------------------------------------------------------------
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    "|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final"
)
_NUMBER = rf"(?:#?\d{{1,4}}|[ivxlcdm]{{1,7}}|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))?)"
_DECOR = r"[\s~*=#\-–—_\[\](){}<>|•·+]*"
_SEPARATOR = r"\s*[:.\-–—~|]+\s*"
_TITLE = r"[^\n]{1,100}?"
CHAPTER_RE = re.compile(
    rf"^{_DECOR}(?P<head>(?i:chapter|chap\.?|ch\.|part|book|volume|vol\.|act|section|episode|arc)"
    rf"\s*(?i:{_NUMBER})\.?"
    rf"(?:{_SEPARATOR}(?P<title>{_TITLE})|\s+(?P<title2>[A-Z\"“‘'(]{_TITLE}))?)"
    rf"{_DECOR}$"
)
NAMED_CHAPTER_RE = re.compile(
    rf"^{_DECOR}(?P<head>(?i:prologue|epilogue|interlude|intermission|afterword|foreword|coda"
    rf"|omake|bonus chapter|extra chapter)"
    rf"(?:{_SEPARATOR}(?P<title>{_TITLE}))?){_DECOR}$"
)
NUMBERED_RE = re.compile(
    rf"^{_DECOR}(?P<number>\d{{1,3}}|[IVXLC]{{1,7}})(?:\.|{_DECOR}$|[.:)]\s+(?P<title>[^\n.!?,;]{{1,60}}))"
    rf"{_DECOR}$"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
MAX_HEADING_CHARS = 140

# --- author's notes --------------------------------------------------------------------------
NOTE_LABEL_RE = re.compile(
    r"^\W{0,3}(?:"
    r"A\s?/\s?N\b|A\.N\.|AN\s*[:\-–—]|N/A\b|"
    r"(?i:authors?['’]?s?\s+notes?\b|note\s+from\s+the\s+author|"
    r"(?:chapter\s+|beginning\s+|end\s+|final\s+|more\s+)?notes?\s*(?::|$|-\s)|"
    r"disclaimer\b|dedication\b|dedicated\s+to\b)"
    r")"
)
HEADER_FIELD_RE = re.compile(
    r"^\W{0,2}(?P<field>(?i:title|author|authors|by|fandoms?|rating|rated|pairings?|relationships?|"
    r"characters?|warnings?|content\s+warnings?|tw|cw|summary|genres?|categor(?:y|ies)|"
    r"word\s*count|words|length|spoilers?|beta(?:\s+reader)?|prompt|status|timeline|"
    r"setting|series|language|tags|additional\s+tags|archive\s+warnings?))"
    r"\s*:\s*(?P<value>\S[^\n]*)?$"
)
# Talk about the writing, the fic, its readers or canon: cues an author's note has and a
# story (even a first-person one) rarely has. A note needs several distinct cues.
META_CUES = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"\b(?:this|my|the|next|last|previous|new|first)\s+(?:fic|fanfic|fan\s?fiction|story|"
        r"chapter|one-?shot|drabble|ficlet|series|update|idea|prompt|au|work|plot)\b",
        r"\bfic(?:s|let)?\b|\bfanfic|\bfan\s?fiction\b",
        r"\b(?:reviews?|reviewing|reviewers?|r\s?&\s?r|kudos|comments?|feedback|flames?)\b",
        r"\bhope\s+(?:you|y'?all|everyone|people|u)\b",
        r"\bthanks?\s+(?:you\s+)?(?:so\s+much\s+)?(?:for|to)\b",
        r"\b(?:i|we)\s+(?:do\s+not|don'?t|dont)\s+own\b|\bbelongs?\s+to\b|\bcopyright\b",
        r"\b(?:canon(?:ically)?|head-?canons?|fandom|ooc|alternate\s+universe|spoilers?|"
        r"beta(?:'?d|ed|\s+reader)?|unbeta(?:'?d|ed)?|plot\s?bunny|wip|hiatus|sequel|prequel)\b",
        r"\b(?:occurred\s+to\s+me|in\s+my\s+head|i\s+wrote|i\s+write|i'?m\s+writing|"
        r"i\s+was\s+writing|writing\s+this|wrote\s+this|posted|updat(?:e|ed|es|ing))\b",
        r"\breaders?\b|\bauthor\b|\bwriter'?s\s+block\b",
        r"\bthe\s+(?:cast|characters|anime|manga|show|books?|movies?|games?|episodes?|arc|"
        r"original|source)\b",
        r"\b(?:checked|researched|looked\s+up)\b.{0,20}\b(?:facts?|details|wiki|timeline)\b",
        r"\b(?:sorry|apologies)\s+(?:for|about)\b",
        r"\b(?:inspired\s+by|dedicated\s+to|written\s+for|a\s+gift\s+for|request(?:ed)?\s+by)\b",
        r"\b(?:enjoy|enjoyed)\s*[!.]|\bplease\s+(?:enjoy|review|comment|leave)\b",
        r"\b(?:warnings?|trigger\s+warnings?|tw|cw)\s*:",
    )
)
# A note inside a chapter needs a label of its own (a bare "Note:" may be a letter in the story).
INLINE_LABEL_RE = re.compile(  # used with match(text, pos): anchored at the paragraph
    r"\W{0,3}(?:"
    r"(?i:a\s?/\s?n)\b|A\.N\.|AN\s*[:\-–—]|"
    r"(?i:authors?['’]?s?\s+notes?\b|note\s+from\s+the\s+author|"
    r"(?:review(?:er)?s?\s+(?:responses?|replies|corner)|reviews?\s*:)|"
    r"(?:responses?|replies|answers?)\s+to\s+(?:the\s+|my\s+)?review(?:s|ers)?\b|"
    r"thanks?\s+(?:you\s+)?(?:so\s+much\s+)?(?:to\s+(?:everyone|all)\s+(?:who\s+\w+\s+)?)?"
    r"for\s+(?:all\s+)?(?:the\s+|your\s+)?(?:lovely\s+|kind\s+|amazing\s+)?"
    r"(?:reviews?|kudos|comments|favs|faves|follows)\b)"
    r")"
)
# A reply to one reviewer: "Guest: thank you!", "To sakura99: ...", "@luna - yes!".
REVIEW_REPLY_RE = LazyPattern(r"^(?:to\s+|@)?[\w.\-]{2,30}(?:\s[\w.\-]{1,20})?\s*[:\-–—]\s", re.I)
INLINE_NOTE_MAX_WORDS = 150
TRAILING_NOTE_WORDS = 25  # "See you next week!", "Love, Kat": a note's short sign-off  # a paragraph following an inline note's label, to be part of it
_DIALOGUE_RE = re.compile(r"[\"“”«»„‹›]")
NOTE_MAX_PARAGRAPHS = 6  # how far from a chapter's edge an unlabelled note may extend
NOTE_MAX_WORDS = 400
_WORD_RE = re.compile(r"\w+")


@dataclass
class _Segment:
    """A run of paragraphs between chapter headings, with its chapter index (None: the work's
    front matter, or the whole work when there are no headings)."""

    paragraphs: list[Span]
    chapter: int | None


def find_structure(document: Document) -> None:
    """Fill scene breaks, chapters and notes that the reader did not already take from markup."""
    text = document.text
    # Paragraphs are told apart by their start offset: unique, and hashed in C.
    known_breaks = {b.start for b in document.scene_breaks}
    document.scene_breaks = [
        p for p in document.paragraphs if p.start in known_breaks or is_scene_break(text, p)
    ]
    if not document.chapters:
        document.headings = find_chapter_headings(text, document.paragraphs)
        _attach_title_lines(document)
    notes = find_notes(document)
    document.notes = sorted([*document.notes, *notes], key=lambda n: n.start)
    _invalidate(document)
    if not document.chapters:
        document.chapters = build_chapters(document)
    # Dividers that only separate a note from the story are not scene breaks.
    noted = paragraphs_in_notes(document.notes, document.paragraphs)
    document.scene_breaks = [b for b in document.scene_breaks if b.start not in noted]
    _invalidate(document)
    _drop_edge_breaks(document)
    _invalidate(document)
    read_front_matter(document)


# --- metadata written in the text ------------------------------------------------------------

HEADER_FIELDS = {
    "title": "title",
    "author": "authors",
    "authors": "authors",
    "by": "authors",
    "fandom": "fandoms",
    "fandoms": "fandoms",
    "rating": "rating",
    "rated": "rating",
    "pairing": "relationships",
    "pairings": "relationships",
    "relationship": "relationships",
    "relationships": "relationships",
    "characters": "characters",
    "character": "characters",
    "warning": "warnings",
    "warnings": "warnings",
    "archive warning": "warnings",
    "archive warnings": "warnings",
    "summary": "summary",
    "category": "categories",
    "categories": "categories",
    "genre": "additional_tags",
    "genres": "additional_tags",
    "tags": "additional_tags",
    "additional tags": "additional_tags",
    "language": "language",
    "series": "series",
}
BYLINE_RE = re.compile(r"^(?i:by|written\s+by)\s+(?P<author>[^\n!?]{2,60})$")


def read_front_matter(document: Document) -> None:
    """A fic's header lines ("Title: ...", "Pairing: ...") in its opening note, or a title
    line followed by "by Author", fill the metadata fields the file left empty."""
    text, metadata = document.text, document.metadata
    found: dict[str, str] = {}
    for note in document.notes:
        if note.position == "beginning" and note.chapter is None:
            for line in text[note.start : note.end].split("\n"):
                match = HEADER_FIELD_RE.match(line)
                field = match and HEADER_FIELDS.get(" ".join(match.group("field").lower().split()))
                if field and match.group("value") and field not in found:
                    found[field] = match.group("value").strip()
    first = document.paragraphs[:2]
    if len(first) == 2 and "title" not in found:
        title, byline = (text[p.start : p.end] for p in first)
        match = BYLINE_RE.match(byline)
        if match and len(title) <= 80 and "\n" not in title and title[-1] not in '.!?"”':
            found["title"] = title.strip()
            found.setdefault("authors", match.group("author").strip())
    for field, value in found.items():
        current = getattr(metadata, field)
        if isinstance(current, list) and not current:
            current.extend(v.strip() for v in value.split(",") if v.strip())
        elif not current:
            setattr(metadata, field, value)


def _invalidate(document: Document) -> None:
    for cached in (
        "story_spans",
        "story_paragraphs",
        "words",
        "_non_story_words",
        "_story_words_memo",
        "_note_bounds",
    ):
        document.__dict__.pop(cached, None)


def paragraphs_in_notes(notes: list[Note], paragraphs: list[Span]) -> set[int]:
    """Start offsets of the paragraphs inside a note, in one sweep over both sorted lists."""
    spans = sorted((n.start, n.end) for n in notes)
    inside, index = set(), 0
    for para in paragraphs:
        while index < len(spans) and spans[index][1] <= para.start:
            index += 1
        if index < len(spans) and spans[index][0] <= para.start:
            inside.add(para.start)
    return inside


def is_scene_break(text: str, span: Span) -> bool:
    if span.end - span.start > 80:
        return False
    line = text[span.start : span.end]
    if "\n" in line or not SCENE_BREAK_RE.match(line):
        return False
    if _SHORT_SENTENCE_RE.match(line):  # "Ox." or "OK!" is a sentence, not a divider
        return False
    # "oOo", "xXx" and "***" are dividers; a lone letter or "Ox" is not.
    return len(_DIVIDER_CHAR_RE.findall(line)) >= 3 or not line.strip().isalnum()


# --- chapters --------------------------------------------------------------------------------


def _attach_title_lines(document: Document) -> None:
    """ "CHAPTER I." with its title on the next line is one heading: "CHAPTER I. Down the
    Rabbit-Hole"."""
    text, paragraphs = document.text, document.paragraphs
    position = {p.start: i for i, p in enumerate(paragraphs)}
    headings, absorbed = [], set()
    for heading in document.headings:
        i = position[heading.start]
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if following is not None and _is_title_line(text, heading, following):
            heading = Span(heading.start, following.end)
            paragraphs[i] = heading
            absorbed.add(following.start)
        headings.append(heading)
    if absorbed:
        document.paragraphs = [p for p in paragraphs if p.start not in absorbed]
    document.headings = headings


def _is_title_line(text: str, heading: Span, line: Span) -> bool:
    match = CHAPTER_RE.match(text[heading.start : heading.end])
    if match is None or match.group("title") or match.group("title2"):
        return False
    body = text[line.start : line.end]
    return (
        text.count("\n", heading.end, line.start) == 1  # on the very next line
        and len(body) <= 80
        and "\n" not in body
        and body[0] not in "\"“‘'"
        and not heading_title(body)
    )


def heading_title(line: str) -> str | None:
    """The cleaned heading if `line` is a chapter heading by keyword or name, else None."""
    if len(line) > MAX_HEADING_CHARS or "\n" in line:
        return None
    match = CHAPTER_RE.match(line) or NAMED_CHAPTER_RE.match(line)
    if not match:
        return None
    return _clean_heading(line)


def find_chapter_headings(text: str, paragraphs: list[Span]) -> list[Span]:
    headings = [
        p
        for p in paragraphs
        if p.end - p.start <= MAX_HEADING_CHARS and heading_title(text[p.start : p.end])
    ]
    numbered = _numbered_headings(text, paragraphs)
    if len(numbered) > len(headings):
        return numbered
    return headings


def _numbered_headings(text: str, paragraphs: list[Span]) -> list[Span]:
    """Bare numbered headings ("1.", "II", "3) The Storm") count only as a run counting up."""
    found: list[tuple[int, Span]] = []
    for para in paragraphs:
        if para.end - para.start > 70:
            continue
        match = NUMBERED_RE.match(text[para.start : para.end])
        if not match:
            continue
        number = _number_value(match.group("number"))
        if number and (not found and number <= 2 or found and number == found[-1][0] + 1):
            found.append((number, para))
    return [span for _, span in found] if len(found) >= 2 else []


def _number_value(token: str) -> int:
    if token.isdigit():
        return int(token)
    total, previous = 0, 0
    for ch in reversed(token):
        value = _ROMAN.get(ch, 0)
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


def _clean_heading(line: str) -> str:
    return " ".join(line.strip(" \t~*=#-–—_[](){}<>|•·+").split())


def build_chapters(document: Document) -> list[Chapter]:
    text = document.text
    story = document.story_paragraphs
    if not story:
        return []
    if not document.headings:
        return [Chapter(document.metadata.title, story[0].start, story[-1].end)]
    chapters = []
    first_heading = document.headings[0].start
    before = [p for p in story if p.end <= first_heading]
    # A title page ("The Gambler / by ... / Translated by ...") is not a chapter; a prologue
    # without a heading is.
    words_before = sum(_words(text, p) for p in before)
    if words_before >= 100 or len(before) >= 3 and any(_has_dialogue(text, p) for p in before):
        chapters.append(Chapter("", before[0].start, before[-1].end))
    work_end_notes = [n for n in document.notes if n.chapter is None and n.position == "end"]
    last_end = min([n.start for n in work_end_notes] + [len(text)])
    for body, heading in zip(_chapter_bodies(document), document.headings, strict=True):
        inside = [p for p in body if p.end <= last_end]
        end = inside[-1].end if inside else heading.end
        chapters.append(
            Chapter(_clean_heading(text[heading.start : heading.end]), heading.start, end)
        )
    return chapters


def _chapter_bodies(document: Document) -> list[list[Span]]:
    """The paragraphs after each heading up to the next (headings are paragraphs too)."""
    paragraphs = document.paragraphs
    starts = [p.start for p in paragraphs]
    positions = [bisect_left(starts, h.start) for h in document.headings] + [len(paragraphs)]
    return [paragraphs[positions[i] + 1 : positions[i + 1]] for i in range(len(positions) - 1)]


# --- notes -----------------------------------------------------------------------------------


def find_notes(document: Document) -> list[Note]:
    notes: list[Note] = []
    known = paragraphs_in_notes(document.notes, document.paragraphs)
    for segment in _segments(document):
        paragraphs = [p for p in segment.paragraphs if p.start not in known]
        if not paragraphs:
            continue
        # Front matter before the first heading may be all notes; a chapter keeps its story.
        front_matter = segment.chapter is None and bool(document.headings)
        front = _front_note(document.text, paragraphs, whole=front_matter)
        back = _back_note(document.text, paragraphs[len(front) :])
        if front:
            notes.append(_note("beginning", front, segment))
        if back:
            notes.append(_note("end", back, segment))
        middle = paragraphs[len(front) : len(paragraphs) - len(back)]
        notes.extend(_inline_notes(document.text, middle, segment))
    return notes


def _inline_notes(text: str, paragraphs: list[Span], segment: _Segment) -> list[Note]:
    """Notes inside a chapter: a labelled paragraph ("A/N:", "Review responses:", "Thanks for
    the reviews!"), and the replies and note-like paragraphs after it."""
    notes: list[Note] = []
    index = 0
    while index < len(paragraphs):
        para = paragraphs[index]
        if not _starts_inline_note(text, para):
            index += 1
            continue
        end = index + 1
        while (
            end < len(paragraphs)
            and end - index < NOTE_MAX_PARAGRAPHS
            and _continues_inline_note(text, paragraphs[end])
        ):
            end += 1
        run = paragraphs[index:end]
        middle = (segment.paragraphs[0].start + segment.paragraphs[-1].end) / 2
        position = "beginning" if run[0].start < middle else "end"
        notes.append(Note(position, run[0].start, run[-1].end, segment.chapter))
        index = end
    return notes


def _starts_inline_note(text: str, para: Span) -> bool:
    # Labels only: they are cheap to test on every paragraph and rarely wrong, where counting
    # talk about the fic in every paragraph of the story is neither.
    return INLINE_LABEL_RE.match(text, para.start, min(para.end, para.start + 160)) is not None


def _continues_inline_note(text: str, para: Span) -> bool:
    if _has_dialogue(text, para) or _words(text, para) > INLINE_NOTE_MAX_WORDS:
        return False
    head = text[para.start : min(para.end, para.start + 60)]
    return bool(REVIEW_REPLY_RE.match(head)) or _reads_as_note(text, [para], weak=True)


def _note(position: str, paragraphs: list[Span], segment: _Segment) -> Note:
    # A note after a chapter heading is that chapter's; before any heading, the work's.
    return Note(position, paragraphs[0].start, paragraphs[-1].end, segment.chapter)


def _segments(document: Document) -> list[_Segment]:
    """Chapter bodies (headings excluded); with no headings, the whole work."""
    if not document.headings:
        return [_Segment(document.paragraphs, None)]
    first = document.headings[0].start
    front = [p for p in document.paragraphs if p.end <= first]
    segments = [_Segment(body, i) for i, body in enumerate(_chapter_bodies(document))]
    return [_Segment(front, None), *segments] if front else segments


def _front_note(text: str, paragraphs: list[Span], whole: bool = False) -> list[Span]:
    limit = len(paragraphs) if whole else len(paragraphs) - 1
    window = paragraphs[: min(NOTE_MAX_PARAGRAPHS + 1, limit)]
    if not window:
        return []
    separator = _first_separator(text, window)
    labelled = _labelled_prefix(text, window)
    if labelled:
        between = paragraphs[len(labelled) : separator]
        if (
            separator is not None
            and separator >= len(labelled) - 1
            and all(
                not _has_dialogue(text, p) and _reads_as_note(text, [p], weak=True) for p in between
            )
        ):
            return paragraphs[: separator + 1]
        return labelled
    if separator is not None and _reads_as_note(text, paragraphs[:separator]):
        return paragraphs[: separator + 1]
    if _reads_as_note(text, paragraphs[:1], strong=True):
        return paragraphs[:1]
    return []


def _back_note(text: str, paragraphs: list[Span]) -> list[Span]:
    if len(paragraphs) < 2:
        return []
    window = paragraphs[-NOTE_MAX_PARAGRAPHS:]
    offset = len(paragraphs) - len(window)
    for i, para in enumerate(window):  # earliest label wins: the note runs to the end
        if (
            _is_labelled(text, para, allow_fields=False)
            and offset + i > 0
            and all(_trails_note(text, after) for after in window[i + 1 :])
        ):
            start = offset + i
            if start > 0 and _is_separator(text, paragraphs[start - 1], paragraphs[start]):
                start -= 1
            return paragraphs[start:]
    separator = _last_separator(text, window)
    if separator is not None:
        tail = window[separator + 1 :]
        if tail and _reads_as_note(text, tail):
            return window[separator:]
    if _reads_as_note(text, window[-1:], strong=True):
        return window[-1:]
    return []


def _trails_note(text: str, para: Span) -> bool:
    """A paragraph that may follow an end note's label: note-like or short, never dialogue
    (a label with the story going on after it is a note inside the chapter, not its end)."""
    return _continues_inline_note(text, para) or (
        not _has_dialogue(text, para) and _words(text, para) <= TRAILING_NOTE_WORDS
    )


def _labelled_prefix(text: str, window: list[Span]) -> list[Span]:
    """Leading labelled paragraphs, plus unlabelled ones in between that read as notes."""
    last = -1
    for i, para in enumerate(window):
        if _is_labelled(text, para):
            last = i
        elif last < 0 or _has_dialogue(text, para) or not _reads_as_note(text, [para], weak=True):
            break
    return window[: last + 1]


def _is_labelled(text: str, para: Span, allow_fields: bool = True) -> bool:
    head = text[para.start : min(para.end, para.start + 120)]
    return bool(NOTE_LABEL_RE.match(head) or allow_fields and HEADER_FIELD_RE.match(head))


def _first_separator(text: str, window: list[Span]) -> int | None:
    for i, para in enumerate(window):
        if i > 0 and is_scene_break(text, para):
            return i
        if (
            i + 1 < len(window)
            and _gap(text, para, window[i + 1]) >= 2
            and not is_scene_break(text, window[i + 1])
        ):
            return i
    return None


def _last_separator(text: str, window: list[Span]) -> int | None:
    for i in range(len(window) - 2, -1, -1):
        if is_scene_break(text, window[i]):
            return i
        if _gap(text, window[i], window[i + 1]) >= 2:
            return i
    return None


def _is_separator(text: str, before: Span, after: Span) -> bool:
    return is_scene_break(text, before)


def _gap(text: str, before: Span, after: Span) -> int:
    """Blank lines between two paragraphs: two or more set a note off from the story."""
    return max(0, text.count("\n", before.end, after.start) - 1)


def _reads_as_note(
    text: str, paragraphs: list[Span], strong: bool = False, weak: bool = False
) -> bool:
    if not paragraphs:
        return False
    body = text[paragraphs[0].start : paragraphs[-1].end]
    if len(_WORD_RE.findall(body)) > NOTE_MAX_WORDS:
        return False
    cues = sum(1 for cue in META_CUES if cue.search(body))
    if weak:
        return cues >= 1
    if any(_has_dialogue(text, p) for p in paragraphs):
        return cues >= 4
    return cues >= (3 if strong else 2)


def _has_dialogue(text: str, para: Span) -> bool:
    """Two quotation marks, or a dialogue dash opening the paragraph (`— Go, she said.`)."""
    if text[para.start] in "—―" or text.startswith("– ", para.start):
        return True
    return len(_DIALOGUE_RE.findall(text, para.start, para.end)) >= 2


def _words(text: str, para: Span) -> int:
    return len(_WORD_RE.findall(text, para.start, para.end))


def _drop_edge_breaks(document: Document) -> None:
    """A divider before the first or after the last story paragraph separates no scenes."""
    story = document.story_paragraphs
    if not story:
        document.scene_breaks = []
        return
    first, last = story[0].start, story[-1].end
    document.scene_breaks = [b for b in document.scene_breaks if first < b.start < last]
