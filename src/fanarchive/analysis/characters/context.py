"""What the words around a mention say: is the character acting, speaking, addressed, and
which pronoun follows it. Shared by presence and gender inference."""

from __future__ import annotations

import re

from fanarchive.analysis.characters.lexicon import (
    GENERIC_PERSON_NOUNS,
    PLACE_WORDS,
    SPEECH_VERBS,
    TITLES,
    words,
)
from fanarchive.analysis.characters.names import given_names
from fanarchive.analysis.lazyre import LazyPattern

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
    arose awoke became befell beheld bade bled bred built burnt burst bought clung crept
    cut dealt dreamt dwelt fed fled flung forbade forgave forsook hurt knelt leant lent
    misled mistook overcame overheard overtook partook quit sent set shone shot shrank
    slung slunk slit sold sought sped spent spilt stank strode strove stunk swept thrust
    trod undid underwent upheld withdrew withheld wrung
    """
)
# The past tenses added last (`became`, `set`, `strode`) complete the table of English
# irregular verbs; nouns it also holds (`bound`, `ground`, `cast`, `cost`, `split`,
# `spread`, `shed`, `bore`) are left out: `Hogwarts-bound`, `Sunday ground` are no act.
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
# Words after which `her` is an object, not a possessive: English's prepositions,
# conjunctions and question words, and adverbs of place (`Corin looked at her across the
# fire`, `asked her why`).
_AFTER_OBJECT_HER = words(
    """
    to and the a an that as with in on at for from up down back out off away again too so
    if but or close closer when while before after into onto over around through by because
    than then now here there about above across against along alongside amid among amongst
    behind below beneath beside besides between beyond despite during except inside outside
    toward towards under underneath until till upon within without throughout once unless
    whether where yet instead why what who whom how which
    """
)
# Pronouns that refer back to a subject: `he`, `his`, `himself`, possessive `her`. Object
# pronouns (`Ichigo kicked him`, `Gaara kissed her`) usually mean someone else.
_PRONOUN_RE = re.compile(
    r"\b(he|his|himself|she|herself|her(?=\s+(?!(?:"
    + "|".join(sorted(_AFTER_OBJECT_HER))
    + r")\b)[a-z]))\b",
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


# `Yennefer of Vengerberg stepped out`, `Brienne of Tarth said`: a byname of where someone
# is from stands between the name and its verb.
_BYNAME_RE = re.compile(r" of (?:[A-Z][a-z'’-]+ ){0,2}[A-Z][a-z'’-]+\b(?!['’])")


def byname_end(text: str, end: int) -> int:
    """Where the mention's `of Vengerberg` ends, or `end` when none follows."""
    match = _BYNAME_RE.match(text, end, min(len(text), end + 60))
    return match.end() if match else end


def acts(text: str, end: int) -> bool:
    """`Gaara shrugged`, `Gai's eyes widened`, `Naruto quickly turned`: the subject of a verb
    in the story's present, not backstory (`Sakumo had encouraged them`)."""
    end = byname_end(text, end)
    match = _AFTER_RE.match(text, end, min(len(text), end + 60))
    if match is None:
        return False
    _possessed, verb, following = match.groups()
    if not _verbish(verb):
        return False
    return not (
        verb == "had" and following and (following.endswith("ed") or following in PARTICIPLES)
    )


# Verbs a place or a thing takes as readily as a person (`Winterfell was quiet`, `Hogwarts
# stood`, `Dorne lies south`): no sign that a sentence's first word names someone.
STATE_VERBS = words(
    """
    was is were are be been had has have did does would could will can should must might
    may shall seemed seems stood stands lay lies loomed looms remained remains rose rises
    """
)


BE_VERBS = words("was is were are")
# `was dialling`, `is already walking`: one adverb at most between, no article (`was a darling`)
_PROGRESSIVE_RE = LazyPattern(
    r"\s+(?:(?!(?:a|an|the|my|his|her|their|our|your|its|this|that)\b)[a-z]+\s+)?"
    r"([a-z]{3,}ing)\b"
)
# Nouns and words in -ing that follow `was` without being an action.
_NOT_PROGRESSIVE = words(
    """
    nothing something anything everything evening morning darling building ceiling wedding
    sibling pudding during
    """
)


