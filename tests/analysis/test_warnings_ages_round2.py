"""Ages that are not a person's age (round 2 of the hand-written stories, tune side): a count
of years followed by what it counts ("twelve years sober", "eleven years younger", "fifteen
years in the navy"), the age of a thing or an animal, and an age in a thought of the past."""

import pytest

from fanarchive.analysis.pipeline import analyze_text

MINORS = "Minors in a Romantic or Sexual Scene"


def minors(text: str):
    return {w.name: w for w in analyze_text(text).warnings}.get(MINORS)


def likelihood(text: str) -> str | None:
    """How likely the minors note calls it ("likely", "possible"); None when there is none."""
    found = minors(text)
    return found.likelihood if found is not None else None


@pytest.mark.parametrize(
    "opening",
    [
        "Haymitch was twelve years sober on the day Effie moved in next door.",
        "They were sixteen years married that June.",
        "He was fifteen years in the navy before he met her.",
        "She was eleven years younger than her wife.",
    ],
)
def test_a_count_of_years_followed_by_what_it_counts_is_no_age(opening):
    assert minors(f"{opening} That night she kissed him in the kitchen, slowly.") is None


@pytest.mark.parametrize(
    "opening",
    ["They were sixteen years of age.", "Mina is fifteen years, give or take a month."],
)
def test_an_age_in_years_still_counts(opening):
    assert likelihood(f"{opening} That night she kissed him in the kitchen, slowly.") == "likely"


@pytest.mark.parametrize(
    "opening",
    [
        "She drove a fourteen-year-old Capitol car all the way from the city.",
        "He had a thirteen-year-old poodle that bit everyone.",
        "Their eleven-year-old Labrador slept by the fire.",
    ],
)
def test_the_age_of_a_thing_or_an_animal_is_no_age(opening):
    assert minors(f"{opening} That night she kissed him in the kitchen, slowly.") is None


@pytest.mark.parametrize(
    "opening",
    [
        "Mina was a fifteen-year-old shop assistant at the bakery.",
        "Jae was a sixteen-year-old in his dad's car.",
    ],
)
def test_a_person_near_a_thing_still_has_an_age(opening):
    assert likelihood(f"{opening} That night Mina kissed Jae in the kitchen, slowly.") == "likely"


def test_an_age_in_a_thought_of_the_past_is_another_time():
    text = (
        "He grinned at her across the table, and she thought of the boy he had been, "
        "twelve-year-old Sam with a frog in his pocket, sulking at the back of the bus. "
        "She came round the table and kissed him."
    )
    assert minors(text) is None


def test_thinking_of_someone_in_the_present_keeps_their_age():
    text = (
        "Ivy was fifteen and thought of nothing but Noor. "
        "At the bus stop she kissed Noor, quickly, before the bus came."
    )
    assert likelihood(text) == "likely"


FILLER = " ".join(f"They talked about the weather for the {n}th time." for n in range(4, 24))


def test_a_teenagers_age_where_the_scene_opens_holds_for_its_kiss_twenty_sentences_on():
    text = f"He was seventeen and she was sixteen, and the trip was nearly over. {FILLER} He kissed her."
    assert likelihood(text) == "likely"


def test_a_childs_age_twenty_sentences_before_a_kiss_stays_at_most_possible():
    text = f"He was nine years old, and the house was quiet. {FILLER} She kissed him again."
    assert likelihood(text) in (None, "possible")


def test_a_teen_kiss_far_from_its_age_does_not_borrow_a_later_scenes_sex():
    # The romance nearest the age is its scene; the adults' night years later is not.
    later = " ".join(f"Years passed, and the {n}th winter came." for n in range(4, 44))
    text = (
        f"He was seventeen and she was sixteen, and the trip was nearly over. {FILLER} "
        f"He kissed her.\n\n* * *\n\n{later} Now they were thirty. They made love and slept "
        "together, naked under the quilt, and she moaned his name."
    )
    names = {w.name for w in analyze_text(text).warnings}
    assert "Underage Sex" not in names


def test_the_readers_age_is_theirs_whatever_names_its_sentence_holds():
    text = (
        "You're fifteen, and it's the last night of the school trip, and Idris has asked you "
        f"to come up to the roof. {FILLER} You lean over and kiss him."
    )
    assert likelihood(text) == "likely"


