"""Findings that need more than a lexicon: who cuts whom, whose death, which ages.

- Self-inflicted cuts: "he sliced his hand open" (the possessive agrees with the subject).
  A cut made for a ritual or oath is flagged as low-severity self-harm with that detail;
  one made to cope (numbness, punishment, hiding scars) is high.
- Major Character Death: a main character of the work (mentioned often, beside the most
  mentioned one) is the one who dies ("Gaara died", "killed Naruto", "Naruto's funeral"),
  stated, not negated or hypothetical.
- Minors in a Romantic or Sexual Scene: an age under 18 (or a school year) stated anywhere in
  the work, author's notes included, plus romantic cues; sexual cues make it Underage Sex.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.characters.narrator import NARRATOR
from fanarchive.analysis.document import Document
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Evidence, Warning
from fanarchive.analysis.sentences import SentenceIndex
from fanarchive.analysis.warnings.ages import (
    AGE_THEN_WHEN_RE,
    NARRATOR_SUBJECT_BEFORE_RE,
    PAST_AGE_RE,
    answered_as_adult,
    described_by_age,
    minor_statements,
    opens_scene,
    placed_by_age,
    said_of_the_narrator,
    said_of_the_past,
    speaker_label,
)
from fanarchive.analysis.warnings.context import factor
from fanarchive.analysis.warnings.lexicon import FIGURATIVE_LEXICON
from fanarchive.analysis.warnings.romance import ROMANCE_LEXICON, romance_cue
from fanarchive.analysis.warnings.scanner import Hit, Lexicon, document_hits
from fanarchive.analysis.warnings.scene import blow_cues

if TYPE_CHECKING:
    from fanarchive.analysis.warnings import Scored

LIMB = r"(?:hands?|palms?|wrists?|arms?|forearms?|thighs?|legs?|fingers?|thumbs?|skin|flesh|fingertips?)"
# Where self-harm is done besides the limbs.
BODY_PLACE = (
    r"(?:" + LIMB[3:-1] + r"|hips?|stomach|belly|ribs|sides?|chest|ankles?|shoulders?"
    r"|collarbones?|calf|calves|upper arms?|inner arms?)"
)
# A blade laid to one's own limb: "she pressed the razor to her wrist and drew it across".
SELF_BLADE = (
    r"(?:pressed|put|held|dragged|drew|ran|took|set) (?:the |a |his |her |their |my |your )?"
    r"(?:razor|blade|knife|shard|glass|scissors|it) (?:to|against|across|over|along|into) "
    r"(?:his|her|their|my|your) (?:own )?(?:right |left )?" + LIMB
)
BLADE_RE = LazyPattern(
    r"\b(?:razors?|blades?|knife|knives|shards?|glass|scissors)\b", re.IGNORECASE
)
# Other harm to one's own body, told with what it was done with or until it bled:
# "scratched at her forearms with a safety pin until they bled" (not an itch scratched).
_UNTIL_IT_BLED = (
    r"until (?:(?:they|it|the skin|she|he|i|you|blood|(?:his|her|their|my|your) (?:\w+ )?"
    r"(?:knuckles|fists?|hands?|head|forehead|skin|lip|lips|wrists?|arms?))"
    r" (?:\w+ )?(?:bled|broke|split|tore|was raw|were raw|bruised|blistered|welled"
    r"|came up|rose|welted)|(?:she|he|i|you|they) (?:could )?(?:tasted?|drew|draws) blood)"
)
SELF_HURT = (
    r"(?:scratch|scrap|claw|rak|burn|burnt|gouge|dug|dig|pick|hit|punch|bang|bash|slamm|bit|bite"
    r"|pinch|jabb|stabb|knock)\w* (?:at |into |down on (?:the \w+ of )?)?(?:his|her|their|my"
    r"|your|our) (?:own )?(?:\w+ )?"
    r"(?:" + LIMB[3:-1] + r"|head|face|skin|forehead|knuckles|fists?|scalp|stomach|belly"
    r"|hips?|ankles?|shins?) (?:[\w,]+ ){0,6}?(?:"
    + _UNTIL_IT_BLED
    + r"|with (?:a |the |his |her |their |my |your )?(?:safety pin|pin|needle|compass|razor"
    r"|blade|lighter|cigarette|match|fingernails|scissors|knife|shard|ruler|belt|paperclip))"
)
# A heated or sharp thing held to one's own skin: "pressed the hot plates of the hair
# straightener to the inside of her wrist".
SELF_BURN = (
    r"(?:pressed|put|held|touched|laid|ground|stubbed) (?:[\w'-]+ ){0,6}?(?:lighter|cigarette"
    r"|match|iron|straighteners?|curling (?:iron|tongs)|flame|candle|poker|needle|pin|compass"
    r"|razor|blade|knife|shard|scissors) (?:\w+ ){0,2}?(?:to|against|into|on|onto) (?:the (?:inside"
    r"|back|underside|skin|crook) of )?(?:his|her|their|my|your) (?:own )?(?:right |left |inner )?"
    + BODY_PLACE
)
# A cut across one's own body with words between: "cut, just once, across my hip".
SELF_CUT_ACROSS = (
    r"(?:cut|sliced|slashed|carved|dragged it|drew it|ran it|dragged the blade|drew the blade)"
    r",? (?:[\w'-]+,? ){0,4}?(?:across|into|along|down|over|up) (?:his|her|their|my|your)"
    r" (?:own )?(?:right |left |inner )?" + BODY_PLACE
)
# Nails dragged down one's own arms: "raked his nails down his forearms".
SELF_NAILS = (
    r"(?:raked|rakes|raking|dragged|drags|dragging|dug|digs|digging|scraped|scrapes|scraping"
    r"|sank|sinks|drove|drives|clawed|claws) (?:his|her|their|my|your) (?:finger)?nails"
    r" (?:\w+ )?(?:down|into|across|along|over|up) (?:his|her|their|my|your) (?:own )?"
    r"(?:right |left |inner )?" + BODY_PLACE
)
# One's own fist or head against a wall until it bleeds: "punched the wall until her
# knuckles bled" (tenth session). Not a door or a floor: one bangs on a locked door to get out
# and beats the floor in grief ("banged the door until his fists were raw").
SELF_AGAINST_A_WALL = (
    r"(?:hit|punch|bang|bash|slamm|smash|knock|beat)\w* (?:(?:his|her|their|my|your) (?:own )?"
    r"(?:head|forehead|fists?|knuckles|hands?) (?:against|into|on) )?the (?:\w+ )?(?:wall|walls"
    r"|tiles|mirror|brick|bricks) (?:[\w,]+ ){0,6}?until (?:his|her|their|my|your)"
    r" (?:own )?(?:knuckles|fists?|hands?|head|forehead|skin) (?:\w+ )?(?:bled|split|broke"
    r"|cracked|bruised|were raw|was raw|were bloody|was bloody)"
)
SELF_CUT_LEXICON = Lexicon(
    [
        SELF_NAILS,
        SELF_AGAINST_A_WALL,
        r"(?:cut|cuts|cutting|sliced|slices|slicing|slashed|slashes|slashing|carved|carving|nicked|"
        r"gashed|slit|slits|pricked|pricking) (?:open )?(?:his|her|their|my|your|our) "
        r"(?:own )?(?:right |left )?" + LIMB + r"(?: open)?",
        SELF_BLADE,
        SELF_HURT,
        SELF_BURN,
        SELF_CUT_ACROSS,
    ]
)
# A blade as the subject of the cut, and whose it is: "his knife", "the mugger's blade".
BLADE_SUBJECT_RE = LazyPattern(
    r"\b(his|her|their|my|your|our|the|a|an|[a-z]+'s)\s+(?:\w+\s+)?(?:knife|knives|blade|razor"
    r"|sword|dagger|claws?|shard|glass|scissors|axe|machete|scalpel|bayonet)s?\s*$",
    re.IGNORECASE,
)
SUBJECT_RE = re.compile(r"\b(he|she|i|you|they|we)\b(?!')", re.IGNORECASE)
AGREES = {"he": "his", "she": "her", "i": "my", "you": "your", "they": "their", "we": "our"}
RITUAL_RE = LazyPattern(
    r"\b(?:ritual|rite|oath|pact|vow|bind|binds|binded|bound|bond|seal|sealed|sacrifice|spell|"
    r"ceremony|summon\w*|contract|blood brothers?|blood sisters?|sworn|swear|share the same blood)\b",
    re.IGNORECASE,
)
COPING_RE = LazyPattern(
    r"\b(?:numb\w*|punish\w*|deserved?|relief|release|razors?|scars? on (?:his|her|their|my) (?:wrists?|arms?|thighs?)|"
    r"long sleeves|hide the (?:cuts|scars)|relapse\w*|clean for|urge to cut|to feel something|to feel anything|"
    r"hated? (?:himself|herself|myself|themselves))\b",
    re.IGNORECASE,
)
# A cut in the kitchen or a fall is an accident, not self-harm.
_CHORES = (
    r"(?:chopping|cutting|slicing|peeling|cooking|shaving|carving|"
    r"opening|whittling|gardening|sewing|fixing|washing|wrapping|unwrapping|baking|knitting|"
    r"crafting|building|repairing|cleaning|sharpening|climbing|working|playing|fishing|hiking|"
    r"trimming|pruning|sawing|hammering|unpacking|packing|decorating|dicing|mincing|grating|"
    r"ironing|mending|tidying|moving|lifting|shelving|drawing|painting|camping|skating|riding|"
    r"picking up|sweeping up|clearing up)"
)
# A mishap told in a blow's sentence ("the knife slipped while she was chopping onions"): a
# fall alone is not one, since a body going down is what a blow does.
_MISHAP = r"accident\w*|by mistake|slipped|slipping|(?:while|when|as) (?:\w+ )?" + _CHORES
MISHAP_RE = LazyPattern(r"\b(?:" + _MISHAP + r")\b", re.IGNORECASE)
ACCIDENT_RE = LazyPattern(
    r"\b(?:" + _MISHAP + r"|tripped|fell|stumbled|paper ?cuts?|"
    # The chore right after the cut: "cut her thumb picking up the pieces", "cut himself shaving".
    r"(?:cut|cuts|sliced|nicked|grazed) (?:(?:him|her|my|your|them)sel(?:f|ves)|"
    r"(?:his|her|their|my|your|our) (?:own )?(?:right |left )?" + LIMB + r") " + _CHORES + "|"
    r"on (?:the|a|some) (?:broken |sharp |jagged )?(?:glass|knife|edge|tin|can|nail|wire|paper|"
    r"rock|rocks|thorns?|shards?))\b|"
    # Cut *on* something is caught on it: "cut his hand on a broken bottle".
    r"\b(?:cut|cuts|sliced|nicked|gashed|scraped|caught|grazed) (?:open )?(?:his|her|their|my|your|our) "
    r"(?:own )?(?:right |left )?"
    + LIMB
    + r" (?:open )?on (?:the|a|an|some|his|her|their|my|your|our)\b",
    re.IGNORECASE,
)
# A clause opening with a named subject ("Naruto slashed his hand"), not "The man ..." or
# "The blade ...": someone else's knife is not self-harm.
NAMED_SUBJECT_RE = LazyPattern(r"^\W*(?!The\b|A\b|An\b|This\b|That\b)[A-Z][a-z]+\b")
DEATH_AFTER_NAME = LazyPattern(
    r"^(?:'s)?\s+(?:\w+\s+){0,2}?(?:died|dies|is dead|was dead|lay dead|had died|has died|"
    r"stopped breathing|breathed (?:his|her|their) last|was killed|had been killed|was murdered|"
    r"passed away|didn't survive|did not survive|perished|was gone|"
    r"(?:was|had been) pronounced dead|(?:was|had been) found dead|was shot dead|bled (?:out|to death)|"
    r"succumbed to (?:his|her|their) (?:wounds|injuries)|(?:took|drew) (?:his|her|their) (?:last|final) breath|"
    r"lay lifeless|went limp and still)\b"
    r"|^'s (?:death|corpse|dead body|funeral|grave|coffin|casket|ashes|obituary|headstone|gravestone|"
    r"(?:lifeless|dead|cold|limp) body|body was (?:found|recovered|buried|cremated))",
    re.IGNORECASE,
)
DEATH_BEFORE_NAME = LazyPattern(
    r"\b(?:killed|murdered|slaughtered|executed|assassinated)\s+$", re.IGNORECASE
)
# "shot Sam dead", "found Sam dead": the verb before the name, "dead" after it.
DEAD_AROUND_NAME = (
    re.compile(r"\b(?:shot|stabbed|beaten|beat|struck|found|left)\s+$", re.IGNORECASE),
    re.compile(r"^\s+(?:dead|lifeless)\b", re.IGNORECASE),
)
# Major Character Death: who counts as a main character (main_characters).
MAIN_MIN_MENTIONS = 3
MAIN_SHARE = 0.4
# What is done against someone's will that is not sexual: going, being sent or married.
ERRAND_RE = LazyPattern(
    r"\b(?:went|go|goes|going|gone|came|come|attend\w*|sent|married|"
    r"wed|engaged|moved|stayed|worked|joined|enlisted|drafted|conscripted|signed|adopted|"
    r"bapti[sz]ed|vaccinated|fed|dressed up|enrolled|transferred|recruited)\b[^.!?]*$",
    re.IGNORECASE,
)
SEXUAL_SCENE = 6.0  # sexual cue score in one window that makes a scene sexual
RITUAL_REACH = 8  # sentences around a cut searched for its purpose
# "my passion for Polina is dead": after a preposition or possessive the name is not the
# one who dies.
NOT_SUBJECT_RE = LazyPattern(
    r"\b(?:for|of|to|with|about|at|on|in|by|from|than|like|his|her|their|my|your|our)\s+$",
    re.IGNORECASE,
)
ROMANTIC_KINDS_STRONG = {"kiss", "confession", "possessive", "sexual", "date", "crush"}


def add_special_cues(
    document: Document, index: SentenceIndex, cast: Cast, scored: dict[str, list[Scored]]
) -> None:
    from fanarchive.analysis.warnings import Scored

    _boost_nonconsent(scored, index, document.text)
    text = document.text
    # A blow told by what it does to a body, whatever its words (scene.py).
    figurative = document_hits(document, FIGURATIVE_LEXICON)
    for s, weight, hit in blow_cues(text, index, figurative):
        if not MISHAP_RE.search(index.sentence(s)):
            scored.setdefault("violence", []).append(Scored(s, weight, False, hit))
    if "abduction" in scored:
        scored["abduction"] = _taken_in_play(scored["abduction"], index)
    if "suicide" in scored:
        scored["suicide"] = _farewell_beside_means(scored["suicide"])
    if "self_harm" in scored:
        scored["self_harm"] = [
            c for c in scored["self_harm"] if not ACCIDENT_RE.search(index.sentence(c.sentence))
        ]
    for hit in document_hits(document, SELF_CUT_LEXICON):
        if not _self_inflicted(text, index, hit):
            continue
        if " it " in hit.surface and not BLADE_RE.search(index.sentence(index.index_at(hit.start))):
            continue  # "pressed it to her arm": "it" is a blade only when one is named
        if ACCIDENT_RE.search(index.sentence(index.index_at(hit.start))):
            continue
        s = index.index_at(hit.start)
        span = index.spans[s]
        weight = 3 * factor(text, span.start, span.end, hit.start)
        if weight:
            scored.setdefault("self_harm", []).append(Scored(s, weight, False, hit))
            scored.setdefault("blood", []).append(Scored(s, 2 * weight / 3, False, hit))


# A taking told beside a party or a surprise is a game ("We kidnapped Josh for his surprise
# party"): its cues weigh half, so no one of them is the clear cue Abduction needs.
# A bare `surprise` is no game: "the surprise attack", "The surprise came at the border"
# (review16); a surprise party says `party`.
PLAY_RE = LazyPattern(
    r"\b(?:part(?:y|ies)|surprise (?:visit|birthday)|birthday|hen (?:do|night|party)"
    r"|stag (?:do|night)|giggl\w*)\b",
    re.IGNORECASE,
)
PLAY_REACH = 1  # sentences either side
# Force beside the taking: a child taken from a birthday party is no game ("clapped a hand
# over her mouth", "at gunpoint", "a ransom", "the police"; review16). Not screams or kicks: a
# birthday girl kidnapped by her friends screams and kicks too, laughing.
FORCED_RE = LazyPattern(
    r"\b(?:(?:gun|knife)point|ransom|police|hand over (?:her|his|their|my) mouth"
    r"|masked (?:m[ae]n|gunm[ae]n|figures?|intruders?|strangers?))\b",
    re.IGNORECASE,
)


# A note or a letter: the farewell a suicide leaves, when a means of dying is beside it.
FAREWELL_RE = LazyPattern(r"\b(?:notes?|letters?)\b", re.IGNORECASE)


def _farewell_beside_means(cues: list[Scored]) -> list[Scored]:
    """A weak farewell cue (a note left, a letter tucked away) in the sentence of a means of
    dying (a cue of 2 or more that is no note) counts in full, as it does in the next
    sentence: a sentence's other cues count half (sentence_scores), which is made for one
    thing said twice, not for a farewell and a means, two things. Doubled here so that half
    of it is its weight."""
    means = {c.sentence for c in cues if c.weight >= 2 and not FAREWELL_RE.search(c.hit.surface)}
    return [
        replace(c, weight=2 * c.weight)
        if c.sentence in means and c.weight < 2 and FAREWELL_RE.search(c.hit.surface)
        else c
        for c in cues
    ]


def _taken_in_play(cues: list[Scored], index: SentenceIndex) -> list[Scored]:
    from fanarchive.analysis.warnings import Scored

    def played(s: int) -> bool:
        near = range(max(0, s - PLAY_REACH), min(len(index.spans), s + PLAY_REACH + 1))
        sentences = [index.sentence(i) for i in near]
        return any(PLAY_RE.search(x) for x in sentences) and not any(
            FORCED_RE.search(x) for x in sentences
        )

    return [
        Scored(c.sentence, c.weight / 2, c.graphic, c.hit, c.factor) if played(c.sentence) else c
        for c in cues
    ]


def _boost_nonconsent(scored: dict[str, list[Scored]], index: SentenceIndex, text: str) -> None:
    """ "Against her will" is rape only with sexual content in the same few sentences, and
    only when what was done against her will is not an errand ("went to the party against
    her will", "was married against her will" say nothing of sex)."""
    from fanarchive.analysis.warnings import Scored

    sexual = sorted({c.sentence for c in scored.get("sexual", []) if c.weight >= 2})
    for item in list(scored.get("rape", [])):
        if item.weight >= 3 or not any(abs(item.sentence - s) <= 3 for s in sexual):
            continue
        if ERRAND_RE.search(text, index.spans[item.sentence].start, item.hit.start):
            continue
        scored["rape"].append(Scored(item.sentence, 3.0, False, item.hit))


def _self_inflicted(text: str, index: SentenceIndex, hit: Hit) -> bool:
    """The possessive of the cut limb agrees with the clause's subject ("he ... his hand"),
    or the cut is an instruction to the listener ("cut your hand")."""
    possessive = re.search(r"\b(his|her|their|my|your|our)\b", hit.surface)
    if possessive is None:
        return False
    span = index.spans[index.index_at(hit.start)]
    before = text[span.start : hit.start]
    wielded = BLADE_SUBJECT_RE.search(before)
    if wielded:  # "his knife sliced across her forearm": whose blade it is decides
        return wielded.group(1).lower() == possessive.group(1)
    subjects = SUBJECT_RE.findall(before)
    if not subjects:
        # An imperative ("Cut your right hand") or a named subject ("Naruto slashed his
        # hand"); "The man slashed her arm" is an attack.
        if possessive.group(1) == "your" and not re.sub(r"\W", "", before):
            return True
        return possessive.group(1) in ("his", "her") and bool(NAMED_SUBJECT_RE.match(before))
    return AGREES.get(subjects[-1].lower()) == possessive.group(1)


def special_warnings(
    document: Document,
    index: SentenceIndex,
    cast: Cast,
    scored: dict[str, list[Scored]],
    warnings: list[Warning],
    quotes: list | None = None,
) -> list[Warning]:
    extra: list[Warning] = []
    _qualify_self_harm(document, index, warnings)
    death = major_character_death(document, index, cast, scored.get("death", []), quotes or [])
    if death:
        extra.append(death)
    extra.extend(minors_in_romance(document, index, cast, quotes or [], scored.get("sexual", [])))
    return extra


def _qualify_self_harm(document: Document, index: SentenceIndex, warnings: list[Warning]) -> None:
    """A ritual cut is low-severity self-harm with a note; a cut to cope is high."""
    for warning in warnings:
        if warning.name != "Self-Harm":
            continue
        first = index.index_at(warning.evidence[0].start)
        last = index.index_at(warning.evidence[-1].start)
        around = " ".join(
            index.sentence(s)
            for s in range(max(0, first - RITUAL_REACH), min(len(index), last + RITUAL_REACH + 1))
        )
        if COPING_RE.search(around):
            warning.severity = "high"
            warning.detail = "self-inflicted injury as a way of coping"
        elif RITUAL_RE.search(around):
            warning.severity = "low"
            warning.detail = (
                "a deliberate self-inflicted cut for a ritual or oath, not self-harm as coping"
            )


def main_characters(cast: Cast) -> set[str]:
    """The characters the work is about: mentioned at least MAIN_MIN_MENTIONS times and at
    least MAIN_SHARE of the most mentioned character's mentions (a share, not a rank, so a
    two-hander and an ensemble novel are read alike)."""
    top = max((c.mentions for c in cast.characters), default=0)
    return {
        c.name
        for c in cast.characters
        if c.mentions >= MAIN_MIN_MENTIONS and c.mentions >= MAIN_SHARE * top
    }


def major_character_death(
    document: Document,
    index: SentenceIndex,
    cast: Cast,
    death_cues: list[Scored],
    quotes: list | None = None,
) -> Warning | None:
    """A main character of the work is the one who dies, in a stated (not hypothetical)
    sentence. The shopkeeper shot in chapter two is a death, not a major character's; nor is
    a breath held by someone who speaks again in the scene (`_breath_held`)."""
    important = main_characters(cast)
    if not important or not death_cues:
        return None
    text = document.text
    sentences = sorted({c.sentence for c in death_cues if c.weight >= 2})
    evidence: list[Evidence] = []
    starts = [m.start for m in cast.mentions]
    from bisect import bisect_left

    for s in sentences:
        span = index.spans[s]
        i = bisect_left(starts, span.start)
        while i < len(starts) and starts[i] < span.end:
            mention = cast.mentions[i]
            i += 1
            if mention.character not in important:
                continue
            after = text[mention.end : min(span.end, mention.end + 60)]
            before = text[max(span.start, mention.start - 20) : mention.start]
            as_subject = DEATH_AFTER_NAME.search(after) and not NOT_SUBJECT_RE.search(before)
            dead_around = DEAD_AROUND_NAME[0].search(before) and DEAD_AROUND_NAME[1].match(after)
            if (
                (as_subject or DEATH_BEFORE_NAME.search(before) or dead_around)
                and factor(text, span.start, span.end, mention.start) == 1.0
                and not _not_a_real_death(after, index.sentence(s))
                and not _breath_held(document, quotes or [], mention.character, after, span.end)
            ):
                evidence.append(index.evidence(s))
                break
    if not evidence:
        return None
    return Warning("Major Character Death", "high", True, evidence[:5], confidence=MCD_CONFIDENCE)


# "Sam nearly died laughing", "died a little inside", "In the game, Sam died twice",
# "Sam dreamed that Alex died": no one dies.
NEAR_DEATH_RE = LazyPattern(
    r"^(?:'s)?\s+(?:\w+\s+)?(?:nearly|almost|practically|virtually|all but|half|just about)"
    r"\s+(?:died|dies|was killed|was dead)\b"
    r"|\b(?:died|dies)\s+(?:laughing|inside|a little|of (?:embarrassment|shame|boredom|laughter|"
    r"fright|curiosity)|a thousand deaths)\b",
    re.IGNORECASE,
)
NOT_THE_STORY_RE = LazyPattern(
    r"\b(?:in the game|video ?games?|the level|respawn\w*|dream\w*|nightmares?|simulation|"
    r"in the (?:movie|film|play|book|show|novel|story)|on stage|on screen|pretend\w*)\b",
    re.IGNORECASE,
)


# `Kara stopped breathing.` when Lena touches her face: a breath or heartbeat that stops is
# also what romance says of a held breath. It is a death only if the one it stops for does
# not speak again in the scene (a quote of theirs before the next scene break, within reach).
HELD_BREATH_RE = LazyPattern(
    r"^(?:'s)?\s+(?:\w+\s+){0,2}?(?:stopped breathing|(?:heart|breath|breathing) stopped)\b",
    re.IGNORECASE,
)
SPEAKS_AGAIN_REACH = 2000  # characters after the sentence: the same exchange, not a later scene


def _breath_held(document: Document, quotes: list, character: str, after: str, end: int) -> bool:
    if not HELD_BREATH_RE.match(after):
        return False
    limit = end + SPEAKS_AGAIN_REACH
    for boundary in (*document.scene_breaks, *document.headings):
        if end <= boundary.start < limit:
            limit = boundary.start
    return any(q.speaker == character and end <= q.start < limit for q in quotes)


def _not_a_real_death(after: str, sentence: str) -> bool:
    return bool(NEAR_DEATH_RE.search(after) or NOT_THE_STORY_RE.search(sentence))


def minors_in_romance(
    document: Document,
    index: SentenceIndex,
    cast: Cast,
    quotes: list,
    sexual_cues: list[Scored],
) -> list[Warning]:
    """A participant of a romantic scene stated to be a minor at the time of the scene.

    An age counts when it is said in the story's present ("they were both fifteen that
    spring"; not "when he was ten", "since they were eleven", "back in middle school", nor
    in a remembered scene), in the same scene as the romance and within SCENE_REACH
    sentences of it, about one of the pair (the characters its sentence names, when it
    names any), and the work does not state that character, or everyone, to be an adult.
    An age in an author's note covers the whole work. A stated minor in the same chapter
    who fails the other tests gives at most a "possible" note, with the reason."""
    statements = minor_statements(document, lambda offset: index.sentence(index.index_at(offset)))
    if not statements or _all_adults_note(document):
        return []
    romantic = _romantic_relationships(document, cast, quotes)
    romance = romance_sentences(document, index, cast, quotes, romantic)
    if not romance:
        return []
    pair = {name for relationship in romantic or [] for name in relationship.characters}
    adults = _stated_adults(document)
    nearby = _RomanceIndex(document, index, romance)
    people = _CastIndex(cast)
    pair_adults = _PairAdults(document, index)
    in_scene, doubtful = [], []
    for statement in statements:
        verdict = _statement_verdict(
            document, index, people, statement, nearby, pair, adults, pair_adults
        )
        if verdict == IN_SCENE and _third_person_in_dialogue(document.text, statement, quotes):
            verdict = DOUBTFUL  # "He's sixteen, he can take the bus": someone else, perhaps
        if verdict == IN_SCENE:
            in_scene.append(statement)
        elif verdict == DOUBTFUL:
            doubtful.append(statement)
    if in_scene:
        return _minor_warnings(document, index, in_scene, romance, sexual_cues, pair_adults.scenes)
    if doubtful:
        first = doubtful[0]
        near = sorted(romance, key=lambda r: abs(r[1] - index.index_at(first.start)))[:1]
        evidence = [index.evidence(index.index_at(first.start))] + [
            index.evidence(s) for _, s, _ in near
        ]
        return [
            Warning(
                "Minors in a Romantic or Sexual Scene",
                "low",
                False,
                _dedupe(evidence),
                detail=f"possible: a character is stated to be {_age_phrase(first.age)}, "
                "but not clearly one of the romantic scene's pair at that time",
                confidence=DOUBTFUL_CONFIDENCE,
            )
        ]
    return []


IN_SCENE, DOUBTFUL, UNRELATED = "in scene", "doubtful", "unrelated"
SCENE_REACH = 15  # sentences between a story age statement and the romance it qualifies
# A teenager's age or school year, often stated where the scene opens, holds further: the
# kiss comes at its end (a child's age near a kiss is more often a parent's affection).
TEEN_SCENE_REACH = 30


def _reach(statement) -> int:
    if statement.age == 0:
        return SCENE_REACH if statement.young_school else TEEN_SCENE_REACH
    return TEEN_SCENE_REACH if statement.age >= 13 else SCENE_REACH


MCD_CONFIDENCE = 0.7  # hand-set: no labelled data (docs/warnings.md)
IN_SCENE_CONFIDENCE = 0.85  # hand-set: no labelled data (docs/warnings.md)
DOUBTFUL_CONFIDENCE = 0.35
ADULT_AGE_RE = LazyPattern(
    r"\b([A-Z][a-z]+) (?:is|was|turned|had turned|'s) (?:now |already |nearly |almost )?"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighteen|nineteen|1[89]\b|[2-9]\d\b)",
)
# "Thirty-one-year-old Maya".
ADULT_AGED_NAME_RE = LazyPattern(
    r"\b(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Ee]ighteen"
    r"|[Nn]ineteen|1[89]|[2-9]\d)(?:-[a-z]+)?[- ]years?[- ]old ([A-Z][a-z]+)"
)
ALL_ADULTS_RE = re.compile(
    r"\b(?:everyone|everybody|all (?:the )?characters|all of them|they are all|they're all|"
    r"both (?:of them )?are|characters are)\b[^.!?]{0,40}\b(?:adults?|over (?:18|eighteen)|"
    r"of age|18\+|eighteen or older)\b",
    re.IGNORECASE,
)


