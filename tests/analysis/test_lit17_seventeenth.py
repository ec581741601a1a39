"""Literary speakers (seventeenth session): docs/evaluation.md, "Literary speakers
(seventeenth session)"."""

from tests.analysis.casts import sieve_answers

NAMES = ["Cole", "Aunt Mae"]
PORCH = (
    "Cole came up the porch steps with his collar turned up against the rain.\n\n"
    "Aunt Mae came in from the yard and looked at him. The old lady reached out her hand "
    'and felt Cole\'s sleeve, and said: "But you are not wet at all."\n'
)


def test_a_name_owning_the_object_of_the_tag_sentence_is_not_its_speaker():
    # `felt Cole's sleeve, and said:` had been read as Cole's tag; the one who felt it speaks.
    answers = sieve_answers(PORCH, NAMES)
    assert answers[0][0] == "Aunt Mae"


def test_a_name_owning_its_own_act_is_still_the_speaker():
    # `Cole's answer was ready, to say` : what the name owns is its own, so it speaks.
    text = (
        "Aunt Mae asked where he had been all afternoon.\n\n"
        "Cole's answer was ready at once, to say with a grin:\n"
        '"Down at the creek, ma\'am."\n'
    )
    answers = sieve_answers(text, NAMES)
    assert answers[-1][0] == "Cole"
