"""Killing needs a living victim (probe round 11, seventh session; docs/warnings.md), and
no rule counts harm done with a look (tenth session).

"Killed it on Saturday", "slaughtered the competition", "murdered the chorus", "butchered
the speech": a kill verb whose object is a thing is success, defeat or bad work, whatever
the phrase. Rather than list those phrases, the Killing rule leaves out the cue of a bare
kill verb (the learned model still reads it, so its features are unchanged) when the words
after it are "it", "this", "that", "everything", or a determiner and up to
two words none of which names a person or a creature. A pronoun, a name (capitalised in the
text), or a person, role or creature noun keeps it ("killed the guard", "murdered his
brother", "slaughtered the villagers", "killed the beast").
"""

from __future__ import annotations

import re

from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.warnings.scanner import Hit

KILL_VERB_RE = re.compile(
    r"(?:kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|slaughter(?:s|ed|ing)?|massacre(?:s|d)?"
    r"|butcher(?:s|ed|ing)?|slay(?:s|ed|ing)?|slew)",
    re.IGNORECASE,
)
_DETERMINER = r"(?:the|a|an|our|his|her|their|my|your|its|this|that|these|those|every|each)"
THING_OBJECT_RE = re.compile(
    r"\s+(?:(?P<bare>it|everything)\b(?!')|(?P<pointed>this|that)(?=\s*[.,;:!?])|"
    + _DETERMINER
    + r"\s+(?P<words>"
    r"[A-Za-z'-]+(?:\s+[A-Za-z'-]+)?))"
)
# Whom a killing can be of: people by kin, role or number, and creatures.
LIVING = LazyPattern(
    r"(?:girls?|boys?|child|children|m[ae]n|wom[ae]n|lad(?:y|ies)|gentlem[ae]n|bab(?:y|ies)"
    r"|kids?|sons?|daughters?|mothers?|fathers?|mom|mum|dad|aunts?|uncles?|sisters?|brothers?"
    r"|cousins?|friends?|strangers?|maids?|servants?|wi(?:fe|ves)|husbands?|infants?|twins?"
    r"|people|persons?|person|family|families|parents?|grand\w+|nieces?|nephews?|soldiers?"
    r"|guards?|knights?|doctors?|nurses?|officers?|captains?|sergeants?|priests?|prisoners?"
    r"|hostages?|villagers?|civilians?|innocents?|victims?|witness(?:es)?|enem(?:y|ies)"
    r"|kings?|queens?|princes?|princess(?:es)?|lords?|emperors?|witch(?:es)?|wizards?"
    r"|mages?|assassins?|killers?|murderers?|traitors?|spy|spies|rebels?|troops?|army|armies"
    r"|crew|passengers?|driver|pilot|boss|leader|chief|bandits?|thie(?:f|ves)|beasts?"
    r"|creatures?|monsters?|dragons?|demons?|vampires?|zombies?|wol(?:f|ves)|dogs?|cats?"
    r"|horses?|deer|bears?|animals?|birds?|pigs?|cows?|sheep|chickens?|goats?|rats?|snakes?"
    r"|spiders?|fish|prey|ones|others|rest|lot|bastards?|bitch(?:es)?|fuckers?"
    r"|sons? of|guys?|fellows?|youths?|teens?|teenagers?|students?|teachers?|patients?"
    r"|farmers?|raiders?|informers?|attackers?|intruders?|invaders?|hunters?|sailors?|warriors?"
    r"|fighters?|gunm[ae]n|robbers?|muggers?|merchants?|travell?ers?|workers?|miners?|captors?"
    r"|jailers?|gaolers?|executioners?|defenders?|survivors?|settlers?|riders?|pirates?"
    r"|mercenar(?:y|ies)|outlaws?|marauders?|looters?|poachers?|smugglers?|traders?)",
)


def _living(words: list[str]) -> bool:
    """Whether any of an object's words names a person or a creature (LIVING)."""
    return any(LIVING.fullmatch(word.lower()) for word in words)


