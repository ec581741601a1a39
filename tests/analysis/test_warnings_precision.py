"""Archive warnings precision-first, on short hand-written passages: figurative turns,
accidents and attackers are not warnings; real injuries, suicide by poison and in-scene
minors are."""

import re

import pytest

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Character
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings

MINORS = "Minors in a Romantic or Sexual Scene"


def warnings_for(text: str) -> dict:
    document = read_text(text)
    return {w.name: w for w in detect_warnings(document, find_quotes(document), Cast())}


@pytest.mark.parametrize(
    "text",
    [
        "She shot him a quick, withering look. He shot her another glare and left.",
        "He snapped his fingers twice. She snapped her fingers back at him.",
        "He gave a strangled sort of laugh, then a strangled little cry of outrage.",
        "'Fine,' she said in a dead voice. Her dead eyes stayed on the window.",
        "She snatched her hand back from the stove and he snatched his arm away.",
        "The guilt tore her apart. She was torn apart by grief for weeks.",
        "He snatched her phone and grinned. She snatched her bag from the chair and left. "
        "The band held the crowd captive by its music; she was tied up at work.",
        "She tore open the envelope. The letter had been torn open before, and she had "
        "severed all ties with him, so she ripped it open again and laughed.",
    ],
)
def test_figurative_turns_are_not_violence_death_or_abduction(text):
    found = warnings_for(text)
    assert not {"Violence", "Death", "Abduction", "Graphic Depictions Of Violence"} & set(found)


@pytest.mark.parametrize(
    "text",
    [
        "She cut her hand on the broken glass. It bled a little and she washed it.",
        "He cut his finger while chopping onions and swore. Blood dripped on the board.",
        "The man slashed her arm with a knife and ran. She pressed her hand to the cut.",
        # the chore right after the cut, with no `while` (before: a Self-Harm note)
        "The glass shattered, and she cut her thumb picking up the pieces. Just a nick.",
        "He cut himself shaving again, and a bead of blood welled on his jaw.",
    ],
)
def test_accidents_and_attackers_are_not_self_harm(text):
    assert "Self-Harm" not in warnings_for(text)


def test_a_cut_to_cope_is_still_self_harm():
    found = warnings_for(
        "She locked the bathroom door and sliced her arm open with the razor. "
        "It was the only way to feel something. She hid the cuts under long sleeves."
    )
    assert found["Self-Harm"].severity == "high"


def test_suicide_by_poison_is_a_suicide_note():
    found = warnings_for(
        "He did not want to live any more. He poured the poison into his tea and drank it "
        "by the window."
    )
    assert "Suicide" in found


def test_thoughts_of_ending_it_all_with_a_sleep_not_woken_from_are_a_suicide_note():
    # `ending it all` (only `end it all` was read) and a sleep wished to be the last
    found = warnings_for(
        "Sometimes he thought about ending it all. He had the pills. He could sleep and never "
        "wake up."
    )
    assert "Suicide" in found


def test_a_sleep_till_morning_is_no_suicide():
    assert "Suicide" not in warnings_for("The baby will sleep and not wake up until morning.")


def test_poison_alone_is_not_suicide():
    assert "Suicide" not in warnings_for("She poured the poison into the king's wine and smiled.")


@pytest.mark.parametrize(
    "text",
    [
        "The sword went through his chest. He fell, coughing blood onto the stones, and the "
        "soldier stabbed him again. Blood poured from the wound.",
        "The bayonet scraped bone as Hale drove it into the man's stomach. He stabbed him "
        "again and again, and blood sprayed across the trench.",
    ],
)
def test_injuries_described_are_graphic_violence(text):
    found = warnings_for(text)
    assert found["Graphic Depictions Of Violence"].archive_warning


@pytest.mark.parametrize(
    "text",
    [
        "They had known each other since they were eleven. He kissed her in the kitchen.",
        "When he was ten he hated girls. Now he kissed her in the rain and she laughed.",
        "Back in middle school she kicked his chair. Tonight she kissed him at the door.",
        "She remembered the lake. She was fourteen that summer. "
        "Now, married twenty years, she kissed him good night.",
    ],
)
def test_ages_from_another_time_do_not_make_minors(text):
    found = warnings_for(text)
    assert MINORS not in found and "Underage Sex" not in found


