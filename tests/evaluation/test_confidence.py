"""`fanarchive train confidence` and `fanarchive evaluate confidence` (evaluation/confidence.py):
the calibration figures, the fit on the tune side only, and the shipped model measured on the
check side."""

import json

import pytest

from fanarchive.analysis.speakers.confidence import ConfidenceModel
from fanarchive.evaluation import confidence
from fanarchive.evaluation.confidence import Judged, calibration, fit, report
from fanarchive.evaluation.scoring import CHECK, TUNE


def rows(side: str, family: str = "novels") -> list[Judged]:
    """Tags right nine times in ten, untagged lines right half the time."""
    tagged = {"rule=explicit": 1.0, "confidence": 0.97}
    untagged = {"rule=turn_taking": 1.0, "confidence": 0.76}
    return [Judged(family, side, tagged, i % 10 != 0) for i in range(40)] + [
        Judged(family, side, untagged, i % 2 == 0) for i in range(40)
    ]


def test_calibration_figures():
    given = [Judged("novels", TUNE, {"confidence": 0.8}, right) for right in (1, 1, 1, 0)]
    figures = calibration(given, lambda row: row.features["confidence"])
    assert figures["accuracy"] == 0.75 and figures["mean_confidence"] == pytest.approx(0.8)
    assert figures["brier"] == pytest.approx((3 * 0.04 + 0.64) / 4)
    assert figures["ece"] == pytest.approx(0.05)
    assert figures["likely"] == 4 and figures["likely_right"] == 0.75


def test_the_fit_reads_the_tune_side_only_and_learns_the_untagged_lines_are_less_sure():
    check = [Judged("novels", CHECK, {"rule=turn_taking": 1.0, "confidence": 0.76}, False)] * 500
    data = fit(rows(TUNE) + check)
    assert data["quotations"] == {"novels": 80}
    model = ConfidenceModel(data["weights"], data["bias"])
    tagged = model.probability({"rule=explicit": 1.0, "confidence": 0.97})
    untagged = model.probability({"rule=turn_taking": 1.0, "confidence": 0.76})
    # (shrunk towards each other by the regularisation chosen for 16,000 quotations, not 80)
    assert tagged > 0.75 and untagged < 0.65 and tagged - untagged > 0.15


def test_each_family_weighs_the_same():
    # 80 novel quotations all right against 8 fan-fiction ones all wrong: equal weight
    novels = [Judged("novels", TUNE, {"confidence": 0.8}, True)] * 80
    fic = [Judged("fan fiction", TUNE, {"confidence": 0.8}, False)] * 8
    model = ConfidenceModel(**{k: v for k, v in fit(novels + fic).items() if k != "quotations"})
    assert model.probability({"confidence": 0.8}) == pytest.approx(0.5, abs=0.05)


def test_the_report_has_each_family_and_side():
    found = report(rows(TUNE) + rows(CHECK, "litbank"), ConfidenceModel({}, 0.0))
    assert set(found) == {"novels/tune", "litbank/check"}
    assert found["litbank/check"]["calibrated"]["mean_confidence"] == 0.5


def test_the_shipped_model_is_better_calibrated_on_the_check_side(shared, capsys):
    if not (shared / "pdnc-dev").is_dir() or not (shared / "litbank").is_dir():
        pytest.skip("pdnc-dev or LitBank absent (set FANARCHIVE_SHARED)")
    assert confidence.run(str(shared), "json") == confidence.EXIT_OK
    found = json.loads(capsys.readouterr().out)
    assert {f"{family}/{side}" for family in confidence.FAMILIES for side in (TUNE, CHECK)} == set(
        found
    )
    for family in ("litbank", "fan fiction"):  # where the rules' own figures were too sure
        rules, calibrated = (
            found[f"{family}/check"]["rules"],
            found[f"{family}/check"]["calibrated"],
        )
        assert calibrated["brier"] < rules["brier"] and calibrated["ece"] < rules["ece"]


def test_bad_data_folder_is_a_clear_error(tmp_path, capsys):
    assert confidence.run(str(tmp_path), "text") == confidence.EXIT_BAD_INPUT
    assert "cannot read" in capsys.readouterr().err


def test_the_training_command_writes_weights_the_analysis_reads(shared, tmp_path, capsys):
    if not (shared / "pdnc-dev").is_dir() or not (shared / "litbank").is_dir():
        pytest.skip("pdnc-dev or LitBank absent (set FANARCHIVE_SHARED)")
    target = tmp_path / "confidence.json"
    assert confidence.train(str(shared), str(target)) == confidence.EXIT_OK
    written = json.loads(target.read_text(encoding="utf-8"))
    shipped = json.loads(confidence.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(written["weights"]) == set(shipped["weights"])
    assert written["quotations"] == shipped["quotations"]  # the tune side, nothing else
    assert "fan fiction/check" in capsys.readouterr().out


def test_training_on_a_folder_without_the_data_is_a_clear_error(tmp_path, capsys):
    target = tmp_path / "weights.json"
    assert confidence.train(str(tmp_path), str(target)) == confidence.EXIT_BAD_INPUT
    assert "cannot read" in capsys.readouterr().err and not target.exists()
