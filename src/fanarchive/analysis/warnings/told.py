"""Cues for the rules alone (twelfth session; docs/warnings.md, "Missed warnings (twelfth
session)"): a suicide by poison, a wound told by the weapon lodged in a body, soldiers cut
down by fire.

They are weighed in their clause as the lexicon's cues are (negated: nothing; asked or
hypothetical: half; in a sport or a game: half), and given to the rule of their category
only: the learned model does not read them, so its features are unchanged and `fanarchive
train warnings` writes the same weights.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fanarchive.analysis.warnings.context import factor, in_an_arena
from fanarchive.analysis.warnings.scanner import Hit, Lexicon, document_hits, surface_patterns

ONE = r"(?:him|her|them|me|you|us|(?!(?:the|a|an|his|its|their|my|your|one)\b)[a-z]+|the (?:\w+ )?(?:man|woman|boy|girl|soldier|guard"
ONE += r"|officer|rider|sentry|trooper|stranger|captain|sergeant|private|corporal|knight|other))"
OWN = r"(?:his|her|their|my|your|[a-z]+'s)"
# Where a weapon lodges in a body (no back: "a knife in the back" is a betrayal).
LODGED_IN = (
    r"(?:chest|heart|throat|neck|gut|belly|stomach|ribs|side|shoulder|thigh|leg|arm|eye"
    r"|skull|head|temple|forehead|face|jaw|lungs?|spine|groin|hip|knee|abdomen)"
)
# What a projectile or a blade is: the things that go into a body.
PIERCER = (
    r"(?:bayonet|blade|knife|sword|sabre|saber|spear|lance|pike|arrow|bolt|crossbow bolt"
    r"|bullet|round|musket ball|shot|shrapnel|dagger|axe|javelin|harpoon|rapier|halberd)"
)
# A poison swallowed at home: named by what it is for. Poured, they clean, cool and weed;
# into a drink they are swallowed.
HOUSEHOLD_POISON = (
    r"(?:weedkiller|weed killer|antifreeze|anti-freeze|bleach|pesticide|insecticide"
    r"|rat poison|drain cleaner|paraquat|lye|hemlock|nightshade|belladonna|foxglove"
    r"|poison|arsenic|cyanide|strychnine|the powder|pills|tablets|capsules|painkillers"
    r"|sleeping pills|morphine|laudanum|barbiturates)"
)
# A drink (not water: bleach is poured into a bucket of water to clean).
DRINK = (
    r"(?:tea|coffee|cocoa|drink|wine|whisky|whiskey|brandy|gin|vodka|rum|beer|ale|milk|juice"
    r"|glass|cup|mug|tumbler|goblet|flask|schnapps|liqueur|cider|port|sherry|lemonade)s?"
)
TAKEN_POISON = r"(?:cyanide|poison|suicide|arsenic|strychnine)"


@dataclass(frozen=True)
class RuleCue:
    pattern: str
    weights: dict[str, float]
    drunk_by_its_maker: bool = False  # a clear cue when the one who mixed it drinks it


# The mixer drinks it, in the same sentence and with no other subject between: "stirred
# the weedkiller into his brandy, drank it slowly"; not "and watched him drink it", "and he
# drank it" (a poisoner's victim).
DRUNK_AFTER_RE = re.compile(
    r"^[^.;!?]{0,120}?(?:,|\band\b|\bthen\b)\s+(?:then\s+)?(?:\w+ly\s+)?(?:drank|drained"
    r"|downed|swallowed|gulped|finished)\s+(?:it|them|the lot|every drop|the glass|the cup"
    r"|the mixture|the whole|all of it)\b",
    re.IGNORECASE,
)
CLEAR = 3.0


RULE_CUES = [
    # A poison stirred into one's drink: "stirred the weedkiller into his last glass of
    # brandy" (the lexicon holds arsenic, cyanide and strychnine so, and the household
    # poisons only swallowed). A poisoner's victim drinks it too: strong, not clear.
    RuleCue(
        r"(?:stirred|stirs|poured|pours|mixed|mixes|emptied|tipped|dissolved|dissolves"
        r"|crushed|added|shook|measured) (?:[\w'-]+ ){0,5}?" + HOUSEHOLD_POISON
        + r" (?:into|in) (?:[\w'-]+ ){0,3}?" + DRINK + r"\b",
        {"suicide": 2},
        drunk_by_its_maker=True,
    ),
    # A poison capsule bitten or swallowed: "bit down on the capsule", "swallowed the
    # cyanide pill".
    RuleCue(
        r"(?:bit|bites|biting|bite|crushed|crunched|cracked) (?:down )?(?:on|into|through)"
        r" (?:the|a|his|her|their|my|your) (?:cyanide |poison |suicide |glass )?(?:capsule"
        r"|ampoule|ampule|vial)"
        r"|(?:swallowed|swallows|swallowing|took|takes) (?:the|a|his|her|their|my|your) "
        + TAKEN_POISON
        + r" (?:capsule|pill|tablet|ampoule|vial)"
        # a suicide pill hidden on the body: "the capsule sewn into his collar"
        r"|(?:capsule|pill|ampoule|vial)s? (?:sewn|hidden|concealed|kept) (?:into|in|inside)"
        r" (?:his|her|their|my|your|the) (?:\w+ )?(?:collar|cuff|lapel|tooth|teeth|ring|locket"
        r"|hem|heel)",
        {"suicide": 2},
    ),
    # A poison kept for oneself, or pills saved up: "had bought the cyanide years ago",
    # "had been saving her sleeping tablets for a month" (a stockpile is strong; a poison
    # bought is weak: a poisoner buys it too).
    RuleCue(
        r"(?:saving|saved|hoarding|hoarded|stockpiling|stockpiled|stashing|stashed|squirrell?ing"
        r"|squirrell?ed) (?:up )?(?:his|her|their|my|your) (?:[a-z]+'s )?(?:\w+ )?(?:pills|tablets"
        r"|painkillers|capsules|medication|meds|insulin|morphine|sleeping pills|barbiturates)",
        {"suicide": 2},
    ),
    RuleCue(
        r"(?:bought|buys|kept|keeps|obtained|acquired|carried|carries|got) (?:\w+ ){0,2}?"
        r"(?:cyanide|arsenic|strychnine|poison|hemlock)(?! (?:for|to kill) (?:the )?(?:rats"
        r"|mice|vermin|slugs|weeds|wasps|foxes|moles))",
        {"suicide": 1},
    ),
    # A poison swallowed that one had kept for it: "swallowed the cyanide pill he had carried
    # since the war", "drank the laudanum she had been saving"; and poison taken, bare ("the
    # chemist took poison"): clear.
    RuleCue(
        r"(?:swallowed|drank|downed|took|bit (?:down on|into)) the (?:\w+ )?(?:cyanide|arsenic"
        r"|strychnine|poison|hemlock|pills|tablets|capsule|morphine|laudanum|barbiturates)"
        r" (?:pills? |capsules? |tablets )?(?:that |which )?(?:he|she|they|I|we) had (?:\w+ )?"
        r"(?:kept|saved|hoarded|carried|hidden|stored|bought|been saving|been keeping"
        r"|been hoarding|sewn|stolen)|(?:took|takes|taken|taking|take) poison\b",
        {"suicide": 3},
    ),
    # The plant and household poisons the lexicon does not list, swallowed.
    RuleCue(
        r"(?:drank|drinks|drink|drinking|swallowed|swallows|downed|gulped|drained) (?:[\w'-]+ ){0,4}?"
        r"(?:hemlock|nightshade|belladonna|paraquat|pesticide|insecticide|rat poison"
        r"|drain cleaner|lye|foxglove|hemlock)(?![\w-])",
        {"suicide": 2},
    ),
    # A walk into water that closes over one's head: "walked out into the black water until
    # it closed over his head" (weak: a drowning may be an accident; with stones in the
    # pockets or a letter left, a suicide).
    RuleCue(
        r"walked (?:out )?into the (?:\w+ )?(?:water|river|sea|lake|ocean|waves|surf|loch"
        r"|tide)(?! to| for| with)|(?:water|waves|river|sea|lake) closed over (?:his|her"
        r"|their|my|your) heads?",
        {"suicide": 1},
    ),
    # A weapon that takes someone somewhere in the body: "a bayonet took him in the thigh",
    # "the spear caught Halvard under the ribs", "an arrow found the sentry's throat".
    RuleCue(
        PIERCER + r"s? (?:took|caught|hit|struck|found|pierced|punched|skewered|transfixed) "
        + ONE
        + r" (?:\w+ )?(?:in|through|under|below|above|between|high in|low in|square in|full in)"
        r" (?:the|his|her|their|my|your) (?:\w+ )?" + LODGED_IN
        + r"|"
        + PIERCER
        + r"s? (?:found|pierced|took|caught|punched through|tore through) "
        + OWN
        + r" (?:\w+ )?"
        + LODGED_IN,
        {"violence": 3},
    ),
    # Someone down with a weapon in the body: "went down with a round through the neck",
    # "lay with an arrow in his throat", "ran him through".
    RuleCue(
        r"with (?:a|an|the|two|three) (?:\w+ )?" + PIERCER + r"s? (?:through|in|into|buried in"
        r"|lodged in|sticking out of|jutting from|protruding from) (?:his|her|their|my|your"
        r"|the) (?:\w+ )?" + LODGED_IN
        + r"|(?:ran|run|runs|running) (?:him|her|them|me|you|[a-z]+) through\b"
        r"|(?:was|were|been|being|got|get) run through (?:by|with) (?:a|an|the|his|her|their)"
        r" (?:\w+ )?" + PIERCER,
        {"violence": 3},
    ),
    # A weapon lodged in a body or gone through it, told after the blow: "the bullet had
    # gone through his lung", "an arrow jutted from his chest", "a bayonet was through his
    # chest" (a possessive: "the knife was in the chest" may be a box).
    RuleCue(
        PIERCER + r"s? (?:(?:had |has |was |is |were )?(?:gone|went|passed|punched|sunk|sank"
        r"|buried|lodged|stuck|jutted|jutting|protruded|protruding|sticking|standing|stood)"
        r" |(?:was|is|were) )(?:clean |right |straight |deep )?(?:out )?(?:through|in|into|from"
        r"|out of)"
        r" " + OWN + r" (?:\w+ )?" + LODGED_IN,
        {"violence": 3},
    ),
    # A limb torn off: "the shrapnel had torn his arm half off".
    RuleCue(
        r"(?:tore|torn|ripped|blew|blown|shot|sheared|hacked|cut) (?:off )?(?:his|her|their|my"
        r"|your|[a-z]+'s) (?:\w+ )?(?:arm|leg|hand|foot|jaw|ear) (?:half |clean |right )?(?:off"
        r"|away)\b",
        {"violence": 3},
    ),
    # Fire that cuts people down: "machine-gun fire cut down the men on either side of him",
    # "the volley mowed down the front rank".
    RuleCue(
        r"(?:fire|gunfire|volleys?|bullets|arrows|grapeshot|canister|shells|the guns"
        r"|machine[- ]?guns?|rifles|muskets|cannon) (?:cut|cuts|mowed|mows|scythed|scythes)"
        r" down (?:the|a|an|him|her|them|us|half|most|all|every|both|whole|three|two|four"
        r"|dozens|scores|rows)\b",
        {"violence": 3, "killing": 2},
    ),
]
RULE_LEXICON = Lexicon([c.pattern for c in RULE_CUES])
_COMPILED = [
    (re.compile(surface, re.IGNORECASE), c)
    for surface, c in zip(surface_patterns([c.pattern for c in RULE_CUES]), RULE_CUES, strict=True)
]
_ARENA_CATEGORIES = frozenset({"violence", "killing"})


def weights_of(surface: str, after: str) -> dict[str, float]:
    """The weights of a matched surface: the maximum over every cue it fully matches.
    `after` is the rest of its sentence."""
    weights: dict[str, float] = {}
    for regex, item in _COMPILED:
        if regex.fullmatch(surface):
            for category, weight in item.weights.items():
                if item.drunk_by_its_maker and DRUNK_AFTER_RE.search(after):
                    weight = CLEAR
                weights[category] = max(weights.get(category, 0.0), weight)
    return weights


def rule_cues(document, index, scored_type) -> dict[str, list]:
    """Per category, the rule-only cues of the document as `scored_type` (warnings.Scored)."""
    text, found = document.text, {}
    for hit in document_hits(document, RULE_LEXICON):
        s = index.index_at(hit.start)
        if s < 0:
            continue
        span = index.spans[s]
        weight = factor(text, span.start, span.end, hit.start)
        if not weight:
            continue
        arena = in_an_arena(index.sentence(s))
        for category, value in weights_of(hit.surface, text[hit.end : span.end]).items():
            applied = weight * (0.5 if arena and category in _ARENA_CATEGORIES else 1.0)
            found.setdefault(category, []).append(
                scored_type(s, value * applied, False, Hit(hit.start, hit.end, hit.surface), applied)
            )
    return found