def _progressive(text: str, end: int) -> bool:
    """`was dialling`, `is already walking` (not `was nothing`, `is evening`)."""
    match = _PROGRESSIVE_RE.match(text, end, end + 40)
    return match is not None and match.group(1) not in _NOT_PROGRESSIVE


# A denied or habitual act (`didn't say`, `never shouted`, `couldn't look`): a place is not
# said to refuse or fail to do a thing, nor to do it never.
_DENIED_ACT_RE = re.compile(
    r"\s+(?:(?:didn|doesn|don|couldn|wouldn|won|can)['’]t|never)\s+(?!been\b|be\b)[a-z]{3,}\b"
)


def acts_as_person(text: str, end: int) -> bool:
    """`Jaqen smiled`, `Jaqen's eyes widened`: the subject of a verb in the story's present
    that is no state a place could be in (`Winterfell was quiet`, `Dorne lay south`)."""
    if _DENIED_ACT_RE.match(text, end, min(len(text), end + 40)):
        return True  # `Lu didn't say anything.`, `Ray never shouted`: a person's act denied
    match = _AFTER_RE.match(text, end, min(len(text), end + 60))
    if match is None:
        return False
    # `Benedek stands up`, `Jaqen stood up`: no place gets up; `Kettering was already
    # dialling`: no place is doing anything
    stateless = (
        match.group(2) not in STATE_VERBS
        or match.group(3) == "up"
        or (match.group(2) in BE_VERBS and _progressive(text, match.end(2)))
    )
    return stateless and acts(text, end)


def is_described(text: str, end: int) -> bool:
    """`The coffee shop is nearly empty`, `The house was quiet`: a plain `is`/`was`, said of
    a thing as readily as of a person (not `was dialling`)."""
    match = _AFTER_RE.match(text, end, min(len(text), end + 60))
    return match is not None and match.group(2) in BE_VERBS and not _progressive(text, match.end(2))


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


# A capitalised run ending in a place noun (`the window of Paradise Manor`, `down Baker
# Street`): a place, no one the pronoun after it could refer to.
_PLACE_RUN_RE = re.compile(r"(?:[A-Z][a-z]+\s)*([A-Z][a-z]+)\b")


def _name_stop(window: str) -> int | None:
    """Where another name (or a new paragraph) ends the stretch after a mention; place names
    do not."""
    at = 0
    while (stop := _STOP_RE.search(window, at)) is not None:
        place = _place_name(window, stop.start())
        if place is None:
            return stop.start()
        at = place.end()
    return None


def _place_name(window: str, at: int) -> re.Match[str] | None:
    """The place name opening at `at`: two capitalised words or more, the last a place noun,
    the first neither a title nor a given name (`Jenny Park`, `Doctor Abbey`, `Chester Field`
    are people whose surnames are place nouns)."""
    run = _PLACE_RUN_RE.match(window, at)
    if run is None or run.group() == run.group(1) or run.group(1).lower() not in PLACE_WORDS:
        return None
    first = run.group().split(None, 1)[0].lower()
    return None if first in TITLES or first in given_names() else run


def _sentence_after(text: str, end: int, limit: int) -> tuple[str, re.Match[str] | None]:
    """The rest of the sentence after a mention, up to another name or a new paragraph, and
    the `He`/`She`... opening the next sentence, if that comes first."""
    window = text[end : end + limit]
    stop = _name_stop(window)
    window = window[:stop] if stop is not None else window
    sentence_end = _SENTENCE_END_RE.search(window)
    if sentence_end is None:
        return window, None
    return window[: sentence_end.start()], _PRONOUN_RE.match(window, sentence_end.end())


