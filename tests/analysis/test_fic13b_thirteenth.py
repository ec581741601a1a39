"""Fan-fiction speakers (thirteenth session, fic13b): hand-written passages for the sieve's
last resort (`Sieve.subject_over_object`), read before the learned ranking."""

from tests.analysis.casts import sieve_answers

# The narration's last sentence names the one acting, then someone after a preposition: the
# bare quote after it is the actor's, not the object's (the character named last).
GREENHOUSE = (
    "The greenhouse smelled of wet soil. Bram was watering the ferns at the far end.\n\n"
    "Later Tilde carried the crate of bulbs in and dropped it beside Bram, then dusted off "
    "her gloves.\n\n"
    '"Sort these before lunch."\n'
)

# The same sentence with no one before the preposition's object: the object is still the one
# named last.
OBJECT_ONLY = (
    "The greenhouse smelled of wet soil. Bram was watering the ferns at the far end.\n\n"
    "Later the crate of bulbs was set down next to Tilde.\n\n"
    '"Sort these before lunch."\n'
)


def test_a_bare_quote_goes_to_the_subject_not_the_object_named_after_it():
    assert sieve_answers(GREENHOUSE, ["Tilde", "Bram"]) == [("Tilde", "nearest_mention")]


def test_an_object_alone_in_its_sentence_stays_the_one_named_last():
    assert sieve_answers(OBJECT_ONLY, ["Tilde", "Bram"]) == [("Tilde", "nearest_mention")]
