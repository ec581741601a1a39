"""The warnings probe set (tests/data/warnings_probes/probes.json): short original passages of
figurative turns (looks, gestures, laughter, feelings, sport, games, cooking, business,
exaggeration) that must give no violent note, and depictions written without the usual words
(a fight without "hit", a shooting told by its sound, a death told by a monitor, a war without
"war", an overdose, first and second person) that must. Odd ids are the TUNE half, on which
rules were fixed: every one passes. Even ids are the CHECK half, only measured: the floor below
is what docs/warnings.md reports, so a change that loses a check probe fails here."""

import json
from pathlib import Path

import pytest

from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.warnings import ORDER
from fanarchive.evaluation.warnings import (
    ARCHIVE_WARNINGS,
    load_probes,
    print_probe_report,
    probe_problems,
    probe_side,
)

PROBES_PATH = Path(__file__).resolve().parents[1] / "data" / "warnings_probes" / "probes.json"
PROBES = load_probes(PROBES_PATH)
TUNE = [p for p in PROBES if probe_side(p) == "tune"]
CHECK = [p for p in PROBES if probe_side(p) == "check"]
# 95 of 163 (docs/warnings.md, "Probe round 11 (seventh session)"); 108 of 183 with round 11's
# probes (ids 327-366, tenth session), as first measured; then the tenth session's rules
# (docs/warnings.md, "Warnings (tenth session)"): 114; 128 of 203 with round 12's probes (ids
# 367-406, twelfth session), as first measured (round 12 alone: 14 of 20); 139 of 223 with
# round 13's (ids 407-446, thirteenth session), as first measured at 7181f2a (alone: 11 of 20);
# 140 with the thirteenth session's trigger pulled (docs/warnings.md); 151 of 243 with round
# 14's (ids 447-486, fourteenth session), as first measured at ab5b67a (alone: 11 of 20);
# 152 with the fourteenth session's weak fight words inside a war (docs/warnings.md); 163 of
# 263 with round 15's (ids 487-526, fifteenth session), as first measured at 7d4447a (alone:
# 11 of 20); 164 once a note left beside a means of dying counts towards Suicide
# (docs/warnings.md, "Warnings, round 15 (fifteenth session)"); 177 of 283 with round 16's
# (ids 527-566, sixteenth session), as first measured at c0204137 (alone: 13 of 20); 178 once
# a taking told beside a party or a surprise weighs half (docs/warnings.md, "Warnings, round
# 16 (sixteenth session)"; tune 215 and 435 pass with it); 179 once a kill verb done to "me"
# or "us" is figurative (the fourteenth session's `killed_me`, re-measured there; tune 447);
# 190 of 303 with round 17's (ids 567-606, seventeenth session), as first measured at e0140382;
# 191 once an everyday event called a massacre is figurative (docs/warnings.md, "Warnings,
# round 17 (seventeenth session)"; tune 571 passes with it); 192 once a note beside a means
# of dying in its sentence counts in full (there; tune 339; and tune 411 with Death's cues
# needing a living victim).
CHECK_FLOOR = 192


def found_notes(probe: dict) -> set[str]:
    return {warning.name for warning in analyze_text(probe["text"]).warnings}


def test_probe_ids_are_unique_and_every_name_is_a_warning_the_analysis_gives():
    assert len({p["id"] for p in PROBES}) == len(PROBES)
    for probe in PROBES:
        assert set(probe["present"]) | set(probe["absent"]) <= set(ORDER), probe["id"]
        assert not set(probe["present"]) & set(probe["absent"]), probe["id"]


def test_the_halves_are_split_by_id():
    assert len(TUNE) == len(CHECK) == 303
    assert all(p["id"] % 2 == 1 for p in TUNE)


