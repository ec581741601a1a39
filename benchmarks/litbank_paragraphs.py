"""How well the LitBank loader's paragraph hints find real paragraphs, measured on novels.

    python benchmarks/litbank_paragraphs.py [--shared ../shared] [--keep-tags] [--dialogue] [--curly]

LitBank gives each excerpt as tokenised sentence lines with no paragraph breaks, and
`fanarchive.evaluation.litbank.detokenise` guesses where the paragraphs were. Fitting that
guess on LitBank's gold speakers would fit the measure to itself, so this script fits it on
real paragraphs instead: each PDNC novel's text keeps its paragraph breaks. The novel is split
into paragraphs and sentences, every sentence is tokenised roughly as LitBank is (quotes,
punctuation and clitics split off: `" Oh ! " said he .`; a speech tag after `!" ` or `?" `
starts a new line, as in 59 of LitBank's 78 tune-side cases), and the sentence lines go
through the loader's own `detokenise`. A sentence boundary where the prose gets a blank line
is a predicted paragraph break; the novel's own blank lines are the true ones (a paragraph
ending on `,` or `:` runs on into the next one's first sentence, as LitBank's lines all end a
sentence, so that break is not counted). Printed: precision, recall and F1 of the predicted
breaks for each tune novel and the tune total, and the check total only (the check novels'
lines are never printed). `--keep-tags` keeps a tag after `!"`/`?"` on its
quotation's line (LitBank's minority case); `--dialogue` scores only the boundaries next to a
sentence that holds a quotation mark (where attribution is decided); `--curly` prints the
quotation marks curly (`“ ”`, `‘ ’`), as about half of LitBank's works do.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from fanarchive.devdata import shared_dir  # noqa: E402
from fanarchive.evaluation.litbank import detokenise  # noqa: E402
from fanarchive.evaluation.pdnc import CHECK_NOVELS, TUNE_NOVELS  # noqa: E402
from fanarchive.evaluation.warnings import Counts  # noqa: E402

# Words with inner hyphens and apostrophes (`o'clock`; `don't` is split later), `_` being
# italics and a token of its own; `--` and `—` dashes; an ellipsis; any other mark alone.
TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|-{2,}|[—–]|\.{3,}|…|\S")
CLITIC_RE = re.compile(r"(?i)^(.+?)(n['’]t|['’](?:s|ll|ve|m|d|re))$")
# titles whose full stop ends no sentence (`Mr. Bennet`); a single capital is an initial
TITLES = frozenset(
    {"Mr", "Mrs", "Ms", "Dr", "St", "Messrs", "Mme", "Mlle", "Col", "Capt", "Gen", "Lt", "Rev"}
)
ENDS = frozenset({".", "!", "?"})
CLOSERS = frozenset({"”", "’", ")", "]", "'"})
QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'"})
HEADING_RE = re.compile(r"^(?:CHAPTER|Chapter|VOLUME|BOOK|PART)\b")


def paragraphs(text: str) -> list[str]:
    """The novel's paragraphs (blank-line separated, lines joined), headings left out."""
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return [b for b in blocks if b and not _is_heading(b)]


def _is_heading(block: str) -> bool:
    return bool(HEADING_RE.match(block)) or not any(c.islower() for c in block)


def tokens(text: str) -> list[str]:
    """LitBank-like tokens: clitics split (`do n't`, `it 's`), `Mr.` kept whole."""
    out: list[str] = []
    for match in TOKEN_RE.finditer(text):
        token = match.group()
        clitic = CLITIC_RE.match(token)
        if clitic and token.lower() not in {"o'clock", "o’clock"}:
            out.extend(clitic.groups())
        elif token == "." and out and (out[-1] in TITLES or _initial(out[-1])):
            out[-1] += "."
        else:
            out.append(token)
    return out


def _initial(token: str) -> bool:
    return len(token) == 1 and token.isupper()


def sentences(paragraph: str, keep_tags: bool = False) -> list[list[str]]:
    """A paragraph's sentences as token lists: a sentence ends after `.`, `!` or `?` and the
    closing marks right after it (a straight `"` closes when one is open). With `keep_tags`
    a lowercase word after `!"`/`?"` (a speech tag) stays on the quotation's line."""
    words = tokens(paragraph)
    lines: list[list[str]] = [[]]
    open_quote = False
    index = 0
    while index < len(words):
        word = words[index]
        lines[-1].append(word)
        index += 1
        if word == '"':
            open_quote = not open_quote
        if word not in ENDS:
            continue
        closed = False
        while index < len(words) and (
            words[index] in CLOSERS or (words[index] == '"' and open_quote)
        ):
            closed = closed or words[index] in {'"', "”", "’", "'"}
            if words[index] == '"':
                open_quote = False
            lines[-1].append(words[index])
            index += 1
        if index == len(words) or words[index] in {",", ";", ":"} or words[index][:1] in "-—":
            continue
        if keep_tags and closed and word != "." and words[index][:1].islower():
            continue
        lines.append([])
    return [line for line in lines if line]


