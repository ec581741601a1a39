"""`fanarchive evaluate annotations FOLDER`: quote attribution against our own annotations.

Format of an annotation file (one per work, `<sample name without .txt>.json`):

    {
      "sample": "000_61c12fd18829d3fc.txt",        # file name under $FANARCHIVE_SHARED/samples
      "format": "fanarchive-quote-annotations/1",
      "quotes": [                                  # every quote of the story, in text order
        {"start": 263, "end": 280,                 # character offsets, quotation marks excluded
         "text": "Why did you come?",             # the quoted words (a check on the offsets)
         "speaker": "Uzumaki Naruto"}              # canonical name, or null for an unnamed speaker
      ]
    }

The texts themselves are not copied into the repository: they are read from
$FANARCHIVE_SHARED/samples (default: the `shared` folder beside the repository's parent);
annotation files whose text is absent are skipped. A quote annotated null counts right only
when the system also answers null (remembered or off-scene speech by unnamed people).

Written texts of our own (tests/data/fic_dialogue) sit beside their annotations: a `sample`
found in the annotation's folder is read from there. Two optional fields: `names` maps a
canonical speaker to the other names a reader gives the same person (they count as right, as
PDNC's aliases do), and each quote's `kind` (explicit, anaphoric, implicit) gives per-kind
figures. A folder whose `manifest.json` declares `{"split": {"tune": [...], "check": [...]}}`
(annotation file stems) is printed tune and check side by side, per kind, with the gap. A
holdout folder (tests/data/fic_holdout) declares an empty tune side: only its check side is
printed, with no gap against nothing, and `tune_errors` refuses it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.lowercase import with_capitals
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_path
from fanarchive.analysis.speakers import attribute_speakers
from fanarchive.devdata import shared_dir
from fanarchive.evaluation.scoring import (
    CHECK,
    TUNE,
    GoldQuote,
    Score,
    normalise_name,
    score_figures,
    score_quotes,
    side_by_side,
    sides_json,
)

EXIT_OK, EXIT_BAD_INPUT = 0, 3
REPO = Path(__file__).resolve().parents[3]
MANIFEST = "manifest.json"
KINDS = ("Explicit", "Anaphoric", "Implicit")


def shared_folder() -> Path:
    return shared_dir()


def load_annotations(path: Path) -> tuple[str, list[GoldQuote]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    aliases = data.get("names", {})

    def names(speaker: str | None) -> frozenset[str]:
        if not speaker:
            return frozenset()
        return frozenset(normalise_name(n) for n in [speaker, *aliases.get(speaker, [])])

    gold = [
        GoldQuote(
            [(q["start"], q["end"])],
            q["speaker"],
            names(q["speaker"]),
            q["kind"].capitalize() if q.get("kind") else "all",
        )
        for q in data["quotes"]
    ]
    return data["sample"], gold


def annotation_files(folder: Path) -> list[Path]:
    return sorted(f for f in folder.glob("*.json") if f.name != MANIFEST)


def load_split(folder: Path) -> dict[str, str]:
    """Annotation file stem -> side, from the folder's manifest; {} when it declares none."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return {}
    split = json.loads(manifest.read_text(encoding="utf-8")).get("split", {})
    return {stem: side for side in (TUNE, CHECK) for stem in split.get(side, [])}


def evaluate_file(
    path: Path, samples: Path, keep_errors: bool = False, attribute=attribute_speakers
) -> Score | None:
    """Score one annotation file; None when its text is not available. The text is read
    beside the annotation when it is there, else from the shared samples. `attribute` fills
    the speakers."""
    sample, gold = load_annotations(path)
    text_path = path.parent / sample
    if not text_path.is_file():
        text_path = samples / sample
    if not text_path.is_file():
        return None
    # as the pipeline reads it: a work written all in lower case with its capitals restored
    document = with_capitals(read_path(text_path))
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    attribute(document, quotes, cast)
    return score_quotes(gold, quotes, keep_errors)


def sides_present(sides: dict[str, Score]) -> list[str]:
    """The sides holding quotations: a holdout folder's manifest leaves the tune side empty."""
    return [side for side in (TUNE, CHECK) if sides[side].total["all"]]


