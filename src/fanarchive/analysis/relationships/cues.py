"""What the text calls two characters: rivals, friends, family, enemies ("my rival",
"eternal rivals", "just a friend", "brother"). Romance cues live in warnings.romance
(the minors-in-romance warning needs them too) and are re-exported here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.warnings.romance import (
    ROMANCE_CUES,
    ROMANCE_LEXICON,
    RomanceCue,
    romance_cue,
)
from fanarchive.analysis.warnings.scanner import Lexicon, flexible_spaces

__all__ = [
    "COUPLE_LEXICON",
    "NOT_A_COUPLE_RE",
    "PARTED_RE",
    "ROMANCE_CUES",
    "ROMANCE_LEXICON",
    "SPOUSE_LEXICON",
    "SPLIT_TO_SEARCH_RE",
    "SUBTYPE_LEXICON",
    "RomanceCue",
    "couple_cue",
    "cue_form",
    "romance_cue",
    "spouse_form",
    "subtype_of",
]

# Parent and child nouns: family words, bound only as a guess (relationships.PARENT_NOUN_RE).
PARENT_NOUNS = r"sons?|daughters?|mothers?|fathers?|moms?|mums?|dads?"
SUBTYPE_CUES = {
    "rivals": r"rivals?|rivalry|nemesis|arch-?rivals?|competitors?",
    "enemies": r"enem(?:y|ies)|arch-?enem(?:y|ies)|hate you|hated each other|hate each other",
    "friends": r"(?:best |good |close |old |true )?friends?|friendship|buddy|buddies|comrades?|teammates?"
    # "brother in arms" is a comrade, not kin
    r"|brothers? in arms|sisters? in arms|brothers?-in-arms|sisters?-in-arms",
    # Sibling words bind as any relational noun. A parent or child ("his son", "her mother")
    # is more often a third person spoken of: it is only a guess, and only of the one person
    # of its sex its own sentence names (relationships.PARENT_NOUN_RE).
    "family": r"(?:brothers?|sisters?)(?![- ]in[- ]arms)|siblings?|cousins?|twins?|twin brother"
    r"|twin sister|brothers-in-law|sisters-in-law|" + PARENT_NOUNS,
}
# "just a friend" is said of someone who is a friend and nothing more (so far).
JUST_FRIENDS = r"just (?:a )?friends?|only (?:a )?friends?|nothing more than (?:a )?friends?"
CHILDHOOD = r"friends? as (?:children|kids)|since childhood|childhood friends?|grew up together|since we were (?:children|kids|little)|known each other (?:since|all (?:our|their) lives)"
# "Ann had known Cat since they were kids", "friends since they were six" (an age, not "since
# they were ten minutes late" nor "two streets from home").
CHILDHOOD += (
    r"|since (?:we|they) were (?:children|kids|little|small|babies|toddlers|(?:one|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
    r"(?! (?!(?:years?|and|or|when|at|in|together)\b)[a-z]))"
)

SUBTYPE_LEXICON = Lexicon([*SUBTYPE_CUES.values(), JUST_FRIENDS, CHILDHOOD])
_SUBTYPE_COMPILED = [(re.compile(flexible_spaces(p)), name) for name, p in SUBTYPE_CUES.items()]
_JUST_FRIENDS_RE = re.compile(flexible_spaces(JUST_FRIENDS))
_CHILDHOOD_RE = re.compile(flexible_spaces(CHILDHOOD))


@lru_cache(maxsize=2048)
def subtype_of(surface: str) -> str:
    """'rivals', 'enemies', 'friends', 'family', 'just-friends' or 'childhood' for a surface."""
    if _JUST_FRIENDS_RE.fullmatch(surface):
        return "just-friends"
    if _CHILDHOOD_RE.fullmatch(surface):
        return "childhood"
    for regex, name in _SUBTYPE_COMPILED:
        if regex.fullmatch(surface):
            return name
    return ""


# How a cue names a relation, which decides who it binds (relationships.binding):
# "relational": a noun for one person in relation to another ("her brother", "Ann's rival");
# "plural": the same noun for both ("siblings", "rivals"); "reciprocal": a relation between
# the two ("hated each other", "grew up together"); "act": something one does to the other.
RECIPROCAL_RE = re.compile(
    r".*(?:each other|together|rivalry|friendship|since childhood|childhood|as (?:children|kids)"
    r"|since we were|since they were|known each other).*"
)
PLURAL_NOUN_RE = re.compile(
    r".*(?:rivals|competitors|enemies|friends|buddies|comrades|teammates|brothers|sisters"
    r"|siblings|cousins|twins|brothers-in-law|sisters-in-law)"
)


@lru_cache(maxsize=2048)
def cue_form(surface: str) -> str:
    """'relational', 'plural', 'reciprocal' or 'act' for a subtype cue's surface."""
    if RECIPROCAL_RE.fullmatch(surface):
        return "reciprocal"
    if surface.startswith("hate"):
        return "act"
    if PLURAL_NOUN_RE.fullmatch(surface):
        return "plural"
    return "relational"


