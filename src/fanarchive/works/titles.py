"""A readable title for an upload that has none: the opening words of its story, as archives
do for untitled uploads (never a file name)."""

from __future__ import annotations

import re

from fanarchive.analysis.document import Document

# The first sentence: up to its end mark, with a closing quotation mark kept out of it.
_SENTENCE_END = re.compile(r"[.!?…]+(?=[\"”’')\]]*(\s|$))")
_QUOTES = "\"“”‘’'()[]«»*_-–—~ "
_WORDS_IN_FULL = 8  # a sentence this short is the whole title
_WORDS_SHORTENED = 6  # a longer one is cut to its opening words and "…"
MAX_TITLE = 80


def opening_words_title(document: Document) -> str:
    """The first story sentence (author's notes and chapter headings skipped), trimmed to
    its opening words; "" when the text has no words at all."""
    sentence = _first_sentence(_first_story_paragraph(document))
    words = sentence.split()
    if not words:
        return ""
    if len(words) <= _WORDS_IN_FULL:
        title = " ".join(words).rstrip(".").strip(_QUOTES)
    else:
        title = " ".join(words[:_WORDS_SHORTENED]).rstrip(".,;:!?…").strip(_QUOTES) + "…"
    return title[:MAX_TITLE]


def _first_story_paragraph(document: Document) -> str:
    headings = {(h.start, h.end) for h in document.headings}
    for span in document.paragraphs:
        if (span.start, span.end) in headings or document.in_note(span.start):
            continue
        text = document.slice(span)
        if any(ch.isalpha() for ch in text):
            return text
    return document.text if not document.paragraphs else ""


def _first_sentence(paragraph: str) -> str:
    text = " ".join(paragraph.split()).lstrip(_QUOTES)
    end = _SENTENCE_END.search(text)
    return text[: end.end()] if end else text