def _gender_of(pronoun: str) -> str:
    return "male" if pronoun.lower() in {"he", "his", "himself"} else "female"


PRONOUN_REACH = 160  # characters after a mention in which its pronoun is looked for


def following_pronoun(text: str, end: int, limit: int = PRONOUN_REACH) -> str:
    """`male`/`female` for the pronoun that refers back to a subject: the first gendered
    pronoun in the rest of its sentence, or a `He`/`She` opening the next one; "" when
    another name, or an object pronoun of that gender (`Jake kissed her, and she...`), comes
    first, or there is none."""
    sentence, opening = _sentence_after(text, byname_end(text, end), limit)
    match = _pronoun_match(sentence, opening)
    return _gender_of(match.group(1)) if match else ""


def _pronoun_match(sentence: str, opening: re.Match[str] | None) -> re.Match[str] | None:
    match = _PRONOUN_RE.search(sentence)
    while match and _TOUCHED_RE.match(sentence, match.start()) and _touches(sentence, match):
        match = _PRONOUN_RE.search(sentence, match.end())
    if not match and opening is not None and opening.group(1) in {"He", "She"}:
        match = opening
    if not match or _gender_of(match.group(1)) in _objects_before(sentence, match.start()):
        return None  # `Jake kissed her, and she kissed him back`: she is the one kissed
    return match


# What the narration goes on to quote is someone's talk: `said Mr. Bennet; "and I am glad
# you do not depend on her"` says nothing of Mr. Bennet.
_OPENING_QUOTE_RE = re.compile(r"[\"“]|(?<!\w)['‘](?=\w)")
# `Jane and Elizabeth looked at each other, and the waiter was told that he...`: one of
# joined subjects refers back no further than its clause.
_JOINED_SUBJECT_RE = re.compile(
    r"\b(?!(?:He|She|It|I|We|You|They)\b)[A-Z][\w'’-]*,?\s+(?:and|or|nor|&)\s+$"
)
_CLAUSE_END_RE = LazyPattern(r"[,;:—(]|--|\s(?:and|but|or)\s")
# `Her little cousin Ren`, `his sister Ginny`: someone's relative or friend, named.
_POSSESSOR_BEFORE_RE = re.compile(r"\b(his|her)\s+(?:[a-z]+\s+){0,2}([a-z]+)\s+$", re.I)
_RELATION_NOUNS = words(
    """
    man boy gentleman father brother husband son uncle nephew grandfather lad fellow woman
    girl lady mother sister wife daughter aunt niece grandmother lass child companion partner
    friend stranger visitor guest cousin boyfriend girlfriend fiancé fiancée mum mom dad
    grandma grandpa master mistress servant maid teacher student pupil colleague roommate
    classmate neighbour neighbor boss parents
    """
)
# `Winnie's mother was a stout woman. She wore...`: the pronouns after a name's relative
# are the relative's.
_RELATIVE_AFTER_RE = re.compile(r"['’]s?\s+([a-z]+)(?:\s+([a-z]+))?")


def voting_pronoun(text: str, start: int, end: int, limit: int = PRONOUN_REACH) -> str:
    """`following_pronoun` for a mention whose gender is being read: only the narration's
    own words (not a quotation the sentence goes on to), only the mention's own clause when
    it is one of joined subjects, and not the possessor's pronoun after `her cousin Ren`
    (`Her little cousin Ren was clinging to her sleeve`)."""
    found = _voting_match(text, start, end, limit)
    return found[0] if found else ""


