"""Literary speakers (sixteenth session): docs/evaluation.md, "Literary speakers (sixteenth
session)"."""

from tests.analysis.casts import sieve_answers

NAMES = ["Nell", "Tobias", "Wren"]
KITCHEN = (
    "The kitchen was warm after the rain. Nell stood at the range stirring the soup, and "
    "Wren sat on the dresser swinging her heels. Tobias came in with the kindling.\n\n"
    '"You have tracked mud all over my floor," said Nell, without turning round.\n\n'
    "Tobias dropped the kindling by the hearth, sat down on the bench and began to unlace his "
    "boots with a great deal of noise.\n\n"
    '"Don\'t, Tobias. Take them outside."\n\n'
    '"They are only boots."\n\n'
    '"I scrubbed that floor this morning!"\n\n'
    '"It will wash."\n\n'
    '"Hush, the pair of you," sang Wren from the dresser.\n'
)


def test_a_bare_turn_calling_the_one_who_acted_is_the_last_speaker_going_on():
    # The narration about Tobias ends the conversation, so the bare run after it took its
    # parity from Wren's tag at its end: `"Don't, Tobias."` went to Wren. It is Nell going
    # on, who spoke just before Tobias acted.
    answers = sieve_answers(KITCHEN, NAMES)
    assert answers[1] == ("Nell", "turn_taking")


def test_the_run_after_it_alternates_with_it():
    answers = sieve_answers(KITCHEN, NAMES)
    assert [speaker for speaker, _ in answers[2:5]] == ["Tobias", "Nell", "Tobias"]


def test_a_call_of_someone_the_narration_did_not_show_acting_is_left_to_the_turns():
    # Wren acts between the turns, and the line calls Tobias: nothing says Nell goes on, so
    # the turn-taking decides as before.
    text = KITCHEN.replace(
        "Tobias dropped the kindling by the hearth, sat down on the bench and began to unlace "
        "his boots with a great deal of noise.",
        "Wren jumped down from the dresser, fetched a cloth from the scullery and began to wipe "
        "the floor with a great deal of noise.",
    )
    assert sieve_answers(text, NAMES)[1] == ("Wren", "turn_taking")
