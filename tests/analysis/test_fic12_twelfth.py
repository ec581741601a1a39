"""Fan-fiction speakers (twelfth session): hand-written passages for the sieve's last resort
(`Sieve.last_resort`, `Sieve.other_speaker_than_last`), read before the learned ranking."""

from tests.analysis.casts import sieve_answers

# No tag, no call and no person opening the talk: the last resort decides every turn. After
# the short narration (which names Ora last) the exchange takes up again.
BAKERY = (
    "The bakery was still dark. Ora counted the float while Pell swept the step. "
    "The street outside was empty.\n\n"
    '"Is Dunn ever on time?"\n\n'
    '"Not since Pell hired him."\n\n'
    '"Then why keep him on?"\n\n'
    "Ora shrugged.\n\n"
    '"He makes good bread."\n\n'
    '"He makes good excuses."\n'
)

# An exchange opening the scene: no one else has spoken yet to give the turn back to.
FIRST_WORDS = (
    "The bakery was still dark. Ora counted the float while Pell swept the step. "
    "The street outside was empty.\n\n"
    '"Cold one."\n\n'
    '"Colder tomorrow."\n'
)


def test_a_collapsing_exchange_goes_back_to_the_other_speaker():
    # Before, the last two turns both fell to Ora, the character named last.
    answers = sieve_answers(BAKERY, ["Pell", "Ora"])
    assert [speaker for speaker, _ in answers] == ["Pell", "Ora", "Pell", "Ora", "Pell"]
    assert answers[-1] == ("Pell", "alternating")


def test_with_no_earlier_speaker_the_one_named_last_keeps_the_turn():
    answers = sieve_answers(FIRST_WORDS, ["Pell", "Ora"])
    assert answers == [("Pell", "nearest_mention"), ("Pell", "nearest_mention")]