def test_two_fifteen_year_olds_kissing_in_pronouns_are_flagged():
    found = warnings_for(
        "They were both fifteen that spring. After school she waited for him by the gate. "
        "She kissed him, quick and clumsy, and he kissed her back."
    )
    assert found[MINORS].likelihood == "likely"
    assert "fifteen" in found[MINORS].evidence[0].text
    assert "Underage Sex" not in found


def test_an_author_note_saying_everyone_is_an_adult_clears_a_young_look():
    text = (
        "Author's note: everyone in this story is an adult.\n\n"
        "He is sixteen in my head canon for the school arc, she joked. "
        "She kissed him and they went to bed together."
    )
    assert MINORS not in warnings_for(text)


def test_an_age_said_of_someone_else_in_dialogue_is_only_possible():
    found = warnings_for(
        '"He\'s sixteen, he can take the bus," she said. She kissed her husband and laughed.'
    )
    assert found[MINORS].likelihood == "possible"
    assert "possible" in found[MINORS].detail


def test_i_am_fifteen_said_in_the_scene_is_likely():
    found = warnings_for('"I\'m fifteen," she said. "So are you." Then she kissed him.')
    assert found[MINORS].likelihood == "likely"


def test_a_named_characters_body_is_not_their_death():
    from fanarchive.analysis import analyze_text

    text = (
        "Sam ran the last mile. Sam's body ached; he felt half dead after the race. "
        "Later Sam met Alex at the cafe, and Sam told Alex about the race. Alex laughed."
    )
    assert "Major Character Death" not in {w.name for w in analyze_text(text).warnings}


@pytest.mark.parametrize("tag", ["Aged-Up Character(s)", "Adult Noor"])
def test_the_authors_tags_saying_adult_clear_a_stated_age(tag):
    from fanarchive.analysis import analyze_document

    text = (
        "Noor is sixteen and bored. Noor laughed at Sam. "
        "Sam kissed Noor and Noor kissed Sam back, and they went to bed together."
    )
    untagged = read_text(text)
    assert MINORS in {w.name for w in analyze_document(untagged).warnings}
    tagged = read_text(text)
    tagged.metadata.additional_tags = [tag]
    assert MINORS not in {w.name for w in analyze_document(tagged).warnings}


def test_a_named_characters_death_is_a_major_character_death_at_its_set_confidence():
    from fanarchive.analysis import analyze_text

    text = (
        "Sam and Alex walked to the river. Sam told Alex about the war. "
        "That winter Sam died in the hospital. Alex stood at Sam's grave and wept."
    )
    found = {w.name: w for w in analyze_text(text).warnings}
    assert found["Major Character Death"].confidence == 0.7


def test_a_minor_characters_death_is_not_a_major_character_death():
    from fanarchive.analysis import analyze_text

    lead = "Sam and Alex walked to the river. Sam told Alex about the war. Alex laughed at Sam. "
    text = (
        lead * 4
        + "That winter the old baker died in the hospital. Sam and Alex went to the baker's funeral."
    )
    text = text.replace("the old baker died", "Ivo died").replace("the baker's", "Ivo's")
    assert "Major Character Death" not in {w.name for w in analyze_text(text).warnings}
    # The same death said of a lead is one.
    lead_dies = text.replace("Ivo died", "Sam died")
    assert "Major Character Death" in {w.name for w in analyze_text(lead_dies).warnings}


def test_main_characters_are_the_ones_mentioned_beside_the_most_mentioned():
    from fanarchive.analysis.warnings.special import main_characters

    cast = Cast(
        [
            Character("Ann", present=True, mentions=20),
            Character("Bob", present=True, mentions=9),
            Character("Cleo", present=True, mentions=4),
            Character("Dan", mentions=2),
        ]
    )
    assert main_characters(cast) == {"Ann", "Bob"}
    assert main_characters(Cast([Character("Ann", mentions=3)])) == {"Ann"}


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("death", "The phone's dead, and the battery was dead too."),
        ("death", "It was a dead-end job in a dead-end town."),
        ("killing", "He killed the engine and waited."),
        ("violence", "She had a panic attack in the lift."),
        ("violence", "They exploded with laughter."),
        ("killing", "I could murder a sandwich."),
        ("abduction", "He kept her captive with a long story about his cousin."),
    ],
)
def test_things_and_turns_of_phrase_are_no_cue(category, text):
    from fanarchive.analysis.sentences import sentence_index
    from fanarchive.analysis.warnings import score_cues

    document = read_text(text)
    assert category not in score_cues(document, sentence_index(document))