def kills_a_thing(text: str, hit: Hit) -> bool:
    """A bare kill verb (the whole cue) followed by a thing for its object."""
    verb = KILL_VERB_RE.match(hit.surface)
    if verb is None:
        return False
    start = hit.end  # the cue may hold its determiner: "slaughtered the"
    if verb.end() < len(hit.surface):
        if not re.fullmatch(r"\s+" + _DETERMINER, hit.surface[verb.end() :]):
            return False
        start = hit.start + verb.end()
    found = THING_OBJECT_RE.match(text, start)
    if found is None:
        return False
    if found.group("bare") or found.group("pointed"):
        return True
    words = found.group("words").split()
    if any(word[:1].isupper() for word in words):
        return False  # a name: "killed the Doctor", "murdered our Ellie"
    return not _living(words)


def of_the_living(text: str, cues: list) -> list:
    """The Killing cues but those whose object is a thing (kills_a_thing). Applied to the
    Killing rule only: the learned model reads every cue as before."""
    return [c for c in cues if not kills_a_thing(text, c.hit)]


# Harm done with a look or a word is none: "impaled him with that withering glare",
# "skewered the vicar with a single raised eyebrow", "killed her with kindness". Whatever the
# verb, the instrument tells it (tenth session). Not eyes, a smile or a grin: they tell how a
# real blow was dealt as often ("shot the cashier with his eyes closed", "stabbed him with a
# grin").
WITH_A_LOOK_RE = re.compile(
    r"(?:impal|skewer|stab|pierc|spear|pinn|nail|cut|kill|murder|shot|shoot|slay|slew|flay"
    r"|strik|struck|hit|slic|sear|burn|eviscerat|disembowel|flatten|crush|slaughter|gut|flog"
    r"|whip|lash|slash|wound|maim|execut|strangl|throttl|choke|punch|slap|smack)[a-z]*"
    r"(?:\s+(?:him|her|them|me|you|us|(?:the\s+|a\s+)?[a-z]+))?\s+with\s+"
    r"(?:(?:a|an|that|this|his|her|their|my|your|one|the|its|another|such)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:looks?|glares?|stares?|gaze|glances?|eyebrows?"
    r"|scowls?|frowns?|questions?|remarks?|retorts?|comments?|words|sarcasm|wit|kindness)\b",
    re.IGNORECASE,
)


def harmed_with_a_look(text: str, hit: Hit) -> bool:
    """A cue whose verb's instrument is a look or a word ("impaled him with a glare")."""
    return WITH_A_LOOK_RE.match(text, hit.start) is not None


def by_deed(text: str, cues: list) -> list:
    """The cues but those of harm done with a look or a word. Applied to the rules only: the
    learned model reads every cue as before, so its features and weights are unchanged."""
    return [c for c in cues if not harmed_with_a_look(text, c.hit)]


# The graphic verbs need a living victim too, for the Violence rule (tenth session):
# "decapitated the strawberries", "disembowelled the teddy bear", "skewered the prawns".
# "throttled the life out of the informer": the one the life is taken out of is the victim.
OUT_OF_RE = LazyPattern(
    r"(?:\s+[\w'-]+){1,4}?\s+out\s+of\s+(?:(?:the|a|an|that|this|his|her|their|my|your)\s+"
    r"(?P<words>[\w-]+(?:\s+[\w-]+)?)|him|her|them|me|you|us|(?-i:[A-Z][a-z]+))\b",
    re.IGNORECASE,
)
GRAPHIC_VERB_RE = re.compile(
    r"(?:decapitat|behead|dismember|mutilat|disembowel|eviscerat|impal|skewer|strangl|throttl)\w*"
    r"|gutt(?:ed|ing)",
    re.IGNORECASE,
)


def maims_a_thing(text: str, hit: Hit) -> bool:
    """A graphic verb (the whole cue) whose object is a thing."""
    if not GRAPHIC_VERB_RE.fullmatch(hit.surface):
        return False
    found = THING_OBJECT_RE.match(text, hit.end)
    if found is None or found.group("pointed") or found.group("bare"):
        return False  # "impaled it": a creature, as often as not
    words = found.group("words").split()
    if any(word[:1].isupper() for word in words):
        return False
    if _out_of_someone(text, hit.end):
        return False
    return not _living(words)