# Spouses and partners are romantic, never "family". The nouns (husband, wife, fiancé,
# boyfriend, ...) are romance cues already (kind "partner"); these are the rest.
# "her ex boss", "his ex partner on the force": an "ex" before a role is "former", no partner.
_FORMER = (
    r"\s+(?:boss|co-?workers?|colleagues?|partners?|teammates?|students?|teachers?|friends?"
    r"|best\s+friends?|room-?mates?|flatmates?|employers?|managers?|neighbou?rs?|coach|captain"
    r"|soldiers?|cops?|cons?|convicts?|marines?|agents?|members?|president|champion|mayor"
    r"|assistants?|classmates?|bandmates?|prisoners?|military|navy|army|police|detectives?"
    r"|officers?|employees?|clients?|secretary|lawyers?|doctors?|nurses?|professors?|pupils?)\b"
)
SPOUSE_CUES = {
    # "were engaged", not "were engaged in a debate" (an occupation, no couple).
    "married": r"married|marr(?:y|ies|ying)|wedded|wed|got engaged|(?:were|been) engaged"
    r"(?! (?:in|on|with|by|as)\b)|engaged to|betrothed",
    "spouse": r"spouses?|partners?|husbands?|wife|wives|fianc[ée]e?s?|brides?|(?:bride)?grooms?"
    # "her ex, Bob": a past partner; not "her ex-coach" (an ex-husband is a husband above)
    r"|boyfriends?|girlfriends?|lovers?|newlyweds|ex(?![-‐]|'s|’s|" + _FORMER + r")|exes",
}
SPOUSE_LEXICON = Lexicon(list(SPOUSE_CUES.values()))
_SPOUSE_COMPILED = [(re.compile(flexible_spaces(p)), name) for name, p in SPOUSE_CUES.items()]
# A partner at work ("her partner on the force") is as common as a partner in life.
WEAK_SPOUSE_RE = re.compile(r"partners?")


@lru_cache(maxsize=1024)
def spouse_form(surface: str) -> str:
    """'married' (a reciprocal cue), 'spouse' (a relational noun) or '' for a surface."""
    for regex, name in _SPOUSE_COMPILED:
        if regex.fullmatch(surface):
            return name
    return ""