def test_youre_twelve_said_in_dialogue_is_not_the_narrators_age():
    text = (
        'Idris looked at the boy by the door. "You\'re twelve, Tom, go to bed." Tom went. '
        f"{FILLER} Maren kissed Idris, slowly, in the kitchen."
    )
    assert likelihood(text) in (None, "possible")


@pytest.mark.parametrize(
    "year", ["in eleventh grade", "in 10th grade", "tenth-graders", "in 11th grade"]
)
def test_tenth_and_eleventh_grade_are_school_ages(year):
    assert (
        likelihood(f"Hana and Kenji were both {year}. At the rail Hana kissed Kenji.") == "likely"
    )


def test_twelfth_grade_and_a_teacher_of_eleventh_grade_are_no_minor():
    assert minors("Hana and Kenji were in twelfth grade. At the rail Hana kissed Kenji.") is None
    assert minors("Hana teaches eleventh grade. At the rail Hana kissed Kenji.") is None


@pytest.mark.parametrize(
    "birthday", ["turned fifteen on Tuesday", "turned sixteen last week", "turned fourteen in May"]
)
def test_an_age_turned_on_a_day_is_an_age(birthday):
    assert (
        likelihood(f"Mateo {birthday}. At the fair Lucia kissed Mateo on the ferris wheel.")
        == "likely"
    )


def test_a_page_or_a_dial_turned_is_no_age():
    text = "Mateo turned fifteen pages in silence. At the fair Lucia kissed Mateo."
    assert minors(text) is None


@pytest.mark.parametrize(
    "group",
    ["a dozen fourteen-year-olds", "a team of fifteen-year-olds", "twenty sweaty twelve-year-olds"],
)
def test_a_group_of_minors_around_a_couple_is_not_the_couple(group):
    text = f"Behind them, {group} were eating orange slices. Jade kissed Ellis on the touchline."
    assert likelihood(text) in (None, "possible")


def test_the_two_sixteen_year_olds_are_still_the_couple():
    text = "The two sixteen-year-olds sat on the shed roof. He kissed him, awkwardly."
    assert likelihood(text) == "likely"


@pytest.mark.parametrize(
    "year", ["high school sophomores", "high school freshmen", "sophomores in high school"]
)
def test_high_school_freshmen_and_sophomores_in_the_plural_are_school_ages(year):
    assert likelihood(f"Eli and Wren were {year}. On the garage roof Wren kissed Eli.") == "likely"


def test_college_sophomores_are_no_school_age():
    assert minors("Eli and Wren were sophomores at Yale. On the roof Wren kissed Eli.") is None


def test_an_age_said_by_one_of_the_romantic_pair_is_theirs_when_the_kiss_uses_pronouns():
    text = (
        '"How old are you?" Luca asked. "I\'m fifteen," Camille said. '
        f"{FILLER} She kissed him. {FILLER} {FILLER} Camille kissed Luca again by the harbour, "
        'and Luca said, "I love you, Camille."'
    )
    assert likelihood(text) == "likely"


@pytest.mark.parametrize(
    "self_then",
    [
        "Thirteen-year-old me would be screaming",
        "My seventeen-year-old self would die",
        "Fifteen-year-old you had bad taste",
    ],
)
def test_a_self_of_another_time_is_no_age_in_the_scene(self_then):
    text = (
        f'"{self_then}," Poppy said, and kissed Branch. {FILLER} '
        "Later they made love and slept together, naked under the quilt."
    )
    names = {w.name for w in analyze_text(text).warnings}
    assert "Underage Sex" not in names and MINORS not in names


@pytest.mark.parametrize(
    "bound",
    [
        "Neither of them was older than sixteen.",
        "Ollie was not yet fifteen.",
        "Nobody there was older than fifteen.",
    ],
)
def test_an_upper_bound_under_eighteen_is_an_age(bound):
    assert likelihood(f"{bound} On the fire escape Sam kissed Ollie.") == "likely"


def test_older_than_a_minor_age_is_no_age():
    assert (
        minors("Ollie was older than sixteen, surely. On the fire escape Sam kissed Ollie.") is None
    )


