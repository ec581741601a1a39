"""The cast, twelfth session: one person, one entry, and the gender the pronouns after a name
give (docs/evaluation.md, "Cast (twelfth session)")."""

from fanarchive.analysis.characters import context
from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_text


def cast_of(text: str) -> dict[str, str]:
    """Each entry's name and gender."""
    return {c.name: c.gender for c in analyze_document(read_text(text)).characters}


WINDOW = """Oruvel stood at the window of Greywater Manor with his hands folded behind his back.

"They are late," Oruvel said.

Tamsin laughed from the doorway. "They are always late."
"""


def test_a_place_name_does_not_cut_the_pronoun_off_its_subject():
    # `Greywater Manor` is a place: the `his` after it is still Oruvel's.
    assert cast_of(WINDOW)["Oruvel"] == "male"


def test_a_person_named_after_the_subject_still_stops_the_reading():
    sentence = "Oruvel stood beside Tamsin with her hands folded."
    assert context.voting_pronoun(sentence, 0, len("Oruvel")) == ""
    placed = "Oruvel stood by Kessel Bridge with her hands folded."
    assert context.voting_pronoun(placed, 0, len("Oruvel")) == "female"
