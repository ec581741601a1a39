"""Round 22 of the hand-written stories (tests/data/warnings_stories/round22), written before
its session's rules and before reading the rule code: a multi-scene work whose minor's age is
stated once in its first scene and whose kiss comes three scene breaks later, ages only in a
header ("Ages: Sam 16, Alex 17"), in dialogue or in text messages ("im 15 too"), a school pair
with no number ("Sophomore year", "Year 11"); and as traps canon adults with a sister of nine
asleep in the scene, adults of fifty-two and twenty-six, adults who almost kissed "When they
were fifteen", married adults playing teacher and pupil, and a de-aged adult ("he's about
seven") whose romance comes after he is thirty-one again. The stories are scored as rounds
20 and 21 are (tests/analysis/test_warnings_ages_round20.py, whose rounds this module extends
without editing it, as that module extends round 2's): odd ids TUNE must pass, even ids
CHECK are only counted against their floor.

    .venv/bin/python -m tests.analysis.test_warnings_ages_round22   # figures: round 22, all
"""

import json

import pytest

from fanarchive.analysis.pipeline import analyze_path
from tests.analysis import test_warnings_ages_round20 as earlier
from tests.analysis import test_warnings_stories_round2 as scored

NEW_ROUNDS = ("round22",)
NEW = {
    f"{round_}/{name}": entry
    for round_ in NEW_ROUNDS
    for name, entry in json.loads(
        (scored.STORIES / round_ / "expected.json").read_text(encoding="utf-8")
    ).items()
    if not name.startswith("_")
}
# The check side at its first measurement (docs/warnings.md, "Round 22").
CHECK_FLOORS = {"round22": 4}
# At the first measurement (3bba212), before any rule of round 22's session.
KNOWN_TUNE_FAILURES: dict[str, str] = {
    "round22/233_sixteen_the_summer_of_the_inn.txt": "'Marisol Vega was sixteen the summer"
    " ...' in the first scene, the kiss three scene breaks later: missed",
    "round22/235_ages_sam_sixteen_alex_seventeen.txt": "ages only in a header line"
    " ('Ages: Sam 16, Alex 17'): missed",
    "round22/239_sophomore_year_ruthie_adler.txt": "'Sophomore year was the year Ruthie"
    " Adler decided ...', no number: missed",
    "round22/243_group_chat_im_15.txt": "ages only in text messages ('im 15 too'): missed",
}


def of(round_: str, wanted: str) -> list[str]:
    return sorted(n for n in NEW if n.startswith(f"{round_}/") and scored.side(n) == wanted)


@pytest.fixture(scope="module")
def results():
    return {name: analyze_path(scored.STORIES / name).warnings for name in NEW}


def test_every_story_file_has_expectations_and_the_sides_are_balanced():
    for round_ in NEW_ROUNDS:
        files = sorted(f"{round_}/{p.name}" for p in (scored.STORIES / round_).glob("*.txt"))
        assert files == sorted(n for n in NEW if n.startswith(f"{round_}/"))
        assert len(of(round_, "tune")) == len(of(round_, "check"))


@pytest.mark.parametrize("name", [n for r in NEW_ROUNDS for n in of(r, "tune")])
def test_tune_story(results, name):
    if name in KNOWN_TUNE_FAILURES:
        pytest.xfail(KNOWN_TUNE_FAILURES[name])
    assert scored.problems(NEW[name], results[name]) == []


@pytest.mark.parametrize("round_", NEW_ROUNDS)
def test_check_side_holds_its_floor_without_naming_its_stories(results, round_, monkeypatch):
    # figures() reads the expectations from the scored module
    monkeypatch.setattr(scored, "EXPECTED", {**scored.EXPECTED, **NEW})
    counts = scored.figures(of(round_, "check"), results)
    assert counts["false_archive"] == 0
    assert counts["passed"] >= CHECK_FLOORS[round_]


def main() -> None:
    scored.EXPECTED.update(earlier.NEW)
    scored.EXPECTED.update(NEW)
    names = sorted(scored.EXPECTED)
    results = {name: analyze_path(scored.STORIES / name).warnings for name in names}
    rounds = (*scored.ROUNDS, *earlier.NEW_ROUNDS, *NEW_ROUNDS)
    for round_ in NEW_ROUNDS:
        for wanted in ("tune", "check"):
            picked = [n for n in names if n.startswith(f"{round_}/") and scored.side(n) == wanted]
            print(round_, wanted, len(picked), scored.figures(picked, results))
    for wanted in ("tune", "check"):
        picked = [n for n in names if n.split("/")[0] in rounds and scored.side(n) == wanted]
        print("all rounds", wanted, len(picked), scored.figures(picked, results))
    for name in names:  # tune failures only: the check side is never listed
        if scored.side(name) == "tune":
            wrong = scored.problems(scored.EXPECTED[name], results[name])
            if wrong:
                print(" ", name, wrong)


if __name__ == "__main__":
    main()
