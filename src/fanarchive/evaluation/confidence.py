"""Speaker confidence, calibrated: `fanarchive train confidence ../shared` fits the model of
`analysis/speakers/confidence.py` on the TUNE sides; `fanarchive evaluate confidence ../shared`
prints how well the confidences match how often the speakers are right, tune and check.

Data, by family (each family weighs the same in the fit, so the ten PDNC novels' 11,000
quotations do not decide alone how sure a fan-fiction answer is):
- novels: pdnc-dev (tune: pdnc.TUNE_NOVELS);
- LitBank: even Gutenberg id tune, odd check;
- fan fiction: the scene sets under tests/data (fic_tune, fic_tune2, fic_tune3, fic_dialogue's
  tune half;
  the check side: fic_dialogue's check half, the blind holdouts and the annotated samples).

Each matched quotation gives the features of `speakers.confidence.line_features`, computed on
the speakers before calibration, and whether its speaker is right (the end-to-end scoring of
`fanarchive evaluate`). The regularisation was chosen by 5-fold cross-validation by work on the
tune side (mean Brier score of the three families); the check side is only ever printed.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.speakers import decide_speakers
from fanarchive.analysis.speakers.confidence import WEIGHTS_PATH, ConfidenceModel, line_features
from fanarchive.evaluation import annotations, litbank, pdnc
from fanarchive.evaluation.scoring import CHECK, TUNE

EXIT_OK, EXIT_BAD_INPUT = 0, 3
DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
FIC_SETS = ("fic_tune", "fic_tune2", "fic_tune3", "fic_dialogue", "fic_holdout", "fic_holdout2")
FIC_SETS += ("fic_holdout3", "fic_holdout4", "fic_holdout5", "annotations")
FAMILIES = ("novels", "litbank", "fan fiction")
REGULARISATION = 0.1  # C of the logistic regression (see the module docstring)
BINS = 10  # for the expected calibration error
LIKELY = 0.7  # what the reading view may call a likely attribution


@dataclass
class Judged:
    family: str
    side: str
    features: dict[str, float]
    right: bool


class _Recorder:
    """An `attribute` step for the evaluations: the speakers before calibration, with each
    quote's features kept by quote identity."""

    def __init__(self) -> None:
        self.features: dict[int, dict[str, float]] = {}

    def __call__(self, document, quotes, cast) -> None:
        sieve = decide_speakers(document, quotes, cast)
        if sieve is None:
            return
        narration = getattr(cast, "narration", "third")
        for line, features in zip(sieve.lines, line_features(sieve.lines, narration), strict=True):
            self.features[id(line.quote)] = features

    def judged(self, score, family: str, side: str) -> list[Judged]:
        return [
            Judged(family, side, self.features[id(quote)], right)
            for quote, right in score.judged
            if id(quote) in self.features
        ]


def collect(shared: Path) -> list[Judged]:
    """Every matched quotation of the three families, both sides."""
    rows: list[Judged] = []
    for folder in pdnc.novel_folders(shared / "pdnc-dev"):
        novel = pdnc.load_novel(folder)
        recorder = _Recorder()
        score = pdnc.evaluate_novel(novel, keep_errors=True, attribute=recorder)
        rows += recorder.judged(score, "novels", pdnc.side_of(novel.name) or CHECK)
    for work in litbank.load_litbank(shared / "litbank"):
        recorder = _Recorder()
        score = litbank.evaluate_work(work, keep_errors=True, attribute=recorder)
        rows += recorder.judged(score, "litbank", work.side)
    for name in FIC_SETS:
        rows += _scene_set(DATA / name, shared / "samples")
    return rows


def _scene_set(folder: Path, samples: Path) -> list[Judged]:
    split = annotations.load_split(folder)
    rows = []
    for file in annotations.annotation_files(folder):
        recorder = _Recorder()
        score = annotations.evaluate_file(file, samples, keep_errors=True, attribute=recorder)
        if score is not None:
            rows += recorder.judged(score, "fan fiction", split.get(file.stem, CHECK))
    return rows


