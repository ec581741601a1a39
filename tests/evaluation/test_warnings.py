"""F1 on the warnings development set must clearly beat the keyword rule (skips when absent)."""

import pytest

from fanarchive.evaluation import warnings as evaluation

# Floors a little under the measured CHECK-side figures (violence 0.54, death 0.68 at the
# time of writing): a regression trips them, noise between runs does not.
FLOORS = {"violence": 0.50, "death": 0.63}


@pytest.fixture(scope="module")
def results(shared):
    path = shared / "warnings-dev" / "passages.jsonl"
    if not path.is_file():
        pytest.skip("warnings-dev absent (set FANARCHIVE_SHARED)")
    return evaluation.evaluate(evaluation.load_passages(path))


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_f1_floor_beats_keyword_baseline_on_check_side(results, category):
    check = results[category]["check"]
    ours, keyword = check["ours"], check["keyword"]
    assert ours.f1 >= FLOORS[category]
    assert ours.f1 > keyword.f1
    assert ours.precision > keyword.precision + 0.05


def test_split_is_by_work_parity():
    assert evaluation.side_of({"work_id": "32079790"}) == "tune"
    assert evaluation.side_of({"work_id": "7789115"}) == "check"
    assert evaluation.side_of({"work_id": "not a number"}) == "check"


def test_counts_and_scores():
    counts = evaluation.Counts()
    for predicted, gold in [(True, True), (True, False), (False, True), (False, False)]:
        counts.add(predicted, gold)
    assert (counts.precision, counts.recall, counts.f1) == (0.5, 0.5, 0.5)


def test_run_reports_unreadable_file(tmp_path, capsys):
    assert evaluation.run(str(tmp_path / "missing.jsonl")) == evaluation.EXIT_BAD_INPUT
    assert "cannot read" in capsys.readouterr().err


def test_run_prints_table(tmp_path, capsys):
    path = tmp_path / "tiny.jsonl"
    path.write_text(
        '{"warning": "violence", "labels": [1, 1, 0], "text": "he stabbed him in the chest and '
        'kicked him in the face. blood poured from the wound.", "work_id": "1"}\n'
        '{"warning": "violence", "labels": [0, 0, 0], "text": "she picked up the sword and '
        'smiled at the sunrise.", "work_id": "2"}\n',
        encoding="utf-8",
    )
    assert evaluation.run(str(path)) == 0
    out = capsys.readouterr().out
    assert "violence" in out and "1.00" in out
    assert "TUNE" in out and "CHECK" in out and "reliability" in out


def test_reliability_rows_bin_confidences_and_count_the_right_ones():
    rows = evaluation.reliability_rows([(0.1, False), (0.15, True), (0.85, True), (0.9, True)])
    assert rows[0] == {"bin": "0.0-0.2", "n": 2, "mean_confidence": 0.125, "right": 0.5}
    assert rows[-1]["bin"] == "0.8-1.0" and rows[-1]["right"] == 1.0
