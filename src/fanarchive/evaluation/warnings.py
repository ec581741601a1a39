"""Score content warnings on the passage-level trigger-warning set (warnings-dev).

Each passage is read as a tiny work and analysed by `detect_warnings`; a passage counts as
positive when at least two of its three annotators said it carries the content it was
considered for. The set is split by work: TUNE = even `work_id` (rules and weights are
developed there), CHECK = odd `work_id` (only measured). Per category and side, three
systems: what ships ("ours": the learned model where it is used, else the rules), today's
rules alone, and a keyword rule (fires when any of the category's words appears). Then a
reliability table of the learned model's confidence on the check side.

    fanarchive evaluate warnings ../shared/warnings-dev/passages.jsonl
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.model import LIKELY_CONFIDENCE
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import MODEL_DECIDES, detect_warnings, learned_probabilities
from fanarchive.analysis.warnings.learned import KEYWORD_RES, load_models

# Which of our warnings answer each dataset category.
CATEGORY_WARNINGS = {
    "violence": {"Violence", "Graphic Depictions Of Violence"},
    "death": {"Death", "Major Character Death"},
    "war": {"War"},
    "abduction": {"Abduction"},
}
SYSTEMS = ("ours", "rules", "keyword")
SIDES = ("tune", "check")
RELIABILITY_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)

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


@dataclass
class Reliability:
    """(confidence, right) pairs of the learned model on one side."""

    given: list[tuple[float, bool]] = field(default_factory=list)  # notes given
    scored: list[tuple[float, bool]] = field(default_factory=list)  # every scored passage


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


def side_of(passage: dict) -> str:
    """TUNE for an even work id, CHECK for an odd one (a work never straddles the split)."""
    try:
        return "tune" if int(passage.get("work_id", 0)) % 2 == 0 else "check"
    except (TypeError, ValueError):
        return "check"  # an unreadable id is never tuned on


def analyse(text: str) -> tuple[dict, set[str], dict[str, float]]:
    """(our warnings by name, the rules' names, the learned probabilities)."""
    try:
        document = read_text(text)
    except AnalysisError:
        return {}, set(), {}
    quotes = find_quotes(document)
    ours = {w.name: w for w in detect_warnings(document, quotes, Cast())}
    rules = {w.name for w in detect_warnings(document, quotes, Cast(), use_model=False)}
    return ours, rules, learned_probabilities(document)


def evaluate(passages: list[dict]) -> dict:
    """results[category][side][system] -> Counts; results["reliability"][side]."""
    results: dict = {"reliability": {side: Reliability() for side in SIDES}}
    for passage in passages:
        category = passage.get("warning")
        if category not in CATEGORY_WARNINGS:
            continue
        gold, side = is_positive(passage), side_of(passage)
        names = CATEGORY_WARNINGS[category]
        ours, rules, probabilities = analyse(passage["text"])
        row = results.setdefault(category, {s: {k: Counts() for k in SYSTEMS} for s in SIDES})
        row[side]["ours"].add(bool(names & set(ours)), gold)
        row[side]["rules"].add(bool(names & rules), gold)
        row[side]["keyword"].add(bool(KEYWORD_RES[category].search(passage["text"].lower())), gold)
        reliability = results["reliability"][side]
        if category in probabilities:
            reliability.scored.append((probabilities[category], gold))
        for name in names & set(ours):
            reliability.given.append((ours[name].confidence, gold))
    return results


def reliability_rows(pairs: list[tuple[float, bool]]) -> list[dict]:
    rows = []
    for low, high in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:], strict=False):
        inside = [(c, g) for c, g in pairs if low <= c < high]
        if inside:
            rows.append(
                {
                    "bin": f"{low:.1f}-{min(high, 1.0):.1f}",
                    "n": len(inside),
                    "mean_confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                    "right": round(sum(g for _, g in inside) / len(inside), 3),
                }
            )
    return rows