# Tune probes the rules do not pass, and why (docs/warnings.md).
KNOWN_TUNE_FAILURES = {
    91: "a war told by its kit (convoy, IED, gunner): the word list that caught it lowered "
    "warnings-dev's War check F1 from 0.31 to 0.26, so it was dropped",
    129: "a captive told by years in a shed and learning not to scream: a cue strong enough "
    "for it alone would make anyone who lived in an attic for two weeks a captive",
    245: "a death told by a surgeon shaking his head: a doctor shakes his head over a sprain or "
    "a second helping as often, and a false Death note in every hospital scene costs more",
}
# Round 8's rules passed these tune probes and none of their check twins (check 70/128 with
# and without them), so they were dropped as learned from the tune half (docs/warnings.md).
ROUND_8_DROPPED = "round 8's cue for this passed the tune probe and no check probe: dropped"
KNOWN_TUNE_FAILURES |= dict.fromkeys([227, 235, 237, 241, 243], ROUND_8_DROPPED)
# Round 9's probes (257-286), written before its rules: the tune ones they fail.
ROUND_9_OPEN = "round 9 probe: its rule passed no check probe and was dropped, or none was found"
KNOWN_TUNE_FAILURES |= dict.fromkeys([259, 261, 267, 269, 271, 277, 285], ROUND_9_OPEN)
# Round 10's probes (287-326), written before its rules: the tune ones they fail.
ROUND_10_OPEN = (
    "round 10 probe: no rule found that is not a phrase from the probe, or its rule lost a "
    "warnings-dev check passage and was dropped"
)
KNOWN_TUNE_FAILURES |= dict.fromkeys([289, 297, 305, 311, 313, 315, 319, 321, 323], ROUND_10_OPEN)
# Round 11's probes (327-366, tenth session), written before its rules: the tune ones they fail
# as first measured.
ROUND_11_OPEN = "round 11 probe, failed as first measured (tenth session)"
KNOWN_TUNE_FAILURES |= dict.fromkeys([327, 333, 335, 337, 341, 343, 359, 361], ROUND_11_OPEN)
# Round 12's probes (367-406, twelfth session), written blind: the tune ones they fail as first
# measured (15 of 20 pass).
ROUND_12_OPEN = "round 12 probe, failed as first measured (twelfth session)"
KNOWN_TUNE_FAILURES |= dict.fromkeys([383, 385, 387, 389, 403], ROUND_12_OPEN)
# Round 13's probes (407-446, thirteenth session), written blind: the tune ones they fail as
# first measured at 7181f2a (13 of 20 pass).
ROUND_13_OPEN = "round 13 probe, failed as first measured (thirteenth session)"
KNOWN_TUNE_FAILURES |= dict.fromkeys([417, 425, 431, 441, 443], ROUND_13_OPEN)
# Round 14's probes (447-486, fourteenth session), written blind: the tune ones they fail as
# first measured at ab5b67a (14 of 20 pass).
ROUND_14_OPEN = "round 14 probe, failed as first measured (fourteenth session)"
KNOWN_TUNE_FAILURES |= dict.fromkeys([455, 459, 461, 465, 469], ROUND_14_OPEN)
ROUND_15_OPEN = "round 15 probe, failed as first measured (fifteenth session)"
KNOWN_TUNE_FAILURES |= dict.fromkeys([495, 497, 501, 503, 513, 515, 523], ROUND_15_OPEN)
ROUND_16_OPEN = "round 16 probe, failed as first measured (sixteenth session)"
KNOWN_TUNE_FAILURES |= dict.fromkeys([541, 545, 547, 551, 553, 557, 559], ROUND_16_OPEN)
ROUND_17_OPEN = "round 17 probe, failed as first measured (seventeenth session)"
KNOWN_TUNE_FAILURES |= dict.fromkeys([569, 575, 579, 583, 591, 593, 605], ROUND_17_OPEN)


@pytest.mark.parametrize(
    "probe",
    [
        pytest.param(p, marks=pytest.mark.xfail(reason=KNOWN_TUNE_FAILURES[p["id"]], strict=True))
        if p["id"] in KNOWN_TUNE_FAILURES
        else p
        for p in TUNE
    ],
    ids=lambda p: f"{p['id']}-{p['family']}",
)
def test_every_tune_probe_passes(probe):
    assert probe_problems(probe, found_notes(probe)) == []


def test_the_check_half_keeps_its_reported_floor():
    passed = sum(1 for probe in CHECK if not probe_problems(probe, found_notes(probe)))
    assert passed >= CHECK_FLOOR


def test_a_probe_that_asks_for_nothing_forbids_every_archive_warning():
    figurative = {"id": 1, "text": "", "present": [], "absent": ["Violence"]}
    assert probe_problems(figurative, {"Major Character Death"}) == [
        "unwanted Major Character Death"
    ]
    depiction = {"id": 3, "text": "", "present": ["Violence"], "absent": []}
    assert probe_problems(depiction, {"Violence", ARCHIVE_WARNINGS[0]}) == []
    assert probe_problems(depiction, set()) == ["missing Violence"]


def test_a_probe_file_without_texts_is_refused(tmp_path):
    broken = tmp_path / "probes.json"
    broken.write_text(json.dumps({"probes": [{"id": 1, "present": []}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="probe 1"):
        load_probes(broken)


def test_the_probe_report_lists_failures_of_the_tune_half_only(capsys):
    failing = {"id": 0, "family": "looks", "text": "", "present": [], "absent": []}
    report = {
        "tune": [({**failing, "id": 7}, ["unwanted Violence"])],
        "check": [({**failing, "id": 8}, ["unwanted Violence"])],
    }
    print_probe_report(report)
    printed = capsys.readouterr().out
    assert "tune: 0 / 1 probes pass" in printed and "check: 0 / 1 probes pass" in printed
    assert "7 looks: unwanted Violence" in printed
    assert "8 looks" not in printed
