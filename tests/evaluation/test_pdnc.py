"""PDNC evaluation: the command runs end to end, at its measured level."""

import pytest

from fanarchive.evaluation import pdnc
from fanarchive.evaluation.scoring import Score

# Measured on pdnc-dev with `fanarchive evaluate pdnc`: 80.1% end to end (the target
# is 80%), 79.0% with the gold cast. The floors sit at the target so a regression fails.
END_TO_END_FLOOR = 0.80
ORACLE_FLOOR = 0.785


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


@pytest.mark.slow
def test_whole_dev_set(pdnc_dev):
    overall, oracle = Score(), Score()
    for folder in pdnc.novel_folders(pdnc_dev):
        novel = pdnc.load_novel(folder)
        overall.add(pdnc.evaluate_novel(novel))
        oracle.add(pdnc.evaluate_novel(novel, oracle=True))
    assert overall.recall > 0.99 and overall.precision > 0.9
    assert oracle.accuracy() >= ORACLE_FLOOR
    assert overall.accuracy() >= END_TO_END_FLOOR
