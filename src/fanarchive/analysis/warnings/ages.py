"""Statements that a character is a minor: an age under 18, or a school year that implies one.

Searched in the whole text, author's notes included ("they're about nine here" in a note
is the author telling the reader the characters' ages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.text import DOUBLE_QUOTE_MARKS
from fanarchive.analysis.warnings.scanner import (
    Lexicon,
    document_hits,
    flexible_spaces,
    lower_same_length,
)

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
}
ORDINAL_WORDS = {
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
}
NUM = r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")"
HEDGE = (
    r"(?:(?:in actuality|actually|really|only|just|about|around|barely|nearly|almost|"
    r"roughly|maybe|probably|all of|still|now|already|both|all) )*"
)
SUBJECT = (
    # "im 15 too": a text message's "I'm" without its apostrophe
    r"(?:they're|they are|they were|he's|he is|he was|she's|she is|she was|i'm|im|i am|i was|"
    r"we're|we are|we were|you're|you are|you were|the (?:boys|girls|kids|children) (?:are|were)"
    r"|(?:both|all|the two|the) (?:of them|of us|boys|girls|kids|children|teens|teenagers|twins"
    r"|friends) (?:are|were)"
    # "Both fifteen, both furious, they had been sent to the library".
    r"|both)"
)
# After a bare number the sentence must move on (so "were nine of them" is not an age).
AGE_END = (
    r"(?=\s*(?:[.,;!?)\-—–…]|$|here\b|now\b|then\b|too\b(?! (?:many|much|few|little|late|early|far|long|soon))|as well\b|also\b|at the time|in this|in my head|and\b(?! (?:twenty|thirty|forty|fifty|sixty))|"
    r"or\b|years?(?=[- ]old\b| of age\b|\s*(?:[.,;!?)\-—–…]|$))|when\b|(?:that|this|last|next) (?:spring|summer|autumn|fall|winter|year|term)\b"
    # "They were both fourteen the winter the canal froze": an age framed by a time
    r"|the (?:spring|summer|autumn|fall|winter|year)\b))"
)
# "Mateo turned fifteen on Tuesday", "I turned sixteen last week": after "turned", a day or
# a time also ends the age.
TURNED_END = (
    rf"(?:{AGE_END}|(?=\s+(?:on|last|yesterday|today|tonight|this|over|during|in|just|recently"
    r"|earlier|a (?:week|month|few|couple)|the (?:day|week|month|year|summer|spring|winter"
    r"|autumn|fall|weekend))\b))"
)
AGE_LEXICON = Lexicon(
    [
        rf"{NUM}[- ]years?[- ]old|{NUM}-year-olds?|aged {NUM}|age of {NUM}|turned {NUM}{TURNED_END}",
        rf"{ORD} birthday",
        # "It was Cass's sweet sixteen": the birthday party of a sixteen-year-old.
        r"sweet sixteen",
    ]
)
# An upper bound is an age: "Neither of them was older than sixteen", "not yet fifteen".
BOUND_LEXICON = Lexicon([rf"older than {NUM}{AGE_END}|not yet {NUM}{AGE_END}"])
NEGATION_BEFORE_RE = LazyPattern(
    r"\b(?:neither|nor|no|not|never|none|nobody|no one)\b[^.!?;:]{0,40}$|n't\b[^.!?;:]{0,20}$",
    re.IGNORECASE,
)
# "they're about nine": the lexicon finds the bare number, the subject is checked before it
# (a pronoun cannot start a lexicon cue: it would make every "he" a candidate).
BARE_NUMBER_LEXICON = Lexicon([rf"{NUM}{AGE_END}"])
SUBJECT_BEFORE_RE = re.compile(rf"\b{flexible_spaces(SUBJECT)}\s+{flexible_spaces(HEDGE)}$")
# "The twins are both fifteen", "our kids are fifteen and thirteen", "their boys were
# twelve": someone's children, not a couple ("the boys were both sixteen" may be one).
KIDS_SUBJECT_BEFORE_RE = re.compile(
    r"\b(?:(?:the|our|their|my|his|her|your) (?:twins|kids|children|babies|triplets)"
    r"|(?:our|their|my|his|her|your) (?:boys|girls|sons|daughters))"
    r" (?:are|were|'re|’re) " + flexible_spaces(HEDGE) + "$"
)
# "Noor is sixteen", "Lily and Ezra are sixteen" (in the original case: a name is
# capitalised; "It was nine" is the time, not an age).
NAME_SUBJECT_BEFORE_RE = re.compile(
    r"\b(?!(?:It|This|That|There|Here|What|Which|Who|When|Time|Chapter|Part)\b)[A-Z][a-z]+"
    r"(?:\s+and\s+[A-Z][a-z]+)?\s+(?:is|was|are|were|turned)\s+" + flexible_spaces(HEDGE) + "$"
)
# "Mina, fifteen and furious at the world, ...": an age in apposition to a name.
NAME_APPOSITIVE_BEFORE_RE = re.compile(
    r"\b(?!(?:It|This|That|There|Here|What|Which|Who|When|Time|Chapter|Part|Then|Now|Later"
    r"|Today|Tonight|Yesterday|Tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Once|After|Before|Soon|Still|Yes|No|Well|Oh|Okay|So|And|But|Or)\b)[A-Z][a-z]+"
    r",\s+" + flexible_spaces(HEDGE) + "$"
)
# "Sixteen and stupid and brave, Kit kissed Rowan": an age opening its sentence, in
# apposition to the name after the comma; not a count ("Twelve miles later, Sam stopped").
SENTENCE_START_BEFORE_RE = re.compile(r"(?:^|[.!?…]['\"”’]?\s+|\n\s*)$")
NAME_AFTER_OPENING_AGE_RE = re.compile(
    r"(?:\s+and\s+[a-z]+(?:\s+[a-z]+){0,10})?,\s+[A-Z][a-z]+\s+[a-z]+"
)
COUNTED_RE = LazyPattern(
    r"\b(?:half|miles?|minutes?|hours?|days?|weeks?|months?|years?|seconds?|pounds|dollars"
    r"|euros|people|men|women|of them|of us|times|pages|steps|floors|feet|metres|yards)\b",
    re.IGNORECASE,
)
SCHOOL_LEXICON = Lexicon(
    [
        r"middle school|junior high|elementary school|primary school|grade school|kindergarten",
        # Tenth and eleventh grade are ages 15 to 17; twelfth grade is often eighteen.
        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
        r"|\d(?:st|nd|rd|th)|1[01]th) grade(?:rs?)?",
        r"(?:fifth|sixth|seventh|eighth|ninth|tenth|eleventh)[- ]graders?"
        r"|high school (?:freshm[ae]n|sophomores?)|(?:freshm[ae]n|sophomores?) (?:in|at) high school",
        # Juniors (ages 16 to 17) only where high school is named ("junior year of high
        # school", "juniors at Lakeview High"): a college junior is an adult.
        r"(?:freshman|sophomore|junior) year (?:of|in|at) high school|high school juniors?"
        r"|juniors? (?:in|at) high school|(?:freshman|sophomore|junior) year at (?:[a-z]+ ){1,2}high"
        r"|(?:freshm[ae]n|sophomores?|juniors?) at (?:[a-z]+ ){1,2}high",
        # The GCSE year (age 15 to 16): "doing their GCSEs" (the scanner reads lower case).
        r"(?:doing|sitting|taking|revising for|studying for) (?:their|her|his|my|our|your|the)"
        r" gcses|gcse year",
        # Boarding-school years (ages 11 to 17) where the school is named by its prefects,
        # houses or dormitories: "a fifth-year prefect", "the sixth-year Slytherins", "their
        # fourth year at Hogwarts" (not "a fifth-year medical student": an adult's course;
        # the seventh and eighth years are often eighteen).
        r"(?:first|second|third|fourth|fifth|sixth)[- ]years? (?:prefects?|gryffindors?"
        r"|slytherins?|ravenclaws?|hufflepuffs?|dormitor(?:y|ies)|common room)"
        r"|(?:their|his|her|my|our|your) (?:first|second|third|fourth|fifth|sixth) year at hogwarts"
        r"|(?:sitting|taking|revising for|studying for) (?:their|her|his|my|our|your|the) o\.?w\.?l\.?s",
        # British and Australian school years 7-11 (ages 11 to 16): "in Year 9".
        r"(?:year|yr) (?:7|8|9|10|11|seven|eight|nine|ten|eleven)(?![\d-]| (?:thousand|hundred"
        r"|million|old|olds|later|ago|before|after|since|of the|\w+ (?:old|ago)))"
        # ... not a year group of a year gone by: "ask anyone in the Year 10 of 1996"
        r"(?! (?:of|in|from|back in) (?:'\d\d|19\d\d|20\d\d)\b)",
    ]
)
# The school years of children under thirteen: near a kiss, as often a parent's affection.
YOUNG_SCHOOL_RE = LazyPattern(
    r"kindergarten|elementary school|primary school|grade school"
    r"|(?:first|second)[- ]years? (?:prefect|gryffindor|slytherin|ravenclaw|hufflepuff|dormitor"
    r"|common)|(?:their|his|her|my|our|your) (?:first|second) year at"
    r"|(?:first|second|third|fourth|fifth|sixth|[1-6](?:st|nd|rd|th)) grade"
    r"|(?:fifth|sixth)[- ]grader|(?:year|yr) (?:7|seven)\b"
)
NUMBER_RE = re.compile(
    r"\b(?:\d{1,2}|"
    + "|".join(sorted([*NUMBER_WORDS, *ORDINAL_WORDS], key=len, reverse=True))
    + r")\b"
)
# An age about someone else's child ("their daughter is six") says nothing about the couple.
THIRD_PARTY_RE = re.compile(
    r"\b(?:daughter|son|kid|child|baby|niece|nephew|grandchild|little (?:sister|brother)|puppy|dog|cat)\b",
    re.IGNORECASE,
)


# What else has an age: "a ten-year-old scotch", "her three-year-old currant wine", "a
# fifteen-year-old car", "a twelve-year-old grudge".
# Up to two words may come between, capitalised too ("a fourteen-year-old Capitol car"), but
# not a preposition, pronoun or article: "a fifteen-year-old in her car" is a person.
THING_AFTER_AGE_RE = LazyPattern(
    r"\s+(?:(?!(?:in|on|at|with|by|from|for|of|to|and|or|but|her|his|their|my|your|our|its|a|an"
    r"|the|who|that|was|is|had|has)\b)[A-Za-z]+\s+){0,2}"
    r"(?i:dogs?|puppy|cats?|kitten|poodle|terrier|spaniel|labrador|retriever|collie|beagle|hound"
    r"|mutt|parrot|tortoise|hamster|rabbit|wine|whisk(?:e)?y|scotch|bourbon|brandy|rum|port|cognac|cheese|vintage"
    r"|cars?|truck|van|house|tree|horse|mare|colt|filly|stallion|pony|bottles?|building|photo\w*"
    r"|pictures?|painting|coat|sweater|jeans|boots|shoes|laptop|phone|computer|bike|bicycle|scar"
    r"|tattoo|debt|grudge|feud|mystery|case|letter|habit|record|tradition|recipe|quarrel|argument"
    r"|secret|promise|marriage|relationship|friendship|business|company|shop)\b"
    # ... unless the thing names a person's trade: "a fifteen-year-old shop assistant".
    r"(?!['’]s\b|\s+(?:boy|girl|kid|owner|assistant|keeper|worker|clerk|hand|driver|rider|walker"
    r"|sitter|thief|burglar|lover|fan)s?\b)",
)


# "Your fourteen-year-old brother is at your mum's": someone's relative.
KIN_AFTER_AGE_RE = LazyPattern(
    r"\s+(?:(?:half|step|twin|little|baby|kid|younger|older|big)[- ])?(?:brother|sister"
    r"|sibling|cousin|nephew|niece|son|daughter|grandson|granddaughter|stepson|stepdaughter)s?\b",
    re.IGNORECASE,
)
# "Thirteen-year-old me would be screaming", "my seventeen-year-old self", "the
# fifteen-year-old version of her": the speaker's self at another time.
PAST_SELF_AFTER_AGE_RE = LazyPattern(
    r"\s+(?:me|myself|self|selves|you|yourself|us|version of (?:me|myself|her|herself|him"
    r"|himself|you|yourself|us|them))\b",
    re.IGNORECASE,
)


# "A dozen fourteen-year-olds were eating orange slices": a group (a team, a class, a crowd)
# around the scene, not its couple ("the two sixteen-year-olds" may be the couple).
GROUP_BEFORE_RE = LazyPattern(
    r"\b(?:a dozen|dozens of|hundreds of|a few|several|some|many|other|all the|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|\d+|a (?:bunch|crowd|gaggle|group"
    r"|team|class|room|roomful|busload|handful|pack|horde|swarm|load|line|row|squad) of)"
    r"\s+(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)


# "From fifteen-year-olds, that's a sonnet", "how you talk to sixteen-year-olds": a plural age
# straight after a preposition is people of that age at large, not the couple (not "of": "a
# couple of fifteen-year-olds" may be the couple).
GENERIC_BEFORE_RE = LazyPattern(
    r"\b(?:from|for|to|with|among|amongst|about|around)\s+$", re.IGNORECASE
)


@dataclass(frozen=True)
class AgeStatement:
    start: int
    end: int
    age: int  # 0 for a school-year cue without a number
    young_school: bool = False  # a school year of small children ("first grade", "kindergarten")
    # A part's header ("Part One: Age 15"): the age holds until this offset (the next
    # header with an age, or the end of the text); 0 for an age said in a sentence.
    until: int = 0
    # A work's list of ages ("Ages: Sam 16, Alex 17"): the age holds for the whole work.
    whole_work: bool = False


def _age_value(surface: str) -> int:
    """The age a matched statement gives: its last number ("about nine" -> 9)."""
    numbers = NUMBER_RE.findall(surface)
    if not numbers:
        return 99
    raw = numbers[-1]
    digits = re.match(r"\d+", raw)
    if digits:
        return int(digits.group())
    return NUMBER_WORDS.get(raw, ORDINAL_WORDS.get(raw, 99))


def minor_statements(document, sentence_of) -> list[AgeStatement]:
    """Ages under 18 and school-age cues; `sentence_of(offset)` gives the sentence's text,
    used to drop ages that belong to someone's child or pet."""
    found = (
        _stated_ages(document, sentence_of)
        + _bounds(document, sentence_of)
        + _bare_ages(document, sentence_of)
        + _school_ages(document, sentence_of)
        + _high_school_years(document, sentence_of)
        + _bracket_ages(document, sentence_of)
        + _header_ages(document)
        + _ages_lists(document)
    )
    found.sort(key=lambda a: a.start)
    return found


