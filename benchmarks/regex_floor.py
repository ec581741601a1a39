"""The floor every attribution figure is read against: a regex attributor, scored by the same
end-to-end evaluations as the analysis (our quote finding, the same gold, tune and check).

    python benchmarks/regex_floor.py [--shared ../shared] [--quick]

A quote's speaker is the capitalised name its speech tag gives (`"…," said Anne`, `"…," Anne
said`, `Anne said, "…"`); an untagged quote right after two tagged or guessed turns takes the
speaker of the turn before last (two people alternating); else the capitalised word nearest
before it that does not open a sentence (a name the narration just used). No cast, no
pronouns: what a 60-line script does. It is weaker than the script issue 14 measured at 44.2 % on 18 unseen
PDNC novels (25.7 % here on pdnc-dev's check side: it compares names exactly, as every
figure of `fanarchive evaluate` does), so on PDNC that 44.2 % is the floor to quote; for
LitBank and the fan-fiction scene sets this script is the only floor there is.
`--quick` scores one PDNC novel and three LitBank works (the smoke run in the tests).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from fanarchive.devdata import shared_dir  # noqa: E402
from fanarchive.evaluation import annotations, litbank, pdnc  # noqa: E402
from fanarchive.evaluation.scoring import CHECK, TUNE, Score  # noqa: E402

VERBS = (
    r"(?:said|says|asked|asks|replied|replies|cried|answered|whispered|shouted|called|added|"
    r"muttered|exclaimed|continued|returned|observed|remarked|began|repeated)"
)
NAME = r"((?:(?:Mr|Mrs|Ms|Dr|St)\.?\s+|(?:Miss|Lady|Sir|Madame|Monsieur)\s+)?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
VERB_NAME_RE = re.compile(rf"^[^\n\"“”]{{0,8}}?{VERBS}\s+{NAME}")
NAME_VERB_RE = re.compile(rf"^[^\n\"“”]{{0,8}}?{NAME}\s+{VERBS}")
BEFORE_RE = re.compile(rf"{NAME}\s+{VERBS}[^\n\"“”]{{0,4}}$")
# a capitalised word no sentence, quotation or title explains (`Mrs.` alone is no name)
WORD_RE = re.compile(r"(?<![.!?\"“”]\s)(?<![\"“‘'])(?<!^)\b([A-Z][a-z]+)\b(?!\.)", re.M)
LOOK_BACK = 300


def tagged_speaker(text: str, start: int, end: int) -> str | None:
    tail = text[end + 1 : end + 60].split("\n\n")[0].replace("\n", " ")
    after = VERB_NAME_RE.match(tail) or NAME_VERB_RE.match(tail)
    if after:
        return after.group(1)
    head = text[max(0, start - 40) : max(0, start - 1)].split("\n\n")[-1].replace("\n", " ")
    before = BEFORE_RE.search(head)
    return before.group(1) if before else None


def nearest_name(text: str, start: int) -> str | None:
    names = WORD_RE.findall(text[max(0, start - LOOK_BACK) : start])
    return names[-1] if names else None


def attribute(document, quotes, _cast) -> None:
    text = document.text
    for i, quote in enumerate(quotes):
        speaker = tagged_speaker(text, quote.start, quote.end)
        between = text[quotes[i - 1].end + 1 : quote.start - 1] if i else "x"
        untagged_run = i >= 2 and not between.strip(" \n\"“”'‘’")
        if speaker is None and untagged_run:
            speaker = quotes[i - 2].speaker
        quote.speaker = speaker or nearest_name(text, quote.start)
        quote.rule = "regex"


def pdnc_sides(folder: Path, quick: bool) -> dict[str, Score]:
    sides = {TUNE: Score(), CHECK: Score()}
    for novel_folder in pdnc.novel_folders(folder)[: 1 if quick else None]:
        novel = pdnc.load_novel(novel_folder)
        side = pdnc.side_of(novel.name) or CHECK
        sides[side].add(pdnc.evaluate_novel(novel, attribute=attribute))
    return sides


def litbank_sides(folder: Path, quick: bool) -> dict[str, Score]:
    sides = {TUNE: Score(), CHECK: Score()}
    for work in litbank.load_litbank(folder)[: 3 if quick else None]:
        sides[work.side].add(litbank.evaluate_work(work, attribute=attribute))
    return sides


def scene_sides(folder: Path, samples: Path) -> dict[str, Score]:
    split = annotations.load_split(folder)
    sides = {TUNE: Score(), CHECK: Score()}
    for file in annotations.annotation_files(folder):
        score = annotations.evaluate_file(file, samples, attribute=attribute)
        if score is not None:
            sides[split.get(file.stem, CHECK)].add(score)
    return sides


def line(label: str, sides: dict[str, Score]) -> str:
    cells = [
        f"{side} {s.correct['all']}/{s.total['all']} {s.accuracy():6.1%}"
        for side, s in sides.items()
        if s.total["all"]
    ]
    return f"{label:22} " + "   ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(shared_dir()))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    shared = Path(args.shared)
    print("regex floor (tag name, else the nearest capitalised word before)")
    print(line("PDNC", pdnc_sides(shared / "pdnc-dev", args.quick)))
    print(line("LitBank", litbank_sides(shared / "litbank", args.quick)))
    if args.quick:
        return
    for name in ("fic_dialogue", "fic_holdout", "fic_holdout2", "fic_holdout3"):
        print(line(name, scene_sides(ROOT / "tests" / "data" / name, shared / "samples")))
    for name in ("fic_holdout4", "fic_holdout5", "fic_holdout6", "annotations"):
        print(line(name, scene_sides(ROOT / "tests" / "data" / name, shared / "samples")))


if __name__ == "__main__":
    main()
