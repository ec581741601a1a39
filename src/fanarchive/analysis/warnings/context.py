"""Does a cue describe something that happens? Negation, hypotheticals and questions.

A cue counts fully in a plain statement ("he stabbed him"), half in a question or an
irrealis clause ("if he hurt her", "he would kill him"), and not at all under negation
("he never hit her", "she didn't die").
"""

from __future__ import annotations

import re

# The clause a cue sits in starts after the last of these (within its sentence).
CLAUSE_MARKS = (",", ";", ":", "(", ")", '"', "“", "”", "—", "–", " - ", "...", "…")
NEGATION_RE = re.compile(
    r"\b(?:not|never|no|nobody|nothing|neither|nor|without|cannot|hardly|refused to|"
    r"didn't|don't|doesn't|won't|wouldn't|couldn't|can't|isn't|wasn't|weren't|aren't|"
    r"haven't|hasn't|hadn't|shouldn't|mustn't)\b|n't\b"
)
IRREALIS_RE = re.compile(
    r"\b(?:would|could(?! (?:feel|see|hear|smell|taste|only|tell|barely|still))|might|should|"
    r"may|if|unless|whether|wants? to|wanted to|going to|gonna|threat\w*|about to|"
    r"afraid|scared|fear(?:ed|s|ing)?|worried|worry|imagin\w*|dream\w*|nightmares?|pretend\w*|"
    r"as if|as though|wish\w*|hope\w*|will|shall|rather|plann?(?:ed|ing)? to|"
    r"promis\w*|swear|swore|tempted|urge to|what if|in case|risk|chance|potential\w*|"
    r"probably|maybe|perhaps|supposed to|ready to|willing to|try to|trying to|"
    # on a screen or in a book: "a horror film where a man's guts spilled out"
    r"(?:film|movie|video|show|documentary|game|novel|book|comic|episode|scene) "
    r"(?:where|in which|about|that showed))\b|'ll\b"
)
# "before she could scream, they forced her into the van": the "could" is hers, and what
# follows happened.
BEFORE_COULD_RE = re.compile(r"\b(?:before|until|as soon as|by the time) (?:\w+ ){1,2}could \w+")
NEGATION_REACH = 40  # characters before the cue that a negation word can govern


def clause_start(text: str, sentence_start: int, offset: int) -> int:
    """Start of the clause containing `offset` (a comma, dash, bracket or quote mark opens
    one); searched backwards with str.rfind, which is much cheaper than a regex here."""
    start = sentence_start
    for mark in CLAUSE_MARKS:
        found = text.rfind(mark, sentence_start, offset)
        if found >= 0:
            start = max(start, found + len(mark))
    return start


def factor(text: str, sentence_start: int, sentence_end: int, offset: int) -> float:
    """How much a cue at `offset` counts: 1 stated, 0.5 hypothetical or asked, 0 negated."""
    start = clause_start(text, sentence_start, offset)
    before = BEFORE_COULD_RE.sub("", text[start:offset].lower().replace("’", "'"))
    if NEGATION_RE.search(before, max(0, len(before) - NEGATION_REACH)):
        return 0.0
    if IRREALIS_RE.search(before):
        return 0.5
    if text[sentence_start:sentence_end].rstrip("\"'”’ )").endswith("?"):
        return 0.5
    return 1.0