def test_underage_sex_needs_its_sexual_content_within_fifteen_sentences_of_the_age():
    text = (
        "The fourteen-year-old who delivered the papers waved as Tom kissed Will on the porch. "
        f"{FILLER} They made love on the stairs, naked and laughing, and slept together till noon."
    )
    names = {w.name for w in analyze_text(text).warnings}
    assert "Underage Sex" not in names


def test_teenagers_first_time_close_to_their_ages_is_still_underage_sex():
    text = (
        "Lily and Ezra are sixteen. Her parents are away. She kisses him, and they have sex "
        "for the first time, naked under the duvet, and sleep together till morning."
    )
    names = {w.name for w in analyze_text(text).warnings}
    assert "Underage Sex" in names


def test_both_and_an_age_is_the_pairs_age():
    text = "Both fifteen, both furious, they sat in the library. She kissed him, quick and fierce."
    assert likelihood(text) == "likely"


def test_both_and_a_count_is_no_age():
    text = "They both waited fifteen minutes in the library. She kissed him, quick and fierce."
    assert minors(text) is None


def test_the_gcse_year_is_a_school_age():
    text = "Tariq and Ellie were doing their GCSEs that summer. Ellie kissed Tariq in the library."
    assert likelihood(text) == "likely"


def test_marking_gcses_is_no_school_age():
    assert minors("Ellie marked GCSEs all summer. Ellie kissed Tariq in the library.") is None


def test_a_person_described_by_age_beside_the_named_couple_is_a_third_person():
    text = (
        '"I love you," Tom told Will. The fourteen-year-old who delivered the papers waved as '
        "Tom kissed Will on the porch."
    )
    assert likelihood(text) in (None, "possible")


def test_a_person_described_by_age_who_kisses_one_named_person_is_one_of_the_pair():
    text = "The sixteen-year-old who lived next door kissed Will by the gate."
    assert likelihood(text) == "likely"


def test_a_sweet_sixteen_is_an_age():
    text = "It was Cass's sweet sixteen at the bowling alley. Cass kissed Jordan by the lanes."
    assert likelihood(text) == "likely"


@pytest.mark.parametrize(
    "opening",
    ["Sixteen and stupid and brave, Kit kissed Rowan.", "Fifteen, Kit kissed Rowan at the gate."],
)
def test_an_age_opening_its_sentence_before_the_name_is_an_age(opening):
    assert likelihood(f"The term ended. {opening}") == "likely"


@pytest.mark.parametrize(
    "opening",
    [
        "Twelve and a half miles later, Kit kissed Rowan.",
        "Fifteen people later, Kit kissed Rowan.",
    ],
)
def test_a_count_opening_its_sentence_is_no_age(opening):
    assert likelihood(f"The term ended. {opening}") in (None, "possible")


def test_a_relatives_age_after_the_age_is_not_the_pairs():
    text = (
        "Mara is twenty-two, and her fourteen-year-old brother is at their mum's tonight. "
        f"{FILLER} Mara kissed Joel on the mattress."
    )
    assert likelihood(text) in (None, "possible")


@pytest.mark.parametrize("quote", ["'", '"', "\u2018"])
def test_an_age_said_in_single_quoted_dialogue_is_not_the_narrators(quote):
    # British single quotes: "'You're twelve,' Mara laughed" is said to someone in jest, as
    # with double quotes, not the narrator's own age told in narration.
    close = "\u2019" if quote == "\u2018" else quote
    text = (
        f"Mara Okafor is thirty-four. {quote}You're twelve,{close} Mara laughed at Joel Reyes. "
        f"{quote}Honestly.{close} Joel Reyes is thirty-five. Mara kissed Joel in the kitchen, slowly."
    )
    assert likelihood(text) != "likely"


def test_a_small_childs_school_year_reaches_no_further_than_a_childs_age():
    # "first grade" near the kiss is a child's age (a parent's affection as often as not), so
    # it reaches as far as "nine years old" does, not as far as a teenager's school year.
    filler = " ".join(f"They talked about the weather for the {n}th time." for n in range(4, 24))
    school = f"He was in first grade, and the house was quiet. {filler} She kissed him."
    age = f"He was nine years old, and the house was quiet. {filler} She kissed him."
    assert likelihood(school) == likelihood(age)
