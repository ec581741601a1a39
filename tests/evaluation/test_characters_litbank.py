"""`fanarchive evaluate characters <litbank folder>`: people named twice, tune and check."""

from __future__ import annotations

import json

import pytest

from fanarchive.evaluation import characters as evaluation
from fanarchive.evaluation.litbank import load_litbank

# One sentence a line, tokens separated by spaces (LitBank's layout).
TEXT = [
    "Mr. Darcy walked into the room .",
    "“ Good morning , ” said Elizabeth .",
    "Darcy bowed to Elizabeth , and they spoke of London .",
    "Anyway , London was far away .",
    "“ Anyway , ” said Darcy .",
]
# MENTION id, start sentence, start token, end sentence, end token, text, type, form.
MENTIONS = [
    ("T1", 0, 0, 0, 1, "Mr. Darcy", "PER", "PROP", "Darcy-0"),
    ("T2", 1, 5, 1, 5, "Elizabeth", "PER", "PROP", "Elizabeth-1"),
    ("T3", 2, 0, 2, 0, "Darcy", "PER", "PROP", "Darcy-0"),
    ("T4", 2, 3, 2, 3, "Elizabeth", "PER", "PROP", "Elizabeth-1"),
    ("T5", 2, 10, 2, 10, "London", "GPE", "PROP", "London-2"),
    ("T6", 3, 2, 3, 2, "London", "GPE", "PROP", "London-2"),
    ("T7", 4, 5, 4, 5, "Darcy", "PER", "PROP", "Darcy-0"),
]


def _write_work(root, gutenberg_id: int, mentions=tuple(MENTIONS), text=tuple(TEXT)) -> None:
    name = f"{gutenberg_id}_a_tiny_novel_brat"
    quotations, coref = root / "quotations" / "tsv", root / "coref" / "tsv"
    quotations.mkdir(parents=True, exist_ok=True)
    coref.mkdir(parents=True, exist_ok=True)
    (quotations / f"{name}.txt").write_text("\n".join(text), encoding="utf-8")
    (quotations / f"{name}.ann").write_text("", encoding="utf-8")
    rows = [
        f"MENTION\t{m[0]}\t{m[1]}\t{m[2]}\t{m[3]}\t{m[4]}\t{m[5]}\t{m[6]}\t{m[7]}" for m in mentions
    ]
    rows += [f"COREF\t{m[0]}\t{m[8]}" for m in mentions]
    (coref / f"{name}.ann").write_text("\n".join(rows), encoding="utf-8")


@pytest.fixture
def litbank(tmp_path):
    _write_work(tmp_path, 2)  # even Gutenberg id: tune
    _write_work(tmp_path, 3)  # odd: check
    return tmp_path


def test_people_named_twice_are_scored_and_places_are_not_people(litbank):
    tune = next(w for w in load_litbank(litbank) if w.side == "tune")
    score = evaluation.score_litbank_work(tune)
    assert score.gold == 2  # Darcy and Elizabeth; London is a place
    assert score.found == 2 and score.recall == 1.0
    assert score.ours == score.right == 2 and score.precision == 1.0
    assert score.split == 0 and score.wrong == [] and score.missed == []


def test_wrong_and_missed_characters_are_counted_by_kind(tmp_path):
    # `Elizabeth` annotated as a place, and a person our cast never mentions.
    mentions = [m if m[8] != "Elizabeth-1" else (*m[:6], "GPE", "PROP", m[8]) for m in MENTIONS]
    mentions += [
        ("T8", 0, 2, 0, 2, "walked", "PER", "PROP", "Nobody-3"),
        ("T9", 3, 3, 3, 3, "far", "PER", "PROP", "Nobody-3"),
    ]
    _write_work(tmp_path, 2, mentions)
    score = evaluation.score_litbank_work(load_litbank(tmp_path)[0])
    assert score.nonperson == 1 and score.wrong == ["Elizabeth (Elizabeth-1)"]
    assert score.missed == ["Nobody-3"] and score.unmentioned == 1
    counts = score.to_dict(errors=False)
    assert (counts["nonperson"], counts["unmentioned"]) == (1, 1)


def test_gender_is_scored_against_the_gold_pronouns(tmp_path):
    # Two gold `she`s make Darcy a woman; our `Mr. Darcy` is a man: misgendered.
    text = [*TEXT, "She smiled , and she left ."]
    mentions = [
        *MENTIONS,
        ("T8", 5, 0, 5, 0, "She", "PER", "PRON", "Darcy-0"),
        ("T9", 5, 4, 5, 4, "she", "PER", "PRON", "Darcy-0"),
    ]
    _write_work(tmp_path, 2, mentions, text)
    score = evaluation.score_litbank_work(load_litbank(tmp_path)[0])
    assert (score.gendered, score.gender_right) == (1, 0)  # Elizabeth has no gold pronoun
    assert len(score.misgendered) == 1 and score.misgendered[0].endswith("(male, gold female)")
    assert score.to_dict(errors=False)["gender"] == 0.0


def test_text_report_shows_both_sides_the_gap_and_only_tune_errors(litbank, capsys):
    assert evaluation.run(str(litbank)) == evaluation.EXIT_OK
    out = capsys.readouterr().out
    assert "tune" in out and "check" in out and "gap (tune - check)" in out
    assert "3_a_tiny_novel_brat" not in out  # check-side works are never itemised


def test_json_report_hides_check_side_errors(litbank, capsys):
    assert evaluation.run(str(litbank), "json") == evaluation.EXIT_OK
    result = json.loads(capsys.readouterr().out)
    assert result["sides"]["check"]["recall"] == 1.0
    check = next(w for w in result["works"] if w["side"] == "check")
    assert "wrong" not in check and "missed" not in check


def test_a_broken_litbank_folder_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "coref" / "tsv").mkdir(parents=True)
    assert evaluation.run(str(tmp_path)) == evaluation.EXIT_BAD_INPUT
    assert "not a LitBank folder" in capsys.readouterr().err
