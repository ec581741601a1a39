"""Literary speakers (fifteenth session): docs/evaluation.md, "Literary speakers (fifteenth
session)"."""

from tests.analysis.casts import sieve_answers

NAMES = ["Vera", "Hallam"]
FRONT_DESK = (
    "The shipping office was quiet at that hour. Vera sat at the front desk with the ledger "
    "open, and the stove ticked in the corner. Hallam came in from the street with a parcel "
    "under his arm and stood at the counter.\n\n"
    '"I have a parcel for the manager," Hallam said.\n\n'
    '"Yes, sir. What name?"\n\n'
    '"Hallam. He is expecting it."\n'
)


def test_a_name_given_when_asked_for_calls_no_one():
    # Before, the name opening the reply was read as a call of the one who asked for it
    # (`called_next`), so `"Yes, sir. What name?"` went to Hallam himself.
    answers = sieve_answers(FRONT_DESK, NAMES)
    assert answers[1][0] == "Vera"


def test_a_name_opening_a_reply_to_another_question_still_calls():
    # `"Not mine." / "Pip! You swore it was yours."`: a call opening the reply to a few words
    # answers them, as before.
    text = FRONT_DESK.replace(" What name?", " Is it fragile?").replace(
        '"Hallam. He is expecting it."', '"Vera, leave it on the desk."'
    )
    text = text.replace('"I have a parcel for the manager," Hallam said.', '"Parcel," said Hallam.')
    answers = sieve_answers(text, NAMES)
    assert answers[1][0] == "Vera"


def test_a_name_given_when_asked_for_is_the_speakers_own():
    # Before, `"Hallam. ..."` called Hallam (its addressee), so it went to Vera by parity.
    answers = sieve_answers(FRONT_DESK, NAMES)
    assert answers[2] == ("Hallam", "self_named")


def test_a_name_answering_who_did_something_is_someone_else():
    text = FRONT_DESK.replace("What name?", "Who sent it?").replace(
        '"Hallam. He is expecting it."', '"Vera. She wrote to him last week."'
    )
    assert sieve_answers(text, NAMES)[2][1] != "self_named"