def _voting_match(text: str, start: int, end: int, limit: int) -> tuple[str, int] | None:
    """`voting_pronoun`'s gender and where its pronoun stands."""
    end = byname_end(text, end)
    relative = _RELATIVE_AFTER_RE.match(text, end, end + 40)
    if relative and _RELATION_NOUNS.intersection(relative.groups()):
        return None
    sentence, opening = _sentence_after(text, end, limit)
    quote = _OPENING_QUOTE_RE.search(text, end, end + len(sentence))
    if quote is not None:
        # The next sentence's `He` follows the narration only when the quotation closes
        # where the sentence ends (`Vantrel said, "Go." He left.`), not inside it.
        closing = _SENTENCE_END_RE.match(text, end + len(sentence))
        if not (closing and closing.group().rstrip()[-1] in _CLOSING_QUOTES):
            opening = None
        sentence = sentence[: quote.start() - end]
    if _JOINED_SUBJECT_RE.search(text, max(0, start - 40), start):
        clause_end = _CLAUSE_END_RE.search(sentence)
        sentence = sentence[: clause_end.start()] if clause_end else sentence
        opening = None
    match = _pronoun_match(sentence, opening)
    if match is None:
        return None
    gender = _gender_of(match.group(1))
    possessor = _POSSESSOR_BEFORE_RE.search(text, max(0, start - 40), start)
    if possessor and possessor.group(2) in _RELATION_NOUNS and _gender_of(possessor[1]) == gender:
        return None
    return gender, end + match.start()


# `Katara said, and bumped his shoulder with hers`, `took her hand`: a possessive on the body
# part someone else touches is that other person's, not the subject's.
_TOUCHED_RE = re.compile(
    r"(?:his|her)\s+(?:[a-z]+\s+)?(?:hand|hands|shoulder|shoulders|arm|arms|cheek|face|wrist"
    r"|fingers|knee|back|gaze|eyes|sleeve)\b"
)
# `tugged her sleeve`, `reached for her hand`, `clinging to her sleeve`, `laid a hand on
# her arm`: besides touching, holding on and reaching.
_TOUCH_VERB_RE = re.compile(
    r"\b(?:bump|nudg|squeez|kiss|touch|grabb?|pat|patt|tapp?|stroke?|cupp?|caught|took|met"
    r"|held|search|clasp|brush|grasp|tugg?|(?:tugg?|pull)(?:s|ed)?\s+at|reach(?:es|ed)?\s+for"
    r"|cl(?:ing|ung|inging|ings)\s+to|hand\s+on)(?:s|es|ed|d)?\s+$"
)


def _touches(sentence: str, match: re.Match) -> bool:
    return _TOUCH_VERB_RE.search(sentence[max(0, match.start() - 20) : match.start()]) is not None


def own_pronoun(text: str, end: int, limit: int = 160) -> str:
    """`male`/`female` for the first pronoun of the name's own sentence (`Gavroche found his
    sister`, `Holt said from his office doorway`), not the `He`/`She` of the next one, nor a
    `her` right after the name's verb, which may be its object (`Jaqen watched her go`);
    "" otherwise."""
    end = byname_end(text, end)
    if verb_her(text, end):
        return ""
    sentence, _opening = _sentence_after(text, end, limit)
    match = _PRONOUN_RE.search(sentence)
    if match is None:
        return ""
    gender = _gender_of(match.group(1))
    return "" if gender in _objects_before(sentence, match.start()) else gender


_VERB_HER_RE = LazyPattern(r"(?:['’]s?)?\s+(?:[a-z]+ly\s+)?[a-z]+\s+her\b")


def verb_her(text: str, end: int) -> bool:
    """`Jaqen watched her go`, `Sokka caught her halfway`: a `her` right after the name's verb
    is as often its object as a possessive (`found her husband`)."""
    return _VERB_HER_RE.match(text, end, min(len(text), end + 60)) is not None


_OBJECT_RE = re.compile(r"\b(him|her)\b", re.I)


def _objects_before(window: str, end: int) -> set[str]:
    """The genders of the object pronouns (`him`, `her` not before a noun) before `end`."""
    found = set()
    for match in _OBJECT_RE.finditer(window, 0, end):
        if match.group(1).lower() == "him":
            found.add("male")
        elif _PRONOUN_RE.match(window, match.start()) is None:
            found.add("female")
    return found


