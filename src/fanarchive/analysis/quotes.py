"""Find quoted speech: spans of quoted words (quotation marks excluded)."""

from __future__ import annotations

import re

from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Quote

# Straight or curly double quotes within one paragraph; an unmatched mark ends at the paragraph.
QUOTE_RE = re.compile(r"[\"“]([^\"“”\n]*?)(?:[\"”]|(?=\n)|$)")


def find_quotes(document: Document) -> list[Quote]:
    quotes: list[Quote] = []
    text = document.text
    for index, para in enumerate(document.story_paragraphs):
        for match in QUOTE_RE.finditer(text, para.start, para.end):
            body = match.group(1)
            if body.strip():
                quotes.append(Quote(match.start(1), match.end(1), body, paragraph=index))
    return quotes
