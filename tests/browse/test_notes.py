"""The hide-content filter acts only on confident analysis notes (browse.notes)."""

import pytest

from fanarchive.browse.models import WorkIndex
from fanarchive.browse.notes import NOTE_CONFIDENCE, is_confident, note_keys
from fanarchive.insights.models import WorkAnalysis
from tests.browse.test_sync import listing
from tests.works.helpers import posted_work

EVIDENCE = [{"start": 0, "end": 5, "text": "x"}]


def note(name: str, confidence=None, evidence=EVIDENCE) -> dict:
    found = {"name": name, "severity": "medium", "evidence": evidence}
    if confidence is not None:
        found["confidence"] = confidence
    return found


def test_only_notes_at_or_above_the_threshold_become_keys():
    warnings = [
        note("Suicide", confidence=0.9),
        note("Violence", confidence=NOTE_CONFIDENCE),
        note("Death", confidence=NOTE_CONFIDENCE - 0.01),
        note("Blood", confidence=0.95, evidence=[]),
    ]
    assert note_keys(warnings) == ["note:suicide", "note:violence"]


def test_a_note_stored_before_confidences_keeps_the_earlier_rule():
    assert is_confident(note("Violence"))
    assert not is_confident(note("Violence", evidence=[]))


@pytest.mark.parametrize("value", ["high", [], {"a": 1}])
def test_a_damaged_confidence_is_no_confidence(value):
    assert not is_confident(note("Violence", confidence=value))


@pytest.mark.django_db
def test_a_possible_note_does_not_hide_the_work(client, author, django_capture_on_commit_callbacks):
    data = {"warnings": [note("Suicide", confidence=0.35), note("Violence", confidence=0.85)]}
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Analysed")
        WorkAnalysis.objects.create(
            work=work, schema_version="1.0", content_hash="x", text="", data=data
        )
    keys = WorkIndex.objects.get(work_id=work.id).filter_keys.split()
    assert "note:violence" in keys and "note:suicide" not in keys
    assert listing(client, "hide_note=suicide") == [work.id]
    assert listing(client, "hide_note=violence") == []