def test_a_person_in_a_car_still_dies():
    from fanarchive.analysis.sentences import sentence_index
    from fanarchive.analysis.warnings import score_cues

    document = read_text("The man in the car was dead.")
    assert "death" in score_cues(document, sentence_index(document))


def test_an_attackers_blade_on_a_body_part_is_violence_not_self_harm():
    found = warnings_for("The man lunged. His knife sliced across her forearm, and she ran.")
    assert "Violence" in found
    assert "Self-Harm" not in found


def test_a_cut_on_a_broken_bottle_is_an_accident():
    found = warnings_for("Ollie had cut his hand on a broken bottle in the recycling.")
    assert "Self-Harm" not in found
    assert "Self-Harm" in warnings_for("Ollie cut his arm with the razor again, to feel something.")


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "He said he could not go on like this."),
        ("suicide", "She counted out all the sleeping pills onto the table."),
        ("war", "They crouched in the trench while the machine guns fired."),
        ("war", "A barrage fell on the dugouts at dawn."),
        ("death", "The coroner read the note aloud at the inquest."),
    ],
)
def test_cues_of_suicide_war_and_death_in_other_words(category, text):
    from fanarchive.analysis.sentences import sentence_index
    from fanarchive.analysis.warnings import score_cues

    document = read_text(text)
    assert category in score_cues(document, sentence_index(document))


def test_a_trench_coat_is_no_war():
    from fanarchive.analysis.sentences import sentence_index
    from fanarchive.analysis.warnings import score_cues

    document = read_text("He hung his trench coat by the door.")
    assert "war" not in score_cues(document, sentence_index(document))


@pytest.mark.parametrize(
    "text",
    [
        # an age at another moment: "was sixteen when she met him"
        "Mara was sixteen when she first met Joel. Now, at thirty, she kissed Joel on the pier.",
        # the age of a child who watches, not of the pair who kiss
        "Mara met Joel at the door. Ten-year-old Lily watched from the stairs as Mara kissed "
        "Joel in the hall. Mara and Joel had been married for twelve years.",
        # a school year that is a teacher's job
        "Mara teaches ninth grade. After school, Mara kissed Joel, her husband, in the car park.",
        "Joel is a middle school teacher. Mara kissed Joel goodbye at the gate.",
    ],
)
def test_ages_that_are_not_the_kissing_pairs_now(text):
    from fanarchive.analysis import analyze_text

    assert MINORS not in {w.name for w in analyze_text(text).warnings}


def test_an_age_when_they_first_kissed_is_the_kiss_age():
    from fanarchive.analysis import analyze_text

    text = "Mara and Joel were fifteen when they first kissed. Mara kissed Joel again the next day."
    assert MINORS in {w.name for w in analyze_text(text).warnings}


LEAD = "Sam and Alex walked to the river. Sam told Alex about the game. Alex laughed at Sam. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Sam nearly died laughing when Alex fell in.",
        "Sam died a little inside when Alex sang.",
        "In the game, Sam died twice on the first level.",
        "Sam almost died when the car skidded, but the airbag held.",
        "Sam dreamed that Alex died, and woke up shaking.",
    ],
)
def test_deaths_that_are_no_ones_are_no_major_character_death(sentence):
    from fanarchive.analysis import analyze_text

    names = {w.name for w in analyze_text(LEAD + sentence).warnings}
    assert "Major Character Death" not in names
    assert "Major Character Death" in {
        w.name for w in analyze_text(LEAD + "That winter Sam died in the hospital.").warnings
    }


def test_an_exam_that_raped_us_is_no_rape():
    from fanarchive.analysis import analyze_text

    text = LEAD + "The exam absolutely raped us, Sam complained."
    assert "Rape/Non-Con" not in {w.name for w in analyze_text(text).warnings}


