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


# How far back a cue's clause is read: a clause of more than this with no comma, dash,
# bracket or quotation mark (a work typed without stops) is read from here, so a sentence
# of thousands of cues costs linear time, not quadratic.
CLAUSE_REACH = 1000


def factor(text: str, sentence_start: int, sentence_end: int, offset: int) -> float:
    """How much a cue at `offset` counts: 1 stated, 0.5 hypothetical or asked, 0 negated."""
    start = clause_start(text, max(sentence_start, offset - CLAUSE_REACH), offset)
    before = BEFORE_COULD_RE.sub("", text[start:offset].lower().replace("’", "'"))
    if NEGATION_RE.search(before, max(0, len(before) - NEGATION_REACH)):
        return 0.0
    if IRREALIS_RE.search(before):
        return 0.5
    if _asks(text, sentence_start, sentence_end):
        return 0.5
    return 1.0


def _asks(text: str, sentence_start: int, sentence_end: int) -> bool:
    """The sentence ends with a question mark (closing quotes, brackets and spaces aside),
    read from its end without copying it: factor runs once per cue."""
    end = sentence_end
    while end > sentence_start and text[end - 1] in "\"'”’ )":
        end -= 1
    return end > sentence_start and text[end - 1] == "?"


# Sport, games, markets and the press: "we got slaughtered in the second half", "he killed
# the final boss", "investors were slaughtered when the stock crashed", "savaged by the
# press". Harm words in such a sentence
# count half, as on a screen: a game's deaths and a market's massacres hurt no one.
ARENA_RE = re.compile(
    r"\b(?:scored|scoring|goals? (?:to|down|up|ahead|behind)|striker|goalkeeper|goalie|keeper"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten)-(?:nil|nothing|love|zero)"
    r"|midfield(?:er)?s?|penalty (?:kick|box|area|spot|shoot-?out)|free kick|corner kick"
    r"|top corner|bottom corner|back of the net|crossbar|referee|innings|wickets?|touchdowns?"
    r"|quarterback|tournament|championship|semi-?finals?|(?:first|second) half"
    r"|extra time|overtime|match point|set point|break point|tie-?break(?:er)?"
    r"|games? to (?:love|nil|one|two|three|four)|(?:first|second|third|fourth|fifth|final"
    r"|deciding) set|scoreboard|home team|away team|other team|opposing team|teammates?"
    r"|playoffs?|world cup|final boss|boss fight|boss battle|video ?games?|board games?|chess"
    r"|checkmate|monopoly|poker|scrabble|controller|respawn\w*|extra lives?|lives? left"
    r"|lost all (?:his|her|their|my|your|our) lives|(?:first|next|last|final|bonus) level"
    r"|multiplayer|xbox|playstation|nintendo|minecraft|fortnite|game over|stock ?market"
    r"|stock price|the stock|stocks|share price|shares (?:fell|dropped|plunged|crashed|rose)"
    r"|investors?|shareholders?|profits?|revenue|quarterly|earnings|the polls|ballot"
    r"|box office|ratings|the press|the media|critics|reviewers|reviews|tabloids|headlines"
    r"|debate|election|campaign trail|social media|twitter|comments section|comment section"
    r"|(?:the|a|this|that|our|their|his|her|my) game)\b"
)


def in_an_arena(sentence: str) -> bool:
    """The sentence is about a sport, a game or a market (ARENA_RE)."""
    return bool(ARENA_RE.search(sentence.lower()))
