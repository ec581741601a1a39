"""The fan-fiction holdout set (tests/data/fic_holdout): every scene is on the check side, so
`evaluate annotations` prints that side alone and `tune_errors` refuses to list its errors.
Only the set's form is tested here, never an accuracy: nobody tunes on it."""

import json
from pathlib import Path

import pytest

from fanarchive.evaluation import annotations
from fanarchive.evaluation.scoring import CHECK, TUNE

DATA = Path(__file__).resolve().parents[1] / "data"
DIALOGUE = DATA / "fic_dialogue"


@pytest.fixture()
def holdout_like(tmp_path):
    """One development scene in a folder whose manifest declares an empty tune side."""
    for name in ("02_oat_milk.json", "02_oat_milk.txt"):
        (tmp_path / name).write_text((DIALOGUE / name).read_text(encoding="utf-8"), "utf-8")
    manifest = {"split": {"tune": [], "check": ["02_oat_milk"]}}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    return tmp_path


def test_an_empty_tune_side_prints_the_check_side_alone(holdout_like, capsys):
    assert annotations.run(str(holdout_like), "text") == annotations.EXIT_OK
    out = capsys.readouterr().out
    assert "Check side only" in out and "TUNE" not in out
    assert "Rule precision (check): " in out and "Rule precision (tune)" not in out
    for kind in ("Explicit", "Anaphoric", "Implicit"):
        assert kind in out


def test_an_empty_tune_side_gives_no_gap_in_json(holdout_like, capsys):
    assert annotations.run(str(holdout_like), "json") == annotations.EXIT_OK
    sides = json.loads(capsys.readouterr().out)["sides"]
    assert set(sides) == {CHECK}
    assert sides[CHECK]["quotes"] == 40


def test_tune_errors_refuse_a_folder_without_a_tune_side(holdout_like):
    with pytest.raises(ValueError, match="no tune side"):
        annotations.tune_errors(holdout_like)


def test_tune_errors_still_list_a_split_folders_tune_side():
    errors = annotations.tune_errors(DIALOGUE)
    split = annotations.load_split(DIALOGUE)
    assert {split[stem] for stem, _, _ in errors} <= {TUNE}