# "Steve (16), Bucky (17)", "Sasha (16) and Mo (17)": a fan fiction's way of giving ages.
# Not a numbered thing ("Room (12)", "Chapter (3)").
BRACKETED_NUMBER_RE = re.compile(r"\((\d{1,2})\)")
NAME_BEFORE_BRACKET_RE = LazyPattern(
    r"\b(?!(?:Chapter|Part|Room|Page|Section|Step|Level|Book|Volume|Vol|Season|Episode|Act"
    r"|Scene|Track|Psalm|Verse|Figure|Fig|Table|Exhibit|Note|Item|Question|Round|Day|Week|Year"
    r"|Age|Ages|Grade|Class|Bus|Route|Platform|Gate|Flight|Apartment|Flat|House|Number|No"
    r"|Ch|Pt|Rule|Law|Article|Clause|Problem|Exercise|Lesson|Unit|Phase|Stage|Task)\b)"
    r"[A-Z][a-z]+\s*$"
)


def _bracket_ages(document, sentence_of) -> list[AgeStatement]:
    """ "Bucky (17)": an age in brackets after a name (the brackets found first: a name
    tried at every capital was a fifth of the minors' time)."""
    found, text = [], document.text
    for match in BRACKETED_NUMBER_RE.finditer(text):
        age = int(match.group(1))
        if not 2 <= age < 18:
            continue
        if not NAME_BEFORE_BRACKET_RE.search(text, max(0, match.start() - 30), match.start()):
            continue
        if not THIRD_PARTY_RE.search(sentence_of(match.start(1))):
            found.append(AgeStatement(match.start(1), match.end(1), age))
    return found


