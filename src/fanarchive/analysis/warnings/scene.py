"""A blow told by what it does to a body, whatever its words (probe round 11, seventh
session; docs/warnings.md).

The lexicon's violence cues are phrases: "punched him in the face", "broke his nose". Rounds
7-10 added the phrasings the probes missed one by one, and those carried to almost no new
text. What a depicted blow has, however it is worded, is structure: a blow or a weapon in
use (FORCE_RE) and what it does to someone's body: a body part of someone with damage said
within a few words of it (INJURED_PART_RE: "his lip splits", "blood spilling between his
fingers", "the foreman's jaw with a crunch"), or a body part and a body going down in the
same sentence (PART_RE and DOWN_RE: "hit Marek's temple and he crumpled").

The effect in the blow's own sentence is the act itself (BLOW_WEIGHT, a Violence note alone);
told in the next sentence ("Two shots cracked across the yard. The sentry clutched at his
throat, blood spilling between his fingers.") it is a strong cue that needs company
(NEXT_SENTENCE_WEIGHT), and a weapon merely named ("his sword's blade") reaches no further
than its own sentence. Each cue is weighed in the blow's clause like any other (negated:
nothing; hypothetical or asked: half); a denied effect ("wasn't even bruised"), an earlier
injury ("still split and healing"), play among friends, joints that pop, a knock on a beam,
a soft landing ("fell onto the bed") and the figurative lexicon's phrases ("shot her a look",
"snapped his fingers") give none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.prefilter import Prefiltered
from fanarchive.analysis.sentences import SentenceIndex
from fanarchive.analysis.warnings.context import factor, in_an_arena
from fanarchive.analysis.warnings.scanner import Hit, lower_same_length

BLOW_WEIGHT = 3.0
NEXT_SENTENCE_WEIGHT = 2.0  # the effect told in the sentence after the blow

# Weapons, also named where nothing is done with them ("his sword's blade").
_WEAPONS = (
    r"fists?|blade|knife|bullets?|crowbar|bat|rifle butts?|butts? of|gun|pistol|rifle|revolver"
    r"|sword|dagger|axe|machete|trigger"
)
# A blow or a weapon in use, in any tense or person ("you hit", "he backhands you").
FORCE_RE = re.compile(
    r"\b(?:hit|hits|hitting|struck|strikes?|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?"
    r"|slam(?:s|med|ming)?|smash(?:es|ed|ing)?|bash(?:es|ed|ing)?|beating|beaten"
    r"|backhand(?:s|ed|ing)?|slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|whack(?:s|ed|ing)?"
    r"|shov(?:e|es|ed|ing)|stab(?:s|bed|bing)?|slash(?:es|ed|ing)?|shot|shots|gunshots?"
    r"|gunfire|shoot(?:s|ing)?|club(?:s|bed|bing)|pistol-whip\w*|elbow(?:s|ed)|kneed"
    r"|headbutt\w*|blows?|bang|rang out|fired|" + _WEAPONS + r")\b"
    # force on things: "kicked off his boots", "slammed the door shut", "punched in the code"
    r"(?!\s+(?:off|open|shut|out|up|in|back|away|around|on)\b)(?!\s+the (?:door|gas|ball)\b)"
)
# Searched in every sentence: tried only where a blow's word opens (1.6 times faster).
FORCE = Prefiltered(FORCE_RE)
# A weapon merely named: its blow must be told in its own sentence.
WEAPON_RE = re.compile(_WEAPONS)
# A body part of someone ("his lip", "the man's jaw", "your ribs"); not the heart, which
# breaks in grief.
_WHOSE = r"(?:his|her|their|your|my|its|the\s+\w+'s|\w+'s)\s+(?:\w+\s+)?"
_PART = (
    r"(?:face|head|jaw|nose|mouth|lips?|cheek(?:bone)?s?|chin|eyes?|eye socket|neck|throat"
    r"|chest|stomach|gut|ribs?|ribcage|side|shoulders?|arms?|legs?|knees?|kneecaps?|skull"
    r"|spine|temple|forehead|brow|teeth|tooth|wrists?|fingers?|hands?|collarbone|sternum"
    r"|shins?|ankles?|elbows?|back|body|skin|flesh)"
)
PART_RE = re.compile(r"\b" + _WHOSE + _PART + r"\b")
# Damage, said within a few words of a body part (either side): "his lip is split", "blood
# pouring from his nose", "ribs breaking", "half his face gone".
_DAMAGE = (
    r"(?:blood\w*|bleed\w*|bled|broke|broken|breaks|breaking|crack(?:s|ed|ing)|split|splits"
    r"|snapp(?:ed|ing)|snaps|bruis\w*|swollen|swelling|wound\w*|gash\w*|crunch\w*|shatter\w*"
    r"|caved|gone|mangled|dislocat\w*|fractur\w*|stain\w*|hole|bloom\w*|pool\w*)"
)
INJURED_PART_RE = re.compile(
    r"\b" + _DAMAGE + r"\b(?:\W+\w+){0,4}?\W+" + _WHOSE + _PART + r"\b"
    r"|\b" + _WHOSE + _PART + r"\b(?:\W+\w+){0,3}?\W+" + _DAMAGE + r"\b"
)
# An injury of earlier: healing, a scar, a bruise from yesterday's fight.
AFTERMATH_RE = LazyPattern(
    r"\b(?:heal\w*|scar\w*|fading|faded|old|ago|yesterday|last (?:night|week)|earlier"
    r"|the day before|the night before|remember\w*|recall\w*|used to)\b"
)
# A body going down or reeling under the blow.
DOWN_RE = re.compile(
    r"\b(?:stumbl\w*|stagger\w*|reel(?:s|ed|ing)|crumpl\w*|collaps\w*|slump\w*"
    r"|(?:dropped|drops)(?=\s+(?:to|like|dead|where|without|in a heap)\b|\s*[,.;])"
    r"|(?:fell|falls)(?!\s+(?:silent|quiet|asleep|apart|short|behind|in love|for|open|away"
    r"|into (?:step|place|line|silence)))|sprawl\w*|doubl(?:es|ed|ing) over"
    r"|curl(?:s|ed|ing) (?:up|on)|went down|goes down|lay still|lies still|stopped moving"
    r"|stops moving|pitched (?:forward|back|over|sideways|down|into|onto)|slid down)\b"
    # a soft landing is rest, not a blow: "fell onto the bed", "collapsed into his arms"
    r"(?!\s+(?:back\s+)?(?:on|onto|into|in|across)\s+(?:the|a|his|her|their|my|your)\s+(?:\w+\s+)?"
    r"(?:bed|sofa|couch|pillows?|mattress|chair|armchair|seat|arms|lap|sheets|cushions?)\b)"
)
# Everyday force: the heart and breath, a game's "hit" points, a grin that splits a face.
NOT_A_BLOW_RE = re.compile(
    r"\b(?:split (?:into|in) a (?:grin|smile)|(?:grin|smile) split|heart|hit (?:points?|songs?"
    r"|records?|the (?:road|hay|sack|gym|books|brakes|button|lights?|switch|send)))\b"
    r"|\bblood (?:rush\w*|rose|flooded|flushed|drained)|\bkick\w* (?:\w+ )?(?:ass|butt)\b"
    # the weather and the senses strike too: "the wind hit her face", "the smell hit him"
    r"|\b(?:wind|rain|cold|heat|sun|sunlight|light|smell|stench|scent|air|snow|sleet|spray"
    r"|wave|waves|water) (?:\w+ )?(?:hit|hits|struck|strikes|slapped|slaps|smacked|smacks)\b"
    # play: a shove or a punch on the arm among friends, told with their laughter
    r"|\b(?:playful\w*|teasing\w*|jokingly|laugh\w*|giggl\w*|cackl\w*|grinn\w*)\b"
    # joints that pop, and one's own head knocked on a beam: everyday, not a blow
    r"|\b(?:knees?|knuckles|joints?|back|neck) (?:\w+ )?(?:cracked|cracks|cracking|popped)"
    r"|\b(?:hit|hits|banged|bangs|bumped|bumps|knocked|knocks) (?:his|her|their|my|your)"
    r" (?:head|elbow|knee|shin|toe|hip|shoulder|forehead) (?:on|against)\b"
)


def blow_cues(
    text: str, index: SentenceIndex, figurative: list[Hit]
) -> list[tuple[int, float, Hit]]:
    """(sentence, weight, hit) for each sentence where a blow or weapon in use comes with an
    injured body part, or with a body part and a body going down, in it or the next one.
    The figurative lexicon's phrases are blanked first ("shot to his feet", "snapped his
    fingers", "cracked his knuckles" are gestures)."""
    found = []
    lowered = _blanked(lower_same_length(text), figurative)
    spans = index.spans
    for s in _may_hold_force(lowered, index):
        span = spans[s]
        sentence = lowered[span.start : span.end]
        force = FORCE.search(sentence)
        if force is None or NOT_A_BLOW_RE.search(sentence):
            continue
        following = sentence  # a weapon named, or a line of dialogue, reaches no further
        quoted = sentence.lstrip().startswith(("'", '"', "“"))
        if s + 1 < len(spans) and not quoted and not WEAPON_RE.fullmatch(force.group()):
            following = lowered[span.start : spans[s + 1].end]
        effect = INJURED_PART_RE.search(following)
        if effect is None and PART_RE.search(sentence):
            effect = DOWN_RE.search(sentence)
        if effect is None or in_an_arena(sentence) or AFTERMATH_RE.search(following):
            continue
        if _negated(text, index, span.start + effect.start()):
            continue  # "his chest wasn't bruised"
        at = span.start + force.start()
        told = BLOW_WEIGHT if effect.start() < len(sentence) else NEXT_SENTENCE_WEIGHT
        weight = told * factor(text, span.start, span.end, at)
        if weight:
            found.append((s, weight, Hit(at, span.start + force.end(), force.group())))
    return found


