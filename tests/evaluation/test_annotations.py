"""Golden test: attribution on both sample works against our hand annotations."""

import json
from pathlib import Path

import pytest

from fanarchive.evaluation import annotations
from fanarchive.evaluation.scoring import Score

ANNOTATIONS = Path(__file__).resolve().parents[1] / "data" / "annotations"


@pytest.fixture(scope="module")
def samples(shared):
    path = shared / "samples"
    if not path.is_dir():
        pytest.skip("sample works absent (set FANARCHIVE_SHARED)")
    return path


def test_annotation_files_are_well_formed():
    files = sorted(ANNOTATIONS.glob("*.json"))
    assert len(files) == 2
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        assert data["sample"].endswith(".txt")
        assert data["quotes"], file
        for quote in data["quotes"]:
            assert quote["end"] > quote["start"]
            assert quote["speaker"] is None or isinstance(quote["speaker"], str)


def test_annotation_offsets_match_the_texts(samples):
    for file in sorted(ANNOTATIONS.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        text = (samples / data["sample"]).read_text(encoding="utf-8").replace("\r\n", "\n")
        for quote in data["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]


def test_samples_attribution_at_least_95_percent(samples):
    overall = Score()
    for file in sorted(ANNOTATIONS.glob("*.json")):
        score = annotations.evaluate_file(file, samples)
        assert score is not None
        assert score.recall == 1.0, file.name
        overall.add(score)
    assert overall.total["all"] == 126
    assert overall.accuracy() >= 0.95


def test_cli_prints_a_table(samples, monkeypatch, capsys):
    monkeypatch.setenv("FANARCHIVE_SHARED", str(samples.parent))
    assert annotations.run(str(ANNOTATIONS), "text") == 0
    assert "OVERALL" in capsys.readouterr().out


def test_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert annotations.run(str(tmp_path / "none"), "text") == annotations.EXIT_BAD_INPUT
    assert "no annotation files" in capsys.readouterr().err