# A part's header that dates it by an age: "Part One: Age 15", "Part 2 — age 16", "2014 —
# Jude, 16". Not a rating ("Ages 13+", "age 16 and up").
HEADER_LINE_RE = re.compile(r"[ \t]*([^\n]{1,60}?)[ \t]*")
HEADER_AGE_RE = re.compile(
    r"\b(?:age|aged)\s*[:\-—–]?\s*(" + NUM + r")\b(?!\s*(?:\+|and up|and over|or older|or over))"
    # "2014 — Jude, 16", not a date ("Tuesday, 14", "March, 16")
    r"|\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February"
    r"|March|April|May|June|July|August|September|October|November|December|Chapter|Part"
    r"|Page|Day|Week|Year|Act|Scene|Book)\b)(?-i:[A-Z][a-z]+),\s*(" + NUM + r")$",
    re.IGNORECASE,
)
HEADER_END = (".", "!", "?", "…", '"', "”", "’", "'", ",", ";", ":")


def _per_document(find):
    """`find(document)` computed once a work: the warnings and the tags both read its minors
    (the statements are frozen, so the two share them)."""
    attribute = f"_fanarchive_{find.__name__}"

    def found_in(document) -> list[AgeStatement]:
        cached = document.__dict__.get(attribute)
        if cached is None or cached[0] is not document.text:
            cached = document.__dict__[attribute] = (document.text, find(document))
        return list(cached[1])

    return found_in