def test_a_cue_whose_first_word_has_an_optional_ending_is_found_before_a_hyphen():
    from fanarchive.analysis.warnings.scanner import first_word

    # "brothers?-in-arms" must be tried at "brother-in-arms" too, not only at "brothers...".
    assert re.fullmatch(first_word("brothers?-in-arms"), "brother")
    assert re.fullmatch(first_word("brothers?-in-arms"), "brothers")
    assert first_word("kick(?:ed)? him") == "kick(?:ed)?"


def test_forced_into_a_van_tied_and_gagged_is_an_abduction():
    found = warnings_for(
        "Two men grabbed her outside the bar. Before she could scream they forced her into "
        "the van. In the back they tied her hands and gagged her."
    )
    assert "Abduction" in found


def test_a_story_that_holds_someone_captive_is_no_abduction():
    found = warnings_for(
        "The story held Alex captive until midnight; he was a prisoner of his own curiosity."
    )
    assert "Abduction" not in found


def test_before_she_could_is_no_hypothetical():
    from fanarchive.analysis.warnings.context import factor

    text = "Before she could scream he stabbed the guard."
    assert factor(text, 0, len(text), text.index("stabbed")) == 1.0
    text = "He could have stabbed the guard."
    assert factor(text, 0, len(text), text.index("stabbed")) == 0.5


@pytest.mark.parametrize(
    "text",
    [
        "She took the razor from the cabinet, pressed it to her forearm, and drew it across.",
        "He pressed the blade against his wrist and closed his eyes.",
    ],
)
def test_a_blade_laid_to_ones_own_limb_is_self_harm(text):
    assert "Self-Harm" in warnings_for(text)


def test_it_pressed_to_an_arm_without_a_blade_is_nothing():
    assert "Self-Harm" not in warnings_for("She took the cold can and pressed it to her arm.")


@pytest.mark.parametrize(
    "text",
    [
        "Mara poured her three-year-old homemade currant wine. Then she kissed Joel.",
        "Joel opened a twelve-year-old scotch, and Mara kissed him.",
        "They drove the fifteen-year-old car to the coast and kissed on the beach.",
    ],
)
def test_the_age_of_a_thing_is_no_minor(text):
    from fanarchive.analysis import analyze_text

    assert MINORS not in {w.name for w in analyze_text(text).warnings}


def test_an_age_before_a_name_the_cast_did_not_mark_still_counts():
    from fanarchive.analysis import analyze_text

    found = {w.name: w for w in analyze_text("Fifteen-year-old Mara kissed Joel.").warnings}
    assert found[MINORS].likelihood == "likely"


def test_teaching_ninth_graders_is_no_underage_sex():
    from fanarchive.analysis import analyze_text

    text = (
        "Sam teaches sex education to ninth graders. After work, Sam kissed Alex, her wife, "
        "and they went to bed together and made love."
    )
    names = {w.name for w in analyze_text(text).warnings}
    assert not {"Underage Sex", MINORS} & names


def test_violence_on_a_screen_counts_half():
    from fanarchive.analysis.warnings.context import factor

    text = "They watched a horror film where a man was stabbed and blood sprayed the walls."
    assert factor(text, 0, len(text), text.index("stabbed")) == 0.5
    text = "They watched as a man was stabbed and blood sprayed the walls."
    assert factor(text, 0, len(text), text.index("stabbed")) == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Nina bit her lip and bit back a retort.",
        "She punched the air and struck a match for the candle.",
        "I've been crushing on him for months.",
        "Theo beat a hasty retreat and kicked himself for asking.",
        "She stabbed at her food and slapped a sticker on the box.",
        "He slammed the car door and fought his way through the crowd.",
        "She threw herself into work and tore through three chapters.",
    ],
)
def test_everyday_force_on_things_and_oneself_is_no_violence_cue(text):
    from fanarchive.analysis.sentences import sentence_index
    from fanarchive.analysis.warnings import score_cues

    document = read_text(text)
    assert "violence" not in score_cues(document, sentence_index(document))


