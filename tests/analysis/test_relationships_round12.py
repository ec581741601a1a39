"""Probe round 12 of the relationships (docs/relationships.md): a person named after a kiss
told in pronouns, and the two speakers before "They had been friends"."""

from tests.analysis.test_relationships import _pair, analyse
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


def _exchange_then(narration: str):
    text = (
        '"Physics is a bold choice of word," Ann said.\n\n'
        '"Nobody asked you," Cat said.\n\n'
        f'"Nobody ever asks me." {narration} They\'d been best friends since the summer at '
        "the lake.\n"
    )
    quotes = [
        ('"Physics is a bold choice of word,"', "Ann", "Cat"),
        ('"Nobody asked you,"', "Cat", "Ann"),
        ('"Nobody ever asks me."', "Ann", "Cat"),
    ]
    return analyse(text, quotes)


def test_they_after_an_exchange_are_its_two_speakers():
    found = _pair(_exchange_then("She shrugged."), "Ann Lee", "Cat Moss")
    assert (found.kind, found.subtype) == ("platonic", "friends")


def test_they_after_an_exchange_and_a_third_named_since_are_not_the_speakers():
    # "She tossed Bob his car keys. They'd been best friends": "they" may be she and Bob.
    found = _pair(_exchange_then("She tossed Bob his car keys."), "Ann Lee", "Cat Moss")
    assert found is None or found.subtype != "friends"