def fit(rows: list[Judged]) -> dict:
    """A logistic regression on the tune rows, each family weighing the same."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    tune = [row for row in rows if row.side == TUNE]
    sizes = Counter(row.family for row in tune)
    weights = [len(tune) / (len(sizes) * sizes[row.family]) for row in tune]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([row.features for row in tune])
    model = LogisticRegression(C=REGULARISATION, max_iter=5000)
    model.fit(matrix, [row.right for row in tune], sample_weight=weights)
    fitted = zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
    return {
        "weights": {name: round(float(w), 6) for name, w in sorted(fitted)},
        "bias": round(float(model.intercept_[0]), 6),
        "quotations": dict(sorted(sizes.items())),
    }


def calibration(rows: list[Judged], probability) -> dict[str, float]:
    """Accuracy, mean confidence, Brier score, expected calibration error and the share right
    of the answers given at least LIKELY, for `probability(row)`."""
    given = [(probability(row), row.right) for row in rows]
    bins = defaultdict(list)
    for p, right in given:
        bins[min(int(p * BINS), BINS - 1)].append((p, right))
    ece = sum(
        len(b) / len(given) * abs(sum(p for p, _ in b) / len(b) - sum(r for _, r in b) / len(b))
        for b in bins.values()
    )
    likely = [right for p, right in given if p >= LIKELY]
    return {
        "quotes": len(given),
        "accuracy": sum(r for _, r in given) / len(given),
        "mean_confidence": sum(p for p, _ in given) / len(given),
        "brier": sum((p - r) ** 2 for p, r in given) / len(given),
        "ece": ece,
        "likely": len(likely),
        "likely_right": sum(likely) / len(likely) if likely else 0.0,
    }


def report(rows: list[Judged], model: ConfidenceModel) -> dict:
    """Calibration per family and side, of the rules' own confidence and of the model's."""
    found = {}
    for family in FAMILIES:
        for side in (TUNE, CHECK):
            subset = [row for row in rows if row.family == family and row.side == side]
            if subset:
                found[f"{family}/{side}"] = {
                    "rules": calibration(subset, lambda row: row.features["confidence"]),
                    "calibrated": calibration(subset, lambda row: model.probability(row.features)),
                }
    return found


def _print(found: dict) -> None:
    print("Speaker confidence against how often the speaker is right (lower Brier and ECE are")
    print("better; 'likely': answers given >= 0.7, and the share of them right)")
    header = f"{'family/side':22} {'quotes':>6} {'right':>6}   {'rules':^27}   {'calibrated':^27}"
    print(header)
    print(f"{'':38}{'conf  Brier  ECE  likely':>27}   {'conf  Brier  ECE  likely':>27}")
    for key, figures in found.items():
        cells = []
        for which in ("rules", "calibrated"):
            f = figures[which]
            cells.append(
                f"{f['mean_confidence']:.2f} {f['brier']:.3f} {f['ece']:.3f} "
                f"{f['likely_right']:.0%} of {f['likely']}"
            )
        rules = figures["rules"]
        print(
            f"{key:22} {rules['quotes']:6} {rules['accuracy']:6.1%}   {cells[0]:>27}   {cells[1]:>27}"
        )


def train(shared: str, output: str | None = None) -> int:
    try:
        rows = collect(Path(shared))
    except (OSError, ValueError, KeyError, AnalysisError) as error:
        print(f"fanarchive: {shared}: cannot read the development data ({error})", file=sys.stderr)
        return EXIT_BAD_INPUT
    data = fit(rows)
    target = Path(output) if output else WEIGHTS_PATH
    target.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {target}: {len(data['weights'])} weights from {data['quotations']} tune quotations"
    )
    _print(report(rows, ConfidenceModel(data["weights"], data["bias"])))
    return EXIT_OK


def run(shared: str, fmt: str = "text") -> int:
    from fanarchive.analysis.speakers.confidence import model

    fitted = model()
    if fitted is None:
        print("fanarchive: no confidence weights in the package", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        rows = collect(Path(shared))
    except (OSError, ValueError, KeyError, AnalysisError) as error:
        print(f"fanarchive: {shared}: cannot read the development data ({error})", file=sys.stderr)
        return EXIT_BAD_INPUT
    found = report(rows, fitted)
    if fmt == "json":
        print(json.dumps(found, indent=2))
    else:
        _print(found)
    return EXIT_OK
