"""How sure an attribution is, on fiction of any kind: a calibrated probability that a quote's
speaker is right.

The sieve's rules carry their precision on the PDNC novels (`sieve.CONFIDENCE`) and the
ranking its softmax probability; both are right for novels like those and too sure for fan
fiction, where untagged exchanges of three or four people are common (on the fan-fiction check
sets the answers averaged 0.80 and were right 66 % of the time). A small logistic model
re-reads each answer with what makes it harder: how many untagged lines separate it from the
nearest line a tag or beat decided, how many people spoke around it, who tells the story, and
for the whole work the share of lines a tag decided and how many speakers it has. It is fitted
on the tune sides of PDNC, LitBank and the fan-fiction scene sets (`fanarchive train confidence
../shared`), each family weighing the same, and measured on their check sides (`fanarchive
evaluate confidence ../shared`). It changes no speaker, only `confidence`.
"""

from __future__ import annotations

import bisect
import json
import math
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("confidence.json")
# Rules that read the speaker off the text around the line (a tag, a beat, the narrator's
# `I said`): what untagged turn-taking counts from.
ANCHOR_RULES = frozenset(
    {"explicit", "narrator", "reader", "beat", "beat_after", "continuation", "kin", "voice"}
)
MAX_DISTANCE = 6  # untagged lines to the nearest anchor, counted up to this many
AROUND = 4  # lines each side whose speakers count as the conversation's people


def line_features(lines: list, narration: str) -> list[dict[str, float]]:
    """One feature dict per line of the sieve (quotes in text order)."""
    anchors = [i for i, line in enumerate(lines) if line.quote.rule in ANCHOR_RULES]
    tagged = len(anchors) / len(lines) if lines else 0.0
    speakers = len({line.quote.speaker for line in lines if line.quote.speaker})
    features = []
    spoken = [line.quote.speaker for line in lines]  # read once, not by every neighbour
    for i, line in enumerate(lines):
        quote = line.quote
        near = _distance_to_anchor(i, anchors)
        people = {speaker for speaker in spoken[max(0, i - AROUND) : i + AROUND + 1] if speaker}
        features.append(
            {
                f"rule={quote.rule}": 1.0,
                "confidence": quote.confidence,
                "distance": min(near, MAX_DISTANCE) / MAX_DISTANCE,
                "people=3+": float(len(people) >= 3),
                "people=1": float(len(people) <= 1),
                f"narration={narration}": 1.0,
                "unattributed": float(quote.speaker is None),
                "work:tagged": tagged,
                "work:speakers=2": float(speakers <= 2),
                "work:speakers=5+": float(speakers >= 5),
            }
        )
    return features


def _distance_to_anchor(i: int, anchors: list[int]) -> int:
    if not anchors:
        return MAX_DISTANCE
    at = bisect.bisect_left(anchors, i)  # anchors[at - 1] < i <= anchors[at]
    if at == 0:
        return anchors[0] - i
    if at == len(anchors):
        return i - anchors[-1]
    return min(i - anchors[at - 1], anchors[at] - i)


class ConfidenceModel:
    def __init__(self, weights: dict[str, float], bias: float) -> None:
        self.weights, self.bias = weights, bias

    def probability(self, features: dict[str, float]) -> float:
        weight = self.weights.get
        margin = self.bias + sum([weight(k, 0.0) * v for k, v in features.items()])
        return 1.0 / (1.0 + math.exp(-margin))


_MODEL: list[ConfidenceModel | None] = []


def model() -> ConfidenceModel | None:
    """The shipped weights, read once; None when the package has none."""
    if not _MODEL:
        try:
            data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
            _MODEL.append(ConfidenceModel(data["weights"], data["bias"]))
        except (OSError, ValueError, KeyError):
            _MODEL.append(None)
    return _MODEL[0]


def calibrate(lines: list, narration: str) -> None:
    """Replace each quote's confidence by the model's probability that its speaker is right."""
    fitted = model()
    if fitted is None:
        return
    for line, margin in zip(lines, _margins(lines, narration, fitted), strict=True):
        line.quote.confidence = round(1.0 / (1.0 + math.exp(-margin)), 3)


def _margins(lines: list, narration: str, fitted: ConfidenceModel) -> list[float]:
    """`fitted`'s margin for each line's `line_features`, the same products summed in the
    same order, without a dict per line (3,715 of them in a 100,000-word work)."""
    weight = fitted.weights.get
    anchors = [i for i, line in enumerate(lines) if line.quote.rule in ANCHOR_RULES]
    tagged = len(anchors) / len(lines) if lines else 0.0
    speakers = len({line.quote.speaker for line in lines if line.quote.speaker})
    spoken = [line.quote.speaker for line in lines]
    # the weights of the features every line has, and of each rule, looked up once
    w_confidence, w_distance = weight("confidence", 0.0), weight("distance", 0.0)
    w_many, w_one = weight("people=3+", 0.0), weight("people=1", 0.0)
    w_narration, w_unattributed = weight(f"narration={narration}", 0.0), weight("unattributed", 0.0)
    work = [
        weight("work:tagged", 0.0) * tagged,
        weight("work:speakers=2", 0.0) * float(speakers <= 2),
        weight("work:speakers=5+", 0.0) * float(speakers >= 5),
    ]
    by_rule: dict[str, float] = {}
    margins = []
    for i, line in enumerate(lines):
        quote = line.quote
        rule = quote.rule
        if rule not in by_rule:
            by_rule[rule] = weight(f"rule={rule}", 0.0)
        near = _distance_to_anchor(i, anchors)
        people = len(
            {speaker for speaker in spoken[max(0, i - AROUND) : i + AROUND + 1] if speaker}
        )
        products = [
            by_rule[rule] * 1.0,
            w_confidence * quote.confidence,
            w_distance * (min(near, MAX_DISTANCE) / MAX_DISTANCE),
            w_many * float(people >= 3),
            w_one * float(people <= 1),
            w_narration * 1.0,
            w_unattributed * float(quote.speaker is None),
            *work,
        ]
        margins.append(fitted.bias + sum(products))
    return margins
