"""`fanarchive evaluate characters`: reading PDNC character lists and the recall floor."""

from __future__ import annotations

import json

import pytest

from fanarchive.evaluation import characters as evaluation

MAJOR_RECALL_FLOOR = 0.95
ALL_RECALL_FLOOR = 0.55
PURITY_FLOOR = 0.9

CHARACTER_INFO = """Character ID,Main Name,Aliases,Gender,Category
0,Mr. Darcy,"{'Darcy', 'Mr. Darcy', 'Fitzwilliam Darcy'}",M,major
1,Elizabeth,"{'Elizabeth', 'Lizzy'}",F,major
2,Jane,"{'Jane', 'Miss Bennet'}",F,intermediate
3,Mrs. Hill,['Mrs. Hill'],F,minor
4,_group,['_group'],X,minor
"""

NOVEL = """Mr. Darcy bowed. "Good evening, Elizabeth," said Mr. Darcy.

"Good evening," replied Elizabeth. Elizabeth smiled at Jane. Jane laughed.

Darcy left the room. Elizabeth watched him go, and Jane said nothing.
"""


@pytest.fixture
def novel(tmp_path):
    folder = tmp_path / "Tiny"
    folder.mkdir()
    (folder / "character_info.csv").write_text(CHARACTER_INFO, encoding="utf-8")
    (folder / "novel_text.txt").write_text(NOVEL, encoding="utf-8")
    return folder


def test_gold_list_skips_pseudo_characters(novel):
    gold = evaluation.read_gold(novel / "character_info.csv")
    assert [g.name for g in gold] == ["Mr. Darcy", "Elizabeth", "Jane", "Mrs. Hill"]
    assert gold[0].aliases == {"darcy", "mr. darcy", "fitzwilliam darcy"}


def test_scores_a_tiny_novel(novel):
    score = evaluation.score_novel(novel)
    assert score.recall("major") == 1.0
    assert score.recall("intermediate") == 1.0
    assert score.recall("minor") == 0.0
    assert score.precision == 1.0 and score.purity == 1.0


def test_json_output(novel, capsys):
    assert evaluation.run(str(novel.parent), "json") == evaluation.EXIT_OK
    result = json.loads(capsys.readouterr().out)
    assert result["overall"]["recall"]["major"] == 1.0


def test_missing_data_is_a_clear_error(tmp_path, capsys):
    assert evaluation.run(str(tmp_path / "nothing"), "text") == evaluation.EXIT_BAD_INPUT
    assert "no novel folders" in capsys.readouterr().err


@pytest.mark.slow
def test_recall_floor_on_pdnc_dev(shared):
    path = shared / "pdnc-dev"
    if not path.is_dir():
        pytest.skip("PDNC dev data absent (set FANARCHIVE_SHARED)")
    overall = evaluation.NovelScore("overall")
    for folder in evaluation.novels_in(path):
        overall.add(evaluation.score_novel(folder))
    assert overall.recall("major") >= MAJOR_RECALL_FLOOR
    assert overall.recall() >= ALL_RECALL_FLOOR
    assert overall.purity >= PURITY_FLOOR