# The author's own tags: "Aged-Up Character(s)", "All Characters Are Adults", "Adult Harry".
AGED_UP_TAG_RE = LazyPattern(
    r"\baged[- ]up\b|\ball (?:the )?(?:characters|of them) (?:are )?(?:adults?|over 18)|"
    r"\bno underage\b|\bnot underage\b|\badult characters?\b",
    re.IGNORECASE,
)
ADULT_TAG_RE = LazyPattern(
    r"^(?:[Aa]dult|[Gg]rown[- ]up|[Oo]lder) ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)$"
)


def _all_adults_note(document: Document) -> bool:
    """An author's note or the author's tags say every character is an adult."""
    if any(AGED_UP_TAG_RE.search(tag) for tag in document.metadata.additional_tags):
        return True
    return any(ALL_ADULTS_RE.search(document.slice(note)) for note in document.notes) or bool(
        ALL_ADULTS_RE.search(document.text[:400])
        and document.in_note(ALL_ADULTS_RE.search(document.text[:400]).start())
    )


def _stated_adults(document: Document) -> set[str]:
    """Name words the work states to be adults: "Aiko is twenty-four" in the text, or an
    author's tag "Adult Harry Potter"."""
    adults = {m.group(1) for m in ADULT_AGE_RE.finditer(document.text)}
    adults.update(m.group(1) for m in ADULT_AGED_NAME_RE.finditer(document.text))
    for tag in document.metadata.additional_tags:
        found = ADULT_TAG_RE.match(tag.strip())
        if found:
            adults.update(found.group(1).split())
    return adults