def test_a_blow_beside_a_slammed_door_still_counts():
    from fanarchive.analysis.sentences import sentence_index
    from fanarchive.analysis.warnings import score_cues

    document = read_text("He slammed the door and punched him in the face.")
    assert "violence" in score_cues(document, sentence_index(document))


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("killing", "You absolutely killed it up there."),
        ("death", "I'm so dead when she sees this."),
        ("killing", "My mum's going to murder me."),
        ("death", "The album died a death in the charts."),
        ("death", "Her marriage was dead long before the divorce."),
    ],
)
def test_success_trouble_and_exaggeration_are_no_cue(category, text):
    from fanarchive.analysis.sentences import sentence_index
    from fanarchive.analysis.warnings import score_cues

    document = read_text(text)
    assert category not in score_cues(document, sentence_index(document))


def test_he_killed_it_with_an_axe_still_counts():
    from fanarchive.analysis.sentences import sentence_index
    from fanarchive.analysis.warnings import score_cues

    document = read_text("The wolf lunged and he killed it with one blow.")
    assert "killing" in score_cues(document, sentence_index(document))


@pytest.mark.parametrize(
    "text",
    [
        "Ann went to the office party against her will and sulked. Later, at home, she and Bob "
        "had sex on the sofa, laughing, and fell asleep naked.",
        "Bob was reading about the Rape of Nanking for his essay. Later he and Ann had sex.",
    ],
)
def test_an_errand_against_her_will_or_a_history_book_is_no_rape(text):
    assert "Rape/Non-Con" not in warnings_for(text)


def test_against_her_will_with_sex_is_still_rape():
    text = (
        "He dragged her to his room against her will. He tore off her dress and had sex with "
        "her while she cried."
    )
    assert "Rape/Non-Con" in warnings_for(text)


def test_a_suicide_with_a_stated_death_is_a_death_and_an_attempt_is_not():
    from fanarchive.analysis import analyze_text

    done = (
        "He counted the sleeping pills out onto the table. He wrote that he could not go on "
        "like this. His daughter found him on Sunday. At the inquest the coroner read his note."
    )
    assert {"Suicide", "Death"} <= {w.name for w in analyze_text(done).warnings}
    attempt = (
        "She attempted suicide last spring. She swallowed the pills and woke up in hospital, "
        "alive and furious."
    )
    names = {w.name for w in analyze_text(attempt).warnings}
    assert "Suicide" in names and "Death" not in names


@pytest.mark.parametrize(
    "sentence",
    [
        "Sam was pronounced dead at the scene.",
        "Alex held Sam's lifeless body until the medics came.",
        "They lowered Sam's coffin into the ground, and Alex did not cry.",
        "Sam took his last breath in Alex's arms.",
        "The soldier shot Sam dead.",
    ],
)
def test_a_main_characters_death_in_other_words(sentence):
    from fanarchive.analysis import analyze_text

    names = {w.name for w in analyze_text(LEAD + sentence).warnings}
    assert "Major Character Death" in names


@pytest.mark.parametrize(
    "text",
    [
        "Lily is six. Her mother kissed her goodnight and turned out the light.",
        "Lily is six. Then she bent down and kissed the flushed cheek on the pillow.",
    ],
)
def test_a_goodnight_or_cheek_kiss_is_no_romantic_scene(text):
    from fanarchive.analysis import analyze_text

    assert MINORS not in {w.name for w in analyze_text(text).warnings}


HELD_BREATH = (
    "Nia and Jo stood on the balcony. Jo talked about the party and Nia laughed at Jo. "
    "Jo reached up and touched Nia's cheek with one finger.\n\n"
    "Nia stopped breathing. Her whole chest went tight and hot.\n\n"
)


def test_a_breath_held_by_someone_who_speaks_again_is_no_death():
    from fanarchive.analysis import analyze_text

    text = HELD_BREATH + '"Jo," Nia said.\n\n"Mm?" Jo said.\n\n"Nothing," Nia said.'
    assert "Major Character Death" not in {w.name for w in analyze_text(text).warnings}


def test_a_breath_that_stops_for_good_is_still_a_major_character_death():
    from fanarchive.analysis import analyze_text

    text = HELD_BREATH + '"Nia?" Jo said. "Nia, please." Jo held her and wept.'
    assert "Major Character Death" in {w.name for w in analyze_text(text).warnings}
