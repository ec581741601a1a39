"""Love confided to a third person: '"I'm in love with Gilbert Blythe," Anne told Diana',
'"It's about Hermione. ... I think I'm in love with her, mate"'. Only "in love with": a
plain "I love Diana so" is as often a friend's (Anne of Green Gables). The speaker loves the one named (or the
one person of the pronoun's sex the conversation named just before), not the friend told:
a romance of the speaker and the one loved, who may be away (named only in the lines)."""

from __future__ import annotations

import re
from bisect import bisect_left

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Quote
from fanarchive.analysis.relationships.binding import Binder
from fanarchive.analysis.relationships.people import Pair, pair_of

# "I'm in love with her", "I think I've fallen in love with Gilbert": the speaker's own love,
# stated (no "don't", no "if", no question).
_ADVERBS = r"(?:think|just|really|truly|still|always|completely|totally|madly|actually|been|so)"
CONFIDED_RE = re.compile(
    r"\bI(?:'m|'ve|\s+am|\s+have)?(?:\s+" + _ADVERBS + r")*(?:\s+I(?:'m|'ve|\s+am|\s+have))?"
    r"(?:\s+" + _ADVERBS + r")*"
    r"\s+(?:in|fallen\s+in|fell\s+in)\s+love\s+with"
    r"\s+(?P<who>him|her|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?P<after>[^.!?]*[.!?]?)"
)
# "I love him like a brother", "I love her, she's my sister": love that says it is not a
# couple's; "I love Mum".
NOT_ROMANTIC_RE = re.compile(
    r"\b(?:like\s+a|as\s+a|friends?|brother|sister|mum|mom|mother|dad|father|son|daughter"
    r"|cousin|aunt|uncle|gran\w*|family)\b",
    re.IGNORECASE,
)
PRONOUN_SEX = {"him": "male", "her": "female"}


class CastMentions:
    """Every mention the cast found, in text order, those named only in lines too (the one
    loved may be away: "It's about Hermione")."""

    def __init__(self, cast: Cast):
        found = sorted((m.start, m.character) for m in cast.mentions)
        self.starts = [start for start, _ in found]
        self.names = [name for _, name in found]

    def at(self, offset: int) -> str | None:
        i = bisect_left(self.starts, offset)
        return self.names[i] if i < len(self.starts) and self.starts[i] == offset else None

    def between(self, lo: int, hi: int) -> list[str]:
        return self.names[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


def confided_love(
    binder: Binder, cast: Cast, mentions: CastMentions, quote: Quote
) -> list[tuple[Pair, int]]:
    """(speaker and the one loved, offset) for each love a line confides about someone other
    than the one spoken to."""
    speaker = quote.speaker
    if speaker not in binder.names:
        return []
    found = []
    sides = binder._sides(quote)
    listener = (set(sides) - {speaker}).pop() if sides else None
    text = binder.text
    for match in CONFIDED_RE.finditer(text, quote.start, quote.end):
        after = match.group("after")
        if after.endswith("?") or NOT_ROMANTIC_RE.search(text, match.start(), match.end()):
            continue
        who = match.group("who")
        if who.lower() in PRONOUN_SEX:
            sex = PRONOUN_SEX[who.lower()]
            loved = _talked_of(binder, mentions, quote, match.start(), sex, listener)
        else:
            loved = mentions.at(match.start("who")) or _cast_name(cast, who)
        if loved and loved not in (speaker, listener):
            found.append((pair_of(speaker, loved), match.start()))
    return found


def _talked_of(
    binder: Binder,
    mentions: CastMentions,
    quote: Quote,
    start: int,
    sex: str,
    listener: str | None,
) -> str | None:
    """The one person of `sex` named in the conversation before `start` (its scene, lines
    too), not the two talking, when there is exactly one."""
    fitting = {
        name
        for name in mentions.between(binder._scene_start(start), start)
        if name not in (quote.speaker, listener) and binder.genders.get(name) == sex
    }
    return fitting.pop() if len(fitting) == 1 else None


def _cast_name(cast: Cast, words: str) -> str | None:
    """The cast's character a name in a line is (its name or an alias, the two words or the
    first), when exactly one."""
    for candidate in (words, words.split()[0]):
        wanted = candidate.replace("’", "'").casefold()
        found = {
            c.name
            for c in cast.characters
            if wanted in {n.replace("’", "'").casefold() for n in (c.name, *c.aliases)}
        }
        if len(found) == 1:
            return found.pop()
    return None