def _any_adult(names: set[str], adults: set[str]) -> bool:
    """A canonical name ("Hatake Kakashi") is adult when any of its words is."""
    return any(part in adults for name in names for part in name.split())


def _romantic_relationships(document: Document, cast: Cast, quotes: list) -> list | None:
    """The romantic pairs, or None without a cast of two or a romantic pair."""
    if sum(1 for c in cast.characters if c.present or c.mentions >= 2) < 2:
        return None
    from fanarchive.analysis.relationships import find_relationships

    romantic = [r for r in find_relationships(document, quotes, cast) if r.kind == "romantic"]
    # No pair found romantic (a short scene, pronouns): every strong cue counts, as without
    # a cast; the age must still be in the scene's present.
    return romantic or None


FIRST_PERSON_RE = re.compile(r"\b(?:I|me|my|mine|myself|we|us|our|ours|ourselves)\b")
SECOND_PERSON_RE = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
TOLD_OF_RE = {
    "first": FIRST_PERSON_RE,
    "second": SECOND_PERSON_RE,
    "he": re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE),
    "she": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
}
QUOTED_RE = LazyPattern(r'"[^"]*"|“[^”]*”')


class _RomanceIndex:
    """Romance sentences by position and the chapters holding one, built once: testing
    every age against every romance sentence is quadratic in a work full of both."""

    def __init__(self, document: Document, index: SentenceIndex, romance: list):
        self.by_sentence = sorted(romance, key=lambda r: r[1])
        self.sentences = [r[1] for r in self.by_sentence]
        self.chapter_starts = sorted(c.start for c in document.chapters[1:])
        self.chapters = {self.chapter_of(index.spans[r[1]].start) for r in romance}
        self._index = index
        self._told_of: dict[str, _RomanceIndex] = {}

    def told_of(self, person: str) -> _RomanceIndex:
        """The romance told of the narrator ("he kisses me", person "first") or of the reader
        ("you kiss him", "second") in narration, found once per work."""
        if person not in self._told_of:
            pronoun = TOLD_OF_RE[person]
            told = [
                r
                for r in self.by_sentence
                if pronoun.search(QUOTED_RE.sub(" ", self._index.sentence(r[1])))
            ]
            found = object.__new__(_RomanceIndex)
            found.by_sentence, found.sentences = told, [r[1] for r in told]
            self._told_of[person] = found
        return self._told_of[person]

    def chapter_of(self, offset: int) -> int:
        """Which chapter an offset is in, by bisection (counting the chapter starts before
        each romance sentence was quadratic in a work of thousands of short chapters)."""
        return bisect_right(self.chapter_starts, offset)

    def within(self, sentence: int, reach: int) -> list:
        return self.between(sentence - reach, sentence + reach)

    def between(self, first: int, last: int) -> list:
        """The romance sentences from sentence `first` to `last`, both included."""
        low = bisect_left(self.sentences, first)
        return self.by_sentence[low : bisect_right(self.sentences, last)]