# A couple's own words that the shared romance cues (warnings.romance, also read by the
# minors' warning) leave out: a kiss told by the lips, and a couple "together" or "dating"
# (a date is a lesser cue there). Not "in love with": one-sided or gossip as often as not
# (PDNC tune: Harriet in love with Mr. Elton, "their being in love with each other").
# Lips pressed into a line, or lips that meet a cup, a pipe or an instrument, kiss nobody.
_NOT_A_KISS = (
    r"(?! (?:into|together|tight|tightly|shut|flat|thin|in a (?:\w+ )?line)\b)"
    r"(?! (?:the|a|an|his|her|their|my|your) (?:[\w-]+ )?(?:cups?|mugs?|glass|glasses|rim"
    r"|bottles?|cans?|flasks?|straws?|spoons?|forks?|edge|pages?|paper|phone|receiver"
    r"|microphone|mic|flute|trumpet|horn|whistle|harmonica|pipe|cigarette|tea|coffee|wine"
    r"|drink)\b)"
)
# A couple "been together for" years, not for an hour or the whole match.
_A_LONG_TIME = (
    r"(?= (?:[\w-]+ ){0,3}?(?:years?|months?|decades?|ages|weeks?|a (?:long )?(?:while|time)"
    r"|so long|(?:a )?lifetime|lives)\b)"
)
GOT_TOGETHER = r"(?<=\bgot\s)together|(?<=\bgetting\s)together"
COUPLE_CUES = [
    RomanceCue(
        r"lips (?:met|found|brushed|touched|pressed)" + _NOT_A_KISS + r"|press(?:ed|es|ing)? "
        r"(?:his|her|their|my|your) lips (?:to|against)" + _NOT_A_KISS,
        "kiss",
        3,
    ),
    # Looked for from "together" and "dating", with the verb behind them, not from every
    # "been", "got", "was" and "is" of a text.
    RomanceCue(
        r"(?<=\bbeen\s)together since|(?<=\bbeen\s)together for"
        + _A_LONG_TIME
        + r"|"
        + GOT_TOGETHER
        + r"|(?<=\bbeen\s)dating|(?<=\bstarted\s)dating|(?<=\bwas\s|\bare\s)dating|(?<=\bis\s)dating"
        r"|(?<=\bwere\s)dating|dated for|(?:broke|broken|breaking|split) up with"
        # "They had broken up in a parking lot": the couple is the subject (PARTED_RE); not
        # "broke up the fight", "broken up about it"
        r"|(?:broke|broken) up(?! (?:the|a|an|his|her|their|my|your|our|its|it|them|that|this"
        r"|about|over|by|into|in tears|with)\b)",
        "couple",
        3,
    ),
]
COUPLE_LEXICON = Lexicon([c.pattern for c in COUPLE_CUES])


def _without_lookarounds(pattern: str) -> str:
    """The pattern without its lookaheads and lookbehinds, to tell which cue a surface is: the
    lexicon looked around it already, and a surface holds none of the text around it."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            depth = 0
            while True:
                if pattern[i] == "\\":
                    i += 2
                    continue
                depth += (pattern[i] == "(") - (pattern[i] == ")")
                i += 1
                if depth == 0:
                    break
            continue
        step = 2 if pattern[i] == "\\" else 1
        out.append(pattern[i : i + step])
        i += step
    return "".join(out)


_COUPLE_COMPILED = [
    (re.compile(flexible_spaces(_without_lookarounds(c.pattern))), c) for c in COUPLE_CUES
]
# "got together to study", "with friends", "every Friday", "again on Sunday": a meeting, not
# a couple ("got together again after years apart" is one).
NOT_A_COUPLE_RE = LazyPattern(
    r"\s+(?:again\s+)?(?:to|with|for|and|at|every|each|on|over|once|twice|regularly|often"
    r"|weekly|sometimes)\b"
)
# "split up with Bob to search the house", "with Cat taking the east wing": a search party.
SPLIT_TO_SEARCH_RE = LazyPattern(
    r"(?:\s+[\w'-]+){1,3}?\s+(?:to|so|while|taking|heading|going|searching|checking)\b"
)


# A parting with no one named after it ("they broke up"): its subject is the couple.
PARTED_RE = re.compile(r"(?:broke|broken)\s+up")


@lru_cache(maxsize=512)
def couple_cue(surface: str) -> RomanceCue | None:
    return next((cue for regex, cue in _COUPLE_COMPILED if regex.fullmatch(surface)), None)
