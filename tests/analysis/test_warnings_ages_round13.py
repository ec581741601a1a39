"""Minors the age check missed (round 13 of the hand-written stories, tune side): an age in
a part's header ("Part One: Age 15"), an age in brackets ("Bucky (17)"), high-school juniors
("the spring of their junior year of high school"), and a teenager of the pair whose age is
stated where the scene opens, fifty sentences before the kiss ("I'm fifteen, and my mum is
forty-two ...")."""

import pytest

from fanarchive.analysis.pipeline import analyze_text

MINORS = "Minors in a Romantic or Sexual Scene"


def found(text: str) -> dict:
    return {w.name: w for w in analyze_text(text).warnings}


def likelihood(text: str) -> str | None:
    """How likely the minors note calls it ("likely", "possible"); None when there is none."""
    note = found(text).get(MINORS)
    return note.likelihood if note is not None else None


KISS = (
    "Kit and Ellie sat on the roof. Then Kit kissed Ellie on the mouth, and Ellie kissed him back."
)
NIGHT = (
    "Kit and Ellie went to bed together and made love, slowly, naked under the sheets. They "
    "had sex twice. Afterwards he moaned her name into the pillow."
)


@pytest.mark.parametrize("header", ["Part One: Age 15", "Part 2 — age 16", "2014 — Ellie, 16"])
def test_an_age_in_a_parts_header_holds_for_its_romance(header):
    assert likelihood(f"{header}\n\n{KISS}") == "likely"


def test_a_header_age_holds_for_its_part_only_not_for_the_next_parts_night():
    text = f"Part One: Age 15\n\n{KISS}\n\nPart Two: Age 25\n\n{NIGHT}"
    warnings = found(text)
    assert warnings[MINORS].likelihood == "likely"
    assert "Underage Sex" not in warnings


@pytest.mark.parametrize(
    "header",
    [
        "Part One: Age 25",
        "Rated T for ages 13 and up",
        "Chapter 3: Ages 13+",
        "Tuesday, 14",
        "London — March, 16",
    ],
)
def test_an_adult_header_or_a_rating_is_no_minor(header):
    assert likelihood(f"{header}\n\n{KISS}") is None


@pytest.mark.parametrize(
    "opening", ["Steve (16), Bucky (17). Brooklyn, 1934.", "Sasha (16) and Mo (17), a summer AU."]
)
def test_an_age_in_brackets_after_a_name_counts(opening):
    names = opening.split()[0], opening.split()[2].strip(",")
    kiss = f"{names[0]} leaned over and kissed {names[1]} on the mouth, and {names[1]} kissed back."
    assert likelihood(f"{opening} The heat sat on the city. {kiss}") == "likely"


@pytest.mark.parametrize("opening", ["They lived in Room (12) of the hostel.", "See Psalm (23)."])
def test_a_numbered_thing_in_brackets_is_no_age(opening):
    assert likelihood(f"{opening} {KISS}") is None


@pytest.mark.parametrize(
    "opening",
    [
        "It was the spring of their junior year of high school.",
        "Kit and Ellie were juniors at Lakeview High.",
        "Junior year at Roosevelt High was the year everything changed.",
    ],
)
def test_high_school_juniors_are_a_school_age(opening):
    assert likelihood(f"{opening} {KISS}") == "likely"


@pytest.mark.parametrize(
    "opening",
    [
        "Kit and Ellie were juniors at Carver University.",
        "It was the spring of junior year at State.",
    ],
)
def test_college_juniors_are_no_school_age(opening):
    assert likelihood(f"{opening} {KISS}") is None


FILLER = " ".join(f"We walked past house number {n} and said nothing much." for n in range(45))
WALK = (
    "{age}, and this summer we are walking the coast. Tomos is walking the other way with "
    'his dad.\n\n"Which way are you going?" Tomos asked.\n\n"North," I said.\n\n"We\'re '
    'going south," said Tomos. "So we\'ll never see each other again."\n\n'
    + FILLER
    + '\n\nI looked at Tomos. "You\'re doing it too," Tomos said. Tomos kissed me, and I '
    "kissed Tomos back, and we lay on the cold sand."
)


def test_the_narrators_age_holds_for_the_whole_scene_when_the_narrator_is_of_the_pair():
    assert likelihood(WALK.format(age="I'm fifteen, and my mum is forty-two")) == "likely"


def test_the_narrators_age_said_in_the_past_does_not():
    assert likelihood(WALK.format(age="I was fifteen when I first saw the sea")) is None


def test_a_childs_age_keeps_its_short_reach():
    text = (
        "Pip is seven and at her nan's for the weekend. Maya and Jon have the house. "
        + FILLER
        + " Then Maya kissed Jon, and Jon kissed Maya back."
    )
    assert likelihood(text) in (None, "possible")
