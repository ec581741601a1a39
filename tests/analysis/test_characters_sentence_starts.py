"""Fan fiction names that open sentences, and the pronoun after a sentence's subject."""

from __future__ import annotations

from tests.analysis.casts import cast_of, names

ROAD = """Arya rode north through the snow. Arya shrugged when the guard called to her.

"Where are you going?" the guard asked.

"Home," Arya said. She pulled her cloak tighter. Jaqen watched her go. Jaqen smiled.

Arya did not look back. Jaqen turned away."""


def test_an_invented_name_that_only_opens_sentences_as_an_actor_is_a_character():
    assert "Jaqen" in names(cast_of(ROAD))


def test_an_invented_name_opening_two_sentences_as_an_actor_is_a_character():
    text = (
        "The hall was empty. Daenerys turned to the window.\n\n"
        "Nobody moved. Daenerys picked up the cup and walked out."
    )
    assert "Daenerys" in names(cast_of(text))


def test_a_name_english_also_writes_as_a_word_opening_sentences_is_a_character():
    """A texting scene: `Jake` (a common word to wordfreq, a usual name to people) never
    speaks by a tag, only opens sentences."""
    text = (
        "Hour six of the stakeout, and Rosa was asleep. His phone buzzed.\n\n"
        '"Status report?"\n\n'
        'Jake grinned and typed back with one hand. "nothing. i ate a granola bar"\n\n'
        '"Please tell me you are watching the door."\n\n'
        'Jake sat up straight. "watching it SO hard"\n'
    )
    assert "Jake" in names(cast_of(text))


def test_a_word_never_a_name_in_its_text_opening_sentences_stays_out():
    text = (
        "Hope flared in her chest. She ran. Hope carried her up the stairs.\n\n"
        '"Wait," Rosa said. She had hope too.'
    )
    assert "Hope" not in names(cast_of(text))


def test_common_words_and_places_opening_sentences_are_no_characters():
    text = (
        "Winterfell was quiet. Winterfell stood dark against the hills. Nothing moved. "
        "Nothing happened for an hour. Suddenly thunder rolled. Later came the rain. "
        "Meanwhile lightning struck the tower. Somewhere dogs barked. Somewhere wolves "
        "howled. Later rain fell. Upstairs creaked a door. Upstairs creaked another door. "
        "Overhead flew a hawk. Overhead circled two crows."
    )
    assert names(cast_of(text)).isdisjoint(
        {"Winterfell", "Nothing", "Suddenly", "Later", "Meanwhile", "Somewhere", "Upstairs"}
        | {"Overhead"}
    )


def test_one_sentence_opening_is_not_enough_for_an_unknown_word():
    text = "Kelvara smiled. The inn was warm and the fire was bright and nobody spoke."
    assert "Kelvara" not in names(cast_of(text))


def test_she_after_a_sentence_whose_subject_is_the_name_gives_the_gender():
    cast = cast_of(ROAD)
    assert cast.get("Arya").gender == "female"


def test_a_pronoun_after_someone_else_in_the_sentence_gives_no_gender():
    text = (
        "Arya hugged the boy. He laughed and ran off.\n\n"
        '"Come back," Arya called. Arya waited by the gate. Arya sat down.'
    )
    assert cast_of(text).get("Arya").gender == "unknown"


def test_an_object_her_after_an_invented_name_gives_no_gender():
    assert cast_of(ROAD).get("Jaqen").gender == "unknown"


def test_the_doctor_capitalised_mid_sentence_speaking_once_is_a_character():
    text = (
        "The blue box landed with a groan. Rose stepped out first.\n\n"
        '"Where are we?" Rose asked.\n\n'
        '"London, 1941," said the Doctor. Rose followed the Doctor into the fog.'
    )
    assert "The Doctor" in names(cast_of(text))


def test_the_doctor_named_once_and_called_by_the_title_in_a_line_is_a_character():
    """Doctor Who fan fiction: `the Doctor` once in the narration, `"Doctor?"` in Rose's
    line; every other line untagged or `he said`."""
    text = (
        "They sat on the roof, because the Doctor said the view was better up there.\n\n"
        '"So this is it, then."\n\n"This is it."\n\n'
        "Rose bumped his shoulder. Neither of them said anything for a while.\n\n"
        '"Doctor?"\n\n"Mm?"\n\n"Do you ever get tired of it?"\n\n"Never," he said.\n'
    )
    assert "The Doctor" in names(cast_of(text))


def test_a_capitalised_description_speaking_once_and_never_again_named_stays_out():
    text = '"London, 1941," said the Doctor. Rose walked into the fog and Rose waited.'
    assert "The Doctor" not in names(cast_of(text))


SHORT_READER_INSERT = """You wake before the alarm. The room is cold, and your breath fogs.

"Morning," Bakugo says from the doorway.

"Morning," you say, pulling the blanket up to your chin.

He rolls his eyes and leaves."""


def test_a_short_second_person_story_without_y_n_has_the_reader_as_narrator():
    cast = cast_of(SHORT_READER_INSERT)
    assert cast.narration == "second"


def test_a_few_yous_in_third_person_narration_make_no_second_person_story():
    text = (
        "She knew the road. You could see the river from the hill, and she liked it. "
        "He said nothing to her. She walked on; he followed her, and they talked about his "
        "farm and her sister. You never forget a road like that, she thought. His dog ran "
        "ahead of them. Your feet learn it, she told him, and he laughed at her."
    )
    assert cast_of(text).narration == "third"
