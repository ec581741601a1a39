"""A sentence of thousands of cues (a work with no full stops) costs n log n, not n squared:
the two shortcuts give exactly what the plain definitions give."""

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from fanarchive.analysis.warnings import _outermost
from fanarchive.analysis.warnings.context import _asks


@dataclass(frozen=True)
class Hit:
    start: int
    end: int


@dataclass(frozen=True)
class Cue:
    hit: Hit


def outermost_by_definition(items):
    return [
        a
        for a in items
        if not any(
            b is not a
            and b.hit.start <= a.hit.start
            and a.hit.end <= b.hit.end
            and (b.hit.end - b.hit.start) > (a.hit.end - a.hit.start)
            for b in items
        )
    ]


spans = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 12)).map(lambda p: Cue(Hit(p[0], p[0] + p[1]))),
    max_size=25,
)


@given(spans)
def test_outermost_keeps_the_cues_no_longer_cue_contains(items):
    assert _outermost(items) == outermost_by_definition(items)


def test_a_cue_inside_a_longer_one_is_dropped_and_twins_are_kept():
    stabbed, to_death = Cue(Hit(4, 11)), Cue(Hit(4, 20))
    twin_a, twin_b = Cue(Hit(30, 35)), Cue(Hit(30, 35))
    assert _outermost([stabbed, to_death, twin_a, twin_b]) == [to_death, twin_a, twin_b]


@given(st.text(alphabet="ab ?\"'”’)\n", max_size=20), st.integers(0, 20), st.integers(0, 20))
def test_asks_is_the_stripped_sentence_ending_with_a_question_mark(text, a, b):
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert _asks(text, start, end) == text[start:end].rstrip("\"'”’ )").endswith("?")
