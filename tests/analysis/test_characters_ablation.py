"""Cast rules removed by the ablation audit of 2026-12-05 (each switched off on one tree: the
check sides gained and no check side fell; see docs/evaluation.md). Hand-written passages of
what a reader now sees."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast, detect_cast
from fanarchive.analysis.packs import Knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text


def cast_of(text: str) -> Cast:
    document = read_text(text)
    return detect_cast(document, find_quotes(document), Knowledge())


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
