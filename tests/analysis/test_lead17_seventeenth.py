"""The lead's reading (seventeenth session; docs/evaluation.md and docs/warnings.md, "The
lead's reading (seventeenth session)"): scenes written and read as a reader would, each
failing before its fix."""

import pytest

from fanarchive.analysis import analyze_text

MINORS = "Minors in a Romantic or Sexual Scene"


def warning_names(text: str) -> set[str]:
    return {warning["name"] for warning in analyze_text(text).to_dict()["warnings"]}


def dance(age_sentence: str) -> str:
    return (
        "Theo Park waited by the gym doors under the paper lanterns. Marisol Vega came over"
        f' with two cups of punch.\n\n"Hi," Theo said. {age_sentence}\n\nThe song changed to'
        " something slow. Halfway through it Theo leaned down and kissed Marisol, quick and a"
        " little clumsy, and she kissed him back.\n"
    )


# "as well" and "also" end an age as "too" does: "He was sixteen as well" is an age.
@pytest.mark.parametrize(
    "age_sentence",
    ["He was sixteen as well, a month older than her.", "He was sixteen also."],
)
def test_an_age_said_as_well_is_an_age(age_sentence):
    assert MINORS in warning_names(dance(age_sentence))


def test_a_number_as_well_without_a_person_is_no_age():
    assert MINORS not in warning_names(dance("There were sixteen as well, all in pairs."))


def pairs(text: str) -> dict[str, str]:
    return {r["tag"]: r["kind"] for r in analyze_text(text).to_dict()["relationships"]}


# A wife says so in a line, his best friend in the room: "his" is the one the line before names.
HOSPITAL = (
    "Nadia Okonkwo had been waiting for two hours when a nurse came out with a clipboard.\n\n"
    '"Family of Callum Reyes?"\n\n'
    "Nadia was on her feet at once. \"That's me. I'm his wife.\"\n\n"
    "Callum was propped up on the pillows, a bandage across his forehead.\n\n"
    '"Hey, you," he said.\n\n'
    "\"Don't you 'hey, you' me.\" Nadia sat on the bed and took his hand. \"What were you"
    ' thinking?"\n\n'
    "Imran Shah, Callum's best friend since school, came in with a bag of grapes.\n\n"
    '"They picked him up," Imran said.\n\n'
    '"Good," said Nadia.\n\n'
    '"Told you I\'d be fine, Imran," Callum said.\n'
)


def test_a_wife_who_says_so_in_a_line_is_his_wife():
    assert pairs(HOSPITAL).get("Callum/Nadia") == "romantic"


def test_saying_so_of_someone_named_makes_the_two_a_couple():
    text = HOSPITAL.replace("I'm his wife.", "I'm Callum's wife.")
    assert pairs(text).get("Callum/Nadia") == "romantic"
