"""Pictures of a stored analysis, drawn on the server: lines per character, the interaction
network (SVG), and the dialogue with each quote marked with its speaker. These only lay out
what the analysis found; they do not analyse anything."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from html import escape

PALETTE = ["#990000", "#1f5fa8", "#2e7d32", "#8e44ad", "#c77700", "#00838f", "#ad1457", "#5d4037"]
UNKNOWN_COLOUR = "#777777"
# Below even odds of being right (the speaker confidence is a calibrated probability, see
# analysis/speakers/confidence.py), an attribution is shown as a guess: `Anders?`.
UNCERTAIN_BELOW = 0.5
TURN_GAP_CHARS = 1500  # two quotes further apart than this are not one exchange
PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
MAX_NETWORK_NODES = 12


def speaker_colours(characters: list[dict]) -> dict[str, str]:
    speakers = [c["name"] for c in characters if c.get("lines")]
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(speakers)}


@dataclass
class Bar:
    name: str
    lines: int
    percent: float
    colour: str


def line_bars(characters: list[dict], colours: dict[str, str]) -> list[Bar]:
    speakers = sorted((c for c in characters if c.get("lines")), key=lambda c: -c["lines"])
    most = max((c["lines"] for c in speakers), default=1)
    return [
        Bar(c["name"], c["lines"], 100 * c["lines"] / most, colours.get(c["name"], UNKNOWN_COLOUR))
        for c in speakers
    ]


def exchanges(quotes: list[dict]) -> Counter:
    """Pairs of characters talking to each other: consecutive lines by different speakers,
    and lines addressed to someone. Keys are sorted name pairs."""
    pairs: Counter = Counter()
    previous = None
    for quote in sorted(quotes, key=lambda q: q["start"]):
        speaker = quote.get("speaker")
        if speaker and quote.get("addressee") and quote["addressee"] != speaker:
            pairs[tuple(sorted((speaker, quote["addressee"])))] += 1
        elif (
            speaker
            and previous
            and previous.get("speaker") not in (None, speaker)
            and quote["start"] - previous["end"] <= TURN_GAP_CHARS
        ):
            pairs[tuple(sorted((speaker, previous["speaker"])))] += 1
        previous = quote if speaker else previous
    return pairs


def network_svg(
    characters: list[dict], quotes: list[dict], colours: dict[str, str], size: int = 420
) -> str:
    """Characters on a circle, an edge per pair that talks, thicker for more exchanges."""
    pairs = exchanges(quotes)
    involved = {name for pair in pairs for name in pair}
    nodes = [c for c in characters if c["name"] in involved or c.get("present")][:MAX_NETWORK_NODES]
    if not nodes:
        return ""
    centre, radius = size / 2, size / 2 - 70 if len(nodes) > 1 else 0
    position = {}
    for i, node in enumerate(nodes):
        start = math.pi if len(nodes) == 2 else -math.pi / 2  # a pair side by side, else top first
        angle = start + 2 * math.pi * i / len(nodes)
        position[node["name"]] = (
            centre + radius * math.cos(angle),
            centre + radius * math.sin(angle),
        )
    heaviest = max(pairs.values(), default=1)
    body, box = [], _Box()
    for (a, b), weight in sorted(pairs.items(), key=lambda item: item[1]):
        if a in position and b in position:
            (x1, y1), (x2, y2) = position[a], position[b]
            width = 1 + 7 * weight / heaviest
            body.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#999" '
                f'stroke-width="{width:.1f}" stroke-linecap="round"><title>{escape(a)} – {escape(b)}: '
                f"{weight} exchanges</title></line>"
            )
    most_lines = max((n.get("lines", 0) for n in nodes), default=1) or 1
    for node in nodes:
        x, y = position[node["name"]]
        r = 8 + 14 * node.get("lines", 0) / most_lines
        colour = colours.get(node["name"], UNKNOWN_COLOUR)
        label_y = y - r - 6 if y < centre - 1 else y + r + 16  # labels outside the circle
        half_label = 4.3 * len(node["name"])  # ~8.6 px per character at 14 px
        box.add(x - max(r, half_label), label_y - 14, x + max(r, half_label), y + r)
        box.add(x - r, y - r, x + r, label_y + 4)
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"><title>{escape(node["name"])}: '
            f"{node.get('lines', 0)} lines</title></circle>"
            f'<text x="{x:.1f}" y="{label_y:.1f}" text-anchor="middle">{escape(node["name"])}</text>'
        )
    # The picture is cropped to what is drawn, so a pair is not lost in an empty square.
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box.view_box()}" role="img" class="network" '
        f'aria-label="Who talks with whom">{"".join(body)}</svg>'
    )


class _Box:
    def __init__(self):
        self.left = self.top = math.inf
        self.right = self.bottom = -math.inf

    def add(self, left: float, top: float, right: float, bottom: float) -> None:
        self.left, self.top = min(self.left, left), min(self.top, top)
        self.right, self.bottom = max(self.right, right), max(self.bottom, bottom)

    def view_box(self, margin: float = 8) -> str:
        width, height = self.right - self.left + 2 * margin, self.bottom - self.top + 2 * margin
        return f"{self.left - margin:.0f} {self.top - margin:.0f} {width:.0f} {height:.0f}"


def dialogue_html(text: str, quotes: list[dict], colours: dict[str, str]) -> list[str]:
    """Paragraphs that hold dialogue, each quote in a <mark> labelled with its speaker."""
    ordered = sorted(quotes, key=lambda q: q["start"])
    paragraphs, i = [], 0
    for match in PARAGRAPH_RE.finditer(text):
        start, end = match.span()
        inside = []
        while i < len(ordered) and ordered[i]["start"] < end:
            if ordered[i]["start"] >= start and ordered[i]["end"] <= end:
                inside.append(ordered[i])
            i += 1
        if inside:
            paragraphs.append(_marked(text, start, end, inside, colours))
    return paragraphs


def _marked(text: str, start: int, end: int, quotes: list[dict], colours: dict[str, str]) -> str:
    pieces, cursor = [], start
    for quote in quotes:
        if quote["start"] < cursor:
            continue
        speaker = quote.get("speaker")
        colour = colours.get(speaker, UNKNOWN_COLOUR) if speaker else UNKNOWN_COLOUR
        label = escape(speaker or "unknown")
        confidence = quote.get("confidence", 0)
        uncertain = bool(speaker) and confidence < UNCERTAIN_BELOW
        shown, classes = (f"{label}?", "quote uncertain") if uncertain else (label, "quote")
        chance = f"{confidence:.0%} likely right" + (", a guess" if uncertain else "")
        pieces.append(escape(text[cursor : quote["start"]]))
        pieces.append(
            f'<mark class="{classes}" style="--speaker: {colour}" title="{label} '
            f'({quote.get("rule", "")}, {chance})"><span class="speaker">{shown}</span>'
            f"{escape(text[quote['start'] : quote['end']])}</mark>"
        )
        cursor = quote["end"]
    pieces.append(escape(text[cursor:end]))
    return "".join(pieces)
