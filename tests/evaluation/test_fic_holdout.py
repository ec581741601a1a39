"""The fan-fiction holdout set (tests/data/fic_holdout): every scene is on the check side, so
`evaluate annotations` prints that side alone and `tune_errors` refuses to list its errors.
Only the set's form is tested here, never an accuracy: nobody tunes on it."""

import json
from pathlib import Path

import pytest

from fanarchive.evaluation import annotations
from fanarchive.evaluation.scoring import CHECK, TUNE
from tests.evaluation.scene_sets import (
    assert_all_on_one_side,
    assert_scenes_build_to_annotations,
    assert_well_formed,
)

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
    gold = json.loads((DIALOGUE / "02_oat_milk.json").read_text(encoding="utf-8"))["quotes"]
    assert sides[CHECK]["quotes"] == len(gold)


def test_tune_errors_refuse_a_folder_without_a_tune_side(holdout_like):
    with pytest.raises(ValueError, match="no tune side"):
        annotations.tune_errors(holdout_like)


def test_tune_errors_list_the_tune_side_of_a_split_folder_and_never_the_check_side(tmp_path):
    """One scene twice, on each side, every speaker made wrong: the errors are all found,
    and all on the tune copy."""
    data = json.loads((DIALOGUE / "02_oat_milk.json").read_text(encoding="utf-8"))
    data["names"]["Nobody Here"] = []
    data["quotes"] = [{**quote, "speaker": "Nobody Here"} for quote in data["quotes"]]
    text = (DIALOGUE / "02_oat_milk.txt").read_text(encoding="utf-8")
    for stem in ("tuned", "checked"):
        (tmp_path / f"{stem}.txt").write_text(text, "utf-8")
        (tmp_path / f"{stem}.json").write_text(json.dumps({**data, "sample": f"{stem}.txt"}))
    manifest = {"split": {TUNE: ["tuned"], CHECK: ["checked"]}}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    errors = annotations.tune_errors(tmp_path)
    assert errors and {stem for stem, _, _ in errors} == {"tuned"}


# --- the holdout set itself ----------------------------------------------------------------
HOLDOUT = DATA / "fic_holdout"
FILES = annotations.annotation_files(HOLDOUT)


def test_the_holdout_has_16_scenes_all_on_the_check_side():
    assert_all_on_one_side(HOLDOUT, FILES, CHECK, 16)


@pytest.mark.parametrize("file", FILES, ids=[file.stem for file in FILES])
def test_every_holdout_annotation_is_well_formed(file):
    assert_well_formed(file)


def test_the_marked_scenes_build_to_the_holdout_annotations():
    assert_scenes_build_to_annotations(FILES)


def test_tune_errors_refuse_the_holdout():
    with pytest.raises(ValueError, match="no tune side"):
        annotations.tune_errors(HOLDOUT)


def test_evaluate_counts_every_holdout_quotation_on_the_check_side(capsys):
    assert annotations.run(str(HOLDOUT), "json") == annotations.EXIT_OK
    sides = json.loads(capsys.readouterr().out)["sides"]
    total = sum(len(json.loads(file.read_text())["quotes"]) for file in FILES)
    assert set(sides) == {CHECK} and sides[CHECK]["quotes"] == total
