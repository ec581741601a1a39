"""`fanarchive train speakers ../shared`: fit the speaker ranking (speakers/ranking.py)
on the *tune* side of the development data only, and write its weights to
`src/fanarchive/analysis/speakers/ranking.json`.

Tune side: the PDNC tune novels of `pdnc-dev` (pdnc.TUNE_NOVELS) and LitBank's works with an
even Gutenberg id. Each quote the sieve decided by a rule that is not near-certain gives one
group of candidates (features from `ranking.candidate_features`, label: the candidate is the
gold speaker, by name or through the character aligned with the gold one); groups with no right
candidate teach nothing and are left out. A conditional logit (a softmax over each quote's
candidates, fitted with scipy, which comes with scikit-learn; imported here only) scores them; the run prints how often its best candidate is right on the tune
groups, against the sieve's answer, so a re-train says what it learned. Whether the model
stays is decided on the check side: `fanarchive evaluate pdnc` and `fanarchive evaluate litbank`.
"""

from __future__ import annotations

import bisect
import json
import sys
from datetime import date
from pathlib import Path

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_path, read_text
from fanarchive.analysis.speakers import run_sieve
from fanarchive.analysis.speakers.ranking import (
    WEIGHTS_PATH,
    candidate_features,
    eligible,
    turn_votes,
)
from fanarchive.evaluation import litbank, pdnc
from fanarchive.evaluation.scoring import TUNE, GoldQuote, normalise_name

EXIT_OK, EXIT_BAD_INPUT = 0, 3
Group = list[tuple[dict[str, float], bool]]  # one quote's candidates: features, right?


def gold_of_quotes(gold: list[GoldQuote], quotes) -> dict[int, GoldQuote]:
    """Each system quote's gold quotation: the one whose span overlaps it most."""
    spans = sorted((start, end, g) for g in gold for start, end in g.spans)
    starts = [s for s, _, _ in spans]
    longest = max((e - s for s, e, _ in spans), default=0)
    found = {}
    for quote in quotes:
        best, best_overlap = None, 0
        i = bisect.bisect_left(starts, quote.start - longest)
        while i < len(spans) and spans[i][0] < quote.end:
            start, end, g = spans[i]
            overlap = min(end, quote.end) - max(start, quote.start)
            if overlap > best_overlap:
                best, best_overlap = g, overlap
            i += 1
        if best is not None:
            found[id(quote)] = best
    return found


def groups_of(sieve, gold: dict[int, GoldQuote], aligned: dict) -> list[Group]:
    groups = []
    votes = turn_votes(sieve)
    for line in sieve.lines:
        truth = gold.get(id(line.quote))
        if truth is None or truth.speaker is None or not eligible(line):
            continue
        group = [
            (features, normalise_name(name) in truth.names or aligned.get(name) == truth.names)
            for name, features in candidate_features(sieve, line, votes).items()
        ]
        if any(right for _, right in group):
            groups.append(group)
    return groups


def pdnc_groups(folder: Path) -> list[Group]:
    novel = pdnc.load_novel(folder)
    document = read_path(folder / "novel_text.txt")
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    sieve = run_sieve(document, quotes, cast)
    aligned = pdnc.align_characters(cast.characters, novel.characters)
    return groups_of(sieve, gold_of_quotes(novel.gold, quotes), aligned) if sieve else []


def litbank_groups(work: litbank.LitbankWork) -> list[Group]:
    document = read_text(work.text, "text")
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    sieve = run_sieve(document, quotes, cast)
    if sieve is None:
        return []
    gold = gold_of_quotes(litbank.gold_quotes(work), quotes)
    return groups_of(sieve, gold, litbank.align_cast(work, cast))


