"""The form every blind fan-fiction scene set shares (tests/data/fic_holdout2 to 18): 14
scenes (12 in fic_holdout5, 10 in fic_holdout6 and fic_holdout8 to 12, 8 in fic_holdout13 to 18; fic_holdout7 short works), all on the check side, well formed, each
quotation's kind by the paragraph convention, the marked scenes building to the annotations
(the sets written from marked scenes: 2 to 4, 7 to 18), and `tune_errors` refusing to list their errors.
Never an accuracy: nobody tunes on them. Each set's own tests stay in its file."""

import json
from pathlib import Path

import pytest

from fanarchive.evaluation import annotations
from fanarchive.evaluation.scoring import CHECK
from tests.evaluation.scene_sets import (
    annotated_files,
    assert_all_on_one_side,
    assert_kinds_follow_convention,
    assert_scenes_build_to_annotations,
    assert_well_formed,
    marked_sets,
)

DATA = Path(__file__).resolve().parents[1] / "data"
SCENES = {
    "fic_holdout2": 14,
    "fic_holdout3": 14,
    "fic_holdout4": 14,
    "fic_holdout5": 12,
    "fic_holdout6": 10,
    "fic_holdout7": 14,
    "fic_holdout8": 10,
    "fic_holdout9": 10,
    "fic_holdout10": 10,
    "fic_holdout11": 10,
    "fic_holdout12": 10,
    "fic_holdout13": 8,
    "fic_holdout14": 8,
    "fic_holdout15": 8,
    "fic_holdout16": 8,
    "fic_holdout17": 8,
    "fic_holdout18": 8,
}
# fic_holdout7 holds short works (drabbles, ficlets): 120-600 words; fic_holdout8, 9, 10 300-700;
# fic_holdout11 400-550; fic_holdout12 350-650; fic_holdout13 250-450 (asked; 250-500 allowed);
# fic_holdout14 to fic_holdout16 250-450; fic_holdout17 and fic_holdout18 300-450
WORDS = {
    "fic_holdout7": range(120, 601),
    "fic_holdout8": range(300, 701),
    "fic_holdout9": range(300, 701),
    "fic_holdout10": range(300, 701),
    "fic_holdout11": range(400, 551),
    "fic_holdout12": range(350, 651),
    "fic_holdout13": range(250, 501),
    "fic_holdout14": range(250, 451),
    "fic_holdout15": range(250, 451),
    "fic_holdout16": range(250, 451),
    "fic_holdout17": range(300, 451),
    "fic_holdout18": range(300, 451),
}
BLIND_SETS = [DATA / name for name in SCENES]
MARKED_SETS = marked_sets(BLIND_SETS)
FILES, FILE_IDS = annotated_files(BLIND_SETS)
SET_IDS = [folder.name for folder in BLIND_SETS]


@pytest.mark.parametrize("folder", BLIND_SETS, ids=SET_IDS)
def test_the_set_has_its_scenes_all_on_the_check_side(folder):
    assert_all_on_one_side(folder, annotations.annotation_files(folder), CHECK, SCENES[folder.name])


@pytest.mark.parametrize(("folder", "file"), FILES, ids=FILE_IDS)
def test_every_annotation_is_well_formed(folder, file):
    assert_well_formed(file, WORDS.get(folder.name, range(400, 801)))


@pytest.mark.parametrize(("folder", "file"), FILES, ids=FILE_IDS)
def test_each_kind_follows_the_paragraph_convention(folder, file):
    assert_kinds_follow_convention(file)


@pytest.mark.parametrize("folder", MARKED_SETS, ids=[folder.name for folder in MARKED_SETS])
def test_the_marked_scenes_build_to_the_annotations(folder):
    assert_scenes_build_to_annotations(annotations.annotation_files(folder))


@pytest.mark.parametrize("folder", BLIND_SETS, ids=SET_IDS)
def test_tune_errors_refuse_the_set(folder):
    with pytest.raises(ValueError, match="no tune side"):
        annotations.tune_errors(folder)


@pytest.mark.parametrize("folder", BLIND_SETS, ids=SET_IDS)
def test_evaluate_counts_every_quotation_on_the_check_side(folder, capsys):
    assert annotations.run(str(folder), "json") == annotations.EXIT_OK
    sides = json.loads(capsys.readouterr().out)["sides"]
    files = annotations.annotation_files(folder)
    total = sum(len(json.loads(file.read_text(encoding="utf-8"))["quotes"]) for file in files)
    assert set(sides) == {CHECK} and sides[CHECK]["quotes"] == total
