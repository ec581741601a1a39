"""`fanarchive evaluate characters <annotated folder>`: named speakers in the cast, by side."""

from __future__ import annotations

import json

from fanarchive.evaluation import characters as evaluation

STORY = (
    "Teodor Varga had been a pilot for nine years. Priya watched him check the gauges.\n\n"
    '"Teo," she said. "We\'re losing pressure." Teo swore. Teo hit the panel twice.\n\n'
    '"Better?" Teo asked. Priya shook her head. "Priya, hold on," Teo said.\n'
)


def _write(folder, stem: str, names: dict) -> None:
    (folder / f"{stem}.txt").write_text(STORY, encoding="utf-8")
    annotation = {"sample": f"{stem}.txt", "names": names, "quotes": []}
    (folder / f"{stem}.json").write_text(json.dumps(annotation), encoding="utf-8")


def test_named_speakers_are_found_by_any_alias_and_unnamed_ones_are_left_out(tmp_path):
    names = {"Teodor Varga": ["Teo"], "Priya Raman": ["Priya"], "Narrator": [], "Hex": []}
    _write(tmp_path, "01_a", names)
    score = evaluation.score_annotated_work(tmp_path / "01_a.json", "tune")
    assert score.gold == 3  # the Narrator is no named speaker
    assert score.found == 2 and score.missed == ["Hex"]
    assert score.split == 0


def test_the_report_gives_both_sides_and_only_tune_errors(tmp_path, capsys):
    names = {"Teodor Varga": ["Teo"], "Priya Raman": ["Priya"], "Hex": []}
    _write(tmp_path, "01_tuned", names)
    _write(tmp_path, "02_checked", names)
    split = {"split": {"tune": ["01_tuned"], "check": ["02_checked"]}}
    (tmp_path / "manifest.json").write_text(json.dumps(split), encoding="utf-8")
    assert evaluation.run(str(tmp_path)) == evaluation.EXIT_OK
    out = capsys.readouterr().out
    assert "tune" in out and "check" in out and "gap (tune - check)" in out
    assert "01_tuned: missed ['Hex']" in out
    assert "02_checked" not in out
