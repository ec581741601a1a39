"""The speed benchmark's corpus generator and measurement (small sizes)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import analysis_speed  # noqa: E402
import fic_corpus  # noqa: E402

from fanarchive.analysis.pipeline import analyze_text  # noqa: E402


def test_generation_is_deterministic_and_sized():
    assert fic_corpus.work(3000, seed=5) == fic_corpus.work(3000, seed=5)
    assert fic_corpus.work(3000, seed=5) != fic_corpus.work(3000, seed=6)
    assert 3000 <= fic_corpus.count_words(fic_corpus.work(3000, seed=5)) < 3200
    works = fic_corpus.corpus(30_000, seed=2)
    assert len(works) >= 3
    assert 30_000 <= sum(map(fic_corpus.count_words, works)) < 31_000


def test_generated_works_exercise_the_pipeline():
    result = analyze_text(fic_corpus.work(12_000, seed=3)).to_dict()
    assert len(result["chapters"]) == 2
    assert result["quotes"] and any(q["speaker"] for q in result["quotes"])
    assert any(c["source"] == "pack" for c in result["characters"])


def test_child_measurement_reports_figures():
    row = analysis_speed.child("work", 2000, seed=1, repeats=2)
    assert row["words"] >= 2000 and row["warm"] > 0 and row["peak_mb"] > 0
    assert row["import"] >= 0  # 0 when the test process imported the package already
    assert "characters" in row["steps"] and "reading+structure" in row["steps"]
