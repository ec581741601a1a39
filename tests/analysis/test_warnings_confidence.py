"""Every warning carries a confidence and a "likely"/"possible" label; old analyses stay valid."""

from fanarchive.analysis.model import LIKELY_CONFIDENCE, Evidence, Warning
from fanarchive.analysis.schema import load_schema, validate


def warning_schema():
    return load_schema()["properties"]["warnings"]["items"]


def test_to_dict_carries_confidence_and_label():
    evidence = [Evidence(0, 4, "Ouch")]
    likely = Warning("Violence", "low", False, evidence, confidence=LIKELY_CONFIDENCE)
    possible = Warning("Violence", "low", False, evidence, confidence=LIKELY_CONFIDENCE - 0.01)
    assert likely.to_dict()["likelihood"] == "likely"
    assert possible.to_dict()["likelihood"] == "possible"
    assert likely.to_dict()["confidence"] == LIKELY_CONFIDENCE
    assert validate(likely.to_dict(), warning_schema()) == []


def test_stored_analysis_without_confidence_is_valid_and_reads_possible():
    old = {
        "name": "Death",
        "severity": "low",
        "archive_warning": False,
        "evidence": [{"start": 0, "end": 4, "text": "Dead"}],
    }
    assert validate(old, warning_schema()) == []
    assert Warning("Death", "low").likelihood == "possible"


def test_schema_refuses_a_confidence_outside_zero_to_one():
    bad = Warning("Death", "low", False, [Evidence(0, 4, "Dead")], confidence=1.5).to_dict()
    assert validate(bad, warning_schema())
