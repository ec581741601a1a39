"""PDNC evaluation: the command runs end to end, at its measured level."""

import json

import pytest

from fanarchive.evaluation import pdnc
from fanarchive.evaluation.scoring import Score

# Measured with `fanarchive evaluate pdnc ../shared/pdnc-dev` (issue 14): end to end 83.3% on
# the tune novels, 78.5% on the check novels (the target for check is 80%); 80.9%
# overall; 85.7% and 82.7% in the tenth session. Floors sit a little below so a regression
# fails, per side.
TUNE_FLOOR = 0.85
CHECK_FLOOR = 0.82
ORACLE_FLOOR = 0.78


@pytest.fixture(scope="module")
def pdnc_dev(shared):
    path = shared / "pdnc-dev"
    if not path.is_dir():
        pytest.skip("PDNC dev data absent (set FANARCHIVE_SHARED)")
    return path


def test_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert pdnc.run(str(tmp_path / "nothing"), "text") == pdnc.EXIT_BAD_INPUT
    assert "no PDNC novel folders" in capsys.readouterr().err


def test_speaker_given_by_alias_is_scored_against_its_character(pdnc_dev):
    novel = pdnc.load_novel(pdnc_dev / "ARoomWithAView")
    lucy = next(g for g in novel.gold if g.speaker == "Lucy")
    assert "miss honeychurch" in lucy.names


def test_every_dev_novel_is_on_one_side():
    assert pdnc.TUNE_NOVELS.isdisjoint(pdnc.CHECK_NOVELS)
    assert len(pdnc.TUNE_NOVELS) == len(pdnc.CHECK_NOVELS) == 5
    assert pdnc.side_of("Emma") == "tune" and pdnc.side_of("HardTimes") == "check"
    assert pdnc.side_of("Middlemarch") is None


@pytest.mark.slow
def test_whole_dev_set(pdnc_dev):
    sides = {"tune": Score(), "check": Score()}
    overall, oracle = Score(), Score()
    for folder in pdnc.novel_folders(pdnc_dev):
        novel = pdnc.load_novel(folder)
        score = pdnc.evaluate_novel(novel)
        overall.add(score)
        sides[pdnc.side_of(novel.name)].add(score)
        oracle.add(pdnc.evaluate_novel(novel, oracle=True))
    assert overall.recall > 0.99 and overall.precision > 0.9
    assert oracle.accuracy() >= ORACLE_FLOOR
    assert sides["tune"].accuracy() >= TUNE_FLOOR
    assert sides["check"].accuracy() >= CHECK_FLOOR


def test_sides_are_printed_side_by_side_with_the_gap(pdnc_dev, capsys):
    assert pdnc.run(str(pdnc_dev / "DaisyMiller"), "text") == pdnc.EXIT_OK
    out = capsys.readouterr().out
    assert "TUNE" in out and "CHECK" in out and "gap" in out
    assert pdnc.run(str(pdnc_dev / "DaisyMiller"), "json") == pdnc.EXIT_OK
    sides = json.loads(capsys.readouterr().out)["sides"]["end_to_end"]
    assert sides["check"]["quotes"] == 550 and sides["tune"]["quotes"] == 0
    assert set(sides["gap"]) >= {"accuracy", "explicit", "anaphoric", "implicit"}
