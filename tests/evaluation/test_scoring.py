"""The scoring rules shared by the PDNC and annotation evaluations."""

from fanarchive.analysis.model import Quote
from fanarchive.evaluation.scoring import GoldQuote, normalise_name, score_quotes


def gold(spans, speaker, kind="Implicit"):
    names = frozenset([normalise_name(speaker), "emma woodhouse"]) if speaker else frozenset()
    return GoldQuote(spans, speaker, names, kind)


def test_alias_match_is_case_and_space_insensitive():
    score = score_quotes([gold([(0, 5)], "Emma")], [Quote(0, 5, "Hello", "EMMA  Woodhouse")])
    assert score.accuracy() == 1.0 and score.accuracy("Implicit") == 1.0


def test_missed_quote_counts_wrong_and_lowers_recall():
    score = score_quotes(
        [gold([(0, 5)], "Emma"), gold([(10, 15)], "Emma")], [Quote(0, 5, "x", "Emma")]
    )
    assert score.accuracy() == 0.5
    assert score.recall == 0.5 and score.precision == 1.0


def test_largest_overlap_decides_and_extra_quotes_lower_precision():
    system = [Quote(0, 2, "a", "Harriet"), Quote(3, 20, "b", "Emma"), Quote(30, 35, "c", "Emma")]
    score = score_quotes([gold([(0, 20)], "Emma", "Explicit")], system)
    assert score.accuracy("Explicit") == 1.0
    assert score.precision == 2 / 3


def test_unnamed_speaker_must_be_answered_none():
    assert score_quotes([gold([(0, 5)], None)], [Quote(0, 5, "x", None)]).accuracy() == 1.0
    assert score_quotes([gold([(0, 5)], None)], [Quote(0, 5, "x", "Emma")]).accuracy() == 0.0
