"""Fan-fiction speakers (thirteenth session): the learned ranking leaves alone a sieve answer
that the parity of the conversation's anchors supports (`ranking._parity_holds`), unless a
turn around calls the ranking's choice by name."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import run_sieve
from fanarchive.analysis.speakers.ranking import Model, rerank

# Two people, both tagged around an untagged turn: parity gives "Good." to Mara.
KETTLE = (
    "The kitchen was cold. Mara and Tobin had the early shift.\n\n"
    '"Is the kettle on?" asked Mara.\n\n'
    '"It is," said Tobin.\n\n'
    '"Good."\n\n'
    '"You sound tired."\n\n'
    '"I am tired," said Mara.\n'
)

# The same, but the turn after the untagged one calls Tobin by name at its end: the call
# says "Good." was Tobin's, whatever the parity.
KETTLE_CALLED = (
    "The kitchen was cold. Mara and Tobin had the early shift.\n\n"
    '"Is the kettle on?" asked Mara.\n\n'
    '"It is," said Tobin.\n\n'
    '"Good."\n\n'
    '"You sound tired, you know that? You always do on Mondays, Tobin."\n\n'
    '"I am tired," said Tobin.\n'
)

# A model that always prefers someone other than the sieve's answer.
CONTRARY = Model({"sieve": -10.0})


def ranked(text: str) -> list[tuple[str | None, str]]:
    document = read_text(text)
    quotes = find_quotes(document)
    sieve = run_sieve(document, quotes, detect_cast(document, quotes, default_knowledge()))
    rerank(sieve, CONTRARY)
    return [(q.speaker, q.rule) for q in quotes]


def test_parity_keeps_the_sieve_answer_against_the_ranking():
    answers = ranked(KETTLE)
    assert answers[2] == ("Mara", "turn_taking")


def test_a_call_of_the_ranking_choice_lets_it_overrule():
    answers = ranked(KETTLE_CALLED)
    assert answers[2][0] == "Tobin"