class _CastIndex:
    """The cast with its mentions' offsets, read once per work: asking for every age and
    every romance sentence which names lie near by reading all the mentions was quadratic
    ("Mara was fifteen. Mara kissed Joel in the dark." 8,000 times: 11.6 of 12 s)."""

    def __init__(self, cast: Cast):
        self.cast = cast
        self.starts = [m.start for m in cast.mentions]  # in the cast's order (_age_owner)
        self._by_start = sorted(cast.mentions, key=lambda m: m.start)
        self._sorted_starts = [m.start for m in self._by_start]
        self._sexes: dict[str, str] | None = None

    def sex(self, name: str) -> str:
        """A character's sex as the cast knows it ("unknown" if not), read once per work."""
        if self._sexes is None:
            self._sexes = {c.name: c.gender for c in self.cast.characters}
        return self._sexes.get(name, "unknown")

    def mentions_in(self, start: int, end: int) -> list:
        """The mentions starting in text[start:end], in text order."""
        low = bisect_left(self._sorted_starts, start)
        high = bisect_left(self._sorted_starts, end)
        return self._by_start[low:high]

    def names_in(self, start: int, end: int) -> set[str]:
        """The characters with a mention starting in text[start:end]."""
        return {m.character for m in self.mentions_in(start, end)}


