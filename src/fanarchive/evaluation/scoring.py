"""Scoring quote attribution against gold quotations, shared by the PDNC and annotation
evaluations.

A gold quotation (one or more sub-spans) is matched to the system quote that overlaps it most;
it counts right when that quote's speaker is one of the gold speaker's names (compared
case-insensitively, whitespace normalised). A gold quotation no system quote overlaps counts
wrong, so the figures are end to end: quote finding, cast detection and attribution together.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from fanarchive.analysis.model import Quote

_SPACE_RE = re.compile(r"\s+")


def normalise_name(name: str | None) -> str:
    return _SPACE_RE.sub(" ", name or "").strip().casefold()


@dataclass
class GoldQuote:
    spans: list[tuple[int, int]]
    speaker: str | None  # None: an unnamed speaker; the system must answer None too
    names: frozenset[str] = frozenset()  # normalised names that count as the speaker
    kind: str = "all"  # PDNC quoteType: Explicit, Anaphoric, Implicit


@dataclass
class Score:
    """Counts for one text (or a sum of texts)."""

    total: Counter = field(default_factory=Counter)  # per kind and "all"
    correct: Counter = field(default_factory=Counter)
    gold_spans: int = 0
    found_spans: int = 0  # gold sub-spans some system quote overlaps
    system_quotes: int = 0
    system_matched: int = 0  # system quotes overlapping some gold sub-span
    rule_total: Counter = field(default_factory=Counter)  # per sieve rule, matched quotes
    rule_correct: Counter = field(default_factory=Counter)
    errors: list[tuple[GoldQuote, Quote | None]] = field(default_factory=list)
    # with keep_errors, every matched system quote and whether its speaker is right (what
    # the calibration of speaker confidence is fitted and measured on)
    judged: list[tuple[Quote, bool]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for mine, theirs in (
            (self.total, other.total),
            (self.correct, other.correct),
            (self.rule_total, other.rule_total),
            (self.rule_correct, other.rule_correct),
        ):
            mine.update(theirs)
        self.gold_spans += other.gold_spans
        self.found_spans += other.found_spans
        self.system_quotes += other.system_quotes
        self.system_matched += other.system_matched

    def accuracy(self, kind: str = "all") -> float:
        return self.correct[kind] / self.total[kind] if self.total[kind] else 0.0

    @property
    def recall(self) -> float:
        return self.found_spans / self.gold_spans if self.gold_spans else 0.0

    @property
    def precision(self) -> float:
        return self.system_matched / self.system_quotes if self.system_quotes else 0.0


class _Overlaps:
    """System quotes indexed by start for overlap queries."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]
        self.longest = max((q.end - q.start for q in self.quotes), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, Quote]]:
        found = []
        i = bisect.bisect_left(self.starts, start - self.longest)
        while i < len(self.quotes) and self.quotes[i].start < end:
            quote = self.quotes[i]
            overlap = min(end, quote.end) - max(start, quote.start)
            if overlap > 0:
                found.append((overlap, quote))
            i += 1
        return found


def score_quotes(
    gold: list[GoldQuote],
    system: list[Quote],
    keep_errors: bool = False,
    aligned: dict[str, frozenset[str]] | None = None,
) -> Score:
    """`aligned` maps a system character name to the gold names of the character it stands
    for, when its own name is none of them (see pdnc.align_characters)."""
    score = Score(system_quotes=len(system))
    index = _Overlaps(system)
    matched_system: set[int] = set()
    for quote in gold:
        best: tuple[int, Quote] | None = None
        for start, end in quote.spans:
            score.gold_spans += 1
            found = index.overlapping(start, end)
            if found:
                score.found_spans += 1
            for overlap, candidate in found:
                matched_system.add(id(candidate))
                if best is None or overlap > best[0]:
                    best = (overlap, candidate)
        ours = best[1] if best else None
        right = ours is not None and _same_speaker(quote, ours.speaker, aligned or {})
        for kind in ("all", quote.kind) if quote.kind != "all" else ("all",):
            score.total[kind] += 1
            score.correct[kind] += right
        if ours is not None:
            score.rule_total[ours.rule] += 1
            score.rule_correct[ours.rule] += right
            if keep_errors:
                score.judged.append((ours, right))
        if not right and keep_errors:
            score.errors.append((quote, ours))
    score.system_matched = len(matched_system)
    return score


def _same_speaker(gold: GoldQuote, speaker: str | None, aligned: dict[str, frozenset[str]]) -> bool:
    if gold.speaker is None:
        return speaker is None
    if speaker is None:
        return False
    return normalise_name(speaker) in gold.names or aligned.get(speaker) == gold.names


# --- tune and check sides ---------------------------------------------------------------
# Rules and weights are written and fitted on the tune side only; the check side says whether
# they generalise. Both are printed side by side, with the gap (tune minus check).
TUNE, CHECK = "tune", "check"


def side_by_side(tune: Score, check: Score, kinds: tuple[str, ...]) -> str:
    """A table: accuracy overall and per quotation kind, quote detection, on both sides."""
    header = f"{'':24} {'TUNE':>18} {'CHECK':>18} {'gap':>6}"
    lines = [header, "-" * len(header)]
    for kind in ("all", *kinds):
        label = "attribution" if kind == "all" else f"  {kind}"
        lines.append(
            f"{label:24} {_cell(tune, kind)} {_cell(check, kind)} "
            f"{_gap(tune.accuracy(kind), check.accuracy(kind))}"
        )
    for label, attribute in (("detection recall", "recall"), ("detection precision", "precision")):
        ours, theirs = getattr(tune, attribute), getattr(check, attribute)
        lines.append(f"{label:24} {100 * ours:17.1f}% {100 * theirs:17.1f}% {_gap(ours, theirs)}")
    return "\n".join(lines)


def score_figures(score: Score, kinds: tuple[str, ...]) -> dict:
    """A score as JSON: accuracy overall and per quotation kind, and quote detection."""
    return {
        "quotes": score.total["all"],
        "accuracy": round(score.accuracy(), 4),
        **{kind.lower(): round(score.accuracy(kind), 4) for kind in kinds},
        "detection_recall": round(score.recall, 4),
        "detection_precision": round(score.precision, 4),
    }


def sides_json(tune: Score, check: Score, kinds: tuple[str, ...]) -> dict:
    def figures(score: Score) -> dict:
        counts = {f"{kind.lower()}_quotes": score.total[kind] for kind in kinds}
        return {**score_figures(score, kinds), **counts}

    ours, theirs = figures(tune), figures(check)
    gap = {
        key: round(ours[key] - theirs[key], 4)
        for key in ours
        if key != "quotes" and not key.endswith("_quotes")
    }
    return {TUNE: ours, CHECK: theirs, "gap": gap}


def _cell(score: Score, kind: str) -> str:
    if not score.total[kind]:
        return f"{'-':>18}"
    return f"{score.correct[kind]:>5}/{score.total[kind]:<5} {100 * score.accuracy(kind):5.1f}%"


def _gap(tune: float, check: float) -> str:
    return f"{100 * (tune - check):+6.1f}"