@_per_document
def _header_ages(document) -> list[AgeStatement]:
    """Ages in short header lines; each holds until the next header line with an age."""
    headers, offset = [], 0
    for raw in document.text.split("\n"):  # short lines only reach a regex
        line_start, offset = offset, offset + len(raw) + 1
        if len(raw) > 80 or raw.isspace() or not raw:  # no age in a blank line
            continue
        if len(raw.strip(" \t")) > 60:
            # what HEADER_LINE_RE would refuse, told without it: its lazy words are tried at
            # every length first (the lines of a hard-wrapped novel cost 0.1 s)
            continue
        line = HEADER_LINE_RE.fullmatch(raw)
        if line is None:
            continue
        words = line.group(1)
        if len(words.split()) > 10 or words.endswith(HEADER_END) or words[0] in "\"“‘'":
            continue
        age = HEADER_AGE_RE.search(words)
        if age and not document.in_note(line_start + line.start(1)):
            group = 1 if age.group(1) else 2
            start = line_start + line.start(1) + age.start(group)
            value = _age_value(age.group(group).lower())
            headers.append((start, start + len(age.group(group)), value))
    found = []
    for i, (start, end, age) in enumerate(headers):
        until = headers[i + 1][0] if i + 1 < len(headers) else len(document.text)
        if 2 <= age < 18:
            found.append(AgeStatement(start, end, age, until=until))
    return found


