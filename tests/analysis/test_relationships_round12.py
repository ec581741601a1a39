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


def test_a_line_cut_into_short_sentences_does_not_use_up_a_pronouns_lookback():
    # Four short sentences of one line name nobody: Ann, named before the line, is "her"
    # (Cat in the scene too, so the scene's one woman does not decide it).
    text = (
        "Cat was crying in the corner. Ann climbed onto the desk beside Bob, holding the belt "
        "over her head.\n\n"
        '"He\'s right, babe. You were a decoy. A very handsome decoy. The best one."\n\n'
        '"I was a crucial decoy," Bob said, and kissed her.\n'
    )
    quotes = [
        (
            '"He\'s right, babe. You were a decoy. A very handsome decoy. The best one."',
            "Ann",
            "Bob",
        ),
        ('"I was a crucial decoy,"', "Bob", "Ann"),
    ]
    found = _pair(analyse(text, quotes), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"


def test_the_lookback_still_counts_sentences_of_narration():
    # Four sentences of narration between: "her" is too far back to be Ann (or Cat).
    text = (
        "Cat was crying in the corner. Ann climbed onto the desk beside Bob. The room was loud. Someone dropped a tray. "
        "The lights flickered. A phone rang somewhere.\n\n"
        '"I was a crucial decoy," Bob said, and kissed her.\n'
    )
    quotes = [('"I was a crucial decoy,"', "Bob", None)]
    found = _pair(analyse(text, quotes), "Ann Lee", "Bob Stone")
    assert found is None or found.kind != "romantic"
