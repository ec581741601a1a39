"""Characters no pack knows: discovery, alias clustering, gender, narrator, presence."""

from __future__ import annotations

import pytest

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.packs import Knowledge
from tests.analysis.casts import cast_of as shared_cast_of
from tests.analysis.casts import names

NO_PACKS = Knowledge()


def cast_of(text: str) -> Cast:
    return shared_cast_of(text, NO_PACKS)


REGENCY = """Mr. Darcy walked into the room. Elizabeth Bennet looked up from her book.

"Good morning," said Mr. Darcy.

"Good morning, Mr. Darcy," replied Elizabeth. She closed the book.

Darcy sat down. Fitzwilliam Darcy was not a man who waited. Elizabeth smiled at him.

"Are you going to London?" asked Jane Bennet. Jane had come in quietly.

"I am," Darcy said. "I leave for London on Monday."

Mrs. Bennet came in at once. Mrs. Bennet wanted to know everything. Jane laughed.

Later they walked in London and in Hyde Park, and Darcy talked of Pemberley.
"""


@pytest.fixture(scope="module")
def regency() -> Cast:
    return cast_of(REGENCY)


def test_full_name_title_and_family_name_form_one_character(regency):
    darcy = regency.resolve("Mr. Darcy")
    assert darcy is not None
    assert darcy is regency.resolve("Darcy") is regency.resolve("Fitzwilliam Darcy")
    assert darcy.name == "Mr. Darcy"  # the full name occurs once: not yet a common form


def test_canonical_name_is_the_most_complete_common_form():
    cast = cast_of(REGENCY + "\nFitzwilliam Darcy bowed to Elizabeth and left.\n")
    assert cast.resolve("Darcy").name == "Fitzwilliam Darcy"
    assert {"Mr. Darcy", "Darcy"} <= set(cast.resolve("Darcy").aliases)


def test_sisters_sharing_a_family_name_stay_apart(regency):
    elizabeth, jane = regency.resolve("Elizabeth"), regency.resolve("Jane")
    assert elizabeth is not None and jane is not None and elizabeth is not jane
    assert regency.resolve("Mrs. Bennet") not in (elizabeth, jane)


@pytest.mark.parametrize("word", ["Monday", "London", "Hyde Park", "Good", "Later", "She"])
def test_days_places_and_sentence_openers_are_not_characters(regency, word):
    assert regency.resolve(word) is None


@pytest.mark.parametrize(
    ("surface", "gender"),
    [("Mr. Darcy", "male"), ("Elizabeth", "female"), ("Mrs. Bennet", "female")],
)
def test_gender_from_titles_and_given_names(regency, surface, gender):
    assert regency.resolve(surface).gender == gender


def test_gender_from_pronouns_after_mentions():
    text = (
        "Zorvath opened the door. He was tired. Zorvath sat down and he sighed.\n\n"
        "Quillan watched. She said nothing. Quillan turned and she left.\n\n"
        '"Zorvath?" Quillan called. Zorvath looked up at her.\n'
    )
    cast = cast_of(text)
    assert cast.resolve("Zorvath").gender == "male"
    assert cast.resolve("Quillan").gender == "female"


def test_plural_families_and_nationalities_are_not_characters():
    text = (
        "Mr. Weston laughed. Mr. Weston liked the Westons' house. The Westons were kind.\n\n"
        "The Italians sang. Mr. Weston smiled at the Italians and the Westons.\n"
    )
    found = names(cast_of(text))
    assert "Westons" not in found and "Italians" not in found
    assert "Mr. Weston" in found


def test_a_word_the_text_also_uses_in_lowercase_is_not_a_name():
    text = (
        "Hope was all they had. They had hope. Nobody gave up hope. "
        "Hope kept them going, and hope was enough. Mara said so. Mara waved.\n"
    )
    found = names(cast_of(text))
    assert "Hope" not in found
    assert "Mara" in found


def test_first_person_narrator_named_by_vocatives():
    paragraphs = [
        'I walked into the kitchen. I was hungry. "Morning, Tam," said Ollie.',
        '"Hello, Ollie," I said. I sat down and I poured my tea.',
        '"Tam, are you listening?" Ollie asked. I nodded. My head hurt.',
        "I looked out of my window. I thought about the day ahead of me.",
    ]
    cast = cast_of("\n\n".join(paragraphs) + "\n")
    assert cast.narration == "first"
    assert cast.narrator is not None and cast.narrator.name == "Tam"
    assert cast.narrator.present


