"""A learned second look at the sieve's less certain decisions (issue 14, part 6).

After the sieve has run, every quote decided by one of its conversation rules or guesses
(`RANKED_RULES`: turn-taking, a turn's partner, the one addressed, the nearest mention, ...)
gets a short list of candidate speakers: the sieve's own answer, the speakers of the last
turns, the one the previous turn addressed, the characters the narration named last and those
named around the quote, the narrator, whoever the turn parity votes for. Each candidate is
described by a few features (which rule proposed it, turn parity votes from the turns a tag
decided, vocatives before and after, recency and count of its mentions, gender agreement, its
share of the last turns, whether the previous turn talked about it or the narration named it
since, whether it spoke the latest tagged quote) and
scored by a linear model; the best scoring candidate speaks (rule `ranked` when it overrules
the sieve; the confidence is its softmax probability among the candidates). Near-certain
rules (a named speech tag, `I said`, a voice, a relative, a continued speech) stay rules, and
so does what the paragraph itself says (a tag's pronoun, a beat, another quote of the same
paragraph); a quote the sieve left to no one stays so.

The weights are fitted on the *tune* side of the development data only (PDNC tune novels and
LitBank's even-numbered works) by `fanarchive train speakers ../shared` (scipy/scikit-learn,
imported there only) and shipped as `ranking.json` beside this module; scoring is plain
Python. Without that file the sieve's answers stand.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("ranking.json")
# Rules whose answers the model may change: the conversation rules and the guesses. What the
# paragraph itself says (a tag's pronoun, a beat, another quote of the same paragraph) stays:
# on our fan fiction samples, where two men talk, the model overruled those wrongly.
RANKED_RULES = (
    "addressee",
    "turn_taking",
    "turn_partner",
    "conversation",
    # no longer given by the sieve (removed by the ablation audit, 41d6086); kept because the
    # shipped weights carry it and test_speakers_ranking checks every weight is computed
    "isolated_beat",
    "nearest_mention",
)
RECENT_SPEAKERS = 4  # lines back whose speakers are candidates
RECENT_NAMED = 6  # narration mentions back whose characters are candidates
WINDOW = 1500  # characters before the quote in which mentions are counted
INTERACTING = (
    "sieve",
    "previous_turn",
    "two_turns_back",
    "previous_addressee",
    "latest_named",
    "named_before_in_paragraph",
    "named_after_in_paragraph",
    "next_turn",
    "two_turns_ahead",
    "next_addressee",
    "beat_subject",
    "parity_vote",
)
# Rules whose answers anchor the parity votes: a speaker named by the text itself.
ANCHORS = frozenset({"explicit", "narrator", "reader", "voice", "kin", "continuation"})
VOTING_TURNS = 8


class Model:
    """A linear scorer: feature name -> weight, plus a bias."""

    def __init__(self, weights: dict[str, float], bias: float = 0.0):
        self.weights = weights
        self.bias = bias

    def score(self, features: dict[str, float]) -> float:
        # Most features of a candidate are 0: skipping them leaves the sum exactly as it was
        # (adding 0.0 changes no float) and halves the time of a work's ranking.
        weights, total = self.weights, 0.0
        for name, value in features.items():
            if value:
                total += weights.get(name, 0.0) * value
        return self.bias + total

    @classmethod
    def from_json(cls, data: dict) -> Model:
        return cls(dict(zip(data["features"], data["weights"], strict=True)), data["bias"])


@lru_cache(maxsize=1)
def shipped_model() -> Model | None:
    """The model shipped with the package, or None when there is none."""
    try:
        return Model.from_json(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError):
        return None


def eligible(line) -> bool:
    quote = line.quote
    # A chat line's label speaks it whatever the ranking says (speakers/labels.py).
    return quote.speaker is not None and quote.rule in RANKED_RULES and quote.label is None


def turn_votes(sieve, wanted: set[int] | None = None) -> dict[int, dict[str, float]]:
    """For every line in a conversation, each candidate's turn-parity vote: turns a
    near-certain rule decided vote for their speaker when an even number of turns away,
    against when odd, halved per turn of distance (what the sieve's turn-taking does, kept
    per candidate instead of only its winner). With `wanted` (line indices), only the turns
    holding one of those lines are tallied: the ranking reads a line in seven."""
    from fanarchive.analysis.speakers.sieve import _turns

    votes: dict[int, dict[str, float]] = {}
    for conversation in sieve.conversations():
        turns = _turns(conversation)
        anchors = {}
        for i, turn in enumerate(turns):
            sure = [t.quote.speaker for t in turn if t.quote.rule in ANCHORS and t.quote.speaker]
            if sure:
                anchors[i] = sure[-1]
        for i, turn in enumerate(turns):
            if wanted is not None and not any(line.index in wanted for line in turn):
                continue
            tally: dict[str, float] = {}
            # only the anchors within reach: all of them is quadratic in a long conversation
            nearby = range(max(0, i - VOTING_TURNS), i + VOTING_TURNS + 1)
            for j, speaker in ((j, anchors[j]) for j in nearby if j in anchors):
                if j != i:
                    sign = 1.0 if (i - j) % 2 == 0 else -1.0
                    tally[speaker] = tally.get(speaker, 0.0) + sign * 0.5 ** (abs(i - j) - 1)
            for line in turn:
                votes[line.index] = tally
    return votes


def candidate_features(sieve, line, votes: dict[int, dict[str, float]] | None = None):
    """Candidate speakers of `line` (sieve state after `Sieve.run`) and their features
    (candidate -> feature -> value). `votes` is `turn_votes(sieve)`, computed once per work."""
    ctx, lines = sieve.ctx, sieve.lines
    tally = (votes if votes is not None else turn_votes(sieve)).get(line.index, {})
    quote = line.quote
    recent = list(ctx.recent_mentions(quote.start, limit=40))
    order: list[str] = []  # distinct characters by recency of their narration mentions
    latest: dict[str, int] = {}
    counts: dict[str, int] = {}
    for mention in recent:
        name = mention.character
        if name not in latest:
            latest[name] = mention.end
            order.append(name)
        if quote.start - mention.end <= WINDOW:
            counts[name] = counts.get(name, 0) + 1
    previous = [lines[i] for i in range(line.index - 1, max(-1, line.index - 7), -1)]
    turns = _previous_turns(line, previous)
    following = _previous_turns(line, lines[line.index + 1 : line.index + 7])
    beat = line.beat_before.value if line.beat_before and line.beat_before.kind == "name" else None
    around = {m.character for m in ctx.mentions_outside(*line.before)}
    after = {m.character for m in ctx.mentions_outside(*line.after)}
    inside = {m.character for m in ctx.mentions_inside(quote.start, quote.end)}
    said_before = {
        m.character
        for t in turns[:1]
        for m in ctx.mentions_inside(t.quote.start, t.quote.end)
        if m.character != t.addressee
    }
    since = turns[0].quote.end if turns else max(0, quote.start - WINDOW)
    between = {m.character for m in ctx.mentions_outside(since, quote.start)}
    turn_counts: dict[str, int] = {}
    for t in turns[:VOTING_TURNS]:
        if t.quote.speaker:
            turn_counts[t.quote.speaker] = turn_counts.get(t.quote.speaker, 0) + 1
    previous_addressee = _turn_addressee(lines, turns[0]) if turns else None
    next_addressee = _turn_addressee(lines, following[0]) if following else None
    anchored = next((p.quote.speaker for p in previous if p.quote.rule in ANCHORS), None)

    names: list[str] = [quote.speaker]
    names += [p.quote.speaker for p in previous[:RECENT_SPEAKERS] if p.quote.speaker]
    names += [previous_addressee] if previous_addressee else []
    names += order[:RECENT_NAMED] + sorted(around) + sorted(after) + sorted(tally)
    if sieve.narrator:
        names.append(sieve.narrator)
    if line.notes.get("third_person"):
        # `she says` in a story told by an I or to a you is neither of them.
        names = [n for n in names if n not in (sieve.narrator, sieve.reader)]
    # `"Hux is grumpy because..."`: not Hux's line (Sieve.spoken_of).
    spoken_of = sieve.spoken_of([line])
    names = [n for n in names if n not in spoken_of]
    gender = line.notes.get("gender")
    banned = line.notes.get("not", ())
    result: dict[str, dict[str, float]] = {}
    rule_key = f"rule={quote.rule}"
    interacting = [(key, f"{key}|{quote.rule}") for key in INTERACTING]
    # What each candidate is compared with, read once per line (a missing turn is None,
    # which no candidate's name equals).
    speaker, addressee, narrator = quote.speaker, line.addressee, sieve.narrator
    back = [_speaker(t) for t in turns[:3]] + [None] * (3 - min(3, len(turns)))
    ahead = [_speaker(t) for t in following[:2]] + [None] * (2 - min(2, len(following)))
    rank_of = {name: rank for rank, name in reversed(list(enumerate(order)))}
    spoke: dict[str, int] = {}
    for p in previous:
        spoke[p.quote.speaker] = spoke.get(p.quote.speaker, 0) + 1
    opening = line.first_in_paragraph
    for name in dict.fromkeys(n for n in names if n):
        known = sieve.genders.get(name, "unknown")
        rank = rank_of.get(name)
        is_speaker = 1.0 if name == speaker else 0.0
        f = {
            "sieve": is_speaker,
            rule_key: is_speaker,
            "previous_turn": 1.0 if back[0] == name else 0.0,
            "two_turns_back": 1.0 if back[1] == name else 0.0,
            "previous_addressee": 1.0 if previous_addressee == name else 0.0,
            "addressed_here": 1.0 if addressee == name else 0.0,
            "listener_in_tag": 1.0 if name in banned else 0.0,
            "gender_agrees": 1.0 if gender is not None and known == gender else 0.0,
            "gender_clashes": (
                1.0 if gender is not None and known not in ("unknown", gender) else 0.0
            ),
            "latest_named": 1.0 if rank == 0 else 0.0,
            "recency": 1.0 / (1 + rank) if rank is not None else 0.0,
            "distance": _distance(quote.start, latest.get(name)),
            "mentions_nearby": min(counts.get(name, 0), 10) / 10,
            "named_before_in_paragraph": 1.0 if name in around else 0.0,
            "named_after_in_paragraph": 1.0 if name in after else 0.0,
            "named_in_quote": 1.0 if name in inside and name != addressee else 0.0,
            "spoke_lately": spoke.get(name, 0) / 6,
            "narrator": 1.0 if name == narrator else 0.0,
            "next_turn": 1.0 if ahead[0] == name else 0.0,
            "two_turns_ahead": 1.0 if ahead[1] == name else 0.0,
            "next_addressee": 1.0 if next_addressee == name else 0.0,
            "beat_subject": 1.0 if beat == name else 0.0,
            "parity_vote": max(-1.0, min(1.0, tally.get(name, 0.0))),
            "first_in_paragraph_sieve": is_speaker if opening else 0.0,
            "three_turns_back": 1.0 if back[2] == name else 0.0,
            "named_in_previous_turn": 1.0 if name in said_before else 0.0,
            "named_since_previous_turn": 1.0 if name in between else 0.0,
            "turn_share": turn_counts.get(name, 0) / VOTING_TURNS,
            "last_tagged": 1.0 if anchored == name else 0.0,
        }
        # The same evidence weighs differently after each rule (a turn's parity matters more
        # when the sieve guessed by turn-taking than when a beat named someone).
        for key, keyed_by_rule in interacting:
            if f[key]:
                f[keyed_by_rule] = f[key]
        result[name] = f
    return result


def rerank(sieve, model: Model | None = None) -> None:
    """Let the model choose among the candidates of every eligible line (in place)."""
    model = model or shipped_model()
    if model is None:
        return
    decisions = []
    ranked = [line for line in sieve.lines if eligible(line)]
    votes = turn_votes(sieve, {line.index for line in ranked})
    for line in ranked:
        candidates = candidate_features(sieve, line, votes)
        if not candidates:
            continue
        scores = {name: model.score(features) for name, features in candidates.items()}
        best = max(scores, key=scores.__getitem__)
        top = max(scores.values())
        total = sum(math.exp(s - top) for s in scores.values())
        decisions.append((line, best, 1.0 / total))
    # Decided after every line was read, so each decision sees the sieve's answers around it.
    for line, best, probability in decisions:
        if best != line.quote.speaker:
            line.quote.speaker = best
            line.quote.rule = "ranked"
        line.quote.confidence = round(probability, 2)


def _previous_turns(line, previous: list) -> list:
    """The last line of each of the previous turns (other paragraphs), nearest first."""
    turns, seen = [], {line.paragraph}
    for p in previous:
        if p.paragraph not in seen:
            seen.add(p.paragraph)
            turns.append(p)
    return turns


def _turn_addressee(lines: list, turn_line) -> str | None:
    """The one a turn addresses by name, in any of its quotes its speaker said (`"Another
    time, Lizzy," said her mother, "I would not..."`), given one line of that turn."""
    first = turn_line.index
    while first and lines[first - 1].paragraph == turn_line.paragraph:
        first -= 1
    last = turn_line.index
    while last + 1 < len(lines) and lines[last + 1].paragraph == turn_line.paragraph:
        last += 1
    speaker = turn_line.quote.speaker
    for other in reversed(lines[first : last + 1]):
        if other.addressee and other.quote.speaker in (speaker, None):
            return other.addressee
    return None


def _speaker(turn_line) -> str | None:
    return turn_line.quote.speaker


def _distance(offset: int, mention_end: int | None) -> float:
    if mention_end is None:
        return 1.0
    return min(math.log1p(max(offset - mention_end, 0)) / 10, 1.0)
