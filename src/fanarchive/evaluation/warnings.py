"""Score content warnings on the passage-level trigger-warning set (warnings-dev).

Each passage is read as a tiny work and analysed by `detect_warnings`; a passage counts as
positive when at least two of its three annotators said it carries the content it was
considered for. The table gives precision, recall and F1 per category, next to a keyword
rule (fires when any of the category's words appears) for comparison.

    fanarchive evaluate warnings ../shared/warnings-dev/passages.jsonl
"""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings

# Which of our warnings answer each dataset category.
CATEGORY_WARNINGS = {
    "violence": {"Violence", "Graphic Depictions Of Violence"},
    "death": {"Death", "Major Character Death"},
    "war": {"War"},
    "abduction": {"Abduction"},
}
# The keyword rule the README quotes as a baseline (F1 about 0.33 on violence).
KEYWORDS = {
    "violence": r"violen\w*|fight\w*|hit|punch\w*|kick\w*|stab\w*|blood\w*|hurt\w*|attack\w*|beat\w*|kill\w*|weapon\w*|gun\w*|knife|sword",
    "death": r"death|dead|die|died|dying|kill\w*|murder\w*|funeral|corpse|grave",
    "war": r"wars?|battle\w*|soldiers?|army|armies|troops",
    "abduction": r"kidnap\w*|abduct\w*|hostage\w*|captive\w*|ransom|taken",
}
_KEYWORD_RE = {k: re.compile(rf"\b(?:{v})\b") for k, v in KEYWORDS.items()}

EXIT_OK, EXIT_BAD_INPUT = 0, 2


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn


def load_passages(path: str | Path) -> list[dict]:
    passages = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line:
                passages.append(json.loads(line))
    return passages


def is_positive(passage: dict) -> bool:
    return sum(passage.get("labels", [])) >= 2


def predicted_names(text: str) -> set[str]:
    try:
        document = read_text(text)
    except AnalysisError:
        return set()
    return {w.name for w in detect_warnings(document, find_quotes(document), Cast())}


def evaluate(passages: list[dict]) -> dict[str, dict[str, Counts]]:
    """Per category: counts for the detector ("ours") and for the keyword rule."""
    results: dict[str, dict[str, Counts]] = {}
    for passage in passages:
        category = passage.get("warning")
        if category not in CATEGORY_WARNINGS:
            continue
        gold = is_positive(passage)
        names = predicted_names(passage["text"])
        row = results.setdefault(category, {"ours": Counts(), "keyword": Counts()})
        row["ours"].add(bool(names & CATEGORY_WARNINGS[category]), gold)
        row["keyword"].add(bool(_KEYWORD_RE[category].search(passage["text"].lower())), gold)
    return results


def run(path: str, fmt: str = "text") -> int:
    try:
        passages = load_passages(path)
    except (OSError, ValueError) as error:
        print(f"fanarchive: cannot read {path}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    started = time.perf_counter()
    results = evaluate(passages)
    elapsed = time.perf_counter() - started
    if fmt == "json":
        print(json.dumps(_as_json(results), indent=2))
        return EXIT_OK
    print(f"content warnings on {len(passages)} passages ({path}), {elapsed:.1f} s")
    print(f"{'category':<10} {'n':>5} {'pos':>4}  {'P':>5} {'R':>5} {'F1':>5}   keyword P/R/F1")
    for category in CATEGORY_WARNINGS:
        if category not in results:
            continue
        ours, keyword = results[category]["ours"], results[category]["keyword"]
        print(
            f"{category:<10} {ours.n:>5} {ours.tp + ours.fn:>4}  {ours.precision:5.2f} "
            f"{ours.recall:5.2f} {ours.f1:5.2f}   {keyword.precision:.2f}/{keyword.recall:.2f}/"
            f"{keyword.f1:.2f}"
        )
    return EXIT_OK


def _as_json(results: dict[str, dict[str, Counts]]) -> dict:
    return {
        category: {
            name: {
                "n": c.n,
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
                "precision": round(c.precision, 3),
                "recall": round(c.recall, 3),
                "f1": round(c.f1, 3),
            }
            for name, c in row.items()
        }
        for category, row in results.items()
    }
