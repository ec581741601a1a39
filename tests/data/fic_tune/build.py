"""Build the fan-fiction tune set from its marked-up scenes: `python build.py` in this folder.

Adapted from `tests/data/fic_dialogue/build.py`, with each quotation's speaker written inline.
Each `marked/NN_slug.txt` is a scene whose quoted words are written `⟦CODE.k|words⟧`, the
quotation marks (or dash) outside the brackets as a reader sees them. `CODE` is a speaker's
code from the header lines and `k` the kind: `e` explicit (the speaker's name, or one of the
names listed for them, in the paragraph's tag or beat), `a` anaphoric (a pronoun, `I`, `you`
or a description such as `the medic`), `i` implicit (no tag or beat at all). The code `_` is
a speaker the text leaves unnamed, annotated null. Header lines name the people:

    %% M: Marisol Okonjo-Reyes = Mari, Okonjo-Reyes

(a code, the canonical name, then other names a reader gives the same person; those count as
right too, as PDNC's aliases do). The script writes `NN_slug.txt` (the plain scene) and
`NN_slug.json` (the annotations, offsets in that text); `python build.py --review` prints each
quotation with its speaker and context, to re-read.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUOTE_RE = re.compile(r"⟦(\w+)\.([eai])\|([^⟦⟧]+)⟧")
HEADER_RE = re.compile(r"%%\s*(\w+):\s*([^=]+?)\s*(?:=\s*(.*))?$")
KINDS = {"e": "explicit", "a": "anaphoric", "i": "implicit"}


def build(marked: Path) -> tuple[str, list[dict], dict[str, list[str]]]:
    lines = marked.read_text(encoding="utf-8").splitlines()
    people = {}
    for line in (line for line in lines if line.startswith("%%")):
        code, name, others = HEADER_RE.match(line).groups()
        people[code] = (name, [o.strip() for o in (others or "").split(",") if o.strip()])
    source = "\n".join(line for line in lines if not line.startswith("%%")).strip() + "\n"
    text, quotes, cursor, length = [], [], 0, 0
    for match in QUOTE_RE.finditer(source):
        plain = source[cursor : match.start()]
        text.append(plain)
        length += len(plain)
        code, kind, words = match.groups()
        if code != "_" and code not in people:
            raise ValueError(f"{marked.name}: unknown speaker code {code!r}")
        quotes.append(
            {
                "start": length,
                "end": length + len(words),
                "text": words,
                "speaker": people[code][0] if code != "_" else None,
                "kind": KINDS[kind],
            }
        )
        text.append(words)
        length += len(words)
        cursor = match.end()
    text.append(source[cursor:])
    plain_text = "".join(text)
    if "⟦" in plain_text or "⟧" in plain_text:
        raise ValueError(f"{marked.name}: a malformed mark is left in the text")
    names = {name: others for name, others in people.values()}
    return plain_text, quotes, names


def main(review: bool = False) -> None:
    for marked in sorted((HERE / "marked").glob("*.txt")):
        plain_text, quotes, names = build(marked)
        if review:
            print(f"===== {marked.stem}")
            for quote in quotes:
                context = plain_text[max(0, quote["start"] - 60) : quote["end"] + 40]
                context = context.replace("\n", " / ")
                print(f"{str(quote['speaker'])[:16]:16} {quote['kind'][:4]} | {context}")
            continue
        (HERE / marked.name).write_text(plain_text, encoding="utf-8")
        annotation = {
            "sample": marked.name,
            "format": "fanarchive-quote-annotations/1",
            "names": names,
            "quotes": quotes,
        }
        (HERE / f"{marked.stem}.json").write_text(
            json.dumps(annotation, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        words = len(plain_text.split())
        print(f"{marked.stem:32} {words:5d} words {len(quotes):3d} quotations")


if __name__ == "__main__":
    main("--review" in sys.argv)
