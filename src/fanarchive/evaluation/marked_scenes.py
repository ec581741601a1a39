"""Hand-annotated scenes, written as marked-up text, turned into annotation files.

The sets under `tests/data` (`fic_dialogue`, `fic_tune`, `fic_holdout`, `fic_holdout2`) are
written as `marked/NN_slug.txt`: the scene as a reader sees it, each quotation's words inside
`⟦…⟧` (the quotation marks or dash outside), and header lines naming the people:

    %% T: Teodor Varga = Teo, Teodor, Varga

(a code, the canonical name, then the other names a reader gives the same person; those
count as right too, as PDNC's aliases do). A quotation says who speaks it and how the text
shows it, either inline, `⟦T.a|words⟧`, or in `@@ T.a R.i …` lines listing one `CODE.kind` per
quotation in text order. The kind is `e` explicit (the speaker's name in its tag or beat),
`a` anaphoric (a pronoun, `I`, `you` or a description such as `the captain`), `i` implicit (no
tag at all); the code `_` is a speaker the text leaves unnamed, annotated null.

Each set's `build.py` calls `build_folder`, which writes `NN_slug.txt` (the plain scene) and
`NN_slug.json` (`fanarchive-quote-annotations/1`, offsets in that text); with `--review` it
prints each quotation with its speaker and context, to re-read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

QUOTE_RE = re.compile(r"⟦(?:(\w+)\.([eai])\|)?([^⟦⟧]+)⟧")
HEADER_RE = re.compile(r"%%\s*(\w+):\s*([^=]+?)\s*(?:=\s*(.*))?$")
KINDS = {"e": "explicit", "a": "anaphoric", "i": "implicit"}
UNNAMED = "_"


def build(marked: Path) -> tuple[str, list[dict], dict[str, list[str]]]:
    """(plain text, quotations with offsets in it, names) of one marked-up scene."""
    lines = marked.read_text(encoding="utf-8").splitlines()
    people = _people(lines)
    order = [token for line in lines if line.startswith("@@") for token in line[2:].split()]
    source = "\n".join(line for line in lines if not line.startswith(("%%", "@@"))).strip()
    marks = list(QUOTE_RE.finditer(source + "\n"))
    labels = _labels(marked.name, marks, order, people)
    text, quotes, cursor, length = [], [], 0, 0
    for mark, (code, kind) in zip(marks, labels, strict=True):
        plain, words = source[cursor : mark.start()], mark.group(3)
        text += [plain, words]
        length += len(plain)
        speaker = people[code][0] if code != UNNAMED else None
        quotes.append(
            {
                "start": length,
                "end": length + len(words),
                "text": words,
                "speaker": speaker,
                "kind": KINDS[kind],
            }
        )
        length += len(words)
        cursor = mark.end()
    plain_text = "".join(text) + source[cursor:] + "\n"
    if "⟦" in plain_text or "⟧" in plain_text:
        raise ValueError(f"{marked.name}: a malformed mark is left in the text")
    return plain_text, quotes, {name: others for name, others in people.values()}


def _people(lines: list[str]) -> dict[str, tuple[str, list[str]]]:
    people = {}
    for line in (line for line in lines if line.startswith("%%")):
        code, name, others = HEADER_RE.match(line).groups()
        people[code] = (name, [o.strip() for o in (others or "").split(",") if o.strip()])
    return people


def _labels(name: str, marks: list, order: list[str], people: dict) -> list[tuple[str, str]]:
    """Each mark's (speaker code, kind): written inline, or the next of the `@@` lines."""
    inline = [m.group(1) is not None for m in marks]
    if order and any(inline):
        raise ValueError(f"{name}: speakers are given both inline and in @@ lines")
    if not all(inline) and len(marks) != len(order):
        raise ValueError(f"{name}: {len(marks)} quotations, {len(order)} speakers")
    labels = [(m.group(1), m.group(2)) for m in marks] if all(inline) else []
    labels = labels or [tuple(token.split(".")) for token in order]
    for (code, _), mark in zip(labels, marks, strict=True):
        if code != UNNAMED and code not in people:
            raise ValueError(f"{name}: unknown speaker code {code!r} at {mark.group(3)!r}")
    return labels


def build_folder(folder: Path, review: bool = False) -> None:
    """Write every scene of `folder/marked` as text and annotations (or print them to review)."""
    total_words = total_quotes = 0
    for marked in sorted((folder / "marked").glob("*.txt")):
        plain_text, quotes, names = build(marked)
        if review:
            _print_review(marked.stem, plain_text, quotes)
            continue
        (folder / marked.name).write_text(plain_text, encoding="utf-8")
        annotation = {
            "sample": marked.name,
            "format": "fanarchive-quote-annotations/1",
            "names": names,
            "quotes": quotes,
        }
        (folder / f"{marked.stem}.json").write_text(
            json.dumps(annotation, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        words = len(plain_text.split())
        total_words, total_quotes = total_words + words, total_quotes + len(quotes)
        print(f"{marked.stem:32} {words:5d} words {len(quotes):3d} quotations")
    if not review:
        print(f"{'total':32} {total_words:5d} words {total_quotes:3d} quotations")


def _print_review(stem: str, plain_text: str, quotes: list[dict]) -> None:
    print(f"===== {stem}")
    for quote in quotes:
        context = plain_text[max(0, quote["start"] - 60) : quote["end"] + 40]
        context = context.replace("\n", " / ")
        print(f"{str(quote['speaker'])[:16]:16} {quote['kind'][:4]} | {context}")