def _named_with_age(
    document: Document, index: SentenceIndex, people: _CastIndex, statement, scene_first: int
) -> set[str]:
    """Whom the age is said of: its owner ("Mina, fifteen"), else the one a scene's opening
    "he" or "she" names next, else every name in its sentence; no one for the narrator's or
    reader's age ("You're fifteen, and Sam ..."), whatever other names its sentence holds."""
    span = index.spans[index.index_at(statement.start)]
    if said_of_the_narrator(document.text, span.start, statement):
        return set()
    label = speaker_label(document.text, statement.start)
    if label and NARRATOR_SUBJECT_BEFORE_RE.search(document.text[span.start : statement.start]):
        speaker = people.cast.resolve(label)  # "**nadia:** im 15 too": Nadia's own age
        return {speaker.name} if speaker else set()
    # A name inside the age itself is a place's: "junior year at Roosevelt High".
    return (
        _age_owner(people, document.text, statement)
        or _opening_pronoun_owner(document.text, index, people, statement, scene_first)
        or (people.names_in(span.start, statement.start) | people.names_in(statement.end, span.end))
    )


GENDER_OF_PRONOUN = {"he": "male", "she": "female"}
OWNER_LOOK = 3  # sentences after a scene's opening "He was seventeen" searched for who he is


def _opening_pronoun_owner(text, index, people: _CastIndex, statement, scene_first) -> set[str]:
    """ "He was seventeen and had locked himself in his room again, and Maggie stood on the
    landing ... 'Callum. I've made toast.'": a scene opening on a pronoun's age has no one
    before it, so the pronoun is the first character of its sex named after the age (the
    cast's known sex only), not every name of its sentence."""
    s = index.index_at(statement.start)
    before = text[index.spans[s].start : statement.start].strip() + " "
    found = OPENING_PRONOUN_AGE_RE.fullmatch(before)
    if (
        not opens_scene(index, s, scene_first)
        or not found
        or found.group(1).lower() not in GENDER_OF_PRONOUN
    ):
        return set()
    gender = GENDER_OF_PRONOUN[found.group(1).lower()]
    end = index.spans[min(len(index) - 1, s + OWNER_LOOK)].end
    for mention in people.mentions_in(statement.end, end):
        if people.sex(mention.character) == gender:
            return {mention.character}
    return set()


