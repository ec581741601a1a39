"""A scene that opens on talk and names the other party only afterwards: the partner of a turn
no one before can answer is the one the scene names next, not the first speaker answering
themself (`Sieve.named_later`). Whole pipeline on hand-written passages."""

from tests.analysis.test_speakers_narrator import analyse_quotes

DINER = (
    "The bell over the door had been broken for a week. Tobias shouldered the door open anyway "
    "and stood dripping on the mat.\n\n"
    '"Is the kitchen still open?" Tobias asked.\n\n'
    '"It closed at nine."\n\n'
    '"It\'s five past."\n\n'
    '"Then it closed five minutes ago."\n\n'
    "Marguerite wiped down the counter and did not look up. Marguerite had worked the late "
    "shift for six years, and she knew a hungry man when she saw one.\n"
)


def speakers(text: str) -> list[str | None]:
    quotes, _ = analyse_quotes(text)
    return [q.speaker for q in quotes]


def test_the_one_named_after_the_exchange_answers_the_one_named_before():
    # Before, every line went to Tobias: no one else is named before the talk.
    assert speakers(DINER) == ["Tobias", "Marguerite", "Tobias", "Marguerite"]


def test_someone_named_before_the_exchange_still_answers_first():
    # Someone named before the talk answers; the one named after is not looked for.
    text = DINER.replace(
        "stood dripping on the mat.",
        "stood dripping on the mat. Gideon looked up from the till. Gideon sighed.",
    )
    assert speakers(text)[1] == "Gideon"


def test_no_one_named_later_leaves_the_line_to_the_last_resort():
    text = DINER.split("Marguerite")[0]
    assert speakers(text)[0] == "Tobias"