def calibration_error(pairs: list[tuple[float, bool]]) -> dict[str, float]:
    """Expected calibration error over RELIABILITY_BINS (each bin's |mean confidence -
    share right|, weighted by its size) and the Brier score (mean squared error)."""
    if not pairs:
        return {"ece": 0.0, "brier": 0.0, "n": 0}
    ece = sum(
        row["n"] * abs(row["mean_confidence"] - row["right"]) for row in reliability_rows(pairs)
    ) / len(pairs)
    brier = sum((c - g) ** 2 for c, g in pairs) / len(pairs)
    return {"ece": round(ece, 3), "brier": round(brier, 3), "n": len(pairs)}


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
    print("TUNE = even work_id (developed on), CHECK = odd work_id (measured only)")
    print(
        f"{'category':<10} {'system':<8} {'TUNE n/pos':>10}  P    R    F1  {'CHECK n/pos':>11}  P    R    F1"
    )
    for category in CATEGORY_WARNINGS:
        if category not in results:
            continue
        for system in SYSTEMS:
            cells = []
            for side in SIDES:
                c = results[category][side][system]
                cells.append(
                    f"{c.n:>5}/{c.tp + c.fn:<4} {c.precision:.2f} {c.recall:.2f} {c.f1:.2f}"
                )
            print(f"{category:<10} {system:<8} {cells[0]:>26}  {cells[1]:>27}")
    models = load_models()
    if models is not None:
        print("\nlearned model, TUNE side out of fold (the 'ours' TUNE rows above are in-sample):")
        for category, model in models.models.items():
            cv = model.cross_validation
            decides = "decides the note" if category in MODEL_DECIDES else "gives confidence"
            print(
                f"  {category:<10} P {cv.get('precision', 0):.2f} R {cv.get('recall', 0):.2f} "
                f"F1 {cv.get('f1', 0):.2f}  ({decides})"
            )
    given = results["reliability"]["check"].given
    likely = [g for c, g in given if c >= LIKELY_CONFIDENCE]
    if likely:
        print(
            f"\nCHECK notes shown as likely (confidence >= {LIKELY_CONFIDENCE}): {len(likely)}, "
            f"{sum(likely) / len(likely):.0%} right; as possible: {len(given) - len(likely)}, "
            f"{sum(g for c, g in given if c < LIKELY_CONFIDENCE) / max(1, len(given) - len(likely)):.0%} right"
        )
    print("\nreliability of the learned confidence, CHECK side (right = share truly positive)")
    for title, pairs in (
        ("notes given", results["reliability"]["check"].given),
        ("every scored passage", results["reliability"]["check"].scored),
    ):
        print(f"  {title}:")
        print(f"    {'confidence':<10} {'n':>5} {'mean':>6} {'right':>6}")
        for row in reliability_rows(pairs):
            print(
                f"    {row['bin']:<10} {row['n']:>5} {row['mean_confidence']:>6.2f} {row['right']:>6.2f}"
            )
        error = calibration_error(pairs)
        print(f"    calibration error {error['ece']:.3f}, Brier score {error['brier']:.3f}")
    return EXIT_OK


def bias_report(passages: list[dict], log=print) -> dict:
    """Misogyny, homophobia, racism, ableism: per class, the keyword rule (a slur or
    derogation of warnings.bias) on both sides, and the model of training.train_bias_class
    fitted on the TUNE side, measured out of fold there and on the CHECK side. A class
    would earn a content note only if the model beats the keyword rule on the check side
    with precision >= 0.5 (`offered`)."""
    from fanarchive.analysis.warnings.bias import has_cue
    from fanarchive.analysis.warnings.learned import _sigmoid
    from fanarchive.analysis.warnings.training import (
        BIAS_CLASSES,
        BIAS_MIN_PRECISION,
        bias_passage_features,
        train_bias_class,
    )

    report = {}
    for category in BIAS_CLASSES:
        own = [p for p in passages if p.get("warning") == category]
        keyword = {side: Counts() for side in SIDES}
        model = {side: Counts() for side in SIDES}
        entry = train_bias_class(passages, category, log=lambda _line: None)
        for passage in own:
            gold, side = is_positive(passage), side_of(passage)
            keyword[side].add(has_cue(passage["text"], category), gold)
            features = bias_passage_features(passage["text"], category)
            if entry is not None and features is not None:
                weights, (a, b) = entry["weights"], entry["calibration"]
                value = entry["bias"] + sum(weights.get(k, 0.0) * v for k, v in features.items())
                model[side].add(_sigmoid(a * value + b) >= entry["threshold"], gold)
        check_model, check_keyword = model["check"], keyword["check"]
        report[category] = {
            "keyword": keyword,
            "model": model if entry is not None else None,
            "out_of_fold": entry["cross_validation"] if entry is not None else None,
            "offered": entry is not None
            and check_model.precision >= BIAS_MIN_PRECISION
            and check_model.f1 > check_keyword.f1,
        }
    return report


