"""Relationships, thirteenth session (docs/relationships.md, "Relationships (thirteenth
session)"): who an act is done to when the text goes on past it."""

from tests.analysis.test_rel12_twelfth import QUOTES, TALK
from tests.analysis.test_relationships import _pair, analyse


def test_a_plural_kiss_makes_no_couple_of_the_next_clause():
    """ "They kissed, and Cat dried the cups": the kiss has no object; Cat acts in a clause
    of her own and was not kissed (before, Bob / Cat was suggested as a romance)."""
    text = TALK.format(act="They kissed, and Cat dried the cups and pretended not to see.")
    relationships = analyse(text, QUOTES)
    for other in ("Ann Lee", "Bob Stone"):
        found = _pair(relationships, other, "Cat Moss")
        assert found is None or found.kind != "romantic"


def test_a_possessive_spouse_noun_is_read_beside_another_lexicons_cue():
    """ "his wife's hand": two lexicons compile the same alternation for "wife" (the shared
    romance cues and the spouses'), and the possessive's stem was tried for the first only."""
    import fanarchive.analysis.pipeline  # noqa: F401 (registers every lexicon)
    from fanarchive.analysis.reading import read_text
    from fanarchive.analysis.relationships.cues import SPOUSE_LEXICON
    from fanarchive.analysis.warnings.scanner import document_hits

    document = read_text("Bob took his wife's hand and held it.\n")
    assert [hit.surface for hit in document_hits(document, SPOUSE_LEXICON)] == ["wife"]


EVENING = (
    "Bob came in out of the rain and hung his coat by the door. Ann looked up from her book "
    "when Bob shook the water out of his hair.\n\n"
    '"You\'re soaked," Ann said.\n\n'
    '"It\'s only rain," Bob said.\n\n'
    "{end}\n"
)
# Sentences naming nobody: the wife is no one named just before the noun (the partner guess)
QUIET = "The kettle clicked off. Upstairs a window rattled. The rain went on and on. "
EVENING_QUOTES = [("You're soaked,", "Ann", "Bob"), ("It's only rain,", "Bob", "Ann")]


def test_his_wife_never_named_is_the_one_woman_shown_with_him():
    text = EVENING.format(end=QUIET + "Bob sat down on the sofa and kissed his wife on the mouth.")
    found = _pair(analyse(text, EVENING_QUOTES), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"


def test_without_his_wife_the_two_stay_platonic():
    text = EVENING.format(end=QUIET + "Bob sat down on the sofa and opened the paper.")
    found = _pair(analyse(text, EVENING_QUOTES), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "platonic"


def test_his_wife_with_another_woman_in_the_scene_names_nobody():
    text = EVENING.format(
        end="Cat came down the stairs. "
        + QUIET
        + "Bob sat down on the sofa and kissed his wife on the mouth."
    )
    found = _pair(analyse(text, EVENING_QUOTES), "Ann Lee", "Bob Stone")
    assert found is None or found.kind == "platonic"


def test_your_husband_said_to_her_is_hers():
    """ "I was telling your husband", said to Ann: Ann has a husband; Bob's "his wife" is then
    Ann, not Cat, though both women were with him."""
    text = (
        "Ann and Cat sat with Bob in the garden. Cat told Bob about the fair, and Ann poured "
        "the tea for Bob.\n\n"
        '"I was just telling your husband about the fair," Cat said to Ann.\n\n'
        "Later Bob leaned over and kissed his wife on the mouth.\n"
    )
    quotes = [("I was just telling your husband about the fair,", "Cat", "Ann")]
    relationships = analyse(text, quotes)
    found = _pair(relationships, "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"
    other = _pair(relationships, "Cat Moss", "Bob Stone")
    assert other is None or other.kind == "platonic"
