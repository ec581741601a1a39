"""The fan-fiction dialogue development set (tests/data/fic_dialogue, issue 14): its
annotations are well formed, `evaluate annotations` prints its tune and check sides, and the
analysis keeps attributing it at least as well as when it was measured (a regression guard)."""

import json
from pathlib import Path

import pytest

from fanarchive.evaluation import annotations
from fanarchive.evaluation.scoring import CHECK, TUNE, Score
from tests.evaluation.scene_sets import assert_scenes_build_to_annotations, assert_well_formed

FOLDER = Path(__file__).resolve().parents[1] / "data" / "fic_dialogue"
FILES = annotations.annotation_files(FOLDER)
# Measured 2026-12-05 03:30 UTC (at 1d9159f): 609 of 803 (75.8%), tune 305/398 (76.6%),
# check 304/405 (75.1%); at 00:30 (319b63b) 545 (67.9%); first measurement (b5aeda1) 525
# (65.4%). The floor leaves room for the cast's and quotes' work to move a few lines.
OVERALL_FLOOR = 0.72


def test_the_set_has_24_scenes_split_odd_tune_even_check():
    split = annotations.load_split(FOLDER)
    assert len(FILES) == 24
    assert {file.stem for file in FILES} == set(split)
    for stem, side in split.items():
        assert side == (TUNE if int(stem[:2]) % 2 else CHECK)


@pytest.mark.parametrize("file", FILES, ids=[file.stem for file in FILES])
def test_every_annotation_is_well_formed(file):
    assert_well_formed(file, words=range(400, 1201))
    assert 10 <= len(json.loads(file.read_text(encoding="utf-8"))["quotes"]) <= 40


def test_the_marked_scenes_build_to_the_annotations():
    assert_scenes_build_to_annotations(FILES)


@pytest.fixture(scope="module")
def scores():
    return {file.stem: annotations.evaluate_file(file, FOLDER) for file in FILES}


def test_attribution_stays_above_its_floor(scores):
    overall = Score()
    for score in scores.values():
        overall.add(score)
    assert overall.total["all"] == sum(len(json.loads(f.read_text())["quotes"]) for f in FILES)
    assert overall.recall >= 0.99
    assert overall.accuracy() >= OVERALL_FLOOR


def test_evaluate_prints_tune_and_check_per_kind(capsys):
    assert annotations.run(str(FOLDER), "text") == annotations.EXIT_OK
    out = capsys.readouterr().out
    assert "TUNE" in out and "CHECK" in out
    for kind in ("Explicit", "Anaphoric", "Implicit"):
        assert kind in out
    assert "Rule precision (tune): " in out and "Rule precision (check): " in out
    assert annotations.run(str(FOLDER), "json") == annotations.EXIT_OK
    sides = json.loads(capsys.readouterr().out)["sides"]
    assert sides[TUNE]["quotes"] + sides[CHECK]["quotes"] == sum(
        len(json.loads(f.read_text())["quotes"]) for f in FILES
    )
    assert 0.0 < sides[CHECK]["explicit"] <= 1.0


def test_tune_errors_never_list_the_check_side():
    split = annotations.load_split(FOLDER)
    errors = annotations.tune_errors(FOLDER)
    assert errors
    assert {split[stem] for stem, _, _ in errors} == {TUNE}


def test_a_folder_without_a_manifest_prints_no_sides(tmp_path, capsys):
    for name in ("01_salvage_rights.json", "01_salvage_rights.txt"):
        (tmp_path / name).write_text((FOLDER / name).read_text(encoding="utf-8"), "utf-8")
    assert annotations.run(str(tmp_path), "text") == annotations.EXIT_OK
    out = capsys.readouterr().out
    assert "01_salvage_rights" in out and "TUNE" not in out


def test_aliases_count_as_the_speaker():
    data = json.loads((FOLDER / "01_salvage_rights.json").read_text(encoding="utf-8"))
    _, gold = annotations.load_annotations(FOLDER / "01_salvage_rights.json")
    teo = next(g for g in gold if g.speaker == "Teodor Varga")
    assert {"teo", "teodor varga", "varga"} <= teo.names
    assert teo.kind in {"Explicit", "Anaphoric", "Implicit"}
    assert data["names"]["Teodor Varga"]
