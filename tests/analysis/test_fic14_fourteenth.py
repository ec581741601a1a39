"""Fan-fiction speakers (fourteenth session): a turn that is nothing but a name calls the one
who answers it, in the last resort (`Sieve.bare_call`; docs/evaluation.md, "Fan-fiction
speakers (fourteenth session)"). The last resort decides the turns of a talk told by an I that
no tag anchors and no call of the I seeds."""

from tests.analysis.casts import sieve_answers

NAMES = ["Tobin", "Mara"]
OPENING = (
    "I had been on the harbour wall since six. I had my coffee, I had my knife, and I had the "
    "nets across my knees. I like the wall. I like the cold. Tobin and Mara came down at "
    "seven, and I shifted over to make room for them. I said nothing. The tide was going out."
    "\n\n"
)
UNTAGGED = OPENING + '"Late again."\n\n"Tobin."\n\n"What?"\n'


def test_a_bare_call_is_answered_by_the_one_called():
    # Before, `"What?"` went to Mara, the one the narration named last, as the two before.
    answers = sieve_answers(UNTAGGED, NAMES)
    assert answers[2] == ("Tobin", "answer")


def test_a_name_answering_a_question_calls_no_one():
    text = UNTAGGED.replace('"Late again."', '"Who took the boat out?"')
    assert sieve_answers(text, NAMES)[2][1] != "answer"


def test_an_echoed_name_calls_no_one():
    text = UNTAGGED.replace('"What?"', '"Tobin? He went home."')
    assert sieve_answers(text, NAMES)[2][1] != "answer"


def test_a_name_the_narration_never_gave_calls_no_one():
    # `Ilse` may be the once-named teller or someone out of the room.
    text = UNTAGGED.replace('"Tobin."', '"Ilse."')
    assert sieve_answers(text, [*NAMES, "Ilse"])[2][1] != "answer"


# Three in a van; the third is named only in what the others say.
VAN = (
    "The van's heater had been broken since Tuesday, and the windows had fogged over.\n\n"
    '"It is freezing," Ana said.\n\n'
    '"It is March," Bex said.\n\n'
    '"My feet are gone. Somebody sit on them, please."\n\n'
    '"Funny, Cole."\n'
)


def test_a_short_reply_calling_someone_answers_them():
    # Before, the parity of the two tags gave the third turn to Ana.
    answers = sieve_answers(VAN, ["Ana", "Bex", "Cole"])
    assert answers[2] == ("Cole", "called_next")


def test_a_tagged_short_reply_may_be_a_third_voice_cutting_in():
    # `"Hi, Sally!" Annabeth shouts.`: its own tag names its speaker, who may greet someone
    # who did not speak the turn before, so the narration must have named the one called.
    text = VAN.replace('"Funny, Cole."', '"Funny, Cole," Bex said.')
    assert sieve_answers(text, ["Ana", "Bex", "Cole"])[2][0] != "Cole"