# A work's list of its characters' ages, in its header or notes: "Ages: Sam 16, Alex 17",
# "Characters' ages: Kit (17), Rowan - 16". Not a rating ("Ages 13+").
AGES_LIST_RE = re.compile(r"[ \t*_]*(?:characters'? )?ages?[*_]*[ \t]*[:\-—–][ \t]*(.+)", re.I)
NAMED_AGE_RE = LazyPattern(
    r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?[ \t]*(?:[:=\-—–(][ \t]*|is[ \t]+)?("
    + NUM
    + r")\b(?![ \t]*\+)",
)


@_per_document
def _ages_lists(document) -> list[AgeStatement]:
    """Each minor's age in a short "Ages:" line: the author telling the reader the ages of
    the whole work, whoever each is."""
    found, offset = [], 0
    for raw in document.text.split("\n"):
        line_start, offset = offset, offset + len(raw) + 1
        listed = AGES_LIST_RE.fullmatch(raw) if len(raw) <= 100 else None
        if listed is None:
            continue
        for named in NAMED_AGE_RE.finditer(raw, listed.start(1)):
            age = _age_value(named.group(1).lower())
            start = line_start + named.start(1)
            if 2 <= age < 18:
                found.append(
                    AgeStatement(
                        start,
                        start + len(named.group(1)),
                        age,
                        until=len(document.text),
                        whole_work=True,
                    )
                )
    return found


def _stated_ages(document, sentence_of) -> list[AgeStatement]:
    """ "fifteen years old", "aged twelve", "her sixteenth birthday": an age said outright."""
    found = []
    for hit in document_hits(document, AGE_LEXICON):
        if hit.start and document.text[hit.start - 1] == "-":
            continue  # "thirty-five-year-old" is not five
        if _age_of_another(document.text, hit):
            continue
        age = _age_value(hit.surface)
        if age < 18 and not THIRD_PARTY_RE.search(sentence_of(hit.start)):
            found.append(AgeStatement(hit.start, hit.end, age))
    return found


# A simile: "giggling like a thirteen-year-old at a sleepover", "behaving like a couple of
# fifteen-year-olds", "acting like she was twelve", "as if they were fifteen again". The
# age is what someone is compared to. A bare "like" before a bare number is a hedge ("we
# were like fourteen lol"), an age: only a person named by an age ("-year-old") or a clause
# ("like she was twelve") follows the simile's "like".
SIMILE_BEFORE_AGED_RE = LazyPattern(
    r"\b(?:like|than)\s+(?:(?:a|an|some|two|three|a pair of|a couple of|a bunch of|a gang of"
    r"|a load of|a gaggle of|a roomful of|a room full of|a pack of)\s+)?(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
SIMILE_BEFORE_CLAUSE_RE = re.compile(
    r"\b(?:like|as if|as though)\s+(?:he|she|they|i|we|you|it)(?:'re|'s|'m|’re|’s|’m"
    r"|\s+(?:was|were|is|are|am|had been|'d been))\s+" + flexible_spaces(HEDGE) + "$",
    re.IGNORECASE,
)


def compared_to(text: str, start: int, aged: bool) -> bool:
    """The age is a simile's ("like a fourteen-year-old", "like she was twelve")."""
    before = text[max(0, start - 60) : start]
    if aged and SIMILE_BEFORE_AGED_RE.search(before):
        return True
    return bool(SIMILE_BEFORE_CLAUSE_RE.search(before))


def _age_of_another(text: str, hit) -> bool:
    """The age is a thing's, a relative's, a past self's or a group's, not the pair's."""
    if compared_to(text, hit.start, "year" in hit.surface):
        return True  # "giggling like a thirteen-year-old": a simile
    if THING_AFTER_AGE_RE.match(text, hit.end):
        return True  # "her three-year-old currant wine": the age of a thing
    if KIN_AFTER_AGE_RE.match(text, hit.end):
        return True  # "your fourteen-year-old brother": a relative's age, not the pair's
    if PAST_SELF_AFTER_AGE_RE.match(text, hit.end):
        return True  # "Thirteen-year-old me would be screaming": a self of another time
    if hit.surface.endswith("olds") and GENERIC_BEFORE_RE.search(
        text[max(0, hit.start - 12) : hit.start]
    ):
        return True  # "From fifteen-year-olds, that's a sonnet": people of that age at large
    # "a dozen fourteen-year-olds": a group, not the couple
    return hit.surface.endswith("olds") and bool(
        GROUP_BEFORE_RE.search(text[max(0, hit.start - 40) : hit.start])
    )


def _bare_ages(document, sentence_of) -> list[AgeStatement]:
    """ "they're about nine", "Mina is fifteen": a bare number after a subject or a name."""
    found = []
    lowered = None  # made only when a bare number needs it: most works have none
    for hit in document_hits(document, BARE_NUMBER_LEXICON):
        if hit.start and document.text[hit.start - 1] == "-":
            continue
        age = _age_value(hit.surface)
        if age >= 18 or age < 2:
            continue
        if compared_to(document.text, hit.start, False):
            continue  # "acting like they were fifteen": a simile
        if lowered is None:
            lowered = lower_same_length(document.text)
        before = lowered[max(0, hit.start - 60) : hit.start]
        window = document.text[max(0, hit.start - 60) : hit.start]
        named = (
            NAME_SUBJECT_BEFORE_RE.search(window)
            or NAME_APPOSITIVE_BEFORE_RE.search(window)
            or _opening_apposition(document.text, hit)
        )
        if KIDS_SUBJECT_BEFORE_RE.search(before):
            continue  # "The twins are both fifteen and at football camp": someone's children
        if (SUBJECT_BEFORE_RE.search(before) or named) and not THIRD_PARTY_RE.search(
            sentence_of(hit.start)
        ):
            found.append(AgeStatement(hit.start, hit.end, age))
    return found


def _school_ages(document, sentence_of) -> list[AgeStatement]:
    """ "in Year 9", "eighth graders", "doing their GCSEs": a school year (age 0: no number given)."""
    found = []
    for hit in document_hits(document, SCHOOL_LEXICON):
        if THIRD_PARTY_RE.search(sentence_of(hit.start)) or _taught(document.text, hit):
            continue
        if hit.surface.startswith(("year ", "yr ")) and not _school_year(document.text, hit):
            continue
        young = YOUNG_SCHOOL_RE.match(hit.surface) is not None
        found.append(AgeStatement(hit.start, hit.end, 0, young_school=young))
    return found


# "Sophomore year", "a freshman", "sophomores" with no school named: a high-school year where
# the work is set in a high school (two of its things: homeroom, lockers, a learner's permit,
# "Mr. Alvarez's chemistry class"), a college year where it names a college, or a reunion.
SCHOOL_YEAR_LEXICON = Lexicon(
    [r"(?:freshman|sophomore|junior) year|(?:an?|the only) (?:freshman|sophomore)|sophomores"]
)
HIGH_SCHOOL_THINGS_RE = LazyPattern(
    r"\b(?:high school|homeroom|learner'?s permit|learner’s permit|hall pass|study hall|pep rally"
    r"|prom|driver'?s ed|lockers?|principal|(?:first|second|third|fourth|fifth|sixth|seventh)"
    r" period|report cards?|detention|school bus|school musical|lab partners?|cafeteria"
    r"|(?-i:(?:Mr|Mrs|Ms|Miss)\.? [A-Z][a-z]+(?:'s|’s) (?:\w+ )?class))\b",
    re.IGNORECASE,
)
COLLEGE_THINGS_RE = LazyPattern(
    r"\b(?:college|university|uni|campus|dorms?|dormitory|professors?|frat|fraternity|sorority"
    r"|semesters?|syllabus|tuition|seminar|lecture|majoring|undergrad\w*|grad school"
    r"|office hours|reunion|class of (?:19|20)\d\d"
    # ... or a high school's staff: "the staff room", "lesson plans"
    r"|staff ?room|teachers'? lounge|faculty|lesson plans?|grading|marking)\b",
    re.IGNORECASE,
)
# "A sophomore threw up in my room": a pupil described, not an age said of anyone; a
# school year as a noun is an age after a copula ("Devon was a sophomore", "both sophomores").
COPULA_BEFORE_RE = LazyPattern(
    r"\b(?:is|was|are|were|am|'s|’s|'m|’m|'re|’re|being|both|all)\s+$", re.IGNORECASE
)


def _high_school_years(document, sentence_of) -> list[AgeStatement]:
    """ "Sophomore year was the year Ruthie Adler ...": a school age where the work is set
    in a high school (age 0: no number given)."""
    hits = document_hits(document, SCHOOL_YEAR_LEXICON)
    if not hits or COLLEGE_THINGS_RE.search(document.text):
        return []
    if len({m.group().lower() for m in HIGH_SCHOOL_THINGS_RE.finditer(document.text)}) < 2:
        return []
    text = document.text
    return [
        AgeStatement(hit.start, hit.end, 0)
        for hit in hits
        if (
            hit.surface.endswith("year")
            or COPULA_BEFORE_RE.search(text[max(0, hit.start - 12) : hit.start])
        )
        and not THIRD_PARTY_RE.search(sentence_of(hit.start))
        and not _taught(text, hit)
    ]


def _opening_apposition(text: str, hit) -> bool:
    """ "Sixteen and stupid and brave, Kit kissed Rowan": a capitalised age opens its
    sentence and a name follows the comma; nothing counted lies between."""
    if not text[hit.start].isupper():
        return False
    if not SENTENCE_START_BEFORE_RE.search(text[max(0, hit.start - 4) : hit.start]):
        return False
    after = NAME_AFTER_OPENING_AGE_RE.match(text, hit.end)
    return bool(after) and not COUNTED_RE.search(after.group())


def _bounds(document, sentence_of) -> list[AgeStatement]:
    """ "Neither of them was older than sixteen", "not yet fifteen": "older than" counts only
    after a negation in its sentence ("she was older than sixteen" says nothing)."""
    found = []
    for hit in document_hits(document, BOUND_LEXICON):
        age = _age_value(hit.surface)
        if age >= 18 or THIRD_PARTY_RE.search(sentence_of(hit.start)):
            continue
        before = document.text[max(0, hit.start - 60) : hit.start]
        if hit.surface.lower().startswith("not yet") or NEGATION_BEFORE_RE.search(before):
            found.append(AgeStatement(hit.start, hit.end, age))
    return found


def _school_year(text: str, hit) -> bool:
    """ "Year 9" or "year 10" is a school year; "year ten" in lower case is as likely a count
    ("the year ten ships sailed"), so a year in words needs its capital."""
    number = hit.surface.split()[-1]
    return number.isdigit() or text[hit.start] == "Y"


# "She teaches ninth grade", "a middle school teacher": the school year of someone's pupils.
TEACHER_BEFORE_RE = LazyPattern(
    r"\b(?:teach(?:es|ing)?|taught|teacher (?:of|for|at|in)|substitut(?:e|ed|ing) (?:for|in|at))\s+"
    r"(?:\w+\s+){0,4}$",
    re.IGNORECASE,
)
TEACHER_AFTER_RE = LazyPattern(r"[\s-]*teachers?\b", re.IGNORECASE)
# "My tenth graders hate me", "your ninth graders": pupils someone has, so someone who teaches.
PUPILS_BEFORE_RE = LazyPattern(r"\b(?:my|your|his|her|our|their)\s+$", re.IGNORECASE)
PUPILS_RE = LazyPattern(r"(?:graders|freshmen|sophomores|juniors)$")


def _taught(text: str, hit) -> bool:
    """A school year that is someone's job, not their age."""
    before = text[max(0, hit.start - 40) : hit.start]
    if PUPILS_RE.search(hit.surface) and PUPILS_BEFORE_RE.search(before[-8:]):
        return True
    return bool(TEACHER_BEFORE_RE.search(before) or TEACHER_AFTER_RE.match(text, hit.end))


# An age followed by "when" is the age at another moment: "Mara was sixteen when she met Joel".
AGE_THEN_WHEN_RE = re.compile(r"\s*(?:years?(?:[- ]old)?\s*)?,?\s*when\b", re.IGNORECASE)
# ... and so is an age framed by a time ("Mara was sixteen the summer she met Joel"), unless
# it opens its scene: "They were both fourteen the winter the canal froze, and ..." sets the
# time the scene is told in.
AGE_THEN_TIME_RE = LazyPattern(
    r"\s*(?:years?(?:[- ]old)?\s*)?the (?:spring|summer|autumn|fall|winter|year)\b",
    re.IGNORECASE,
)
# ... and so is the age someone "had been": "the fourteen-year-old she had been".
AGE_SHE_HAD_BEEN_RE = LazyPattern(
    r"\s+(?:\w+\s+)?(?:she|he|they|i|we|you)\s+(?:had|'d)\s+(?:once\s+)?been\b"
    r"|\s+(?:\w+\s+)?(?:she|he|they|i|we|you)\s+(?:used to be|once was|was once)\b",
    re.IGNORECASE,
)

ROMANCE_IN_CLAUSE_RE = LazyPattern(
    r"\b(?:kiss\w*|made love|slept together|had sex|first time|dat(?:e|ed|ing)|fell in love)\b",
    re.IGNORECASE,
)

# The age belongs to another time: "when he was ten", "since they were eleven", "back in
# middle school", "from when she was seventeen", "at fourteen he had ...".
PAST_AGE_RE = LazyPattern(
    r"\b(?:when|since|back in|back when|until|till|ever since|by the time|from when|"
    r"as a|as an|at the age of|at age|at)\b[^.!?;:]{0,30}$"
    # "The summer Ivy turned fifteen, she ...": a time named by the age is a "when".
    r"|\bthe (?:summer|winter|spring|autumn|fall|year|day|night|week|month|term|semester|time"
    r"|birthday|morning|evening)s? (?:that |when |after |before )?(?!of )[^.!?;:,]{0,25}$"
    # ... but "the spring of their junior year" is a time within the age: the present.
    # "The first time Wren kissed Ash, they were seventeen": told looking back.
    r"|\bthe (?:first|last|only) time\b[^.!?;:]{0,60}$"
    # "She thought of the boy on the train, eleven-year-old Ron ...": a thought of the past.
    r"|\b(?:thought|thinking) (?:back )?(?:of|to)\b[^.!?;:]{0,100}$",
    re.IGNORECASE,
)
# A remembered scene: the age's sentence or the two before it look back.
MEMORY_RE = LazyPattern(
    r"\b(?:remember\w*|recall\w*|memor(?:y|ies)|reminisc\w*|back then|years (?:ago|earlier|before)|"
    r"long ago|long-ago|flashback|used to|photo\w*|pictures?|once upon)\b",
    re.IGNORECASE,
)


def said_of_the_past(text: str, index, statement: AgeStatement, scene_first: int = 0) -> bool:
    """The age belongs to another time than the story's present: "when he was ten",
    "since they were eleven", "back in middle school", "she was sixteen when they met", or a
    remembered scene. `scene_first` is the first sentence of the age's scene."""
    s = index.index_at(statement.start)
    if PAST_AGE_RE.search(text[index.spans[s].start : statement.start]):
        return True
    if AGE_SHE_HAD_BEEN_RE.match(text, statement.end):
        return True
    if AGE_THEN_TIME_RE.match(text, statement.end) and not opens_scene(index, s, scene_first):
        return True  # "was sixteen the summer she met him", said in passing: another time
    if AGE_THEN_WHEN_RE.match(text, statement.end) and not ROMANCE_IN_CLAUSE_RE.search(
        text, statement.end, index.spans[s].end
    ):
        return True  # but "they were fifteen when they first kissed" is the kiss's age
    return any(MEMORY_RE.search(index.sentence(t)) for t in range(max(0, s - 2), s + 1))


def opens_scene(index, s: int, scene_first: int) -> bool:
    """Sentence `s` opens its scene: its first sentence, or the second after a short header
    line ("Chapter One", "Salt and Static")."""
    if s == scene_first:
        return True
    return s == scene_first + 1 and len(index.sentence(scene_first).split()) <= 8


# A line of a chat log or a script: "**nadia:** im 15 too", "BEN: I'm sixteen". Its "I" is
# the one its label names, not the narrator.
LABEL_LOOK = 300  # characters back from an age searched for the start of its line
SPEAKER_LABEL_RE = LazyPattern(r"[ \t]*[*_]*([A-Za-z][\w'-]{0,20})[*_]*[ \t]*:[*_]*[ \t]")


def speaker_label(text: str, offset: int) -> str | None:
    """The label opening the line of `offset` ("nadia" in "**nadia:** im 15 too")."""
    # a chat line's age comes early in it: looking further back was quadratic in a work of
    # one endless line
    window = max(0, offset - LABEL_LOOK)
    line_start = text.rfind("\n", window, offset) + 1
    if not line_start and window:
        return None
    found = SPEAKER_LABEL_RE.match(text, line_start)
    return found.group(1) if found and found.end() <= offset else None


# "You're fifteen, and Sam has asked you to walk down to the lake": the age of the narrator
# or the reader ("I", "you", "we"), whatever other names its sentence holds.
NARRATOR_SUBJECT_BEFORE_RE = LazyPattern(
    r"\b(?:i'm|im|i am|i was|you're|you are|you were|we're|we are|we were)\s+"
    + flexible_spaces(HEDGE)
    # "You're a junior at Westview High", "I'm a sixteen-year-old girl": an article between
    + r"(?:an?\s+)?$",
    re.IGNORECASE,
)
# A single quotation mark opening dialogue ("'You're twelve,' Mara laughed"), told from the
# apostrophe inside a word ("I'm fifteen") by what stands before it.
OPENING_SINGLE_QUOTE_RE = LazyPattern(r"(?:^|[\s(\[\u2014\u2013])['\u2018](?=\w)|\u2018")


def said_of_the_narrator(text: str, sentence_start: int, statement: AgeStatement) -> bool:
    """The age is the narrator's or the reader's, told in narration (not "you're twelve" said
    to someone in dialogue)."""
    before = text[sentence_start : statement.start]
    if any(mark in before for mark in DOUBLE_QUOTE_MARKS) or OPENING_SINGLE_QUOTE_RE.search(before):
        return False
    if speaker_label(text, statement.start):
        return False  # "**nadia:** im 15 too": the labelled speaker's
    return bool(NARRATOR_SUBJECT_BEFORE_RE.search(before[-60:]))


# "The fourteen-year-old who delivered the papers waved as Tom kissed Will": an age used as
# a noun for someone described, not named.
DESCRIBED_BEFORE_RE = LazyPattern(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
DESCRIBED_AFTER_RE = LazyPattern(r"\s+(?:who|that|[a-z]+ed)\b")
# ... or placed where a stranger is: "the sixteen-year-old in bed four", "a fifteen-year-old
# at the till", "the fourteen-year-old next door" (not "the sixteen-year-old in his arms").
PLACED_AFTER_RE = LazyPattern(
    r"\s+(?:(?:in|at|on|from|behind|across|by|near|outside|inside)\s+(?!(?:his|her|their|my"
    r"|your|our|him|me|them|us|you)\b)|next door\b|upstairs\b|downstairs\b|down the (?:hall"
    r"|road|street|corridor)\b|across the (?:hall|road|street|corridor)\b)",
    re.IGNORECASE,
)


def described_by_age(text: str, statement: AgeStatement) -> bool:
    """The age names a person by it ("the fourteen-year-old who ...", "a sixteen-year-old
    waved"), not an age said of someone named or of "I", "you", "they"."""
    surface = text[statement.start : statement.end].lower()
    return (
        surface.endswith("-year-old")
        and bool(DESCRIBED_BEFORE_RE.search(text[max(0, statement.start - 6) : statement.start]))
        and bool(DESCRIBED_AFTER_RE.match(text, statement.end))
    )


def placed_by_age(text: str, statement: AgeStatement) -> bool:
    """A person named by an age and a place ("the sixteen-year-old in bed four", "a
    fifteen-year-old at the till"): a stranger of the scene, where "the fifteen-year-old who
    had never been kissed" may be its heroine."""
    surface = text[statement.start : statement.end].lower()
    return (
        surface.endswith("-year-old")
        and bool(DESCRIBED_BEFORE_RE.search(text[max(0, statement.start - 6) : statement.start]))
        and bool(PLACED_AFTER_RE.match(text, statement.end))
    )


# "You're twelve," said in jest: the one it is said to answers with an adult age ("I'm
# thirty-four and I have a doctorate") within a few sentences.
SAID_TO_YOU_BEFORE_RE = LazyPattern(
    r"\byou(?:'re|’re|\s+are)\s+(?:literally\s+|basically\s+)?(?:(?:such\s+)?an?\s+)?"
    + flexible_spaces(HEDGE)
    + "$",
    re.IGNORECASE,
)
ADULT_REPLY_RE = LazyPattern(
    r"\bI(?:'m|’m|\s+am)\s+(?:actually\s+|now\s+|literally\s+)?(?:twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|eighteen|nineteen|1[89]\b|[2-9]\d\b)"
    r"(?![- ]?(?:minutes?|seconds?|hours?|days?|weeks?|months?|percent|%|times|pages))",
)
JEST_REPLY_REACH = 5  # sentences after the age in which the answer comes


def answered_as_adult(text: str, index, statement: AgeStatement) -> bool:
    """An age said to "you" in dialogue ("You're twelve") that the one it is said to answers
    with an adult age of their own ("I'm thirty-three"): a jest."""
    s = index.index_at(statement.start)
    before = text[index.spans[s].start : statement.start]
    quoted = any(mark in before for mark in DOUBLE_QUOTE_MARKS) or OPENING_SINGLE_QUOTE_RE.search(
        before
    )
    if not quoted or not SAID_TO_YOU_BEFORE_RE.search(before[-60:]):
        return False
    last = min(len(index) - 1, s + JEST_REPLY_REACH)
    return bool(ADULT_REPLY_RE.search(text, statement.end, index.spans[last].end))
