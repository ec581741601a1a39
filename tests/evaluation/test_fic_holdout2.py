"""The second fan-fiction holdout set (tests/data/fic_holdout2): 14 scenes, every one on the
check side, so `evaluate annotations` prints that side alone and `tune_errors` refuses to list
its errors. Only the set's form is tested here, never an accuracy: nobody tunes on it."""

import json
from pathlib import Path

import pytest

from fanarchive.evaluation import annotations
from fanarchive.evaluation.scoring import CHECK
from tests.evaluation.scene_sets import (
    assert_all_on_one_side,
    assert_kinds_follow_convention,
    assert_scenes_build_to_annotations,
    assert_well_formed,
)

HOLDOUT = Path(__file__).resolve().parents[1] / "data" / "fic_holdout2"
FILES = annotations.annotation_files(HOLDOUT)


def test_the_holdout_has_14_scenes_all_on_the_check_side():
    assert_all_on_one_side(HOLDOUT, FILES, CHECK, 14)


@pytest.mark.parametrize("file", FILES, ids=[file.stem for file in FILES])
def test_every_annotation_is_well_formed(file):
    assert_well_formed(file)


@pytest.mark.parametrize("file", FILES, ids=[file.stem for file in FILES])
def test_each_kind_follows_the_paragraph_convention(file):
    assert_kinds_follow_convention(file)


def test_the_marked_scenes_build_to_the_annotations():
    assert_scenes_build_to_annotations(FILES)


def test_tune_errors_refuse_the_holdout():
    with pytest.raises(ValueError, match="no tune side"):
        annotations.tune_errors(HOLDOUT)


def test_evaluate_counts_every_quotation_on_the_check_side(capsys):
    assert annotations.run(str(HOLDOUT), "json") == annotations.EXIT_OK
    sides = json.loads(capsys.readouterr().out)["sides"]
    total = sum(len(json.loads(file.read_text(encoding="utf-8"))["quotes"]) for file in FILES)
    assert set(sides) == {CHECK} and sides[CHECK]["quotes"] == total
