"""An author's "A & B" tag against "I love you": friends say it, and answer it."""

from tests.analysis.test_relationships import _pair, analyse

ANSWERED = (
    "Bob found Ann on the roof after the funeral and sat down next to her. They watched the "
    'city for a while.\n\n"I love you," Ann told Bob. "You know that?"\n\n'
    '"I love you too," Bob told Ann. "Always."\n'
)
LINES = [("I love you,", "Ann", "Bob"), ("You know that?", "Ann", "Bob")]
LINES += [("I love you too,", "Bob", "Ann"), ("Always.", "Bob", "Ann")]


def test_an_answered_i_love_you_between_two_tagged_with_an_ampersand_stays_platonic():
    found = _pair(analyse(ANSWERED, LINES, tags=["Ann Lee & Bob Stone"]), "Ann Lee", "Bob Stone")
    assert (found.kind, found.detail) == ("platonic", "platonic as the author's tag says")
    # Without the author's word, two confessions between them are a romance.
    assert _pair(analyse(ANSWERED, LINES), "Ann Lee", "Bob Stone").kind == "romantic"


def test_a_romance_the_narration_tells_twice_still_outweighs_an_ampersand_tag():
    text = ANSWERED + "\nAnn kissed Bob on the mouth. Later Bob kissed Ann again.\n"
    found = _pair(analyse(text, LINES, tags=["Ann Lee & Bob Stone"]), "Ann Lee", "Bob Stone")
    assert found.kind == "romantic"