def _statement_verdict(
    document: Document,
    index: SentenceIndex,
    people: _CastIndex,
    statement,
    romance: _RomanceIndex,
    pair: set[str],
    adults: set[str],
    pair_adults: _PairAdults,
) -> str:
    if document.in_note(statement.start):
        return IN_SCENE  # the author telling the reader the characters' ages
    scene_first = pair_adults.scenes.sentences(statement.start)[0]
    if said_of_the_past(document.text, index, statement, scene_first):
        return UNRELATED
    if answered_as_adult(document.text, index, statement):
        return UNRELATED  # '"You're twelve." / "I'm thirty-four."': a jest
    named = _named_with_age(document, index, people, statement, scene_first)
    if _any_adult(named, adults):
        return UNRELATED
    if len(named & pair) >= 2 and described_by_age(document.text, statement):
        return DOUBTFUL  # "The fourteen-year-old ... waved as Tom kissed Will": a third person
    if pair and not named & pair and placed_by_age(document.text, statement):
        return DOUBTFUL  # "The sixteen-year-old in bed four ..." beside a named pair
    if named and pair and not named & pair:
        return UNRELATED  # about someone outside the romance (a child next door)
    near = _romance_near(document, index, people, statement, romance, named, pair, pair_adults)
    if not named and pair_adults.before_in_scene(statement.start):
        return UNRELATED  # "Now we are thirty-one ... 'Year 9. Seriously?'": another time
    # near is in sentence order: when its first romance has an adult age between it and the
    # younger age, so has every later one
    # "He was sixteen that year. She was thirty, Miss Carver": without a pair, the scene's
    # opening pronoun is made past only by an adult age of the same pronoun
    pronoun = None
    if not pair:
        pronoun = _opening_pronoun(document.text, index, statement, scene_first)
    if near and pair_adults.adult_since(index, statement, near[0][1], pronoun):
        return UNRELATED  # "Twelve and sunburnt, Hugo met Leon. Now they were thirty-four"
    if near and (
        not named or named & pair or (pronoun and _opened_by_name(document, index, statement))
    ):
        # '"I'm fifteen," Camille said ... She kissed him': one of the pair; or, no pair
        # found, "Marisol Vega was sixteen ..., and she" opening the scene: her romance
        return IN_SCENE
    if near and any(_in_romance(people, index, r[1], named) for r in near):
        return IN_SCENE
    if near:
        return DOUBTFUL  # a named minor near a romance that never names them
    same_chapter = romance.chapter_of(statement.start) in romance.chapters
    return DOUBTFUL if same_chapter else UNRELATED


def _romance_near(document, index, people, statement, romance, named, pair, pair_adults) -> list:
    """The romance sentences an age reaches, in sentence order: a part's header age its
    part; a teenager of the pair the whole scene (fan fiction states the age where the scene
    opens and kisses fifty sentences on), and the scenes after it of those days; else the
    sentences within its reach, in its scene."""
    section = _section(index, statement, pair_adults.scenes)
    if section:
        return romance.between(*section)
    s = index.index_at(statement.start)
    first, last = pair_adults.scenes.sentences(statement.start)
    if _reach(statement) == TEEN_SCENE_REACH and _of_the_pair(
        document, index.spans[s], people, statement, named, pair
    ):
        # "Marisol Vega was sixteen the summer ... * * * ... he kissed her": the scenes of
        # those days, as for a pronoun when no pair is found
        return romance.between(first, pair_adults.scenes.run_last(statement.start))
    if _reach(statement) == TEEN_SCENE_REACH and not pair:
        person = _narrators_person(document.text, index.spans[s].start, statement)
        if person:  # no pair found: "I am fifteen ... he kisses me", the narrator's romance
            return romance.told_of(person).between(first, last)
        person = _opening_pronoun(document.text, index, statement, first)
        run = pair_adults.scenes.run_last(statement.start)
        if person == "they":  # "They were both fourteen ...": the scenes' pair, every romance
            return romance.between(first, run)
        if person:  # "He was sixteen that year": his romance in the scenes of those days
            return romance.told_of(person).between(first, run)
    reach = _reach(statement)
    return romance.between(max(first, s - reach), min(last, s + reach))


ADULT_NUMBER = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|eighteen|nineteen|1[89]|[2-9]\d)\b"
    r"(?![- ]?(?:minutes?|seconds?|hours?|days?|weeks?|months?|years? (?:ago|later|before|earlier)"
    r"|dollars|pounds|euros|percent|%|times|feet|metres|meters|miles|yards|kilometres|km|pages"
    r"|people|of|o'clock))"
)
# The story's present states adult ages after a younger age: "Now they were thirty-four",
# "Tonight, at thirty-three, she kissed her".
ADULT_NOW_RE = LazyPattern(
    r"\b(?:now|today|these days|tonight|nowadays)\b[^.!?]{0,40}?\b"
    + ADULT_NUMBER
    + r"|\b(?P<who>they|he|she|we|i)(?:'re| are| were| was| is|'m| am) (?:now |both |all |already )*"
    + ADULT_NUMBER
    + r"|\bat "
    + ADULT_NUMBER,
    re.IGNORECASE,
)


# "Now we are thirty-one", "They were both twenty-two": the whole pair (we, they) stated
# adult in the story's present.
PAIR_ADULT_RE = LazyPattern(
    r"\b(?:we|they)(?:'re|’re|\s+are|\s+were)\s+(?:now\s+|both\s+|all\s+|already\s+)*"
    + ADULT_NUMBER,
    re.IGNORECASE,
)


