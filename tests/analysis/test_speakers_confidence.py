"""The calibrated confidence of each attribution (speakers/confidence.py): it changes no
speaker, and says less for an untagged line deep in a three-person exchange than for a tag."""

import pytest

from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import attribute_speakers, decide_speakers
from fanarchive.analysis.speakers import confidence as calibration

from .test_speakers import hand_cast
from .test_speakers_ranking import sieve_of

THREE = (
    '"Where were you?" said Emma.\n\n"Out," said Naruto.\n\n"Out where?"\n\n"Nowhere."\n\n'
    '"Nowhere is somewhere."\n\n"Not tonight."\n\n"Stop it, both of you," said Sakura.\n\n'
    '"He started it."\n\n"I did not."\n\n"You did."\n'
)


def decided(text: str):
    return sieve_of(text, decide_speakers)


def test_features_count_the_untagged_lines_to_the_nearest_tag_and_the_people_around():
    lines = decided(THREE).lines
    features = calibration.line_features(lines, "third")
    assert features[0]["distance"] == 0.0 and features[0]["rule=explicit"] == 1.0
    # "Nowhere is somewhere." is two untagged lines from either tag
    assert features[4]["distance"] == pytest.approx(2 / calibration.MAX_DISTANCE)
    assert features[6]["people=3+"] == 1.0
    assert features[0]["narration=third"] == 1.0
    assert features[0]["work:speakers=2"] == 0.0


def test_the_calibration_changes_no_speaker_and_gives_probabilities():
    document = read_text(THREE)
    quotes = find_quotes(document)
    cast = hand_cast(document.text)
    decide_speakers(document, quotes, cast)
    before = [(q.speaker, q.rule) for q in quotes]
    attribute_speakers(document, quotes, cast)
    assert [(q.speaker, q.rule) for q in quotes] == before
    assert all(0.0 < q.confidence < 1.0 for q in quotes)


def test_a_tag_is_surer_than_an_untagged_line_in_a_three_person_exchange():
    document = read_text(THREE)
    quotes = find_quotes(document)
    attribute_speakers(document, quotes, hand_cast(document.text))
    tagged, deep = quotes[0], quotes[8]
    assert tagged.rule == "explicit" and deep.rule not in calibration.ANCHOR_RULES
    assert tagged.confidence > deep.confidence + 0.2


def test_without_weights_the_rules_own_confidence_stands(monkeypatch):
    monkeypatch.setattr(calibration, "_MODEL", [None])
    document = read_text(THREE)
    quotes = find_quotes(document)
    attribute_speakers(document, quotes, hand_cast(document.text))
    assert quotes[0].confidence == 0.97  # sieve.CONFIDENCE["explicit"]


def test_the_shipped_weights_know_every_feature_the_features_can_have():
    model = calibration.model()
    assert model is not None
    from fanarchive.analysis.speakers.sieve import CONFIDENCE

    known = {name.split("=", 1)[1] for name in model.weights if name.startswith("rule=")}
    # every rule but those no tune quotation was decided by when the weights were fitted (the
    # Reader's `you said`; `newcomer`, added after, one LitBank tune quotation)
    assert set(CONFIDENCE) - known <= {"reader", "newcomer"}
