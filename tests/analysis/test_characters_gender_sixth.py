"""Cast genders, sixth session (docs/evaluation.md, "Cast genders, sixth session"): the
pronouns after a name that belong to someone else. A quotation the sentence goes on to is
someone's talk; a `her` before a preposition or a question word is an object; a possessive on
what the name tugs or reaches for is the other person's; the pronoun after one of joined
subjects, or after `her cousin Tamsu`, is as likely the other's. Names are invented so that
no name list decides."""

from __future__ import annotations

from fanarchive.analysis.characters import context
from fanarchive.analysis.pipeline import analyze_text
from tests.analysis.casts import cast_of


def gender_of(text: str, name: str) -> str:
    character = cast_of(text).get(name)
    assert character is not None, f"{name} not in the cast"
    return character.gender


def voting(text: str, name: str) -> str:
    start = text.index(name)
    return context.voting_pronoun(text, start, start + len(name))


# --- a quotation after the tag is someone's talk -------------------------------------------


def test_a_pronoun_in_the_quotation_after_a_tag_is_not_the_speakers():
    text = '"No more have I," said Vantrel; "and I am glad you do not depend on her."'
    assert voting(text, "Vantrel") == ""


def test_the_pronoun_before_the_quotation_still_counts():
    text = 'Vantrel rubbed his jaw and said, "She will not come."'
    assert voting(text, "Vantrel") == "male"


def test_a_possessive_name_is_no_opening_single_quotation_mark():
    text = "Vantrel's temper was easy and he soon learned to bow."
    assert voting(text, "Vantrel") == "male"


TALKER = """Vantrel came in from the yard.

"She wants to know your history," said Vantrel, "she does."

"Does she?" Amarel asked.

"She says her tea is cold," said Vantrel, "and her feet too."

Vantrel rubbed his hands together by the stove. Vantrel pulled his coat off.
"""


def test_the_women_a_man_talks_about_do_not_make_him_a_woman():
    assert gender_of(TALKER, "Vantrel") == "male"


# --- `her` before a preposition or a question word is an object -----------------------------


def test_her_before_a_preposition_is_an_object():
    assert context.following_pronoun("Corvin looked at her across the fire.", 6) == ""


def test_her_before_a_question_word_is_an_object():
    text = "Fennick asked her why she was so quiet."
    assert context.following_pronoun(text, len("Fennick")) == ""


# --- what the name tugs, clings to or reaches for ------------------------------------------


def test_the_sleeve_one_tugs_is_someone_elses():
    assert context.following_pronoun("Tamsu tugged her sleeve.", len("Tamsu")) == ""


def test_the_hand_one_reaches_for_is_someone_elses():
    text = "Dorran reached for her hand and took out his watch."
    assert context.following_pronoun(text, len("Dorran")) == "male"


# --- joined subjects, and someone's relative ------------------------------------------------


def test_one_of_joined_subjects_refers_back_no_further_than_its_clause():
    text = "Mirela and Ostap looked at each other, and the waiter was told that he need not stay."
    assert voting(text, "Ostap") == ""


def test_the_possessors_pronoun_after_her_cousin_is_not_the_cousins():
    text = "Her younger brother Tavik stood up when she came in."
    assert voting(text, "Tavik") == ""


def test_the_other_genders_pronoun_after_her_cousin_still_counts():
    text = "Her younger brother Tavik stood up and brushed off his knees."
    assert voting(text, "Tavik") == "male"


COUSIN = """The shrine was crowded, and Keiro had lost Amarel in the first five minutes.

Amarel was standing on the stone steps, waving both arms. Her little cousin Tamsu was clinging
to her sleeve with one hand and a candy apple with the other.

"You walked right past us," Amarel said.

Tamsu tugged her sleeve. "I want to write my wish."

Tamsu came running back with ink on his nose. "I wished for a dog!"
"""


def test_the_cousin_clinging_to_her_sleeve_is_a_boy():
    assert gender_of(COUSIN, "Tamsu") == "male"


# --- a name's relative ----------------------------------------------------------------------


def test_the_pronoun_after_a_names_mother_is_the_mothers():
    text = "Winnie's mother was a stout woman. She wore a black wig."
    assert voting(text, "Winnie") == ""


RELATIVE = """Tavik found his coat on the peg by the door.

Tavik's mother was waiting in the kitchen; she had made tea.

"You're late," said Amarel.

Tavik's aunt was there too, and she did not look up from her knitting.
"""


def test_a_names_mother_and_aunt_do_not_make_him_a_woman():
    assert gender_of(RELATIVE, "Tavik") == "male"


# --- the narration's pronouns after mentions that do not act, shown last --------------------

NARRATED = """The men rode in at dusk, and Miguel came last of all.

"You look like a preacher," said Corvane.

Miguel wore the hatband. Even Ostrand, the sunny-hearted, had a curl of his lip after the
first glance, and the talk turned to horses. The praise earned by Ostrand in the spring was the
cause of his being asked along.

"Leave him be," said Corvane.
"""


def test_a_name_that_never_acts_takes_the_pronouns_after_it_once_speakers_are_found():
    character = next(c for c in analyze_text(NARRATED).characters if c.name == "Ostrand")
    assert character.gender == "male"


def test_those_pronouns_are_not_the_casts_gender_for_attribution():
    assert gender_of(NARRATED, "Ostrand") == "unknown"


def test_the_he_or_she_opening_a_sentence_inside_the_quotation_is_the_talks():
    text = (
        '"I believe it," replied Vantrel; "I have not seen her for years. She has the'
        ' reputation of being proud."'
    )
    assert voting(text, "Vantrel") == ""


def test_the_he_after_a_quotation_closing_the_sentence_still_counts():
    text = 'Vantrel said, "they went away." He sat down.'
    assert voting(text, "Vantrel") == "male"