def sides_figures(sides: dict[str, Score]) -> dict:
    present = sides_present(sides)
    if len(present) == 2:
        return sides_json(sides[TUNE], sides[CHECK], KINDS)
    # A gap against an empty side would only repeat the other side's figures, negated.
    return {side: score_figures(sides[side], KINDS) for side in present}


def print_sides(sides: dict[str, Score]) -> None:
    present = sides_present(sides)
    if len(present) == 2:
        print("Tune and check sides (the folder's manifest.json), per quotation kind")
        print(side_by_side(sides[TUNE], sides[CHECK], KINDS))
        return
    for side in present:
        score = sides[side]
        print(f"{side.capitalize()} side only (the folder's manifest.json), per quotation kind")
        for kind in ("all", *KINDS):
            label = "attribution" if kind == "all" else f"  {kind}"
            if score.total[kind]:
                print(
                    f"{label:24} {score.correct[kind]:>5}/{score.total[kind]:<5} "
                    f"{100 * score.accuracy(kind):5.1f}%"
                )
        print(f"{'detection recall':24} {100 * score.recall:17.1f}%")
        print(f"{'detection precision':24} {100 * score.precision:17.1f}%")


def run(path: str, fmt: str = "text") -> int:
    folder = Path(path)
    files = annotation_files(folder) if folder.is_dir() else [folder]
    if not files or not files[0].is_file():
        print(f"fanarchive: {path}: no annotation files found", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        split = load_split(folder) if folder.is_dir() else {}
    except (OSError, ValueError, AttributeError) as error:
        print(f"fanarchive: {folder / MANIFEST}: cannot read the split ({error})", file=sys.stderr)
        return EXIT_BAD_INPUT
    samples = shared_folder() / "samples"
    results, overall = {}, Score()
    sides = {TUNE: Score(), CHECK: Score()}
    for file in files:
        try:
            score = evaluate_file(file, samples)
        except (OSError, KeyError, ValueError, TypeError, AnalysisError) as error:
            print(f"fanarchive: {file}: cannot evaluate ({error})", file=sys.stderr)
            return EXIT_BAD_INPUT
        if score is None:
            print(
                f"fanarchive: {file.name}: text not found under {samples}, skipped", file=sys.stderr
            )
            continue
        results[file.stem] = score
        overall.add(score)
        if file.stem in split:
            sides[split[file.stem]].add(score)
    results["OVERALL"] = overall
    if fmt == "json":
        figures = {
            name: {
                "quotes": s.total["all"],
                "accuracy": round(s.accuracy(), 4),
                "detection_recall": round(s.recall, 4),
                "detection_precision": round(s.precision, 4),
            }
            for name, s in results.items()
        }
        if split:
            figures["sides"] = sides_figures(sides)
        print(json.dumps(figures, indent=2))
        return EXIT_OK
    print("Quote attribution against our annotations (end to end)")
    print(f"{'work':30} {'quotes':>6} {'correct':>7} {'acc':>6} {'det.R':>6} {'det.P':>6}")
    for name, s in results.items():
        print(
            f"{name:30} {s.total['all']:6d} {s.correct['all']:7d} {100 * s.accuracy():5.1f}% "
            f"{100 * s.recall:5.1f}% {100 * s.precision:5.1f}%"
        )
    if split:
        print()
        print_sides(sides)
        for side in sides_present(sides):
            score = sides[side]
            rules = ", ".join(
                f"{rule} {score.rule_correct[rule]}/{n}"
                for rule, n in score.rule_total.most_common()
            )
            print(f"Rule precision ({side}): {rules}")
    return EXIT_OK


def tune_errors(folder: Path) -> list[tuple[str, GoldQuote, object]]:
    """The wrong answers on the TUNE side of a split folder, as (file stem, gold, our quote or
    None), to read when writing rules. The check side's errors are never listed: reading them
    would tune the rules to it."""
    split = load_split(folder)
    if TUNE not in split.values():
        raise ValueError(f"{folder}: no tune side in {MANIFEST}, so no errors are listed")
    samples = shared_folder() / "samples"
    errors = []
    for file in annotation_files(folder):
        if split.get(file.stem) != TUNE:
            continue
        score = evaluate_file(file, samples, keep_errors=True)
        errors += [(file.stem, gold, ours) for gold, ours in (score.errors if score else [])]
    return errors
