"""Training the speaker ranking: labels from the gold quotes, a softmax fit over candidates."""

import pytest

from fanarchive.analysis.model import Quote
from fanarchive.evaluation import train_speakers
from fanarchive.evaluation.scoring import GoldQuote


def test_each_system_quote_gets_the_gold_quotation_it_overlaps_most():
    gold = [
        GoldQuote([(0, 10)], "A", frozenset({"a"})),
        GoldQuote([(12, 30), (40, 50)], "B", frozenset({"b"})),
    ]
    quotes = [Quote(1, 9, "x"), Quote(8, 20, "y"), Quote(41, 45, "z"), Quote(60, 70, "w")]
    found = train_speakers.gold_of_quotes(gold, quotes)
    assert [found.get(id(q)) and found[id(q)].speaker for q in quotes] == ["A", "B", "B", None]


def test_the_fit_learns_which_feature_marks_the_right_candidate():
    pytest.importorskip("scipy")
    groups = [
        [({"sieve": 1.0, "previous_addressee": 0.0}, False), ({"previous_addressee": 1.0}, True)],
        [({"sieve": 1.0}, True), ({"latest_named": 1.0}, False)],
        [({"sieve": 1.0}, False), ({"previous_addressee": 1.0, "latest_named": 1.0}, True)],
    ] * 5
    data = train_speakers.fit(groups)
    weights = dict(zip(data["features"], data["weights"], strict=True))
    assert weights["previous_addressee"] > weights["sieve"] > weights["latest_named"]
    best, sieve = train_speakers.group_accuracy(groups, data)
    assert best == 1.0 and sieve == pytest.approx(1 / 3)


def test_missing_shared_data_is_a_clear_error(tmp_path, capsys):
    assert train_speakers.run(str(tmp_path)) == train_speakers.EXIT_BAD_INPUT
    assert "needs pdnc-dev/ and litbank/" in capsys.readouterr().err
