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


# A sister home after years; her sister's wife named only in a question the sister answers.
HOMECOMING = (
    "The Lighthouse\n\nI hadn't been back to Port Ellery in six years, and the first "
    "person I saw when I got off the ferry was my sister.\n\nBea was leaning against "
    "her old truck with her arms folded, exactly the way Mum used to stand when we "
    'were late for dinner. She didn\'t wave.\n\n"You cut your hair," she said.\n\n"You '
    "didn't.\"\n\nThat almost got a smile. Almost. She took my bag and threw it in the "
    "back. \"Nell's making lasagne. She says if you're vegetarian now, you can pick "
    'the meat out yourself."\n\n"Who\'s Nell?"\n\nBea looked at me for a long second. "My '
    "wife, Iris. You'd know if you ever answered your phone.\"\n\nI didn't have anything "
    "to say to that, so I got in the truck.\n\nNell turned out to be small and freckled "
    "and loud, and she hugged me at the door as if she had known me all her life. "
    "\"Finally! The famous little sister. Come in, come in, the garlic bread's "
    'burning."\n\n"She burns it on purpose," Bea said, kissing her wife on the temple '
    'as she passed. "She likes it black."\n\n"I like it character-building," said '
    "Nell.\n\nLater, when Nell had gone up to bed and the two of us were alone on the "
    "porch with the lighthouse sweeping its slow beam across the water, Bea finally "
    "said it.\n\n\"Dad's sick, Iris. That's why I called.\"\n"
)


def test_a_name_called_after_a_noun_is_not_the_one_it_names():
    assert "Bea/Iris" not in pairs(HOMECOMING)


def test_a_noun_answering_who_someone_is_names_them():
    assert pairs(HOMECOMING).get("Bea/Nell") == "romantic"
