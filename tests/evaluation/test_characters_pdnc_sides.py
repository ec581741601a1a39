"""`fanarchive evaluate characters <pdnc folder>`: tune and check sides with the gap."""

from __future__ import annotations

import json

from fanarchive.evaluation import characters as evaluation

CHARACTER_INFO = """Character ID,Main Name,Aliases,Gender,Category
0,Mr. Darcy,"{'Darcy', 'Mr. Darcy'}",M,major
1,Elizabeth,"{'Elizabeth'}",F,major
2,Mrs. Hill,['Mrs. Hill'],F,minor
"""
NOVEL = """Mr. Darcy bowed. "Good evening, Elizabeth," said Mr. Darcy.

"Good evening," replied Elizabeth. Elizabeth smiled. Darcy left the room.
"""


def _novels(root):
    for name in ("Emma", "DaisyMiller"):  # tune side, check side
        folder = root / name
        folder.mkdir()
        (folder / "character_info.csv").write_text(CHARACTER_INFO, encoding="utf-8")
        (folder / "novel_text.txt").write_text(NOVEL, encoding="utf-8")
    return root


def test_sides_and_gap_are_printed_and_check_errors_are_not(tmp_path, capsys):
    assert evaluation.run(str(_novels(tmp_path))) == evaluation.EXIT_OK
    out = capsys.readouterr().out
    assert "gap (tune - check)" in out
    lines = [line for line in out.splitlines() if line.startswith(("tune ", "check "))]
    assert len(lines) == 2
    assert "DaisyMiller: missed" not in out and "DaisyMiller: merged" not in out


def test_json_has_both_sides(tmp_path, capsys):
    assert evaluation.run(str(_novels(tmp_path)), "json") == evaluation.EXIT_OK
    sides = json.loads(capsys.readouterr().out)["sides"]
    assert sides["tune"]["recall"]["major"] == sides["check"]["recall"]["major"] == 1.0
