"""What the words around a mention say: is the character acting, speaking, addressed, and
which pronoun follows it. Shared by presence and gender inference."""

from __future__ import annotations

import re

from fanarchive.analysis.characters.lexicon import SPEECH_VERBS, words

IRREGULAR_VERBS = words(
    """
    was is were are had has did does said says made makes took takes gave gives went
    goes came comes saw sees knew knows thought thinks felt feels left leaves ran runs
    sat sits stood stands held holds kept keeps let lets put puts got gets began begins
    broke breaks brought brings caught catches drew draws fell falls found finds heard
    hears hid hides hit hits laid lays led leads lost loses meant means met meets paid
    pays rose rises shook shakes shut shuts slept sleeps spoke speaks spun spins stole
    steals struck strikes swore swears swung swings threw throws told tells tore tears
    understood understands woke wakes won wins wore wears wrote writes would could will
    can should must might may shall bit bites blew blows bent bends chose chooses dug
    digs drank drinks drove drives ate eats fought fights flew flies forgot forgets
    froze freezes grew grows hung hangs leapt leaps lay lies lit lights read reads rode
    rides rang rings sang sings sank sinks slid slides smelt spat spits sprang springs
    stuck sticks stung swam swims taught teaches wept weeps wound winds
    """
)
PARTICIPLES = words(
    """
    been given taken gone done seen known thought made said told felt left found heard
    kept lost meant met run sat stood held brought caught drawn fallen forgotten written
    spoken broken chosen driven eaten flown grown hidden ridden risen shaken stolen
    sworn thrown torn worn won woken begun sung swum taught understood
    """
)
_AFTER_RE = re.compile(r"(['’]s?\s+[a-z]+)?\s+(?:[a-z]+ly\s+)?([a-z]+)(?:\s+([a-z]+))?")
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’']?\s+")
# Pronouns that refer back to a subject: `he`, `his`, `himself`, possessive `her`. Object
# pronouns (`Ichigo kicked him`, `Gaara kissed her`) usually mean someone else.
_PRONOUN_RE = re.compile(
    r"\b(he|his|himself|she|herself|her(?=\s+(?!(?:to|and|the|a|an|that|as|with|in|on|at|for"
    r"|from|up|down|back|out|off|away|again|too|so|if|but|or|close|closer|when|while|before"
    r"|after|into|onto|over|around|through|by|because|than|then|now|here|there)\b)[a-z]))\b",
    re.I,
)
# Another name, or a new paragraph, ends the stretch where a pronoun refers back.
_STOP_RE = re.compile(r"(?!(?:He|She|His|Her|Him|Himself|Herself)\b)[A-Z][a-z]+|\n\s*\n")


def _verbish(word: str) -> bool:
    return (
        word in IRREGULAR_VERBS
        or (len(word) > 3 and word.endswith("ed"))
        or (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")))
    )


def acts(text: str, end: int) -> bool:
    """`Gaara shrugged`, `Gai's eyes widened`, `Naruto quickly turned`: the subject of a verb
    in the story's present, not backstory (`Sakumo had encouraged them`)."""
    match = _AFTER_RE.match(text, end, min(len(text), end + 60))
    if match is None:
        return False
    _possessed, verb, following = match.groups()
    if not _verbish(verb):
        return False
    return not (
        verb == "had" and following and (following.endswith("ed") or following in PARTICIPLES)
    )


def speaks(text: str, start: int, end: int) -> bool:
    """`said Emma` / `Emma replied`: a speech verb right beside the name."""
    after = text[end : end + 25].split()
    before = text[max(0, start - 25) : start].split()
    return bool(
        (after and after[0].strip(",.;!?").lower() in SPEECH_VERBS)
        or (
            before
            and not before[-1].endswith((".", "!", "?", "…"))
            and before[-1].strip(",;").lower() in SPEECH_VERBS
        )
    )


def following_pronoun(text: str, end: int, limit: int = 160) -> str:
    """`male`/`female` for the pronoun that refers back to a subject: the first gendered
    pronoun in the rest of its sentence, or a `He`/`She` opening the next one; "" when
    another name comes first or there is none."""
    window = text[end : end + limit]
    stop = _STOP_RE.search(window)
    window = window[: stop.start()] if stop else window
    sentence_end = _SENTENCE_END_RE.search(window)
    if sentence_end is not None:
        opening = _PRONOUN_RE.match(window, sentence_end.end())
        window = window[: sentence_end.start()]
    match = _PRONOUN_RE.search(window)
    if not match and sentence_end is not None and opening is not None:
        match = opening if opening.group(1) in {"He", "She"} else None
    if not match:
        return ""
    return "male" if match.group(1).lower() in {"he", "his", "himself"} else "female"
