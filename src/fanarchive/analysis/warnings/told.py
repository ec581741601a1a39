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
OWN = r"(?:his|her|their|my|your|(?:the )?[a-z]+'s)"
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
    someone: bool = False  # its second word is a person: a pronoun, "the ...", or a Name


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
# The word after the verb is someone: a pronoun, "the girl", or a capitalised name (the
# lexicon matches without case, so this is read from the text itself).
SOMEONE_RE = re.compile(r"^\S+\s+(?:(?:him|her|them|me|you|us|the)\b|[A-Z])")


RULE_CUES = [
    # A poison stirred into one's drink: "stirred the weedkiller into his last glass of
    # brandy" (the lexicon holds arsenic, cyanide and strychnine so, and the household
    # poisons only swallowed). A poisoner's victim drinks it too: strong, not clear.
    RuleCue(
        r"(?:stirred|stirs|poured|pours|mixed|mixes|emptied|tipped|dissolved|dissolves"
        r"|crushed|added|shook|measured) (?:[\w'-]+ ){0,5}?"
        + HOUSEHOLD_POISON
        + r" (?:into|in) (?:[\w'-]+ ){0,3}?"
        + DRINK
        + r"\b",
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
        r"|been hoarding|sewn|stolen|mixed|brewed|prepared)|(?:drank|swallowed|downed) the (?:\w+ )?"
        r"(?:poison|potion|draught|mixture) (?:that )?(?:his|her|their|my|your) own hands? had"
        r"|(?:took|takes|taken|taking|take)"
        r" poison\b(?! ivy| oak| sumac| darts?| pen)",
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
    # it closed over his head" (strong, not clear: a drowning may be an accident; with
    # stones in the pockets or a letter left, a suicide). An overdose found: the empty pill
    # bottles.
    RuleCue(
        r"walked (?:out )?into the (?:\w+ ){0,2}?(?:water|river|sea|lake|ocean|waves|surf|loch"
        r"|tide)(?! to| for| with| up)|(?:water|waves|river|sea|lake) closed over (?:his|her"
        r"|their|my|your) heads?",
        {"suicide": 2},
    ),
    RuleCue(
        r"empty (?:pill|medicine|tablet|prescription) (?:bottles?|packets?|boxes|jars?)"
        r"|empty (?:bottles?|packets?|boxes|jars?|blister packs?) of (?:\w+ )?(?:pills|tablets"
        r"|painkillers|paracetamol|sleeping pills|capsules)",
        {"suicide": 2},
    ),
    # A suicide told by its means, done to oneself (clear): a gun turned on oneself or put
    # to one's own head, a train stepped in front of, wrists slit in the bath, a car driven
    # off a cliff on purpose; pills swallowed all at once (strong).
    RuleCue(
        r"turned (?:the|his|her|their|my|your|a) (?:\w+ )?(?:gun|pistol|revolver|rifle|shotgun"
        r"|weapon|knife|blade|sword) on (?:himself|herself|themselves|myself|yourself)"
        r"|shot (?:himself|herself|themselves|myself|yourself) (?:\w+ )?(?:in|through) the"
        r" (?:head|temple|mouth|heart)|blew (?:his|her|their|my|your) (?:own )?brains out"
        r"|(?:put|pressed|held|placed|jammed|pushed|set) (?:the|his|her|their|my|your|a) (?:\w+ )"
        r"{0,2}?(?:gun|pistol|revolver|barrel|muzzle|rifle|shotgun) (?:to|against|under|in|into)"
        r" (?:his|her|their|my|your) own (?:head|temple|chin|mouth|jaw)"
        r"|(?:put|pressed|held|placed|jammed|pushed|set) (?:the|his|her|their|my|your|a)"
        r" (?:\w+ ){0,2}?(?:gun|pistol|revolver|barrel|muzzle)(?: of (?:his|her|their|my|your"
        r"|the|a) (?:\w+ )?(?:gun|pistol|revolver|rifle|shotgun))? (?:to|against|under|in|into)"
        r" (?:his|her|their|my|your) (?:head|temple|chin|mouth) (?:and |then |and then )?pulled"
        r" the trigger"
        r"|(?:threw|flung|hurled) (?:himself|herself|themselves|myself|yourself) (?:under|in"
        r" front of) (?:a|an|the) (?:\w+ )?(?:train|tube|lorry|bus|truck|express)"
        r"|(?:stepped|jumped|walked|leapt|leaped) (?:out )?in front of (?:a|an|the) (?:\w+ )?"
        r"(?:train|tube|lorry|express)|(?:slit|slashed|opened|cut) (?:his|her|their|my|your)"
        r" wrists (?:\w+ ){0,2}?(?:in the bath|in the tub|lengthwise|down the length|to the bone)"
        r"|(?:drove|steered|swerved|turned) (?:\w+ ){0,4}?(?:off|into|over) (?:a|an|the) (?:\w+ )?"
        r"(?:cliff|bridge|quarry|river|lake|sea|edge|wall|tree|ravine|gorge)(?: road)?"
        r" (?:on purpose|deliberately)",
        {"suicide": 3},
    ),
    RuleCue(
        r"(?:slit|slashed|opened) (?:his|her|their|my|your) wrists"
        r"|(?:stepped|jumped) (?:off|from) (?:the|a) platform"
        r"|(?:swallowed|took|downed|gulped) (?:them|it) all\b(?! in)"
        r"|(?:emptied|tipped|shook|poured) (?:out )?(?:the|a|her|his|their|my|your) (?:\w+ )?"
        r"(?:bottle|packet|box|jar|tub|strip) of (?:\w+ )?(?:pills|tablets|capsules|painkillers)",
        {"suicide": 2},
    ),
    # A poison put into one's own drink, a dose meant to kill, poison awaited.
    RuleCue(
        r"laced (?:his|her|their|my|your) own (?:\w+ )?"
        + DRINK
        + r"|(?:poisoned|poisons) (?:himself|herself|themselves|myself|yourself)"
        r"|enough (?:\w+ ){0,3}?to kill (?:himself|herself|themselves|myself|yourself)"
        r"|(?:took|swallowed|drank|downed|(?:gave|injected) (?:himself|herself|themselves"
        r"|myself|yourself)(?: with)?) (?:a|an) (?:lethal|fatal) (?:dose|overdose|amount)",
        {"suicide": 3},
    ),
    RuleCue(
        r"injected (?:himself|herself|themselves|myself|yourself) with (?:all|the whole|the rest"
        r"|every)|(?:wait|waited|waiting|waits) for (?:the )?(?:poison|pills|tablets|drugs"
        r"|morphine|cyanide|arsenic) to (?:take effect|work|kick in|take hold|do (?:its|their)"
        r" work)",
        {"suicide": 2},
    ),
    # After a leap or a walk into the water, a body found (weak: the victim of a crime is
    # found too).
    RuleCue(
        r"(?:his|her|their) body (?:washed up|was washed up|was pulled from|was recovered"
        r"|was found (?:in|on|at the foot of|below|beneath|under|downstream))",
        {"suicide": 1},
    ),
    # A wound taken: "took a bullet in the shoulder", "was hit by a sniper".
    RuleCue(
        r"(?:was|were|got|been|being|is|are) (?:hit|struck|wounded|killed|cut down|felled)"
        r" by (?:a|an|the) (?:\w+ )?(?:bullet|shell|sniper|shrapnel|mortar|grenade|machine-?gun"
        r"|arrow|bolt|volley|cannonball|round|musket ball|stray round)s?\b",
        {"violence": 3},
    ),
    RuleCue(
        r"(?:took|takes|taken|taking|caught|catches|stopped) (?:a|an|the) (?:\w+ )?(?:bullet|round"
        r"|arrow|bolt|shot|bayonet|blade|slug|shell fragment|piece of shrapnel) (?:in|to|through)"
        r" (?:the|his|her|their|my|your) (?:\w+ )?" + LODGED_IN,
        {"violence": 3},
    ),
    # A weapon that takes someone somewhere in the body: "a bayonet took him in the thigh",
    # "the spear caught Halvard under the ribs", "an arrow found the sentry's throat".
    RuleCue(
        PIERCER
        + r"s? (?:took|caught|hit|struck|found|pierced|punched|skewered|transfixed) "
        + ONE
        + r" (?:\w+ )?(?:in|through|under|below|above|between|high in|low in|square in|full in)"
        r" (?:the|his|her|their|my|your) (?:\w+ )?"
        + LODGED_IN
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
        r"|the) (?:\w+ )?"
        + LODGED_IN
        + r"|(?:ran|run|runs|running) (?:him|her|them|me|you|[a-z]+) through(?= with|[.,;!?]"
        r"| and| before| until| from| where)"
        r"|(?:was|were|been|being|got|get) run through (?:by|with) (?:a|an|the|his|her|their)"
        r" (?:\w+ )?" + PIERCER,
        {"violence": 3},
    ),
    # A weapon lodged in a body or gone through it, told after the blow: "the bullet had
    # gone through his lung", "an arrow jutted from his chest", "a bayonet was through his
    # chest" (a possessive: "the knife was in the chest" may be a box).
    RuleCue(
        PIERCER + r"s? (?:(?:had |has |was |is |were )?(?:gone|went|passed|punched|sunk|sank"
        r"|buried|lodged|stuck|jutted|jutting|protruded|protruding|sticking|standing|stood"
        r"|burst|erupted|exploded|emerged|sprouted|came) |(?:was|is|were) )(?:clean |right"
        r" |straight |deep |to the hilt |up to the hilt )?(?:out )?(?:through|in|into|from|out of"
        r"|out through)"
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
# Combat in a war told without the lexicon's words: the army's own units, volleys, the enemy
# as an army (weak cues: two of them, or one with the lexicon's war words, make War).
WAR_CUES = [
    RuleCue(
        r"dragoons|hussars|cavalry(?:men)?|lancers|grenadiers|fusiliers|musketeers|riflemen"
        r"|infantrymen|paratroopers|commandos|legionnaires|sappers|volleys?|musketry"
        r"|bombers|fighter planes|air strikes?|airstrikes?|shellfire|gunships?|tanks rolled",
        {"war": 1},
    ),
    RuleCue(
        r"(?:charged|attacked|stormed|assaulted|overran|shelled|engaged|repulsed|routed|flanked"
        r"|fired on|fired at|advanced on) the enemy|the enemy (?:guns?|lines?|trenches|positions?"
        r"|square|ranks|flank|fire|battery|batteries|withdrew|retreated|advanced|attacked"
        r"|counter-?attacked|soldiers|troops|army|camp|artillery|sniper|machine[- ]?guns?)",
        {"war": 1},
    ),
]

# Captivity told without the lexicon's words: someone taken into the back of a van, kept
# for days in a windowless room, chained to a pipe, snatched from the street.
CAPTIVITY = r"(?:cellar|basement|shed|cage|cell|attic|bunker|pit|crate|room|caravan|trailer"
CAPTIVITY += r"|container|barn|warehouse|hut|shack|hold|outhouse|garage|storeroom|box)"
# Where one is held for days (not a room: a hospital keeps a patient in one).
HELD_IN = r"(?:cellar|basement|shed|cage|cell|bunker|pit|crate|caravan|trailer|container|hut"
HELD_IN += r"|shack|hold|outhouse|storeroom)"
RULE_CUES += [
    RuleCue(
        r"(?:forced|shoved|pushed|dragged|bundled|threw|thrown|hauled|stuffed|grabbed) [a-z]+"
        r" into the back of (?:a|an|the|their|his|her) (?:\w+ )?(?:van|car|truck|vehicle|suv"
        r"|lorry|sedan)",
        {"abduction": 2, "violence": 1},
        someone=True,
    ),
    RuleCue(
        r"(?:for|after) (?:\w+ ){1,2}?(?:days|weeks|months|years|nights),? (?:they|he|she"
        r"|the \w+|his captors|her captors) (?:kept|held|locked|chained|imprisoned|hid) (?:\w+ )"
        r"{1,2}?(?:in|inside) (?:a|an|the|his|her|their) (?:[\w-]+ ){0,2}?" + HELD_IN,
        {"abduction": 2},
    ),
    RuleCue(
        r"(?:kept|held|locked|imprisoned|chained|shut) [a-z]+ (?:up )?(?:in|inside) (?:a|an|the)"
        r" (?:padlocked|locked|soundproofed|soundproof|bolted) (?:\w+ )?" + CAPTIVITY,
        {"abduction": 2},
        someone=True,
    ),
    RuleCue(
        r"(?:snatched|seized|grabbed|abducted|took|taken) [a-z]+ (?:\w+ )?(?:from|off|outside)"
        r" (?:the|a|her|his|their) (?:\w+ )?(?:street|market|schoolyard|playground|park"
        r"|station|car park|parking lot|bus stop|doorstep|shop|school gates?) (?:in|into|and"
        r" into) (?:a|an|the|their|his|her) (?:\w+ )?(?:van|car|truck|lorry|vehicle)"
        r"|(?:snatched|seized|abducted) [a-z]+ (?:\w+ )?(?:from|off|outside) (?:the|a|her|his"
        r"|their) (?:\w+ )?(?:street|market|schoolyard|playground|park|station|car park"
        r"|parking lot|bus stop|doorstep|school gates?)",
        {"abduction": 2},
        someone=True,
    ),
    RuleCue(
        r"chained to (?:a|the) (?:\w+ )?(?:pipe|radiator|wall|bed|bedframe|bedpost|post|ring"
        r"|pillar|chair|floor)|(?:a |the )?(?:lock|bolt|padlock)s? on the outside(?: of)?"
        r"|(?:men|man|people|ones?) who had (?:taken|snatched|seized|grabbed) (?:him|her|them)",
        {"abduction": 1},
    ),
]
# A beating with something, a slap, a head thrown against a wall, what a shot leaves.
RULE_CUES += [
    RuleCue(
        r"(?:beat|beats|beating|beaten) (?:him|her|them|me|you|us) (?:\w+ )?with (?:a|an|the"
        r"|their|his|her|my|your) (?:[\w-]+ ){0,3}?(?:butts?|fists|sticks?|clubs?|batons?|belts?"
        r"|pipes?|bats?|truncheons?|whips?|chains?|canes?|poker|hammer|crowbar|rifles|planks?"
        r"|rods?|hoses?|iron bars?)\b",
        {"violence": 3},
    ),
    RuleCue(r"backhand(?:s|ed|ing)? (?:him|her|them|me|you|us)\b", {"violence": 3}),
    RuleCue(
        r"(?:his|her|their|my|your) head (?:bounces|bounced|bouncing|snaps|snapped|cracks"
        r"|cracked|slams|slammed|smacks|smacked) (?:back )?(?:off|against|into) the (?:\w+ )?"
        r"(?:wall|floor|doorframe|door|table|ground|pavement|tiles|counter|dashboard)",
        {"violence": 2},
    ),
    RuleCue(
        r"half (?:his|her|their|[a-z]+'s) (?:face|head|skull|jaw) (?:was |had been )?(?:gone|missing|blown away"
        r"|shot away|torn away)|(?:lay|lying|lies|was lying) (?:\w+ ){0,5}?in a (?:spreading"
        r"|growing|widening) (?:dark )?pool|in a pool of (?:his|her|their|my|your) own blood",
        {"violence": 2},
    ),
]
WAR_CUES.append(
    RuleCue(
        r"under (?:heavy |enemy |machine-gun |sniper |artillery |constant |withering )?fire"
        r"|returned fire|tracers?|tracer (?:fire|rounds)|house to house|besieged|siege"
        r"|(?:at|to|from) the front\b(?! of| door| desk| row| seat| steps| gate| porch"
        r"| garden| room| counter| entrance| yard| page| cover| line)|shield ?wall",
        {"war": 1},
    )
)
WAR_CUES.append(RuleCue(r"ieds?|roadside bombs?|improvised explosive devices?", {"war": 2}))
RULE_CUES += WAR_CUES[1:]  # the enemy as an army (the units' list lowered warnings-dev)
# Harm to one's own body told by "own" or by the one who made the cuts: "beat his fists
# against his own skull", "the cuts she made on her thighs" (clear: the body is the doer's).
RULE_CUES += [
    RuleCue(
        r"(?:beat|beats|beating|hit|hits|hitting|punched|punches|punching|pounded|pounding|struck"
        r"|clawed|clawing|scratched|scratching|raked|raking|slammed|slamming|banged|banging)"
        r" (?:(?:his|her|their|my|your) (?:fists?|knuckles|nails|head|forehead) )?(?:again and"
        r" again )?(?:against|into|at|on|across|down) (?:his|her|their|my|your) own (?:\w+ )?"
        r"(?:skull|head|face|thighs?|arms?|forearms?|wrists?|legs?|stomach|chest|skin|ribs)",
        {"self_harm": 3},
    ),
    RuleCue(
        r"(?:cuts|scars|burns|marks|welts) (?:that )?(?:she|he|they|i) (?:had )?(?:made|carved"
        r"|left|gave (?:herself|himself|themselves|myself)) (?:on|in|into|across) (?:her|his"
        r"|their|my) (?:own )?(?:\w+ )?(?:thighs?|arms?|forearms?|wrists?|legs?|stomach|hips?"
        r"|skin|ribs|shoulders?|ankles?)",
        {"self_harm": 3},
    ),
]
RULE_LEXICON = Lexicon([c.pattern for c in RULE_CUES])
_COMPILED = [
    (re.compile(surface, re.IGNORECASE), c)
    for surface, c in zip(surface_patterns([c.pattern for c in RULE_CUES]), RULE_CUES, strict=True)
]
_ARENA_CATEGORIES = frozenset({"violence", "killing"})
# A poison or a fall taken by mistake is no suicide.
UNMEANT_RE = re.compile(
    r"\b(?:accident\w*|by mistake|mistak\w*|unknowingly|unwittingly|without knowing|slipped"
    r"|tripped|lost (?:his|her|their) footing)\b",
    re.IGNORECASE,
)


def weights_of(surface: str, original: str, after: str) -> dict[str, float]:
    """The weights of a matched surface: the maximum over every cue it fully matches.
    `original` is the surface as written, `after` the rest of its sentence."""
    weights: dict[str, float] = {}
    for regex, item in _COMPILED:
        if regex.fullmatch(surface) and (not item.someone or SOMEONE_RE.match(original)):
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
        sentence = index.sentence(s)
        arena = in_an_arena(sentence)
        weights = weights_of(hit.surface, text[hit.start : hit.end], text[hit.end : span.end])
        if "suicide" in weights and UNMEANT_RE.search(sentence):
            del weights["suicide"]
        for category, value in weights.items():
            applied = weight * (0.5 if arena and category in _ARENA_CATEGORIES else 1.0)
            found.setdefault(category, []).append(
                scored_type(
                    s, value * applied, False, Hit(hit.start, hit.end, hit.surface), applied
                )
            )
    return found
