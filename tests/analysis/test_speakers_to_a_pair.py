"""A turn said to a pair (`you two`, `both of you`, `either of you`) is not one of the two who
spoke the turns just before it: a third person cuts into their exchange
(`Sieve.third_to_a_pair`). The sieve's answers on hand-written passages (the learned ranking
may still re-read such a turn)."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import run_sieve

KITCHEN = (
    "Marguerite stood at the stove with a wooden spoon. Tobias and Gideon sat at the table, "
    "arguing about the football. Marguerite had fed them both since they were boys.\n\n"
    '"They were robbed," Tobias said.\n\n'
    '"They were terrible," Gideon said.\n\n'
    '"Are you two going to shout all night?"\n\n'
    "Nobody answered her. The soup went on bubbling.\n"
)


def speakers(text: str) -> list[str | None]:
    document = read_text(text)
    document.metadata.characters = ["Marguerite", "Tobias", "Gideon"]
    quotes = find_quotes(document)
    run_sieve(document, quotes, detect_cast(document, quotes, default_knowledge()))
    return [q.speaker for q in quotes]


def test_a_turn_said_to_the_pair_is_the_third_persons():
    # Before, parity gave it to Tobias, as if he asked himself and Gideon.
    assert speakers(KITCHEN) == ["Tobias", "Gideon", "Marguerite"]


def test_you_two_before_a_noun_is_no_call():
    # `giving you two bad feelings` speaks of two feelings, not to two people.
    text = KITCHEN.replace(
        "Are you two going to shout all night?", "That was giving you two bad feelings."
    )
    assert speakers(text)[2] == "Tobias"