def of_the_maimable(text: str, cues: list) -> list:
    """The Violence cues but those of a graphic verb on a thing (maims_a_thing)."""
    return [c for c in cues if not maims_a_thing(text, c.hit)]


def _out_of_someone(text: str, at: int) -> bool:
    """ "... the life out of him / the informer": taken out of someone."""
    found = OUT_OF_RE.match(text, at)
    if found is None:
        return False
    words = (found.group("words") or "").split()
    return not words or _living(words)


# A thing that meets someone's head or face, told by the meeting (tenth session): "the
# bottle breaks across your cheekbone", "drives your face into the counter". Not a smile,
# light or weather that breaks across a face, nor one's own head knocked.
IMPACT_RE = re.compile(
    r"\b(?P<thing>\w+)\s+(?:(?P<head>\w+)\s+)?(?:breaks?|broke|smash(?:es|ed)|shatter(?:s|ed)|crash(?:es|ed)"
    r"|slam(?:s|med)|crack(?:s|ed))\s+(?:\w+\s+)?(?:across|into|against|over|on)\s+"
    r"(?:your|his|her|their|\w+['’]s)\s+(?:\w+\s+)?(?:face|head|skull|jaw|cheek|cheekbone|nose"
    r"|temple|mouth|teeth|forehead)\b"
    r"|\b(?:drives?|drove|slam(?:s|med)|smash(?:es|ed)|shove[sd]?|ram(?:s|med)|bash(?:es|ed))"
    r"\s+(?:your|(?-i:[A-Z][a-z]+)['’]s)\s+(?:face|head|forehead)\s+(?:\w+\s+)?(?:into|against|onto"
    r"|off)\b",
    re.IGNORECASE,
)
# What strikes, when a thing meets a head: a hard object or a body part thrown as a blow. A list
# of strikers, not of exceptions: "confusion broke across his face", "thunder cracked over his
# head" and "a wave of nausea crashed over her head" are everyday sentences.
STRIKER_RE = LazyPattern(
    r"(?:bottles?|glass|mug|cup|plate|ashtray|chair|stool|brick|rock|stone|bat|pipe|club|butt"
    r"|pistol|gun|rifle|fist|fists|knuckles|elbow|knee|boot|boots|heel|palm|backhand|hammer"
    r"|crowbar|wrench|shovel|lamp|vase|tray|pan|skillet|helmet|baton|truncheon|cane|stick"
    r"|plank|bar|chain|handle|hilt|pommel|stock|poker|iron|bucket|mallet|headbutt)$",
    re.IGNORECASE,
)


# The stems of the verbs IMPACT_RE needs, looked for over the whole lower-cased text with
# str.find (a fifth of the time of one regular expression over the text; IMPACT_RE's leading
# `\w+` would try a match at every word of every sentence).
IMPACT_VERB_STEMS = (
    "break", "broke", "smash", "shatter", "crash", "slam", "crack", "drive", "drove", "shove",
    "ram", "bash",
)  # fmt: skip


def impact_candidates(text: str, index) -> list[int]:
    """The indexes of the sentences holding one of IMPACT_RE's verbs, in order."""
    lowered, found = text.lower(), set()
    for stem in IMPACT_VERB_STEMS:
        at = lowered.find(stem)
        while at >= 0:
            found.add(index.index_at(at))
            at = lowered.find(stem, at + 1)
    return sorted(s for s in found if s >= 0)


def impact(sentence: str) -> re.Match | None:
    """A hard thing meeting someone's head or face (IMPACT_RE, STRIKER_RE), or a head driven
    into something."""
    for found in IMPACT_RE.finditer(sentence):
        striker = found.group("head") or found.group("thing")
        if striker is None or STRIKER_RE.fullmatch(striker):
            return found
    return None