def _may_hold_force(lowered: str, index: SentenceIndex) -> Iterable[int]:
    """The sentences where a word FORCE opens with stands, in order: most hold none
    (slicing and searching each of a 100,000-word work's 12,259 sentences took ~44 ms,
    the openings' finds over the whole work take about half; a regex of them no less)."""
    starts = FORCE.opening_starts(lowered)
    if starts is None:
        return range(len(index.spans))
    spans, found = index.spans, set()
    for at in starts:
        s = index.index_at(at)
        if s >= 0 and at < spans[s].end:
            found.add(s)
    return sorted(found)


def _blanked(lowered: str, figurative: list[Hit]) -> str:
    """`lowered` with each figurative phrase replaced by spaces (offsets unchanged)."""
    if not figurative:
        return lowered
    pieces, at = [], 0
    for hit in figurative:
        if hit.start < at:
            continue
        pieces.append(lowered[at : hit.start])
        pieces.append(" " * (hit.end - hit.start))
        at = hit.end
    pieces.append(lowered[at:])
    return "".join(pieces)


def _negated(text: str, index: SentenceIndex, offset: int) -> bool:
    """The effect at `offset` is denied in its clause ("wasn't bruised", "never fell")."""
    span = index.spans[index.index_at(offset)]
    return factor(text, span.start, span.end, offset) == 0
