"""Cast rules removed by the ablation audit of 2026-12-05 (each switched off on one tree: the
check sides gained and no check side fell; see docs/evaluation.md). Hand-written passages of
what a reader now sees."""

from __future__ import annotations

from tests.analysis.casts import cast_of


def test_a_family_name_a_brother_and_two_sisters_share_names_none_of_them():
    # The man was once `Mr. Tom Harlow`; that title no longer makes every bare `Harlow` his.
    cast = cast_of(
        "Mr. Tom Harlow rode in from the north. Ann Harlow waved from the porch and Kate "
        'Harlow ran down the steps. "Tom!" Kate Harlow cried. Ann Harlow laughed. Tom Harlow '
        "laughed too.\n\nBy supper everyone in the valley knew that Harlow had been seen at "
        "the ford. Harlow was a name people lowered their voices for.\n"
    )
    tom = cast.resolve("Tom Harlow")
    assert tom is not None and tom.mentions == 3
    assert cast.resolve("Harlow") is None
    assert {"Ann Harlow", "Kate Harlow"} <= {c.name for c in cast.characters}


def test_a_word_no_name_list_knows_named_once_is_no_character_for_acting_once():
    # `as Kelmoor burned`: one verb after one mention tells a person from a town no better
    # than a coin toss; a name said twice, or a known given name acting once, still counts.
    cast = cast_of(
        "Mara and Joel reached the pass at dusk. Mara looked back once. Below them the bells "
        "rang, and the whole valley heard them as Kelmoor burned. Joel took her hand. "
        '"Keep walking," Mara said.\n'
    )
    assert {c.name for c in cast.characters} == {"Mara", "Joel"}
    chad = cast_of("Ichigo woke up late. Rukia laughed at him.\n\nThen Chad nodded at them.\n")
    assert chad.resolve("Chad") is not None
