"""A tag that names the other one (`her companion added`, `said the other`): the narration
just before is about someone else, so it is no beat; with a verb of going on, the one who
spoke the turn before goes on. Whole pipeline on a hand-written passage in the manner of
nineteenth-century novels."""

from tests.analysis.test_speakers_narrator import analyse_quotes

LANE = (
    "Robert Hale and Susan Fry walked slowly up the lane. Robert had asked her a question at "
    "the gate, and Susan had not yet answered it. Robert was patient; Susan was afraid.\n\n"
    '"You need not answer me today," said Robert.\n\n'
)


def speakers(text: str) -> list[str | None]:
    quotes, _ = analyse_quotes(text)
    return [q.speaker for q in quotes]


def test_her_companion_added_is_the_one_who_spoke_before_not_the_woman_too_confused():
    text = LANE + (
        "Susan was too much confused to say a word. After a short pause, her companion "
        'added, "I will wait as long as you like."\n'
    )
    assert speakers(text) == ["Robert", "Robert"]
