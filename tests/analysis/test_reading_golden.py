"""Golden files: each tests/data/in work, read and structured, against tests/data/out/*.json.

The expected files hold the whole rendered text and every structural span with its text, so
any change in reading or structure shows up as a readable diff. After an intended change,
regenerate them with `FANARCHIVE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/analysis/test_reading_golden.py`
and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fanarchive.analysis.document import Document
from fanarchive.analysis.reading import read_path

DATA = Path(__file__).resolve().parents[1] / "data"
INPUTS = sorted(p for p in (DATA / "in").iterdir() if p.is_file())


def structure_of(document: Document) -> dict:
    def spans(items, **extra):
        return [
            {"start": s.start, "end": s.end, "text": document.slice(s)}
            | {k: getattr(s, k) for k in extra}
            for s in items
        ]

    return {
        "source_format": document.source_format,
        "words": document.words,
        "metadata": document.metadata.to_dict()
        | {
            "chapter_summaries": {str(k): v for k, v in document.metadata.chapter_summaries.items()}
        },
        "notes": spans(document.notes, position=True, chapter=True),
        "chapters": [{"title": c.title, "start": c.start, "end": c.end} for c in document.chapters],
        "headings": spans(document.headings),
        "scene_breaks": spans(document.scene_breaks),
        "paragraphs": len(document.paragraphs),
        "story_paragraphs": len(document.story_paragraphs),
        "text": document.text,
    }


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_golden(path: Path):
    actual = structure_of(read_path(path))
    expected_path = DATA / "out" / f"{path.name}.json"
    if os.environ.get("FANARCHIVE_UPDATE_GOLDEN") or not expected_path.exists():
        expected_path.write_text(
            json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected
