"""The minors rule asks which characters lie in a stretch of text through `_CastIndex`, read
once per work: it answers as reading every mention of the cast did, also for mentions the
cast holds out of order."""

from hypothesis import given
from hypothesis import strategies as st

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Mention
from fanarchive.analysis.warnings.special import _CastIndex

MENTIONS = st.lists(
    st.builds(Mention, st.integers(0, 60), st.integers(0, 60), st.sampled_from("ABCD")),
    max_size=12,
)


@given(MENTIONS, st.integers(-5, 65), st.integers(-5, 65))
def test_names_in_a_stretch_are_those_whose_mention_starts_there(mentions, start, end):
    people = _CastIndex(Cast([], mentions))
    expected = {m.character for m in mentions if start <= m.start < end}
    assert people.names_in(start, end) == expected


def test_a_stretch_ends_before_its_end_offset():
    people = _CastIndex(Cast([], [Mention(10, 14, "Mara"), Mention(20, 24, "Joel")]))
    assert people.names_in(0, 20) == {"Mara"}
    assert people.names_in(10, 21) == {"Mara", "Joel"}
