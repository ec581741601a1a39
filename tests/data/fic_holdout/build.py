"""Build the holdout set from its marked-up scenes: `python build.py` in this folder.

Each `marked/NN_slug.txt` is a scene whose quoted words are written `⟦CODE.k|words⟧`, the
quotation marks (or dash) outside the brackets as a reader sees them, the speaker's code and
the quotation's kind inside: `e` explicit (the speaker's name in its tag or beat), `a`
anaphoric (a pronoun, `I`, `you` or a description such as `the witch`), `i` implicit (no tag
at all). The code `_` is a speaker the text leaves unnamed, annotated null. Header lines
name the people:

    %% W: Wren Ashdown = Wren, Ashdown

(a code, the canonical name, then other names a reader gives the same person; those count as
right too). The script writes `NN_slug.txt` (the plain scene) and `NN_slug.json` (the
annotations, `fanarchive-quote-annotations/1`, offsets in that text);
`python build.py --review` prints each quotation with its speaker to re-read.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUOTE_RE = re.compile(r"⟦(\w+)\.([eai])\|([^⟦⟧|]+)⟧")
HEADER_RE = re.compile(r"%%\s*(\w+):\s*([^=]+?)\s*(?:=\s*(.*))?$")
KINDS = {"e": "explicit", "a": "anaphoric", "i": "implicit"}


def build(marked: Path) -> tuple[str, list[dict], dict[str, list[str]]]:
    lines = marked.read_text(encoding="utf-8").splitlines()
    people = {}
    for line in lines:
        if line.startswith("%%"):
            code, name, others = HEADER_RE.match(line).groups()
            people[code] = (name, [o.strip() for o in (others or "").split(",") if o.strip()])
    source = "\n".join(line for line in lines if not line.startswith("%%")).strip() + "\n"
    text, quotes, cursor, length = [], [], 0, 0
    for match in QUOTE_RE.finditer(source):
        code, kind, words = match.groups()
        if code != "_" and code not in people:
            raise ValueError(f"{marked.name}: unknown speaker code {code!r} at {words!r}")
        plain = source[cursor : match.start()]
        text.append(plain)
        length += len(plain)
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
    total_words = total_quotes = 0
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
        total_words += words
        total_quotes += len(quotes)
        print(f"{marked.stem:32} {words:5d} words {len(quotes):3d} quotations")
    if not review:
        print(f"{'total':32} {total_words:5d} words {total_quotes:3d} quotations")


if __name__ == "__main__":
    main("--review" in sys.argv)
