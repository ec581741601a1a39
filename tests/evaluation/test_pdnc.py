"""PDNC evaluation: the command runs end to end and reaches the issue's target."""

import pytest

from fanarchive.evaluation import pdnc


@pytest.fixture(scope="module")
def pdnc_dev(shared):
    path = shared / "pdnc-dev"
    if not path.is_dir():
        pytest.skip("PDNC dev data absent (set FANARCHIVE_SHARED)")
    return path


def test_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert pdnc.run(str(tmp_path / "nothing"), "text") == pdnc.EXIT_BAD_INPUT
    assert "no PDNC novel folders" in capsys.readouterr().err


def test_oracle_cast_on_one_novel(pdnc_dev):
    novel = pdnc.load_novel(pdnc_dev / "DaisyMiller")
    score = pdnc.evaluate_novel(novel, oracle=True)
    assert score.recall > 0.95
    assert score.accuracy() > 0.5
