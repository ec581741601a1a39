"""Probe round 12, second pass (docs/relationships.md): the narrator's "your" or "me" before
a kiss is what is touched, not who kisses."""

import pytest

from tests.analysis.test_relationships import _narrated, _pair

SCENES = {
    "second": (
        "Bob waits for you at the gate after practice. Cat waves from the bus and goes.\n\n"
        "Then he cups your face with his other hand and kisses you, careful, like he's "
        "afraid you'll break.\n"
    ),
    "first": (
        "Bob waited for me at the gate after practice. Cat waved from the bus and went.\n\n"
        "Then he pulled me close by my collar and kissed me, careful, like he was afraid "
        "I'd break.\n"
    ),
}


@pytest.mark.parametrize("narration", ["second", "first"])
def test_the_narrators_own_face_before_a_kiss_does_not_make_them_the_kisser(narration):
    narrator = "Reader" if narration == "second" else "Ann Lee"
    found = _narrated(SCENES[narration], narration, {"Bob": "male", "Cat": "female"})
    pair = _pair(found, "Bob Stone", narrator)
    assert pair is not None and pair.kind == "romantic"
    assert _pair(found, "Cat Moss", narrator) is None or (
        _pair(found, "Cat Moss", narrator).kind != "romantic"
    )