class Breaks(Counts):
    """Predicted paragraph breaks against the true ones, counted as warnings-dev's notes are
    (`Counts`: tp a break predicted and true, fp predicted only, fn true only)."""

    right = property(lambda self: self.tp)
    extra = property(lambda self: self.fp)
    missed = property(lambda self: self.fn)

    def merge(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.tn += other.tn

    def figures(self) -> str:
        return (
            f"P {100 * self.precision:5.1f}  R {100 * self.recall:5.1f}  "
            f"F1 {100 * self.f1:5.1f}  "
            f"({self.right} right, {self.extra} extra, {self.missed} missed)"
        )


def sentence_lines(
    text: str, keep_tags: bool = False, curly: bool = False
) -> tuple[list[list[str]], set[int]]:
    """The text as LitBank-like sentence lines, and the numbers of the lines that open one of
    its paragraphs. With `curly`, straight quotation marks become curly ones."""
    lines: list[list[str]] = []
    true_breaks: set[int] = set()  # line numbers that open a paragraph
    for paragraph in paragraphs(text):
        found = sentences(paragraph, keep_tags)
        if curly:
            found = _curly(found)
        if lines and not _finished(lines[-1]):
            lines[-1].extend(found.pop(0))  # LitBank's lines run on over such a break
        else:
            true_breaks.add(len(lines))
        lines.extend(found)
    return lines, true_breaks


def _curly(lines: list[list[str]]) -> list[list[str]]:
    """A paragraph's straight marks made curly (`" Oh ! "` -> `“ Oh ! ”`, nested `'` -> `‘ ’`),
    each mark opening and closing in turn, as about half of LitBank's works print them."""
    marks = {'"': ("“", "”"), "'": ("‘", "’")}
    open_marks = {mark: False for mark in marks}
    curled = []
    for line in lines:
        curled.append([])
        for token in line:
            if token in marks:
                open_marks[token] = not open_marks[token]
                token = marks[token][0 if open_marks[token] else 1]
            curled[-1].append(token)
    return curled


def measure(
    text: str, keep_tags: bool = False, dialogue: bool = False, curly: bool = False
) -> Breaks:
    """The loader's predicted paragraph breaks scored against the text's real ones."""
    lines, true_breaks = sentence_lines(text, keep_tags, curly)
    prose = detokenise([" ".join(line) for line in lines])
    counts = Breaks()
    for number in range(1, len(lines)):
        if dialogue and not (_quotes(lines[number - 1]) or _quotes(lines[number])):
            continue
        gap = prose.text[prose.offsets[number - 1][-1][1] : prose.offsets[number][0][0]]
        counts.add(predicted="\n\n" in gap, gold=number in true_breaks)
    return counts


def _finished(line: list[str]) -> bool:
    """Whether a line ends a sentence (`.`, `!` or `?`, closing marks after it): a paragraph
    ending on `,` or `:` (`called out as she came in,`) runs on into the next one's first
    sentence in LitBank, whose lines all end a sentence."""
    ending = [t for t in line if t not in CLOSERS and t != '"']
    return bool(ending) and ending[-1] in ENDS


def _quotes(line: list[str]) -> bool:
    return any(token in QUOTE_MARKS for token in line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder")
    parser.add_argument("--keep-tags", action="store_true", help="tags stay on the quote's line")
    parser.add_argument("--dialogue", action="store_true", help="only boundaries by a quote")
    parser.add_argument("--curly", action="store_true", help="curly quotation marks")
    args = parser.parse_args(argv)
    folder = (args.shared or shared_dir()) / "pdnc-dev"
    if not folder.is_dir():
        print(f"litbank_paragraphs: {folder}: no pdnc-dev folder", file=sys.stderr)
        return 3
    print("Paragraph breaks the LitBank loader predicts, against PDNC's real paragraphs")
    for side, novels in (("tune", TUNE_NOVELS), ("check", CHECK_NOVELS)):
        total = Breaks()
        for name in sorted(novels):
            text = (folder / name / "novel_text.txt").read_text(encoding="utf-8")
            counts = measure(text, args.keep_tags, args.dialogue, args.curly)
            total.merge(counts)
            if side == "tune":  # the check side is read as its total only
                print(f"  {name:30} {counts.figures()}")
        print(f"{side.upper()} total{'':24} {total.figures()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