def tune_groups(shared: Path) -> tuple[list[Group], dict[str, int]]:
    """Every tune-side group, with how many came from each source."""
    groups, sources = [], {}
    for folder in pdnc.novel_folders(shared / "pdnc-dev"):
        if pdnc.side_of(folder.name) == TUNE:
            found = pdnc_groups(folder)
            groups += found
            sources[f"pdnc-dev/{folder.name}"] = len(found)
    works = [w for w in litbank.load_litbank(shared / "litbank") if w.side == TUNE]
    found = [g for work in works for g in litbank_groups(work)]
    groups += found
    sources[f"litbank ({len(works)} tune works)"] = len(found)
    return groups, sources


def fit(groups: list[Group], regularisation: float = 0.001) -> dict:
    """A conditional logit: the candidates of one quote compete in a softmax and the weights
    maximise the probability of the right ones (L2-regularised), fitted with scipy's L-BFGS
    (installed with scikit-learn, imported here only). Returns the JSON the ranking reads."""
    import numpy as np
    from scipy.optimize import minimize  # training only

    names = sorted({name for group in groups for features, _ in group for name in features})
    column = {name: i for i, name in enumerate(names)}
    blocks = []
    for group in groups:
        matrix = np.zeros((len(group), len(names)))
        for row, (features, _) in enumerate(group):
            for name, value in features.items():
                matrix[row, column[name]] = value
        right = np.array([float(r) for _, r in group])
        blocks.append((matrix, right / right.sum()))

    def loss(weights):
        total, gradient = 0.0, np.zeros_like(weights)
        for matrix, target in blocks:
            scores = matrix @ weights
            scores -= scores.max()
            probabilities = np.exp(scores) / np.exp(scores).sum()
            total -= float(np.log((probabilities * (target > 0)).sum() + 1e-12))
            gradient += matrix.T @ (probabilities - target)
        n = len(blocks)
        return (
            total / n + regularisation * float(weights @ weights),
            gradient / n + 2 * regularisation * weights,
        )

    result = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B")
    weights = [round(float(w), 4) for w in result.x]
    return {"features": names, "weights": weights, "bias": 0.0}


def group_accuracy(groups: list[Group], data: dict) -> tuple[float, float]:
    """How often the model's best candidate is right, and how often the sieve's answer is."""
    weights = dict(zip(data["features"], data["weights"], strict=True))
    model_right = sieve_right = 0
    for group in groups:
        scores = [sum(weights.get(n, 0.0) * v for n, v in f.items()) for f, _ in group]
        model_right += group[scores.index(max(scores))][1]
        sieve_right += any(right and f.get("sieve") for f, right in group)
    return model_right / len(groups), sieve_right / len(groups)


def run(shared: str, output: str | None = None) -> int:
    root = Path(shared)
    if not (root / "pdnc-dev").is_dir() or not (root / "litbank").is_dir():
        print(
            f"fanarchive: {shared}: needs pdnc-dev/ and litbank/ (the shared data)", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    try:
        groups, sources = tune_groups(root)
    except (OSError, ValueError, KeyError, AnalysisError) as error:
        print(f"fanarchive: cannot read the tune data ({error})", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not groups:
        print("fanarchive: no tune-side quotes to learn from", file=sys.stderr)
        return EXIT_BAD_INPUT
    data = fit(groups)
    model_acc, sieve_acc = group_accuracy(groups, data)
    data["trained"] = {
        "on": sources,
        "quotes": len(groups),
        "date": date.today().isoformat(),
        "command": "fanarchive train speakers ../shared",
        "tune_best_candidate_right": round(model_acc, 4),
        "tune_sieve_right": round(sieve_acc, 4),
    }
    path = Path(output) if output else WEIGHTS_PATH
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(
        f"Trained on {len(groups)} tune-side quotes ({', '.join(f'{k}: {v}' for k, v in sources.items())}).\n"
        f"Among the candidates of those quotes, the model's best is right {100 * model_acc:.1f}% "
        f"of the time, the sieve's answer {100 * sieve_acc:.1f}%.\nWeights written to {path}."
    )
    return EXIT_OK
