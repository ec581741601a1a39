"""`fanarchive evaluate pdnc FOLDER`: quote attribution on the Project Dialogism Novel Corpus.

FOLDER holds one sub-folder per novel (novel_text.txt, quotation_info.csv,
character_info.csv), or is one such novel folder. For each novel we run our own quote
finding, our own cast detection and our own attribution (end to end), then again with an
*oracle cast* built from character_info.csv, which separates attribution errors from
character detection errors. Printed per novel and overall: attribution accuracy, per PDNC
quote type (Explicit, Anaphoric, Implicit), and quote detection recall and precision.

The novels of `pdnc-dev` are split into a *tune* side (rules and weights are written and fitted
on it) and a *check* side (only its aggregate figures may be read); both are printed side by
side with the gap. Novels of neither side (other PDNC novels) count in OVERALL only.
"""

from __future__ import annotations

import ast
import csv
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from fanarchive.analysis.characters import Cast, detect_cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.model import Character, Mention
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_path
from fanarchive.analysis.speakers import attribute_speakers
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

KINDS = ("Explicit", "Anaphoric", "Implicit")
NARRATOR_ALIASES = ("_narr", "Narr")  # how PDNC marks the first-person narrator
GENDERS = {"M": "male", "F": "female"}
EXIT_OK, EXIT_BAD_INPUT = 0, 3
TUNE_NOVELS = frozenset(
    {"AlicesAdventuresInWonderland", "AnneOfGreenGables", "Emma", "PrideAndPrejudice", "TheGambler"}
)
CHECK_NOVELS = frozenset(
    {"ARoomWithAView", "DaisyMiller", "HardTimes", "TheInvisibleMan", "TheSignOfTheFour"}
)


def side_of(novel_name: str) -> str | None:
    """`tune`, `check`, or None for a novel outside the pdnc-dev split."""
    if novel_name in TUNE_NOVELS:
        return TUNE
    return CHECK if novel_name in CHECK_NOVELS else None


@dataclass
class Novel:
    name: str
    folder: Path
    gold: list[GoldQuote]
    characters: list[dict]  # {"name", "aliases", "gender", "narrator"}


