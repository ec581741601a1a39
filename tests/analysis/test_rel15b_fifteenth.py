"""Relationships, fifteenth session, second helper (docs/relationships.md, "Relationships,
round 17 (fifteenth session)"): the doer of a kiss after several clauses of their own."""

from tests.analysis.test_relationships import _pair, analyse


def test_a_kiss_after_two_clauses_of_the_doer_is_theirs():
    """ "Ann took the ring, and put her arms round his neck, and kissed him": the doer's own
    clauses before the kiss (objects "his neck" among them) leave Ann the one who kisses,
    and "him" the man named before (before, only one such clause was read)."""
    text = (
        "Ann waited by the well all evening.\n\n"
        "At dusk Bob came home with a ring of blue glass and held it out without a word. "
        "Ann took the ring, and put her arms round his neck, and kissed him, there by the "
        "well.\n"
    )
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"


def test_a_kiss_after_one_clause_still_binds():
    """One clause before the kiss was read before too."""
    text = (
        "Ann waited by the well all evening.\n\n"
        "At dusk Bob came home with a ring of blue glass and held it out without a word. "
        "Ann put her arms round his neck, and kissed him, there by the well.\n"
    )
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"


def test_a_subject_in_the_chain_still_stops_it():
    """ "Ann took the ring, and then he smiled, and kissed her hand": a subject pronoun in a
    clause between makes the chain someone else's: Ann is no doer here."""
    text = (
        "Ann waited by the well all evening.\n\n"
        "At dusk Bob came home with a ring of blue glass. Ann took the ring, and then he "
        "smiled, and kissed her hand.\n"
    )
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is None or found.kind != "romantic"
