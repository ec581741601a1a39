"""Rounds 20 and 21 of the hand-written stories (tests/data/warnings_stories/round20, round21).
Round 20: ages given by a birthday, "a sophomore", "Sixteen-year-old Sam", "I'm fifteen, Dad"
in dialogue, teachers of a high-school AU stated to be thirty-one, a flashback at fourteen
before adults' night, age-gap adults of nineteen and forty-five, a pair of whom only one is a
minor, a pronoun pair, and a niece of fourteen in the scene before the adults' night. Round
21, written after round 20's rules: "turned sixteen in March", "You're a junior at Westview
High", "The two of them were fifteen", an author's note of ages, and adults beside pupils,
skaters they coach, a brother of fifteen upstairs and a friendship since Year 10. The stories
are scored as rounds 2-19 are (tests/analysis/test_warnings_stories_round2.py, whose ROUNDS
this module extends without editing it): odd ids TUNE must pass, even ids CHECK are only
counted against their floor.

    .venv/bin/python -m tests.analysis.test_warnings_ages_round20   # figures: rounds 20, 21, all
"""

import json

import pytest

from fanarchive.analysis.pipeline import analyze_path
from tests.analysis import test_warnings_stories_round2 as scored
from tests.analysis.minors import likelihood

NEW_ROUNDS = ("round20", "round21")
NEW = {
    f"{round_}/{name}": entry
    for round_ in NEW_ROUNDS
    for name, entry in json.loads(
        (scored.STORIES / round_ / "expected.json").read_text(encoding="utf-8")
    ).items()
    if not name.startswith("_")
}
# The check sides at their first measurement (docs/warnings.md, "Round 20", "Round 21").
CHECK_FLOORS = {"round20": 2, "round21": 2}
KNOWN_TUNE_FAILURES: dict[str, str] = {}


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
    scored.EXPECTED.update(NEW)
    names = sorted(scored.EXPECTED)
    results = {name: analyze_path(scored.STORIES / name).warnings for name in names}
    rounds = (*scored.ROUNDS, *NEW_ROUNDS)
    for round_ in NEW_ROUNDS:
        for wanted in ("tune", "check"):
            picked = [n for n in names if n.startswith(f"{round_}/") and scored.side(n) == wanted]
            print(round_, wanted, len(picked), scored.figures(picked, results))
    for wanted in ("tune", "check"):
        picked = [n for n in names if n.split("/")[0] in rounds and scored.side(n) == wanted]
        print("all rounds", wanted, len(picked), scored.figures(picked, results))
    for name in names:  # tune failures only: the check side is never listed
        if scored.side(name) == "tune" and name.startswith(NEW_ROUNDS):
            wrong = scored.problems(scored.EXPECTED[name], results[name])
            if wrong:
                print(" ", name, wrong)


if __name__ == "__main__":
    main()


# The rules round 20's tune side asked for (story 219: teachers of a high-school AU).
KISS = "That night Steve kissed Bucky, slowly, and Bucky kissed Steve back."


@pytest.mark.parametrize(
    "said",
    ['"My tenth graders hate me," Steve said.', '"Your ninth graders love you," said Bucky.'],
)
def test_pupils_someone_has_are_no_age(said):
    assert likelihood(f"{said} {KISS}") is None


def test_tenth_graders_said_of_the_pair_still_count():
    assert likelihood(f"Steve and Bucky were tenth graders at Lincoln. {KISS}") == "likely"


@pytest.mark.parametrize(
    "said",
    [
        '"From fifteen-year-olds, that\'s a sonnet," said Bucky.',
        "He was good with sixteen-year-olds.",
    ],
)
def test_a_plural_age_after_a_preposition_is_people_at_large(said):
    assert likelihood(f"{said} {KISS}") is None


def test_a_couple_of_fifteen_year_olds_still_counts():
    text = f"They were a couple of fifteen-year-olds with nowhere to go. {KISS}"
    assert likelihood(text) is not None


# The rules round 21's tune side asked for (story 225: a reader-insert junior).
YOU = (
    "{age}, and you have exactly one problem, and his name is Kai Tanaka. Kai sits behind you"
    " in history. On Friday he finds you on the bleachers. He kisses you."
)


@pytest.mark.parametrize(
    "age", ["You're a junior at Westview High", "You are a junior at Westview High"]
)
def test_a_single_junior_at_a_high_school_is_a_school_age_and_the_readers(age):
    assert likelihood(YOU.format(age=age)) == "likely"


def test_the_narrators_age_with_an_article_is_the_narrators():
    text = (
        "I'm a sophomore at Eastfield High, and Kai Tanaka sits behind me in history. He taps"
        " his pencil on my chair. He steals my fries at lunch. On Friday he finds me on the"
        " bleachers. He kisses me."
    )
    assert likelihood(text) == "likely"


@pytest.mark.parametrize(
    "age", ["You're a junior at Carver University", "You teach juniors at Westview High"]
)
def test_a_college_junior_or_a_teacher_of_juniors_is_no_age(age):
    assert likelihood(YOU.format(age=age)) is None