def load_novel(folder: Path) -> Novel:
    characters = []
    with open(folder / "character_info.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases = _literal_set(row["Aliases"]) | {row["Main Name"]}
            characters.append(
                {
                    "name": row["Main Name"],
                    "aliases": sorted(a for a in aliases if a not in NARRATOR_ALIASES),
                    "gender": GENDERS.get(row["Gender"].strip(), "unknown"),
                    "narrator": any(a in aliases for a in NARRATOR_ALIASES),
                    "major": row.get("Category", "") == "major",
                }
            )
    # The speaker column holds a main name or, in some novels, one of the aliases.
    names: dict[str, frozenset[str]] = {}
    for character in reversed(characters):
        aliases = frozenset(normalise_name(a) for a in character["aliases"])
        for alias in character["aliases"]:
            names[alias] = aliases
    for character in characters:
        names[character["name"]] = frozenset(normalise_name(a) for a in character["aliases"])
    gold = []
    with open(folder / "quotation_info.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            spans = [tuple(span) for span in ast.literal_eval(row["quoteByteSpans"])]
            speaker = row["speaker"]
            kind = row["quoteType"] if row["quoteType"] in KINDS else "Other"
            gold.append(
                GoldQuote(
                    spans, speaker, names.get(speaker, frozenset([normalise_name(speaker)])), kind
                )
            )
    return Novel(folder.name, folder, gold, characters)


def _literal_set(value: str) -> set[str]:
    try:
        return {str(v) for v in ast.literal_eval(value)}
    except (ValueError, SyntaxError):
        return set()


def oracle_cast(document: Document, characters: list[dict]) -> Cast:
    """A cast made from the gold character list, with mentions found by alias matching."""
    owner: dict[str, str] = {}
    for character in sorted(characters, key=lambda c: not c["major"]):
        for alias in character["aliases"]:
            for variant in _variants(alias):
                owner.setdefault(variant, character["name"])
    cast_characters = [
        Character(
            name=c["name"],
            aliases=[a for a in c["aliases"] if a != c["name"]],
            gender=c["gender"],
            source="oracle",
        )
        for c in characters
    ]
    mentions: list[Mention] = []
    if owner:
        pattern = re.compile(
            r"(?<![\w.])("
            + "|".join(
                re.escape(a).replace("\\ ", " ").replace(" ", r"\s+")
                for a in sorted(owner, key=len, reverse=True)
            )
            + r")(?!\w)"
        )
        spaces = re.compile(r"\s+")
        for span in document.story_spans:
            for match in pattern.finditer(document.text, span.start, span.end):
                name = owner[spaces.sub(" ", match.group(1))]
                mentions.append(Mention(match.start(), match.end(), name))
    cast = Cast(cast_characters, mentions)
    narrator = next(
        (
            c
            for c in cast_characters
            if any(x["narrator"] and x["name"] == c.name for x in characters)
        ),
        None,
    )
    cast.narrator = narrator
    return cast


def _variants(alias: str) -> list[str]:
    """Surface forms of a PDNC alias: `The Cat` also as `the Cat`."""
    alias = alias.strip()
    if not alias or not any(ch.isupper() for ch in alias[:1]):
        return []
    variants = [alias]
    first, _, rest = alias.partition(" ")
    if rest and first in {"The", "A", "Her", "His", "My"}:
        variants.append(first.lower() + " " + rest)
    return variants


def evaluate_novel(
    novel: Novel,
    oracle: bool = False,
    keep_errors: bool = False,
    strict: bool = False,
    attribute=attribute_speakers,
) -> Score:
    """Score one novel. A speaker is right when its canonical name is one of the gold
    speaker's names, or (unless `strict`) when our character is aligned with the gold one.
    `attribute` fills the speakers (another step is given by the confidence calibration)."""
    document = read_path(novel.folder / "novel_text.txt")
    quotes = find_quotes(document)
    if oracle:
        cast = oracle_cast(document, novel.characters)
    else:
        cast = detect_cast(document, quotes, default_knowledge())
    attribute(document, quotes, cast)
    aligned = None if strict else align_characters(cast.characters, novel.characters)
    return score_quotes(novel.gold, quotes, keep_errors, aligned)


def align_characters(ours: list[Character], gold: list[dict]) -> dict[str, frozenset[str]]:
    """Map each of our characters to the gold character it stands for: the one whose names
    include our canonical name, else the single one sharing most names with our aliases.
    Each of our characters maps to at most one gold character, so a cluster that merged two
    people is right for one of them only."""
    gold_names = [frozenset(normalise_name(a) for a in c["aliases"]) for c in gold]
    aligned: dict[str, frozenset[str]] = {}
    for character in ours:
        canonical = normalise_name(character.name)
        exact = [names for names in gold_names if canonical in names]
        if exact:
            aligned[character.name] = exact[0]
            continue
        own = {normalise_name(a) for a in character.aliases}
        overlaps = sorted(
            ((len(own & names), i) for i, names in enumerate(gold_names)), reverse=True
        )
        if overlaps and overlaps[0][0] and (len(overlaps) == 1 or overlaps[1][0] < overlaps[0][0]):
            aligned[character.name] = gold_names[overlaps[0][1]]
    return aligned


def novel_folders(path: Path) -> list[Path]:
    if (path / "quotation_info.csv").is_file():
        return [path]
    return sorted(p for p in path.iterdir() if (p / "quotation_info.csv").is_file())


def run(path: str, fmt: str = "text") -> int:
    root = Path(path)
    folders = novel_folders(root) if root.is_dir() else []
    if not folders:
        print(f"fanarchive: {path}: no PDNC novel folders found", file=sys.stderr)
        return EXIT_BAD_INPUT
    started = time.perf_counter()
    rows, strict = [], Score()
    for folder in folders:
        try:
            novel = load_novel(folder)
            rows.append((novel.name, evaluate_novel(novel), evaluate_novel(novel, oracle=True)))
            strict.add(evaluate_novel(novel, strict=True))
        except (OSError, KeyError, ValueError, SyntaxError, AnalysisError) as error:
            print(f"fanarchive: {folder}: cannot evaluate ({error})", file=sys.stderr)
            return EXIT_BAD_INPUT
    overall, overall_oracle = Score(), Score()
    sides = {TUNE: (Score(), Score()), CHECK: (Score(), Score())}
    for name, score, oracle in rows:
        overall.add(score)
        overall_oracle.add(oracle)
        if side_of(name):
            sides[side_of(name)][0].add(score)
            sides[side_of(name)][1].add(oracle)
    rows.append(("OVERALL", overall, overall_oracle))
    seconds = time.perf_counter() - started
    if fmt == "json":
        result = _as_json(rows, seconds)
        result["strict_name_match_accuracy"] = round(strict.accuracy(), 4)
        result["sides"] = {
            "end_to_end": sides_json(sides[TUNE][0], sides[CHECK][0], KINDS),
            "oracle_cast": sides_json(sides[TUNE][1], sides[CHECK][1], KINDS),
        }
        print(json.dumps(result, indent=2))
    else:
        print(_as_table(rows, seconds))
        print(
            f"Strict name match (our canonical name must be one of the gold names): "
            f"{100 * strict.accuracy():.1f}%"
        )
        if sides[TUNE][0].total["all"] or sides[CHECK][0].total["all"]:
            print()
            print(_sides_table(sides))
    return EXIT_OK


def _sides_table(sides: dict[str, tuple[Score, Score]]) -> str:
    (tune, tune_oracle), (check, check_oracle) = sides[TUNE], sides[CHECK]
    return "\n".join(
        [
            "Tune side: " + ", ".join(sorted(TUNE_NOVELS)),
            "Check side: " + ", ".join(sorted(CHECK_NOVELS)),
            "End to end:",
            side_by_side(tune, check, KINDS),
            f"Oracle cast: tune {_pct(tune_oracle.accuracy()).strip()}, "
            f"check {_pct(check_oracle.accuracy()).strip()}",
        ]
    )


def _as_json(rows, seconds: float) -> dict:
    def figures(score: Score) -> dict:
        return {
            **score_figures(score, KINDS),
            "rules": {
                rule: {"quotes": n, "precision": round(score.rule_correct[rule] / n, 4)}
                for rule, n in score.rule_total.most_common()
            },
        }

    return {
        "novels": {
            name: {"end_to_end": figures(s), "oracle_cast": figures(o)} for name, s, o in rows
        },
        "seconds": round(seconds, 2),
    }


def _as_table(rows, seconds: float) -> str:
    header = f"{'novel':30} {'side':5} {'quotes':>6} {'acc':>6} {'explic':>6} {'anaph':>6} {'implic':>6} {'det.R':>6} {'det.P':>6} {'oracle':>6}"
    lines = [
        "Quote attribution on PDNC (end to end: our quotes, our cast; oracle = gold cast)",
        header,
    ]
    for name, score, oracle in rows:
        if name == "OVERALL":
            lines.append("-" * len(header))
        lines.append(
            f"{name[:30]:30} {side_of(name) or '':5} {score.total['all']:6d} {_pct(score.accuracy())} "
            + " ".join(_pct(score.accuracy(kind)) for kind in KINDS)
            + f" {_pct(score.recall)} {_pct(score.precision)} {_pct(oracle.accuracy())}"
        )
    overall, oracle = rows[-1][1], rows[-1][2]
    lines.append("")
    lines.append(
        "Per type, overall:  "
        + "  ".join(
            f"{kind} {overall.correct[kind]}/{overall.total[kind]} ({_pct(overall.accuracy(kind)).strip()})"
            for kind in KINDS
        )
    )
    lines.append(
        "Oracle cast, per type: "
        + "  ".join(f"{kind} {_pct(oracle.accuracy(kind)).strip()}" for kind in KINDS)
    )
    lines.append(
        "Rule precision (end to end): "
        + ", ".join(
            f"{rule} {overall.rule_correct[rule]}/{n}"
            for rule, n in overall.rule_total.most_common()
        )
    )
    lines.append(f"({seconds:.1f} s)")
    return "\n".join(lines)


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}%"
