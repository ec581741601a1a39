"""The bigotry report (evaluation.warnings.bias_report) and the calibration error."""

from fanarchive.evaluation import warnings as evaluation


def passage(text: str, work_id: int, labels: list[int], warning: str = "homophobia") -> dict:
    return {"warning": warning, "text": text, "work_id": str(work_id), "labels": labels}


def test_too_few_tune_passages_are_no_model_and_no_note():
    passages = [
        passage('"Get lost, you fag," he spat.', 2, [1, 1, 0]),
        passage("Sam is gay and happy.", 4, [0, 0, 0]),
        passage('"Move, dyke," she sneered.', 3, [1, 1, 1]),
        passage("They held hands at the gay bar.", 5, [0, 1, 0]),
    ]
    report = evaluation.bias_report(passages)
    row = report["homophobia"]
    assert row["model"] is None and row["offered"] is False
    tune, check = row["keyword"]["tune"], row["keyword"]["check"]
    assert (tune.tp, tune.fp, tune.fn, tune.tn) == (1, 0, 0, 1)
    assert (check.tp, check.fp, check.fn, check.tn) == (1, 0, 0, 1)
    assert report["racism"]["keyword"]["tune"].n == 0


def test_a_learned_class_is_offered_only_when_it_beats_the_keyword_rule_on_check():
    # Tune: slurs said in anger are positive, slurs in a name list or a quote from a book
    # are not; check: the same pattern. The keyword rule fires on all of them.
    angry = '"You filthy fag," he spat, and shoved him against the lockers.'
    listed = "The old dictionary listed fag as a word for a cigarette."
    passages = []
    for i in range(24):
        passages.append(passage(angry, 2 * i, [1, 1, 0]))
        passages.append(passage(listed, 2 * i + 100, [0, 0, 0]))
        passages.append(passage(angry, 2 * i + 1, [1, 1, 1]))
        passages.append(passage(listed, 2 * i + 101, [0, 0, 1]))
    row = evaluation.bias_report(passages)["homophobia"]
    assert row["keyword"]["check"].precision == 0.5
    assert row["model"]["check"].precision == 1.0 and row["model"]["check"].recall == 1.0
    assert row["offered"] is True


def test_calibration_error_and_brier_score():
    pairs = [(0.9, True), (0.9, False), (0.1, False), (0.1, False)]
    error = evaluation.calibration_error(pairs)
    # Bin 0.8-1.0: mean 0.9, right 0.5; bin 0.0-0.2: mean 0.1, right 0.0.
    assert error["ece"] == round((2 * 0.4 + 2 * 0.1) / 4, 3)
    assert error["brier"] == round((0.01 + 0.81 + 0.01 + 0.01) / 4, 3)
    assert evaluation.calibration_error([]) == {"ece": 0.0, "brier": 0.0, "n": 0}
