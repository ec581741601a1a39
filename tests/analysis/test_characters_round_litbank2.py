"""Cast rules from LitBank's tune side, second round: hand-written passages of the name
shapes the rules used to reject."""

from __future__ import annotations

from tests.analysis.casts import cast_of, names


def test_a_family_only_ever_named_in_the_plural_is_listed():
    # `the Munsters` (The Ambassadors): a family the text never names in the singular.
    cast = cast_of(
        "Maud said she believed that Arthur knew the Pellinghams; the Pellinghams being the "
        "people he had seen her with at the station. But Arthur did not know the "
        "Pellinghams well enough to help her, and he said so.\n"
    )
    assert "Pellinghams" in names(cast)


def test_peoples_and_families_named_in_the_singular_are_not_listed_as_plurals():
    cast = cast_of(
        "The Americans arrived on Tuesday. Mr. Harlow met them at the quay, and the Harlows "
        "gave a dinner. The Americans ate well. Later the Harlows walked to the woods, and "
        "the Woods were dark.\n"
    )
    found = names(cast)
    assert not {"Americans", "Harlows", "Woods"} & found


def test_a_middle_initial_does_not_cut_a_name_in_two():
    # `Adam J. Patch` (The Beautiful and Damned): the period after `J` ends no sentence.
    cast = cast_of(
        "The estate belonged to Adam J. Patch, who had made his money in railways. Nobody in "
        "town liked Adam J. Patch much.\n\nCaptain James K. Powell of Richmond came in the "
        "spring. The men said that Captain Powell was a hard rider.\n"
    )
    found = names(cast)
    assert "Adam Patch" in found and "Adam" not in found
    assert "Captain James Powell" in found and "Captain James" not in found


def test_initials_before_a_family_name_open_no_sentence():
    cast = cast_of(
        "A letter came from J. W. Harcourt, the lawyer. Later J. W. Harcourt came himself.\n"
    )
    assert "Harcourt" in names(cast)


def test_a_range_of_mountains_is_no_family():
    # `toward the Pyrenees`: a plural after `the` that something lies beyond is a place.
    cast = cast_of(
        "They rode toward the Pyrenees, whose summits were white. Beyond the Pyrenees lay "
        "Spain. Later they reached Toulouse, which was quiet, and Toulouse slept.\n"
    )
    assert not {"Pyrenees", "Toulouse"} & names(cast)


def test_a_place_name_followed_by_who_is_a_person():
    # `Washington, who, after uselessly admonishing the European general...` (The Last of
    # the Mohicans): a place takes `which`, a person `who`.
    cast = cast_of(
        "The army marched at dawn. Washington, who had warned the general twice, rode at the "
        "rear with the militia. The reputation earned by Washington in that battle made his "
        "name.\n"
    )
    assert "Washington" in names(cast)