def test_first_person_narrator_who_introduces_themself():
    text = (
        "My name is Ravel Quint and I keep bees. I live alone. I like it that way, "
        "and my bees like me. I wake at dawn and I walk to my hives.\n\n"
        "Dorin came by. I waved at Dorin. Dorin waved back at me and I smiled.\n"
    )
    cast = cast_of(text)
    assert cast.narration == "first"
    assert cast.narrator is not None and cast.narrator.name == "Ravel Quint"


def test_third_person_story_has_no_narrator(regency):
    assert regency.narration == "third"
    assert regency.narrator is None


def test_second_person_reader_insert():
    text = (
        "You wake up early. You stretch and you look at the clock. Your coffee is cold.\n\n"
        '"Y/N, are you up?" Kenji calls. You smile at Kenji and you wave.\n\n'
        "Kenji grins at (Y/N). You roll your eyes at him.\n"
    )
    cast = cast_of(text)
    assert cast.narration == "second"
    assert cast.narrator is not None and cast.narrator.name == "Reader"
    assert cast.resolve("Y/N") is cast.narrator


def test_present_versus_only_mentioned():
    text = (
        "Arlo climbed the wall. Arlo's hands shook.\n\n"
        '"My uncle, Bertrand, taught me that," Arlo said to Cass.\n\n'
        "Cass laughed. Bertrand had taught him everything, once.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Arlo").present and cast.resolve("Cass").present
    bertrand = cast.resolve("Bertrand")
    assert bertrand is not None and not bertrand.present


def test_no_names_gives_an_empty_cast():
    cast = cast_of("it was raining. nobody came. the end.\n")
    assert cast.characters == [] and cast.mentions == [] and cast.narrator is None


def test_characters_known_by_a_description_that_speaks():
    text = (
        '"Who are you?" said the Caterpillar. Alice looked at the Caterpillar.\n\n'
        '"I hardly know," Alice replied. "Nonsense!" said the Caterpillar.\n\n'
        'The White Rabbit hurried by. "Oh dear!" said the Rabbit. '
        '"I shall be late!" said the White Rabbit.\n\n'
        "They walked on towards the Palace, past the Garden.\n"
    )
    cast = cast_of(text)
    caterpillar = cast.resolve("the Caterpillar")
    assert caterpillar is not None and caterpillar.name == "The Caterpillar"
    assert caterpillar.mentions == 3
    assert cast.resolve("the Rabbit") is cast.resolve("The White Rabbit") is not None
    assert cast.resolve("the Palace") is None and cast.resolve("the Garden") is None


def test_a_role_in_lower_case_that_speaks_in_tags_is_a_character():
    text = (
        '"Red wins," said the croupier. Anna stared at the table.\n\n'
        '"Again," said Anna. "Put it all on red."\n\n'
        '"Red wins," the croupier announced, and pushed the gold across.\n\n'
        '"Fine weather," said the old man. "Fine weather," said the old man.\n\n'
        'Someone said the weather was fine. "Go," said the guards. "Go," said the guards.\n'
    )
    cast = cast_of(text)
    croupier = cast.resolve("the croupier")
    assert croupier is not None and croupier.name == "The Croupier"
    assert croupier.mentions == 2
    # Anyone could be `the old man`; `the weather` is no tag's subject; `the guards` are many.
    assert {"The Old Man", "The Weather", "The Guards"}.isdisjoint(names(cast))


def test_a_possessive_ends_a_name():
    text = "Alice's Evidence was weak. Alice laughed. Alice said so, and Alice left.\n"
    assert "Alice Evidence" not in names(cast_of(text))


def test_a_nickname_joins_the_one_person_known_by_that_first_name():
    text = (
        "Elizabeth Bennet walked in. Elizabeth smiled at her mother.\n\n"
        '"Lizzy, come here," said Mrs. Bennet. Elizabeth went over.\n\n'
        '"Yes?" said Lizzy. Mrs. Bennet sighed at Elizabeth.\n\n'
        "Lady Catherine arrived. Lady Catherine frowned. Kitty coughed, and Kitty laughed.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Lizzy") is cast.resolve("Elizabeth") is not None
    assert cast.resolve("Kitty") is not cast.resolve("Lady Catherine")


