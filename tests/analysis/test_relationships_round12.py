"""Probe round 12 of the relationships (docs/relationships.md): a person named after a kiss
told in pronouns, and the two speakers before "They had been friends"."""

from tests.analysis.test_relationships import _pair
from tests.analysis.test_relationships_round10 import _with_cast


def test_a_name_after_a_pronoun_kiss_is_a_watcher_not_a_side():
    # "She kissed him ... long enough that George cleared his throat": George watches the
    # kiss; he is neither the one kissed nor the one kissing.
    text = (
        "Angelina came in out of the rain, and Fred came down the ladder to meet her. "
        "She kissed him anyway, one hand on his chest, long enough that George loudly cleared "
        "his throat.\n"
    )
    people = {"Angelina": ("female", True), "Fred": ("male", True), "George": ("male", True)}
    found = _pair(_with_cast(text, people), "Angelina", "George")
    assert found is None or found.kind != "romantic"
