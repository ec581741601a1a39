"""What the Browse filter "Hide works where the text shows …" does at each confidence threshold.

Each warnings-dev passage is analysed as a tiny work (fanarchive.evaluation.warnings.analyse);
a passage is "hidden" for its category when a note answering it has evidence and a confidence
at or above the threshold. Per side (TUNE: even work_id, CHECK: odd), of the hidden passages
the share truly showing the content (precision), and of the truly positive passages the share
hidden (recall). The shipped threshold is browse.notes.NOTE_CONFIDENCE.

examples:
  .venv/bin/python benchmarks/hide_note_threshold.py ../shared/warnings-dev/passages.jsonl
  .venv/bin/python benchmarks/hide_note_threshold.py ../shared/warnings-dev/passages.jsonl --limit 200
"""

from __future__ import annotations

import argparse

from fanarchive.browse.notes import NOTE_CONFIDENCE
from fanarchive.evaluation.warnings import (
    CATEGORY_WARNINGS,
    analyse,
    is_positive,
    load_passages,
    side_of,
)

THRESHOLDS = (None, 0.5, 0.6, NOTE_CONFIDENCE, 0.8)


def best_confidences(path: str, limit: int = 0) -> dict[str, list[tuple[float, bool]]]:
    """side -> (the most confident answering note's confidence, or -1, and the gold label)."""
    rows: dict[str, list[tuple[float, bool]]] = {"tune": [], "check": []}
    for passage in load_passages(path)[: limit or None]:
        category = passage.get("warning")
        if category not in CATEGORY_WARNINGS:
            continue
        ours, _, _ = analyse(passage["text"])
        given = [
            ours[name].confidence
            for name in CATEGORY_WARNINGS[category] & set(ours)
            if ours[name].evidence
        ]
        rows[side_of(passage)].append((max(given, default=-1.0), is_positive(passage)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("passages", help="warnings-dev passages.jsonl")
    parser.add_argument(
        "--limit", type=int, default=0, help="only the first N passages (a smoke run)"
    )
    args = parser.parse_args()
    for side, items in best_confidences(args.passages, args.limit).items():
        positives = sum(gold for _, gold in items)
        print(f"{side}: {len(items)} passages, {positives} truly positive")
        for threshold in THRESHOLDS:
            hidden = [gold for confidence, gold in items if confidence >= (threshold or 0.0)]
            right = sum(hidden)
            label = "any note" if threshold is None else f">= {threshold:.2f}"
            shipped = "  (shipped)" if threshold == NOTE_CONFIDENCE else ""
            print(
                f"  {label:9s} hides {len(hidden):4d}  precision "
                f"{right / max(1, len(hidden)):.2f}  recall {right / max(1, positives):.2f}{shipped}"
            )


if __name__ == "__main__":
    main()