# A scene opening that moves the story's time on or back: no longer the same days.
TIME_JUMP_RE = LazyPattern(
    r"\b(?:later|years?|ago|now|today|nowadays|these days|grown|decades?|anniversary|reunion"
    r"|present|remember\w*|recall\w*|memor(?:y|ies)|flashback|used to|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


class _Scenes:
    """Where the scenes of a work start (chapter starts and scene breaks) and its sentences
    start, sorted once: which sentences share a scene is then a bisection, not a count of
    the scene starts before each sentence."""

    def __init__(self, document: Document, index: SentenceIndex):
        self.starts = sorted(
            [c.start for c in document.chapters[1:]] + [b.start for b in document.scene_breaks]
        )
        self.length = len(document.text)
        self.sentence_starts = [span.start for span in index.spans]
        self._chapters = {c.start for c in document.chapters[1:]}
        self._index = index
        self._run_ends: list[int] | None = None

    def run_last(self, offset: int) -> int:
        """The last sentence of the scenes told in one stretch of time from the scene of
        `offset`: a scene break whose next scene opens on no time jump ("By July they had a
        routine") carries on the same days; a chapter start or "Ten years later" does not."""
        if self._run_ends is None:  # once per work, from the last scene back: linear
            ends, end = [], self.length
            for start in reversed(self.starts):
                ends.append(end)
                if start in self._chapters or self._jumps(start):
                    end = start
            self._run_ends = [end, *reversed(ends)]
        end = self._run_ends[bisect_right(self.starts, offset)]
        return bisect_left(self.sentence_starts, end) - 1

    def _jumps(self, start: int) -> bool:
        """The scene starting at `start` opens (its first three sentences) on a time jump."""
        first = bisect_left(self.sentence_starts, start)
        last = min(first + 3, len(self.sentence_starts))
        return bool(
            TIME_JUMP_RE.search(" ".join(self._index.sentence(t) for t in range(first, last)))
        )

    def bounds(self, offset: int) -> tuple[int, int]:
        """The start and end offsets of the scene holding `offset`."""
        i = bisect_right(self.starts, offset)
        start = self.starts[i - 1] if i else 0
        end = self.starts[i] if i < len(self.starts) else self.length
        return start, end

    def sentences(self, offset: int) -> tuple[int, int]:
        """The first and last sentence starting in the scene holding `offset`."""
        start, end = self.bounds(offset)
        first = bisect_left(self.sentence_starts, start)
        return first, bisect_left(self.sentence_starts, end) - 1


def _section(index: SentenceIndex, statement, scenes: _Scenes) -> tuple[int, int] | None:
    """The sentences a part's header age holds for ("Part One: Age 15"): to the next
    header with an age or the end of its scene; None for an age said in a sentence."""
    if not statement.until:
        return None
    if statement.whole_work:  # "Ages: Sam 16, Alex 17": the work's every scene
        return index.index_at(statement.start), len(index) - 1
    _, scene_end = scenes.bounds(statement.start)
    end = min(scene_end, statement.until)
    first = index.index_at(statement.start)
    return first, max(first, bisect_left(scenes.sentence_starts, end) - 1)


# "He was sixteen that year": a scene opening on a pronoun's age tells the age of its
# point-of-view character; "They were both fourteen the winter the canal froze" of its pair.
OPENING_PRONOUN_AGE_RE = LazyPattern(
    r"(he|she|they)(?:'s|’s|'re|’re|\s+(?:is|was|are|were))\s+(?:(?:only|just|barely|nearly"
    r"|almost|now|already|still|both|all)\s+)?$",
    re.IGNORECASE,
)
# "Marisol Vega was sixteen the summer ..., and she hated it": a scene opening on a named
# character's age, whose pronoun follows in the sentence.
OPENING_NAME_AGE_RE = LazyPattern(
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:is|was)\s+(?:(?:only|just|barely|nearly|almost|now"
    r"|already|still)\s+)?$"
)
NEXT_PRONOUN_RE = LazyPattern(r"\b(he|she|his|her|him)\b", re.IGNORECASE)


def _opened_by_name(document: Document, index: SentenceIndex, statement) -> bool:
    """The age's sentence opens on a name and its copula ("Marisol Vega was sixteen")."""
    start = index.spans[index.index_at(statement.start)].start
    before = document.text[start : statement.start].strip() + " "
    return bool(OPENING_NAME_AGE_RE.fullmatch(before))


def _opening_pronoun(text: str, index: SentenceIndex, statement, scene_first: int) -> str | None:
    """ "he", "she" or "they" when the age is said of that pronoun in the first sentence of
    its scene (a header line before it aside), in narration, opening the sentence; for a
    name opening it ("Marisol Vega was sixteen ..., and she hated it"), the pronoun that
    follows in its sentence."""
    s = index.index_at(statement.start)
    if not opens_scene(index, s, scene_first):
        return None
    before = text[index.spans[s].start : statement.start].strip() + " "
    found = OPENING_PRONOUN_AGE_RE.fullmatch(before)
    if found:
        return found.group(1).lower()
    if not OPENING_NAME_AGE_RE.fullmatch(before):
        return None
    after = NEXT_PRONOUN_RE.search(QUOTED_RE.sub(" ", text[statement.end : index.spans[s].end]))
    if after is None:
        return None
    return "he" if after.group(1).lower() in ("he", "his", "him") else "she"


def _narrators_person(text: str, sentence_start: int, statement) -> str | None:
    """ "first" for the narrator's own age ("I am fifteen"), "second" for the reader's
    ("You're sixteen"), told in narration; None for any other age."""
    if not said_of_the_narrator(text, sentence_start, statement):
        return None
    before = text[max(sentence_start, statement.start - 30) : statement.start].lower()
    return "second" if re.search(r"\byou(?:'re|’re|\s)", before) else "first"


def _of_the_pair(document: Document, span, people, statement, named: set[str], pair) -> bool:
    """The age is said of one of the romantic pair: a name of the pair in its sentence, or
    the narrator's own age ("I'm fifteen") when the narrator is one of the pair."""
    if named & pair:
        return True
    if not said_of_the_narrator(document.text, span.start, statement):
        return False
    narrator = people.cast.narrator
    return bool(pair & ({NARRATOR} | ({narrator.name} if narrator else set())))


OTHERS_ADULT_LOOK = 20  # adult ages of others passed over before the age is taken as past


class _PairAdults:
    """Where "we" or "they" are stated adult in the story's present ("Now we are
    thirty-one"; not "when we were twenty", "we were twenty when we married"), found once
    per work, and the scene starts, so each age asks by bisection."""

    def __init__(self, document: Document, index: SentenceIndex):
        text = document.text
        self.offsets = []
        for found in PAIR_ADULT_RE.finditer(text):
            sentence_start = index.spans[index.index_at(found.start())].start
            if PAST_AGE_RE.search(text, sentence_start, found.start()):
                continue
            if not AGE_THEN_WHEN_RE.match(text, found.end()):
                self.offsets.append(found.start())
        self.scenes = _Scenes(document, index)
        self._text = text
        self._adult_now: tuple[list[int], list[int]] | None = None

    def adult_since(
        self, index: SentenceIndex, statement, romance_sentence: int, pronoun: str | None = None
    ) -> bool:
        """Between a younger age and a later romance, the text states an adult age in the
        present: the younger age was another time. The adult ages are found once per work
        (read again from every age, a scene of ages and far romance was quadratic)."""
        end = index.spans[romance_sentence].end
        if end <= statement.end:
            return False
        if self._adult_now is None:
            found = list(ADULT_NOW_RE.finditer(self._text))
            self._adult_now = [m.start() for m in found], [m.end() for m in found]
            self._adult_who = [(m.group("who") or "").lower() for m in found]
        starts, ends = self._adult_now
        i = bisect_left(starts, statement.end)  # the first after the age ends first
        for j in range(i, min(len(starts), i + OTHERS_ADULT_LOOK)):
            if ends[j] > end:
                return False
            who = self._adult_who[j]
            if pronoun is None or who not in ("he", "she", "i") or who == pronoun:
                return True
        # past OTHERS_ADULT_LOOK adult ages of others, read as before: the age was past
        return i + OTHERS_ADULT_LOOK < len(starts)

    def before_in_scene(self, offset: int) -> bool:
        """The pair is stated adult earlier in the scene of `offset`."""
        if not self.offsets:
            return False
        scene_start, _ = self.scenes.bounds(offset)
        j = bisect_left(self.offsets, scene_start)
        return j < len(self.offsets) and self.offsets[j] < offset


# Between a name and its age: "Lily, ten,", "Lily is ten", "Lily was only ten".
NAME_TO_AGE_RE = LazyPattern(
    r"(?:'s)?\s*,?\s*(?:(?:who )?(?:is|was|turned|had turned)\s+)?(?:\w+\s+)?", re.IGNORECASE
)


NAME_AFTER_AGE_RE = LazyPattern(r"[ -]([A-Z][a-z]+)\b")


def _age_owner(people: _CastIndex, text: str, statement) -> set[str]:
    """The character an age is attached to ("ten-year-old Lily", "Lily, ten", "Lily is ten"):
    in "Ten-year-old Lily watched Mara kiss Joel" the age is Lily's, not the couple's."""
    cast, starts = people.cast, people.starts
    i = bisect_left(starts, statement.end)
    if i < len(starts) and not text[statement.end : starts[i]].strip(" -"):
        return {cast.mentions[i].character}
    following = NAME_AFTER_AGE_RE.match(text, statement.end)
    if following:
        # A mention the cast did not mark; a name it does not know is someone else's.
        character = cast.resolve(following.group(1))
        return {character.name if character else following.group(1)}
    if i > 0:
        before = cast.mentions[i - 1]
        gap = text[before.end : statement.start]
        if before.end <= statement.start and len(gap) <= 25 and NAME_TO_AGE_RE.fullmatch(gap):
            return {before.character}
    return set()


THIRD_PERSON_RE = LazyPattern(r"\b(?:he|she|they|he's|she's|they're)\b[^.!?]{0,30}$", re.I)


def _third_person_in_dialogue(text: str, statement, quotes: list) -> bool:
    """An age said in a quotation about "he", "she" or "they": the speakers of a romantic
    scene say "you" and "I" to each other, so this is more often about someone else."""
    for quote in quotes:
        if quote.start <= statement.start < quote.end:
            return bool(THIRD_PERSON_RE.search(text[quote.start : statement.start]))
    return False


def _in_romance(people: _CastIndex, index: SentenceIndex, s: int, named: set[str]) -> bool:
    """One of `named` is named in romance sentence `s` or the two before it, as a mention
    of the cast or (a name the cast did not mark, "Fifteen-year-old Mara") as a word."""
    if _named_near(people, index, s) & named:
        return True
    near = " ".join(index.sentence(t) for t in range(max(0, s - 2), s + 1))
    return any(re.search(rf"\b{re.escape(name.split()[0])}\b", near) for name in named)


def _named_near(people: _CastIndex, index: SentenceIndex, s: int) -> set[str]:
    """Characters named in a romance sentence or the two before it (who "he" and "she"
    most likely are)."""
    start = index.spans[max(0, s - 2)].start
    return people.names_in(start, index.spans[s].end)


def _minor_warnings(document, index, in_scene, romance, sexual_cues, scenes) -> list[Warning]:
    youngest = min(in_scene, key=lambda a: a.age or 17)
    age_sentences = sorted({index.index_at(a.start) for a in (youngest, in_scene[0])})
    anchor = index.index_at(youngest.start)
    section = _section(index, youngest, scenes)
    if section:  # a part's header age: that part's romance and sexual cues only
        scene = [r for r in romance if section[0] <= r[1] <= section[1]] or romance
        sexual_cues = [c for c in sexual_cues if section[0] <= c.sentence <= section[1]]
    else:
        scene = [
            r
            for r in romance
            if document.in_note(youngest.start) or abs(r[1] - anchor) <= _reach(youngest)
        ] or romance
    best = sorted(scene, key=lambda r: (-r[0], r[1]))[:3]
    evidence = [index.evidence(s) for s in age_sentences] + [
        index.evidence(s) for _, s, _ in sorted(best, key=lambda r: r[1])
    ]
    sexual = any(kind == "sexual" for _, _, kind in scene) or _sexual_scene(
        sexual_cues, [s for _, s, _ in scene], SCENE_REACH
    )
    kinds = {kind for _, _, kind in scene}
    severity = "high" if sexual else "medium" if "kiss" in kinds else "low"
    found = [
        Warning(
            "Minors in a Romantic or Sexual Scene",
            severity,
            False,
            _dedupe(evidence),
            detail=f"a character of the romantic scene is stated to be {_age_phrase(youngest.age)}",
            confidence=IN_SCENE_CONFIDENCE,
        )
    ]
    if sexual and _sexual_near_an_age(document, index, in_scene, romance, sexual_cues, scenes):
        found.append(
            Warning("Underage Sex", "high", True, _dedupe(evidence), confidence=IN_SCENE_CONFIDENCE)
        )
    return found


def _sexual_near_an_age(document, index, in_scene, romance, sexual_cues, scenes) -> bool:
    """The archive warning is an accusation: its sexual content lies within SCENE_REACH
    sentences of a stated minor's age (or the age is in an author's note), not only within
    a teenager's longer reach, where a bystander's age ("the fourteen-year-old who delivered
    the papers waved") would reach an adults' night twenty sentences on. A part's header age
    ("Part One: Age 15") reaches its part and no further: the next part's night
    ("Part Two: Age 25") is adults'."""
    if any(document.in_note(a.start) for a in in_scene):
        return True
    for age in in_scene:
        section = _section(index, age, scenes)
        if section is None:
            continue
        inside = [r for r in romance if section[0] <= r[1] <= section[1]]
        cues = [c for c in sexual_cues if section[0] <= c.sentence <= section[1]]
        if any(kind == "sexual" for _, _, kind in inside) or (
            inside and _sexual_scene(cues, [s for _, s, _ in inside], SCENE_REACH)
        ):
            return True
    ages = [index.index_at(a.start) for a in in_scene if not a.until]
    near = [r for r in romance if any(abs(r[1] - s) <= SCENE_REACH for s in ages)]
    if any(kind == "sexual" for _, _, kind in near):
        return True
    return bool(near) and _sexual_scene(sexual_cues, [s for _, s, _ in near], SCENE_REACH)


# A kiss on the cheek, brow, hand or hair, or a goodnight kiss: affection.
AFFECTION_AFTER_RE = LazyPattern(
    r"\s+(?:\w+\s+){0,3}?(?:(?:on|upon|to)\s+)?(?:the|his|her|their|my|your|its)\s+(?:\w+\s+)?"
    r"(?:cheeks?|forehead|brow|hands?|knuckles|hair|head|temple|nose|fingers)\b"
    r"|\s+(?:\w+\s+)?good ?night\b",
    re.IGNORECASE,
)


def romance_sentences(
    document: Document, index: SentenceIndex, cast: Cast, quotes: list, romantic: list | None
) -> list[tuple[float, int, str]]:
    """(weight, sentence, kind) of the romance between a romantic pair; without a cast of
    two (`romantic` None), every stated strong romance cue of the work."""
    if romantic is not None:
        found = []
        for relationship in romantic:
            for kind in ROMANTIC_KINDS_STRONG:
                for item in relationship.signals.get(kind, []):
                    found.append((3.0, index.index_at(item.start), kind))
        # A pair known only from the author's relationship tag, its kiss told with pronouns
        # ("he leaned down and kissed him"): the work's romance is every strong cue.
        if found:
            return found
    text = document.text
    found = []
    for hit in document_hits(document, ROMANCE_LEXICON):
        cue = romance_cue(hit.surface)
        if cue is None or cue.kind not in ROMANTIC_KINDS_STRONG or document.in_note(hit.start):
            continue
        if cue.kind == "kiss" and AFFECTION_AFTER_RE.match(text, hit.end):
            continue  # "kissed the flushed cheek on the pillow": a parent's kiss, not romance
        s = index.index_at(hit.start)
        span = index.spans[s]
        weight = cue.weight * factor(text, span.start, span.end, hit.start)
        if weight >= 2:
            found.append((weight, s, cue.kind))
    return found


def _sexual_scene(sexual_cues: list[Scored], romance: list[int], reach: int) -> bool:
    """Sexual cues clustered (score >= SEXUAL_SCENE in a window) within `reach` sentences
    of the romance (the scene, not a later chapter between adults)."""
    from fanarchive.analysis.warnings import best_cluster

    finding = best_cluster(
        [c for c in sexual_cues if any(abs(c.sentence - s) <= reach for s in romance)]
    )
    return finding.score >= SEXUAL_SCENE


def _age_phrase(age: int) -> str:
    return f"{age} years old" if age else "of school age (a minor)"


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    seen, result = set(), []
    for item in evidence:
        if item.start not in seen:
            seen.add(item.start)
            result.append(item)
    return result