_CLOSING_QUOTES = "\"”’'»"
_WORD_RE = re.compile(r"[a-z]+")
_OTHERS = GENERIC_PERSON_NOUNS | words("he she him her his hers they them their you i me")
_NEXT_SUBJECT_RE = re.compile(r"(He|She)\b")


def subject_pronoun(text: str, start: int, end: int) -> str:
    """`"Home," Arya said. She pulled her cloak tighter.`: the `He`/`She` opening the sentence
    after one whose subject is the name (opening it, or the speaker of a tag after a
    quotation) and which names or points at no one else (`Arya hugged the boy. He...`,
    `Jaqen watched her go. She...`)."""
    before = text[max(0, start - 4) : start].rstrip(" \t")
    if before and before[-1] not in ".!?…\n" + _CLOSING_QUOTES:
        return ""
    window = text[end : end + 200]
    sentence_end = _SENTENCE_END_RE.search(window)
    if sentence_end is None:
        return ""
    rest = window[: sentence_end.start()]
    if _STOP_RE.search(rest) or any(w in _OTHERS for w in _WORD_RE.findall(rest.lower())):
        return ""
    opening = _NEXT_SUBJECT_RE.match(window, sentence_end.end())
    if opening is None:
        return ""
    return "male" if opening.group(1) == "He" else "female"


# Gestures a person makes with their own body (`shook her head`, `cleared his throat`): the
# possessive after one refers back to the subject, unlike `took her hand` or `caught his eye`.
_GESTURE_RE = re.compile(
    r"(?:['’]s?)?\s+(?:[a-z]+ly\s+)?"
    r"(?:shook|shakes|nodded|nods|bit|bites|rolled|rolls|cleared|clears|crossed|crosses|folded"
    r"|folds|narrowed|narrows|raised|raises|shrugged|shrugs|squared|squares|pursed|purses|licked"
    r"|licks|closed|closes|scratched|scratches|tilted|tilts|ducked|ducks|lowered|lowers|hung"
    r"|hangs|tossed|tosses|wrinkled|wrinkles|furrowed"
    r"|furrows|arched|arches|blinked|blinks|puffed|puffs|clenched|clenches)"
    r"\s+(his|her)\s+(?:[a-z]+\s+)?"
    r"(?:head|eyes|eye|lip|lips|throat|arms|shoulders|brow|brows|eyebrow|eyebrows|nose|chin"
    r"|jaw|teeth|fists|breath|forehead|neck|cheek|cheeks)\b"
)


def gesture_pronoun(text: str, end: int) -> str:
    """`Harry shook her head`, `Jo rolled his eyes`: `male`/`female` from the possessive of a
    gesture the name makes with their own body; "" otherwise."""
    match = _GESTURE_RE.match(text, end, min(len(text), end + 80))
    if match is None:
        return ""
    return "male" if match.group(1) == "his" else "female"


# `Alex pulled their knees up`, `Alex laughed despite themself`: a singular they referring
# back to the subject, right after its own verb (and maybe one word that is not an object
# pronoun: `handed them their coats` is plural), or `themself`.
_THEY_RE = re.compile(
    r"(?:['’]s?)?\s+(?:[a-z]+ly\s+)?[a-z]+\s+(?:(?!(?:them|us|me|him|her|you)\b)[a-z]+\s+)?"
    r"(?:their\s+[a-z]|themself\b)"
)
_JOINED_AFTER_RE = re.compile(r"\s+(?:and|or|&)\s")
_JOINED_BEFORE_RE = re.compile(r"(?:\band|\bor|&|,)\s*$")


def singular_they(text: str, start: int, end: int) -> bool:
    """`Alex pulled their knees up to their chest`: the name's own verb followed by `their`
    (or `themself`), when the name is not one of several subjects (`Alex and Sam pulled
    their...`)."""
    if _JOINED_AFTER_RE.match(text, end) or _JOINED_BEFORE_RE.search(
        text[max(0, start - 6) : start]
    ):
        return False
    return _THEY_RE.match(text, end, min(len(text), end + 60)) is not None and acts(text, end)