def print_bias_report(report: dict) -> None:
    print("bigotry classes: keyword rule (a slur or derogation) against the learned model")
    print(
        f"{'class':<11} {'system':<22} {'TUNE n/pos':>10}  P    R    F1  {'CHECK n/pos':>11}  P    R    F1"
    )
    for category, row in report.items():
        systems = [("keyword", row["keyword"])]
        if row["model"] is not None:
            systems.append(("model (tune in-sample)", row["model"]))
        for name, counts in systems:
            cells = [
                f"{c.n:>5}/{c.tp + c.fn:<4} {c.precision:.2f} {c.recall:.2f} {c.f1:.2f}"
                for c in (counts["tune"], counts["check"])
            ]
            print(f"{category:<11} {name:<22} {cells[0]:>26}  {cells[1]:>27}")
        cv = row["out_of_fold"]
        if cv is None:
            print(f"{category:<11} model: too few tune passages of one kind to learn from")
        else:
            print(
                f"{category:<11} model out of fold (tune): P {cv['precision']:.2f} "
                f"R {cv['recall']:.2f} F1 {cv['f1']:.2f}, C {cv['C']}"
            )
        verdict = "offered" if row["offered"] else "not offered"
        print(f"{category:<11} content note: {verdict}")


def _as_json(results: dict) -> dict:
    out: dict = {
        "reliability": {
            side: {
                "notes_given": reliability_rows(r.given),
                "every_scored_passage": reliability_rows(r.scored),
                "calibration": {
                    "notes_given": calibration_error(r.given),
                    "every_scored_passage": calibration_error(r.scored),
                },
            }
            for side, r in results["reliability"].items()
        }
    }
    for category, row in results.items():
        if category == "reliability":
            continue
        out[category] = {
            side: {
                system: {
                    "n": c.n,
                    "tp": c.tp,
                    "fp": c.fp,
                    "fn": c.fn,
                    "precision": round(c.precision, 3),
                    "recall": round(c.recall, 3),
                    "f1": round(c.f1, 3),
                }
                for system, c in systems.items()
            }
            for side, systems in row.items()
        }
    return out


ARCHIVE_WARNINGS = (
    "Graphic Depictions Of Violence",
    "Major Character Death",
    "Rape/Non-Con",
    "Underage Sex",
)


def load_probes(path: str | Path) -> list[dict]:
    """The hand-written probes (tests/data/warnings_probes/probes.json): odd id tune, even check."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    probes = data["probes"] if isinstance(data, dict) else data
    for probe in probes:
        if not {"id", "text", "present", "absent"} <= set(probe):
            raise ValueError(f"probe {probe.get('id', '?')} lacks id, text, present or absent")
    return probes


def probe_side(probe: dict) -> str:
    return "tune" if int(probe["id"]) % 2 else "check"


def probe_problems(probe: dict, found: set[str]) -> list[str]:
    """What is wrong with the notes `found` for one probe: missing ones, then unwanted ones. A
    probe that asks for nothing (a figurative or past passage) also forbids archive warnings."""
    absent = set(probe["absent"]) | (set() if probe["present"] else set(ARCHIVE_WARNINGS))
    missing = [f"missing {name}" for name in probe["present"] if name not in found]
    unwanted = [f"unwanted {name}" for name in sorted(absent & found)]
    return missing + unwanted


def probe_report(probes: list[dict]) -> dict[str, list[tuple[dict, list[str]]]]:
    """Per side, every probe with its problems (an empty list when it passes)."""
    from fanarchive.analysis.pipeline import analyze_text

    report: dict[str, list[tuple[dict, list[str]]]] = {side: [] for side in SIDES}
    for probe in probes:
        found = {warning.name for warning in analyze_text(probe["text"]).warnings}
        report[probe_side(probe)].append((probe, probe_problems(probe, found)))
    return report


def print_probe_report(report: dict[str, list[tuple[dict, list[str]]]]) -> None:
    """Pass counts per side; failures are listed for the TUNE half only: the check half is
    measured, never studied, so that rules are not fitted to its phrasings."""
    for side in SIDES:
        rows = report[side]
        passed = sum(1 for _, problems in rows if not problems)
        print(f"{side}: {passed} / {len(rows)} probes pass")
        if side != "tune":
            continue
        for probe, problems in rows:
            if problems:
                print(f"  {probe['id']:>3} {probe.get('family', '')}: {'; '.join(problems)}")


USAGE = (
    "usage: python -m fanarchive.evaluation.warnings bias PASSAGES.jsonl\n"
    "       python -m fanarchive.evaluation.warnings probes tests/data/warnings_probes/probes.json"
)

if __name__ == "__main__":  # python -m fanarchive.evaluation.warnings bias|probes PATH
    if len(sys.argv) != 3 or sys.argv[1] not in ("bias", "probes"):
        print(USAGE, file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)
    try:
        loader = load_passages if sys.argv[1] == "bias" else load_probes
        loaded = loader(sys.argv[2])
    except (OSError, ValueError, KeyError) as error:
        print(f"fanarchive: cannot read {sys.argv[2]}: {error}", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)
    if sys.argv[1] == "bias":
        print_bias_report(bias_report(loaded))
    else:
        print_probe_report(probe_report(loaded))
