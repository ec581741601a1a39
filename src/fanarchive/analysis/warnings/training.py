"""Re-train the learned content-note model on the TUNE side of warnings-dev.

    fanarchive train warnings ../shared/warnings-dev/passages.jsonl

Tune side = passages whose `work_id` is even (the check side, odd ids, is never read
here). Per category, a logistic regression (scikit-learn, imported only here) over the
features of warnings.learned, chosen by cross-validation *by work* inside the tune side:
the vocabulary size and the regularisation with the best out-of-fold average precision
(the simplest setting within SIMPLER_WITHIN of it).
The out-of-fold margins also fit the calibration (Platt scaling) and the threshold (the
best out-of-fold F1 among thresholds keeping precision >= 0.6 when possible). Writes
learned_weights.json beside warnings.learned.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.sentences import sentence_index
from fanarchive.analysis.warnings.learned import (
    EMPTY_CUES,
    KEYWORD_RES,
    WEIGHTS_PATH,
    collect_cues,
    ngrams,
    rule_features,
    sentence_features,
    tokens,
    window_features,
)

CATEGORIES = ("violence", "death", "war", "abduction")
VOCABULARY_SIZES = (0, 100, 400)
C_VALUES = (0.01, 0.03, 0.1, 0.3, 1.0)
FOLDS = 5
MIN_PRECISION = 0.6
MIN_DF = 4
CLASS_WEIGHT = "balanced"  # few positives; the Platt scaling restores probabilities
SIMPLER_WITHIN = 0.01  # a smaller vocabulary or stronger regularisation this close wins
USEFUL_F1 = 0.3  # below this best constrained F1, settings are chosen by ranking instead
REPEATS = 3  # cross-validation repeated over differently shuffled folds: ~90 passages are few
EXIT_OK, EXIT_BAD_INPUT = 0, 2


def is_tune(passage: dict) -> bool:
    return int(passage["work_id"]) % 2 == 0


def is_positive(passage: dict) -> bool:
    return sum(passage.get("labels", [])) >= 2


@dataclass
class Passage:
    category: str
    gold: bool
    work: str
    gated: bool  # holds a cue of its category
    sentences: list[str]
    cues: list  # SentenceCues per sentence
    grams: set[str]
    rule: dict[str, float]  # the rules' verdict on the whole passage (learned.rule_features)


def read_passage(raw: dict) -> Passage | None:
    from fanarchive.analysis.warnings import RULES, best_cluster, fires, score_cues, special
    from fanarchive.analysis.warnings.lexicon import FIGURATIVE_LEXICON
    from fanarchive.analysis.warnings.scanner import document_hits

    try:
        document = read_text(raw["text"])
    except AnalysisError:
        return None
    index = sentence_index(document)
    negated: dict[str, list[int]] = {}
    scored = score_cues(document, index, negated)
    special.add_special_cues(document, index, Cast(), scored)
    figurative = [index.index_at(h.start) for h in document_hits(document, FIGURATIVE_LEXICON)]
    cues = collect_cues(scored, negated, figurative)
    sentences = [index.sentence(s) for s in range(len(index))]
    finding = best_cluster(scored.get(raw["warning"], []))
    rule = rule_features(finding.score, fires(finding, RULES[raw["warning"]]))
    grams = set()
    for sentence in sentences:
        grams |= ngrams(tokens(sentence))
    return Passage(
        category=raw["warning"],
        gold=is_positive(raw),
        work=str(raw["work_id"]),
        gated=bool(scored.get(raw["warning"]))
        or bool(KEYWORD_RES[raw["warning"]].search(document.text.lower())),
        sentences=sentences,
        cues=[cues.get(s, EMPTY_CUES) for s in range(len(index))],
        grams=grams,
        rule=rule,
    )


def passage_features(passage: Passage, vocabulary: frozenset[str]) -> dict[str, float]:
    features = window_features(
        [
            sentence_features(sentence, cues, vocabulary)
            for sentence, cues in zip(passage.sentences, passage.cues, strict=True)
        ]
    )
    features.update(passage.rule)
    # In name order: the dict's order follows set iteration (hash seeds), and the fitted
    # matrix's entry order changes float rounding; re-training must give the same file.
    return dict(sorted(features.items()))


def choose_vocabulary(passages: list[Passage], size: int) -> frozenset[str]:
    """The `size` words and word pairs found in most tune passages (at least MIN_DF)."""
    if not size:
        return frozenset()
    df = Counter(g for p in passages for g in p.grams)
    # Ties by name: most_common keeps insertion order, which follows set iteration.
    common = [g for g, n in sorted(df.items(), key=lambda x: (-x[1], x[0])) if n >= MIN_DF]
    return frozenset(common[:size])


def fit(features: list[dict], gold: list[bool], c_value: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(features)
    model = LogisticRegression(C=c_value, max_iter=2000, class_weight=CLASS_WEIGHT)
    model.fit(matrix, gold)
    weights = dict(zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True))
    return {k: float(v) for k, v in weights.items()}, float(model.intercept_[0])


def margin(weights: dict[str, float], bias: float, features: dict[str, float]) -> float:
    return bias + sum(weights.get(k, 0.0) * v for k, v in features.items())


def work_folds(groups: list[str], repeat: int):
    """FOLDS folds by work (a work never straddles train and test), the works dealt out in
    a shuffled order seeded by `repeat`: each repeat is another split of the same works."""
    import random

    works = sorted(set(groups))
    random.Random(repeat).shuffle(works)
    fold_of = {work: i % FOLDS for i, work in enumerate(works)}
    for fold in range(FOLDS):
        train = [i for i, work in enumerate(groups) if fold_of[work] != fold]
        test = [i for i, work in enumerate(groups) if fold_of[work] == fold]
        yield train, test


def out_of_fold(passages: list[Passage], vocabulary: frozenset[str], c_value: float, repeat=0):
    """Out-of-fold margins (None for passages the gate keeps from the model)."""
    features = [passage_features(p, vocabulary) for p in passages]
    margins: list[float | None] = [None] * len(passages)
    for train, test in work_folds([p.work for p in passages], repeat):
        fitted = [i for i in train if passages[i].gated]
        weights, bias = fit(
            [features[i] for i in fitted], [passages[i].gold for i in fitted], c_value
        )
        for i in test:
            if passages[i].gated:
                margins[i] = margin(weights, bias, features[i])
    return margins


def average_precision(scores: list[float], gold: list[bool]) -> float:
    ranked = sorted(zip(scores, gold, strict=True), key=lambda x: -x[0])
    hits, total, positives = 0, 0.0, sum(gold)
    for rank, (_, g) in enumerate(ranked, 1):
        if g:
            hits += 1
            total += hits / rank
    return total / positives if positives else 0.0


def ranking_quality(runs: list[list[float | None]], gold: list[bool]) -> float:
    """Out-of-fold average precision, averaged over the repeats."""
    return sum(
        average_precision([m if m is not None else -1e9 for m in run], gold) for run in runs
    ) / len(runs)


def best_constrained_f1(
    margins: list[float | None], gold: list[bool], min_precision: float = MIN_PRECISION
) -> float:
    """The best F1 over cut-offs of the margins keeping precision >= min_precision."""
    ranked = sorted(
        ((m, g) for m, g in zip(margins, gold, strict=True) if m is not None), key=lambda x: -x[0]
    )
    positives, tp, best = sum(gold), 0, 0.0
    for rank, (value, g) in enumerate(ranked, 1):
        tp += g
        if rank < len(ranked) and ranked[rank][0] == value:
            continue  # a cut-off falls between distinct margins only
        precision, recall = tp / rank, tp / positives if positives else 0.0
        if precision >= min_precision and precision + recall:
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


def platt(margins: list[float], gold: list[bool]) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=100.0)
    model.fit([[m] for m in margins], gold)
    return float(model.coef_[0][0]), float(model.intercept_[0])


def choose_threshold(
    probabilities: list[float], gold: list[bool], min_precision: float = MIN_PRECISION
) -> tuple[float, dict]:
    """Best F1 among thresholds with precision >= min_precision (best F1 if none has)."""
    best, best_constrained = None, None
    for threshold in [t / 100 for t in range(10, 91)]:
        tp = sum(1 for p, g in zip(probabilities, gold, strict=True) if p >= threshold and g)
        fp = sum(1 for p, g in zip(probabilities, gold, strict=True) if p >= threshold and not g)
        fn = sum(1 for p, g in zip(probabilities, gold, strict=True) if p < threshold and g)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        row = (f1, threshold, {"precision": precision, "recall": recall, "f1": f1})
        if best is None or f1 > best[0]:
            best = row
        if precision >= min_precision and (best_constrained is None or f1 > best_constrained[0]):
            best_constrained = row
    chosen = best_constrained or best
    return chosen[1], {k: round(v, 3) for k, v in chosen[2].items()}


def train_category(category: str, passages: list[Passage], log) -> dict:
    gold = [p.gold for p in passages]
    grid = []
    for size in VOCABULARY_SIZES:
        vocabulary = choose_vocabulary(passages, size)
        for c_value in C_VALUES:
            runs = [out_of_fold(passages, vocabulary, c_value, r) for r in range(REPEATS)]
            # The operating point is what counts: the best F1 keeping precision >= 0.6,
            # on each repeat's own margins (not comparable across repeats), averaged.
            f1 = sum(best_constrained_f1(m, gold) for m in runs) / REPEATS
            log(f"  {category}: vocabulary {size:>4}, C {c_value:<5} out-of-fold F1 {f1:.3f}")
            grid.append((f1, size, c_value, vocabulary, runs))
    if max(row[0] for row in grid) < USEFUL_F1:
        # No setting reaches precision 0.6 at a useful recall (war): the model can only
        # give confidences, and for those the ranking counts (average precision).
        grid = [(ranking_quality(runs, gold), *rest) for _, *rest in grid]
    # Few robust features over many: the simplest setting close to the best one.
    top = max(row[0] for row in grid)
    f1, size, c_value, vocabulary, runs = min(
        (row for row in grid if row[0] >= top - SIMPLER_WITHIN), key=lambda row: (row[1], row[2])
    )
    margins = [m for run in runs for m in run]  # every repeat's out-of-fold margins, pooled
    gold = gold * REPEATS
    scores = [m if m is not None else -1e9 for m in margins]
    ap = average_precision(scores, gold)
    gated = [(m, g) for m, g in zip(margins, gold, strict=True) if m is not None]
    a, b = platt([m for m, _ in gated], [g for _, g in gated])
    from fanarchive.analysis.warnings.learned import _sigmoid

    probabilities = [_sigmoid(a * m + b) if m is not None else 0.0 for m in margins]
    threshold, cv = choose_threshold(probabilities, gold)
    fitted = [p for p in passages if p.gated]
    features = [passage_features(p, vocabulary) for p in fitted]
    weights, bias = fit(features, [p.gold for p in fitted], c_value)
    kept = {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 1e-4}
    log(
        f"{category}: chose vocabulary {size}, C {c_value} (criterion {f1:.3f}, AP {ap:.3f}); "
        f"threshold "
        f"{threshold:.2f}, out-of-fold P {cv['precision']:.2f} R {cv['recall']:.2f} "
        f"F1 {cv['f1']:.2f}; {len(kept)} weights"
    )
    return {
        "weights": kept,
        "bias": round(bias, 4),
        "threshold": threshold,
        "calibration": [round(a, 4), round(b, 4)],
        "cross_validation": {
            "vocabulary": size,
            "C": c_value,
            "average_precision": round(ap, 3),
            "repeats": REPEATS,
            "selection_criterion": round(f1, 3),
            **cv,
        },
    }


def train(raw_passages: list[dict], log=print) -> dict:
    tune = [p for p in raw_passages if p.get("warning") in CATEGORIES and is_tune(p)]
    passages = [p for p in (read_passage(raw) for raw in tune) if p is not None]
    categories = {}
    for category in CATEGORIES:
        own = [p for p in passages if p.category == category]
        gated = [p.gold for p in own if p.gated]
        if len(gated) < 2 * FOLDS or all(gated) or not any(gated):
            log(f"{category}: too few passages with a cue of both kinds to learn from")
            continue
        entry = train_category(category, own, log)
        if entry["calibration"][0] <= 0:
            # Out of fold, a higher margin was not more often right: beyond its gate the
            # model knows nothing, and its probability would mislead. The rules keep it.
            log(f"{category}: dropped (out-of-fold margins do not rank the passages)")
            continue
        categories[category] = entry
    vocabulary = sorted(
        {k[2:] for entry in categories.values() for k in entry["weights"] if k.startswith("w:")}
    )
    return {
        "trained_on": "warnings-dev, tune side (even work_id), positive = 2 of 3 annotators",
        "vocabulary": vocabulary,
        "categories": categories,
    }


def run(path: str, output: str | None = None) -> int:
    from fanarchive.evaluation.warnings import load_passages

    try:
        raw = load_passages(path)
    except (OSError, ValueError) as error:
        print(f"fanarchive: cannot read {path}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    model = train(raw)
    target = Path(output) if output else WEIGHTS_PATH
    target.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")
    return EXIT_OK


# Bigotry classes of warnings-dev (misogyny, homophobia, racism, ableism): a logistic model
# over warnings.bias's features, fitted here on the tune side only; the evaluation
# (evaluation.warnings.bias_report) measures it on the check side beside the keyword rule.
BIAS_CLASSES = ("misogyny", "homophobia", "racism", "ableism")
BIAS_MIN_PRECISION = 0.5  # the bar a bigotry note must clear to be offered at all


def bias_passage_features(text: str, category: str) -> dict[str, float] | None:
    from fanarchive.analysis.warnings.bias import bias_features

    try:
        document = read_text(text)
    except AnalysisError:
        return None
    index = sentence_index(document)
    features = bias_features([index.sentence(s) for s in range(len(index))], category)
    return dict(sorted(features.items()))


def train_bias_class(raw_passages: list[dict], category: str, log=print) -> dict | None:
    """The class's model from its TUNE passages: C by 5-fold cross-validation by work (3
    repeats, best out-of-fold F1 at precision >= BIAS_MIN_PRECISION, the strongest
    regularisation within SIMPLER_WITHIN), the threshold on the pooled out-of-fold Platt
    probabilities. None when the tune side has too few passages of either kind."""
    tune = [p for p in raw_passages if p.get("warning") == category and is_tune(p)]
    rows = [(p, bias_passage_features(p["text"], category)) for p in tune]
    rows = [(p, f) for p, f in rows if f is not None]
    gold = [is_positive(p) for p, _ in rows]
    if min(sum(gold), len(gold) - sum(gold)) < 2 * FOLDS:
        log(f"{category}: {sum(gold)} of {len(gold)} tune passages positive: too few to learn")
        return None
    features, works = [f for _, f in rows], [str(p["work_id"]) for p, _ in rows]
    grid = []
    for c_value in C_VALUES:
        runs = []
        for repeat in range(REPEATS):
            margins = [0.0] * len(rows)
            for train_rows, test_rows in work_folds(works, repeat):
                weights, bias = fit(
                    [features[i] for i in train_rows], [gold[i] for i in train_rows], c_value
                )
                for i in test_rows:
                    margins[i] = margin(weights, bias, features[i])
            runs.append(margins)
        f1 = sum(best_constrained_f1(m, gold, BIAS_MIN_PRECISION) for m in runs) / REPEATS
        log(f"  {category}: C {c_value:<5} out-of-fold F1 {f1:.3f}")
        grid.append((f1, c_value, runs))
    top = max(row[0] for row in grid)
    f1, c_value, runs = min(
        (row for row in grid if row[0] >= top - SIMPLER_WITHIN), key=lambda r: r[1]
    )
    pooled, pooled_gold = [m for run in runs for m in run], gold * REPEATS
    a, b = platt(pooled, pooled_gold)
    from fanarchive.analysis.warnings.learned import _sigmoid

    probabilities = [_sigmoid(a * m + b) for m in pooled]
    threshold, cv = choose_threshold(probabilities, pooled_gold, BIAS_MIN_PRECISION)
    weights, bias = fit(features, gold, c_value)
    log(
        f"{category}: C {c_value}, threshold {threshold:.2f}, out-of-fold P "
        f"{cv['precision']:.2f} R {cv['recall']:.2f} F1 {cv['f1']:.2f}"
    )
    return {
        "weights": {k: round(v, 4) for k, v in sorted(weights.items())},
        "bias": round(bias, 4),
        "threshold": threshold,
        "calibration": [round(a, 4), round(b, 4)],
        "cross_validation": {"C": c_value, "selection_criterion": round(f1, 3), **cv},
    }