@pytest.mark.parametrize(
    ("text", "separate"),
    [
        (
            "Colonel Fitzwilliam bowed. Fitzwilliam Darcy nodded. Colonel Fitzwilliam left. "
            "Fitzwilliam Darcy sat.\n",
            ("Colonel Fitzwilliam", "Fitzwilliam Darcy"),
        ),
        (
            "Mrs. Bennet sighed. Elizabeth Bennet laughed. Mrs. Bennet wept. "
            "Elizabeth Bennet left.\n",
            ("Mrs. Bennet", "Elizabeth Bennet"),
        ),
        (
            "Lady Catherine de Bourgh spoke. Miss de Bourgh coughed. Lady Catherine de Bourgh "
            "glared. Miss de Bourgh said nothing.\n",
            ("Lady Catherine de Bourgh", "Miss de Bourgh"),
        ),
    ],
)
def test_titles_keep_relatives_apart(text, separate):
    cast = cast_of(text)
    first, second = (cast.resolve(s) for s in separate)
    assert first is not None and second is not None and first is not second


def test_an_honorific_marks_a_person_even_once():
    text = (
        "Tanjiro ran. Nezuko followed him. Tanjiro stopped and thought of Giyuu-san.\n\n"
        '"Tanjiro-kun," Zenitsu whispered. Tanjiro listened. Nezuko growled.\n'
    )
    cast = cast_of(text)
    giyuu = cast.resolve("Giyuu")
    assert giyuu is not None and not giyuu.present
    assert cast.resolve("Tanjiro-kun") is cast.resolve("Tanjiro") is not None


def test_doctor_and_mister_of_one_family_are_one_man_unless_there_is_a_wife():
    alone = cast_of(
        "Mr. Kemp wrote. Dr. Kemp rose. Doctor Kemp sighed. Kemp said nothing. Mr. Kemp sat.\n"
    )
    assert alone.resolve("Dr. Kemp") is alone.resolve("Mr. Kemp") is alone.resolve("Kemp")
    couple = cast_of(
        "Mrs. Spencer wrote. Dr. Spencer rose. Mrs. Spencer sighed. Dr. Spencer sat.\n"
    )
    assert couple.resolve("Dr. Spencer") is not couple.resolve("Mrs. Spencer")


def test_a_nickname_with_another_family_name_is_someone_else():
    text = (
        "William Blair laughed. William waved. Billy Andrews scowled. Billy Andrews left. "
        "William sighed.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Billy Andrews") is not cast.resolve("William Blair")


def test_a_name_that_acts_once_mid_sentence_is_a_character():
    text = (
        "Ichigo woke up late. Rukia laughed at him. Ichigo groaned at Rukia.\n\n"
        "They walked to school, and Chad nodded at them. Suddenly it rained.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Chad") is not None
    assert cast.resolve("Suddenly") is None


def test_a_bare_surname_names_the_titled_man_not_a_namesake_first_name():
    text = (
        "Colonel Fitzwilliam bowed. Mr. Fitzwilliam Darcy nodded. Colonel Fitzwilliam laughed. "
        "Fitzwilliam smiled at Darcy, and Fitzwilliam left. Mr. Darcy stayed.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Fitzwilliam") is cast.resolve("Colonel Fitzwilliam") is not None
    assert cast.resolve("Darcy") is cast.resolve("Mr. Darcy") is not cast.resolve("Fitzwilliam")


@pytest.mark.parametrize(("honorific", "gender"), [("kun", "male"), ("nee", "female")])
def test_gender_from_a_japanese_honorific(honorific, gender):
    text = f'"Morning, Hikaru-{honorific}!" Akane said. Hikaru waved. Hikaru-{honorific} laughed.\n'
    assert cast_of(text).resolve("Hikaru").gender == gender


def test_particles_compare_in_lowercase_and_a_bare_core_surname_joins():
    text = (
        "De Griers bowed. Monsieur de Griers smiled. De Griers left, and Griers sighed. "
        "De Griers said nothing.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("De Griers") is cast.resolve("Monsieur de Griers") is not None
    assert cast.resolve("Griers") is cast.resolve("De Griers")
