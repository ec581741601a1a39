"""The hand-written development stories (tests/data/warnings_stories): adults who remember
being children, flashbacks, age-gap adults, teenagers with stated ages in the present, a
child in another scene, figurative violence, accidents, an attacker's knife, real injuries,
a suicide by poison and combat in a war. No false archive warning; every in-scene stated
minor of a romantic scene flagged."""

import json
from pathlib import Path

import pytest

from fanarchive.analysis.pipeline import analyze_path

FOLDER = Path(__file__).resolve().parents[1] / "data" / "warnings_stories"
EXPECTED = {
    name: entry
    for name, entry in json.loads((FOLDER / "expected.json").read_text(encoding="utf-8")).items()
    if not name.startswith("_")
}
MINORS = "Minors in a Romantic or Sexual Scene"


@pytest.fixture(scope="module")
def analyses():
    return {name: analyze_path(FOLDER / name) for name in EXPECTED}


@pytest.fixture(scope="module")
def results(analyses):
    return {name: {w.name: w for w in result.warnings} for name, result in analyses.items()}


def test_every_story_file_has_expectations():
    assert sorted(p.name for p in FOLDER.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_archive_warnings_are_exactly_the_expected_ones(results, name):
    archive = {n for n, w in results[name].items() if w.archive_warning}
    assert archive == set(EXPECTED[name]["archive"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_required_notes_given_and_forbidden_notes_not(results, name):
    found = results[name]
    assert set(EXPECTED[name]["required"]) <= set(found)
    assert not set(EXPECTED[name]["forbidden"]) & set(found), {
        n: found[n].evidence[0].text for n in EXPECTED[name]["forbidden"] if n in found
    }


def test_in_scene_minors_are_likely_with_the_age_and_the_romance_as_evidence(results):
    for name in ("04_teens_fifteen_pronouns.txt", "05_teens_named_present.txt"):
        minors = results[name][MINORS]
        assert minors.likelihood == "likely"
        assert any(word in minors.evidence[0].text for word in ("fifteen", "sixteen"))
        assert any("kiss" in e.text for e in minors.evidence)


def test_every_warning_has_a_confidence_between_zero_and_one(results):
    for found in results.values():
        for warning in found.values():
            assert 0.0 <= warning.confidence <= 1.0


def test_ages_from_childhood_memories_do_not_make_kid_fic(analyses):
    # "when he was ten", "when we were twelve": backstory of adults, not a child's story.
    tags = {t.tag for t in analyses["01_adults_remember_childhood.txt"].tags}
    assert "Kid Fic" not in tags
