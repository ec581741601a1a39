"""Relationship probes: short original scenes in many fandoms (tests/data/relationship_probes),
each with the pairs a reader would tag and the pairs that must not appear, run through the
full analysis. Odd ids are the tune half (rules were fixed against them), even ids the check
half (only its totals are read). Ids 1-32 were written before any rule was fitted; 33-39,
tune only, were written afterwards for issue 15's failures on real works (a couple beside a
brother, a married couple, a mis-resolved name, a tagged slow burn beside a sister). Ids 40-59
(round 3, ten tune and ten check) were written for issue 15's families (a couple near a
brother, spouses, partners who never say "love", exes, a one-sided crush, friends who hug,
siblings, parent and child, rivals, a mis-resolvable name) and measured once with the rules of
c771e56 before any rule was changed against their tune half (docs/relationships.md). Ids 60-75
(round 4, eight tune and eight check) were written for issue 15 §3 (spouses who never say
"love", exes, one-sided crushes, siblings teasing beside a couple, found family, rivals to
lovers, a parent hugging a child beside a couple, a best friend who comforts, tags with "/"
against "&", first-person narrators in love) and measured once at 669a613 before any rule was
changed against their tune half. Ids 76-91 (round 5, eight tune and eight check) were written
blind (the writer never ran the analysis nor read its rules) and measured once at c332232:
tune 5/18 right with 3 violations, check 9/19 with none; that run also decided to keep round
4's tune-only rules as one group (without them: 11/37 right, 3 violations; docs/relationships.md).
Ids 117-131 (round 7, tune only) are scenes told partly in chat or script lines (`Peter: guys`),
written when such lines were first read as speech, before the rules they led to. Ids 132-155
(round 9, twelve tune and twelve check) were written for issue 15's families (a couple beside
a brother, "my husband" and "his wife", siblings who hug and say "love you", best friends,
rivals and enemies, one-sided love, exes, a mother's kiss on the forehead, a pair told in
pronouns after one naming, a kiss in a group of four, reader-inserts) and measured once at
886768f before any rule was changed against their tune half. Ids 156-185 (round 12, fifteen
tune and fifteen check) were written for how AO3 works show couples and friends (a slow burn
with no kiss, established couples at home, exes, rivals to lovers, found family, a married
couple arguing, close siblings, a best friend beside the couple, poly triads, a one-sided
crush, a couple shown only by closeness, family names shared) and measured once at d0700ee
before any rule was changed against their tune half. Ids 186-215 (round 13, fifteen tune and
fifteen check, 2026-12-07) were written blind, before anything was measured on them, the check
half first and the tune half apart from it (established couples who never say "love", a couple
beside a sibling, best friends beside a romance, exes, one-sided crushes, found family, teacher
and student, enemies, first-person and reader-insert couples, a triad, parent and child, a
couple told in pronouns, names with titles, relatives sharing a surname beside a spouse).
Ids 216-245 (round 14, fifteen tune and fifteen check, 2026-12-07, twelfth session) were
written blind, before anything was measured on them (married couples and partners who never
say "love", a couple beside a sibling or a parent, a friend's brother only mentioned beside a
couple, rivals who become lovers, a parent's kiss on the forehead, exes beside a new spouse, a
love declared to a friend while the one loved is away, first-person and reader-insert
couples).
Ids 246-275 (round 15, fifteen tune and fifteen check, 2026-12-07, thirteenth session) were
written blind, before anything was measured on them (established couples shown only by
domestic acts, a shared bed, "my husband" or wedding rings, a couple beside their children,
best friends who hug and say "I love you, man" and never become lovers, enemies who fight,
teacher and student, a one-sided love declared and refused, polyamorous triads, exes, siblings
teasing, first-person and reader-insert couples).
Ids 276-305 (round 16, fifteen tune and fifteen check, 2026-12-07, fourteenth session) were
written blind, before anything was measured on them (couples shown only by actions, holding
hands or a shared bed, or by "my girlfriend", married couples with their children,
step-siblings, platonic found family, coworkers who argue and stay friends, rivals, a crush
declared and not returned, mentor and student, best friends who cuddle and never become lovers,
reader-insert and first-person couples, a couple named by surname, a breakup, poly triads).
Ids 306-335 (round 17, fifteen tune and fifteen check, 2026-12-07, fifteenth session) were
written blind, before anything was measured on them (a slow burn ending in a kiss, exes who
reconcile, an arranged marriage that becomes love, a couple told only in texts, queerplatonic
partners tagged with "&", siblings who bicker, a parent and an adult child, a teacher and an
adult former student, rivals to lovers, one-sided pining never spoken, a love triangle,
reader-insert couples, a first-person narrator's husband named once, a couple called by
nicknames, a long-distance couple on the phone, a boyfriend meeting the family).
Ids 336-365 (round 18, fifteen tune and fifteen check, 2026-12-07, sixteenth session) were
written blind, before anything was measured on them (couples named only in a wedding toast,
coworkers with a crush never acted on, divorced parents sharing a child, best friends who say
"I love you" platonically, found families, polyamorous vees tagged as two "/" pairs whose two
men are friends, enemies who never become lovers, mentors and students, a widow and a widower
remembering, pen pals, first dates that go wrong, reader-inserts, first-person narrators'
girlfriends, an old married couple, twins with one's boyfriend, work partners by surname).
Ids 366-395 (round 19, fifteen tune and fifteen check, 2026-12-08, seventeenth session) were
written blind, before anything was measured on them (exes who stay friends, proposals, arranged
marriages becoming love, rivals in a sport (enemies, and rivals who kiss), a parent and an adult
child, step-siblings, couples who only text, an unrequited crush told in first person,
throuples tagged as one three-way relationship, a bodyguard and a client (lovers, and strictly
professional), roommates mistaken for a couple, married couples arguing who stay romantic,
grief for a dead spouse, teammates who call each other "babe" as a joke).

Figures: `.venv/bin/python -m tests.analysis.test_relationship_probes` (tune in detail, check
as totals; `check` shows the check half too, which fitting rules must not use; `--curly` runs
the scenes with typographic apostrophes; `--from=60` only the probes from id 60 on, one round).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from fanarchive.analysis.model import Analysis, Character, Relationship
from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_text

PROBES = Path(__file__).resolve().parents[1] / "data" / "relationship_probes"
KINDS = {"romantic", "platonic"}
# Measured after the tune half's fixes (docs/relationships.md): floors, so a later change
# that loses pairs on either half fails here.
# With round 12 (ids 156-185), as first measured: tune 77 -> 86 right, 3 -> 6 violations;
# check 59 -> 68 right, 6 -> 9 violations (docs/relationships.md, "Probe round 12"); then
# tune 5 violations once a name after a pronoun kiss is no side of it; tune 87 and check 70
# right once a line's sentences naming nobody do not use up a pronoun's lookback; check 71
# after the fourth session's cast pass; check 72 once the narrator's "your" or "me" before a
# kiss is no longer taken for the one who kisses (round 12, second pass); check 73 once a
# kiss on a part of someone ("the corner of his mouth", "his jaw") is a kiss of them, and 74
# once a couple's "they" right after an exchange is its two speakers (round 13); tune 89 and
# check 75 once a child calling the one spoken to "Mom" or "Dad" makes them family, tune 91 and
# check 76 once "brother" and "sister" said so do too, tune 92 and check 77 once a line's "my
# husband" is the one it named just before (round 14); tune 93 and check 78 once a parent or
# child noun naming nobody is the one of its sex its sentence names (round 15); tune 94 and
# check 79 once a pack's term that is a given name (`Merlin`) holds only in its own fandom;
# check 80 with the ninth session's conversation-flow rules; tune 104 (6 violations) and check
# 88 with round 13 (ids 186-215, tenth session), as first measured. Tune 103 with 7 violations
# since the tenth session's first10 rule (a call of the narrator in the next turn makes the
# turn before theirs): in probe 137 the narrator's brother echoes her line, then the narration
# of his hug, then his "Love you, Gin", so the echo became hers and a kiss-less "love you"
# made a romance. The rule raised five check sets and no relationship figure on the check
# side moved, so it stays (a tune loss, recorded here rather than hidden). Tune 113 right with
# 8 violations and check 95 with 13 with round 14 (ids 216-245, twelfth session), as first
# measured at b899df7 (round 14 alone: tune 10 / 32 right, 1 violation; check 7 / 31, 3); 7
# tune violations once a kiss bound to nobody whose pronouns fit two of its scene keeps them
# from a bare platonic suggestion (#181's James & Lily; twelfth session). Tune 117 right with
# 10 violations and check 99 with 15 with round 15 (ids 246-275, thirteenth session), as
# first measured at 7181f2a (round 15 alone: tune 4 / 35 right, 3 violations; check 4 / 38, 3).
# Tune 119 and check 101 with the thirteenth session's spouse nouns (a "his wife" never named
# is the one woman shown with him; a line's "your husband" is the listener's; "his wife's"
# read at all; docs/relationships.md, "Relationships (thirteenth session)"). Tune 120 and
# check 102 once two who trade blows in two sentences are enemies (docs/relationships.md,
# "Relationships, round 15 (thirteenth session)"); tune 121 and check 103 once a sibling
# noun naming nobody around it is the one its owner talks with in the lines after it. Check
# 104 once a line's other side is never a speaker more than two paragraphs away (fourteenth
# session); check 106 once "I love you" said in lines between two the text calls friends is a
# friend's, 107 once between two it guesses kin too, 109 once any romance said in their lines
# is (not only "I love you"). Tune 131 right with 13 violations and check 110 with 15 with
# round 16 (ids 276-305, fourteenth session), as first measured at ab5b67a (round 16 alone:
# tune 10 / 32 right, 3 violations; check 7 / 35, 0); with the rules above on them, tune 133
# right with 11 violations and check 116 (measured at f6304cc). Tune 153 right with 11
# violations and check 128 with 13 with round 17 (ids 306-335, fifteenth session), as first
# measured at 7d4447a (round 17 alone: tune 19 / 31 right, 0 violations; check 12 / 30, 2).
# (Before round 17: tune 135 and check 118 once a hug or a cheek kiss no longer counts as a
# couple of one's own against an unnamed "his wife", fifteenth session.) With that rule on
# round 17: tune 154, check 131 (measured at a68a161's merge of rel15); tune 155 with the
# session's other merges (measured at 718058a); tune 157 and check 132 once a kiss after
# several clauses of its doer's ("Ann put it on, and put her arms round his neck, and
# kissed him") is theirs (rel15b). Tune 167 right with 12 violations and check 149 with 15
# with round 18 (ids 336-365, sixteenth session), as first measured at c0204137 (round 18 alone:
# tune 10 / 36 right, 1 violation; check 17 / 40, 2). Tune 167 right with 11 violations once
# a name right after a kiss is not the doer of the next kiss in its chain ("she kissed Elliot,
# and then went and kissed Jamie", rel16); tune 170 with 10 and check 150 once a sibling noun
# naming nobody just after lines between its owner and one other person is that person; tune
# 173 and check 151 once its "her" after a line naming nobody is the one of those lines who
# fits ('"And you took all the room in it." She threw a tea towel at her brother'). Tune 174
# and check 152 on main with them all (fic16's once-named people add a check pair; rel16b's
# reader-insert love interest, merged at LEAD 3, passes #257). Tune 180 right with 12
# violations and check 158 with 16 with round 19 (ids 366-395, seventeenth session), as first
# measured at e0140382; tune 182 and check 162 once a tag of three ("A/B/C") pairs each two of
# its people (#389's triad), tune 183 and check 163 once chat lines timed after the name
# ("Sol, 07:02: rude") are messages (#387; rel17, docs/relationships.md, "Relationships,
# round 19 (seventeenth session)").
TUNE_RIGHT_AT_LEAST = 183
TUNE_VIOLATIONS_AT_MOST = 12
CHECK_RIGHT_AT_LEAST = 163
# 5 since chat lines are read as speech (2026-12-06): one check scene of texts reports a pair
# it forbids, its right pairs unchanged (docs/relationships.md, "Chat and script lines"); 6
# with round 9 (ids 132-155), as first measured; 5 again once a first-person narrator's `my
# mom` is a character (the afternoon of 2026-12-06); 6 again once a given name said once
# that leads a line's beat is a character (2026-12-06, third session): that rule
# gains 13 check-side quotations (fic_holdout2 +9, fic_holdout7 +4) and costs this one pair;
# 9 with round 12's check half, as first measured; 10 with round 13's (tenth session); 13
# with round 14's (twelfth session), as first measured; 12 with the twelfth session's unbound
# kiss (a bare platonic pair not suggested); 15 with round 15's (thirteenth session), as first
# measured; 14 once a line's cue after someone described in its clause ("Your brother kissed
# you") is not the speaker's (fourteenth session); 13 once "I love you" said in lines between
# two the text calls friends is a friend's; 12 once between two it guesses kin too; 11 once
# any romance said in their lines is (11 with round 16 too, measured at f6304cc); 13 with
# round 17's (fifteenth session), as first measured at 7d4447a; 15 with round 18's (sixteenth
# session), as first measured at c0204137; 14 once the one kissed is not the doer of the
# next kiss in a chain (rel16); 16 with round 19's (seventeenth session), as first measured at
# e0140382.
CHECK_VIOLATIONS_AT_MOST = 16


@dataclass
class Outcome:
    probe: int
    right: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # expected pairs missed or misread
    violations: list[str] = field(default_factory=list)  # pairs that must not appear
    expected: int = 0
    forbidden: int = 0

    @property
    def passed(self) -> bool:
        return not self.wrong and not self.violations


def load_probes() -> list[dict]:
    return [json.loads(path.read_text()) for path in sorted(PROBES.glob("*.json"))]


def side_of(probe: dict) -> str:
    return "tune" if probe["id"] % 2 else "check"


@cache
def analysis_of(probe_id: int, curly: bool = False) -> Analysis:
    """The full analysis of a probe; `curly`: with typographic apostrophes (’), as many
    works are typed."""
    probe = next(p for p in load_probes() if p["id"] == probe_id)
    text = "\n\n".join(probe["paragraphs"]) + "\n"
    document = read_text(text.replace("'", "’") if curly else text)
    # the probe's tags are the archive's; a preface in the text (an AO3 download's header)
    # keeps what it says too
    metadata = document.metadata
    metadata.relationships = _union(probe["tags"]["relationships"], metadata.relationships)
    metadata.characters = _union(probe["tags"]["characters"], metadata.characters)
    return analyze_document(document)


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def characters_named(name: str, characters: list[Character]) -> set[str]:
    """The cast's characters a probe's short name stands for: the name or an alias, or a
    character name holding all of its words ("Magnus" for Magnus Bane)."""
    wanted = name.casefold()
    exact = {c.name for c in characters if wanted in {s.casefold() for s in (c.name, *c.aliases)}}
    if exact:
        return exact
    return {c.name for c in characters if _words(name) <= _words(c.name)}


# The cast's name for a first-person narrator the text does not name (characters/narrator.py).
UNNAMED_NARRATOR = "Narrator"


def find_pair(pair: list[str], analysis: Analysis, narrator: str = "") -> Relationship | None | str:
    """The relationship of the pair, None when it is not reported, or a message naming the
    side the cast did not find (a cast failure, not the relationships'). The probe's
    `narrator` also matches the cast's unnamed narrator: who the pair is is the relationships'
    part, naming the narrator the cast's."""
    sides = [characters_named(name, analysis.characters) for name in pair]
    for side, name in zip(sides, pair, strict=True):
        if not side and narrator and name == narrator:
            side.update(characters_named(UNNAMED_NARRATOR, analysis.characters))
    for name, side in zip(pair, sides, strict=True):
        if not side:
            return f"no character {name!r} in the cast"
    for relationship in analysis.relationships:
        a, b = relationship.characters
        if (a in sides[0] and b in sides[1]) or (a in sides[1] and b in sides[0]):
            return relationship
    return None


def score(probe: dict, curly: bool = False) -> Outcome:
    analysis = analysis_of(probe["id"], curly)
    outcome = Outcome(
        probe["id"], expected=len(probe["expected"]), forbidden=len(probe["forbidden"])
    )
    for want in probe["expected"]:
        label = " & ".join(want["pair"]) + f" {want['kind']} {want.get('subtype', '')}".rstrip()
        found = find_pair(want["pair"], analysis, probe.get("narrator", ""))
        if isinstance(found, str) or found is None:
            outcome.wrong.append(f"{label}: {found or 'not reported'}")
        elif found.kind != want["kind"] or want.get("subtype", found.subtype) != found.subtype:
            outcome.wrong.append(f"{label}: got {found.tag} {found.kind} {found.subtype}".rstrip())
        else:
            outcome.right.append(label)
    for banned in probe["forbidden"]:
        found = find_pair(banned["pair"], analysis, probe.get("narrator", ""))
        if isinstance(found, Relationship) and banned["kind"] in (found.kind, "any"):
            outcome.violations.append(f"{found.tag} ({found.kind} {found.subtype})".rstrip())
    return outcome


def totals(outcomes: list[Outcome]) -> dict[str, int]:
    return {
        "probes": len(outcomes),
        "passed": sum(o.passed for o in outcomes),
        "expected pairs": sum(o.expected for o in outcomes),
        "right": sum(len(o.right) for o in outcomes),
        "forbidden pairs": sum(o.forbidden for o in outcomes),
        "violations": sum(len(o.violations) for o in outcomes),
    }


# --- tests ---------------------------------------------------------------------------------

PROBE_LIST = load_probes()
TUNE_IDS = [p["id"] for p in PROBE_LIST if side_of(p) == "tune"]
# Tune probes still failing, and why: the cast's (src/fanarchive/analysis/characters/, which
# the relationships cannot fix) or the relationships' own.
KNOWN_FAILURES: dict[int, str] = {
    3: "relationships: 'I couldn't leave my best friend': the negated verb cancels the noun, "
    "and the friend was named earlier in the turn (both tried, not kept: docs)",
    # 5 passes since a sibling noun's "her" after a line naming nobody is the one of the
    # lines just before who fits (rel16)
    21: "cast: Arya Stark not found; relationships: 'They had been married nineteen years' "
    "with the two last named eight sentences back",
    25: "relationships: 'his sister' unnamed, and 'her brother said' stays a third person",
    35: "cast: 'Elizabeth Darcy' (a wife under her husband's name) joined to Darcy, so there "
    "is no Elizabeth",
    43: "cast: Powder not found; relationships: 'Caitlyn kissed her forehead, then, when Vi "
    "tipped her face up, her mouth' (tried: tune +1, check 0, not kept)",
    45: "relationships: partners who never say love or kiss (his shirt, his lap, three years) "
    "read as friends; Lorelai is in the cast since the irregular past tenses (9f4b899)",
    51: "cast: Clint not found",
    53: "relationships: 'I'm your brother' ties with two 'buddy' and friends wins the tie "
    "(family first on a tie tried: tune +1, check 0, not kept); the great-uncle",
    55: "cast: the narrator (Percy, named only in the tags) not found",
    # Round 4, as first measured (docs/relationships.md).
    61: "cast: Jenny not found, Jamie read as a woman, the narrator Claire left 'Narrator'; "
    "speakers: '\"It was in the burn,\" he said' given to Ian, so the scene of 'We had been "
    "married' holds two others and binds nobody",
    63: "relationships: 'my sister texts me' unnamed, Tori named two sentences later",
    67: "cast: Mako read as a woman; relationships: 'She ... pulled him down into a kiss' "
    "naming nobody in a scene of three; 'your little brother' said of the speaker",
    73: "relationships: 'his wife ... took his hand' unnamed, and the scene holds a daughter too",
    75: "cast: MJ not joined to the tag Michelle Jones",
    # Round 5, written blind and measured once at c332232; not analysed yet, so that the
    # round stays a measure of unseen scenes.
    **{probe_id: "round 5 (blind), as first measured" for probe_id in (79, 81, 83, 85, 87, 89)},
    # Round 6 (c57de17) and round 7, written before any run on them; as first measured.
    **{probe_id: "round 6, as first measured" for probe_id in (93, 95, 97, 99, 101, 103, 105)},
    **{probe_id: "round 7, as first measured" for probe_id in (115,)},
    # Round 8 (chat lines), after the rules they led to (docs/relationships.md).
    117: "relationships: friends who only chat have no subtype ('best friend' is in a "
    "sentence naming Ned alone)",
    119: "relationships: 'it was her brother' names nobody, so Mateo and Rosa have no subtype",
    121: "relationships: 'Burr had hated him' binds a pronoun the act rules do not read",
    127: "relationships: 'texted Hana' and a night of ice cream give friends no subtype",
    65: "relationships: 'sent out for milk at half ten by his pregnant wife' is taken for "
    "Molly, named in the next line (Mary, the wife, two lines later); a partner noun taken "
    "only for someone first named beside it was tried: tune -1 forbidden, check -1 right, "
    "not kept (docs)",
    # Round 9 (ids 132-155), as first measured at 886768f.
    **{
        probe_id: "round 9, as first measured"
        for probe_id in (135, 137, 139, 141, 143, 145, 149, 153, 155)
    },
    # Round 12 (ids 156-185), as first measured at d0700ee.
    **{
        probe_id: "round 12, as first measured"
        for probe_id in (157, 161, 163, 165, 169, 171, 173, 177, 179, 181, 183, 185)
    },
    # Round 13 (ids 186-215, tenth session), as first measured at cf3d28b.
    **{
        probe_id: "round 13, as first measured"
        for probe_id in (187, 189, 191, 193, 195, 197, 199, 201, 203, 205, 207, 209, 213, 215)
    },
    # Round 14 (ids 216-245, twelfth session), as first measured at b899df7.
    **{
        probe_id: "round 14, as first measured"
        for probe_id in (217, 219, 221, 223, 225, 227, 231, 233, 235, 239, 241, 243, 245)
    },
    # Round 15 (ids 246-275, thirteenth session), as first measured at 7181f2a.
    **{
        probe_id: "round 15, as first measured"
        for probe_id in (247, 249, 251, 253, 255, 259, 261, 263, 265, 269, 271, 273, 275)
    },
    # Round 16 (ids 276-305, fourteenth session), as first measured at ab5b67a.
    **{
        probe_id: "round 16, as first measured"
        # 281 passes since a sibling noun after an exchange is the one talked with (rel16)
        for probe_id in (277, 279, 283, 287, 289, 291, 293, 295, 299, 301, 303, 305)
    },
    # Round 17 (ids 306-335, fifteenth session), as first measured at 7d4447a.
    **{probe_id: "round 17, as first measured" for probe_id in (307, 317, 319, 321, 329, 331, 335)},
    # Round 18 (ids 336-365, sixteenth session), as first measured at c0204137.
    **{
        probe_id: "round 18, as first measured"
        for probe_id in (337, 341, 343, 345, 347, 349, 351, 353, 355, 357, 359, 361, 363, 365)
    },
    # Round 19 (ids 366-395, seventeenth session), as first measured at e0140382.
    **{
        probe_id: "round 19, as first measured"
        for probe_id in (367, 369, 371, 373, 377, 379, 381, 383, 385, 387, 389, 391, 393, 395)
    },
}


def test_probe_files_are_well_formed():
    ids = [p["id"] for p in PROBE_LIST]
    assert len(ids) == len(set(ids)) >= 30
    for probe in PROBE_LIST:
        words = len(" ".join(probe["paragraphs"]).split())
        assert 150 <= words <= 600, (probe["id"], words)
        assert probe["expected"], probe["id"]
        for entry in probe["expected"]:
            assert entry["kind"] in KINDS and len(set(entry["pair"])) == 2, probe["id"]
        for entry in probe["forbidden"]:
            assert entry["kind"] in KINDS | {"any"} and len(set(entry["pair"])) == 2
    sides = [side_of(p) for p in PROBE_LIST]
    assert sides.count("tune") >= sides.count("check") == 186  # tune-only additions (docs)


@pytest.mark.parametrize("probe_id", TUNE_IDS)
def test_tune_probe(probe_id):
    outcome = score(next(p for p in PROBE_LIST if p["id"] == probe_id))
    if probe_id in KNOWN_FAILURES and not outcome.passed:
        # Not strict: a better cast elsewhere may fix one; the totals below still guard them.
        pytest.xfail(KNOWN_FAILURES[probe_id])
    assert outcome.passed, (outcome.wrong, outcome.violations)


def test_tune_half_keeps_its_measured_figures():
    """The known failures may not get worse unseen: the tune half's totals hold."""
    figures = totals([score(p) for p in PROBE_LIST if side_of(p) == "tune"])
    assert figures["right"] >= TUNE_RIGHT_AT_LEAST, figures
    assert figures["violations"] <= TUNE_VIOLATIONS_AT_MOST, figures


def test_check_half_keeps_its_measured_figures():
    figures = totals([score(p) for p in PROBE_LIST if side_of(p) == "check"])
    assert figures["right"] >= CHECK_RIGHT_AT_LEAST, figures
    assert figures["violations"] <= CHECK_VIOLATIONS_AT_MOST, figures


# --- figures -------------------------------------------------------------------------------


def main(argv: list[str]) -> None:
    shown = {"tune"} | ({"check"} if "check" in argv else set())
    curly = "--curly" in argv
    # "--from=60": only the probes from that id on (one round's figures).
    first = max([int(a.split("=", 1)[1]) for a in argv if a.startswith("--from=")] or [0])
    for side in ("tune", "check"):
        outcomes = [score(p, curly) for p in PROBE_LIST if side_of(p) == side and p["id"] >= first]
        print(side, totals(outcomes))
        if side not in shown:
            continue
        for outcome in outcomes:
            if not outcome.passed:
                print(f"  #{outcome.probe}: wrong {outcome.wrong} forbidden {outcome.violations}")


if __name__ == "__main__":
    main(sys.argv[1:])
