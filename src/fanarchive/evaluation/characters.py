"""Score character detection against PDNC's character lists.

`fanarchive evaluate characters ../shared/pdnc-dev` prints, per novel and overall:
- recall of the annotated characters by category (major / intermediate / minor): a gold
  character is found when one of our characters' names or aliases equals one of its aliases
  (case-insensitive);
- precision of our characters: one of ours is right when its name is some gold alias
  (and, more leniently, when its name or one of its aliases is);
- cluster purity: the share of our matched characters that do not merge two gold characters;
- gender: for found gold characters annotated M or F, the share our inferred gender agrees
  with (unknown counts as wrong).
"""

from __future__ import annotations

import ast
import csv
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.model import Character
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_path

CATEGORIES = ("major", "intermediate", "minor")
EXIT_OK, EXIT_BAD_INPUT = 0, 3


@dataclass
class GoldCharacter:
    name: str
    aliases: set[str]  # lower-cased, main name included
    category: str
    gender: str = ""  # "male" | "female" | "" when not annotated as M or F
    narrator: bool = False  # PDNC marks the first-person narrator with the alias `_narr`


@dataclass
class NovelScore:
    novel: str
    found: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    ours: int = 0
    right: int = 0
    right_by_alias: int = 0
    matched: int = 0
    impure: int = 0
    gendered: int = 0
    gender_right: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    seconds: float = 0.0
    narrator: str = ""  # "ours -> gold" when either side has a first-person narrator

    def add(self, other: NovelScore) -> None:
        self.found.update(other.found)
        self.total.update(other.total)
        for name in (
            "ours",
            "right",
            "right_by_alias",
            "matched",
            "impure",
            "gendered",
            "gender_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds

    def recall(self, category: str | None = None) -> float:
        if category is None:
            return _ratio(sum(self.found.values()), sum(self.total.values()))
        return _ratio(self.found[category], self.total[category])

    @property
    def precision(self) -> float:
        return _ratio(self.right, self.ours)

    @property
    def precision_by_alias(self) -> float:
        return _ratio(self.right_by_alias, self.ours)

    @property
    def gender_accuracy(self) -> float:
        return _ratio(self.gender_right, self.gendered)

    @property
    def purity(self) -> float:
        return _ratio(self.matched - self.impure, self.matched)

    def to_dict(self) -> dict:
        return {
            "novel": self.novel,
            "recall": {c: round(self.recall(c), 3) for c in CATEGORIES}
            | {"all": round(self.recall(), 3)},
            "gold": dict(self.total),
            "precision": round(self.precision, 3),
            "precision_by_alias": round(self.precision_by_alias, 3),
            "characters": self.ours,
            "purity": round(self.purity, 3),
            "gender": round(self.gender_accuracy, 3),
            "missed_major": self.missed,
            "wrong": self.wrong[:30],
            "merged": self.merged,
            "narrator": self.narrator,
            "seconds": round(self.seconds, 3),
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def read_gold(path: Path) -> list[GoldCharacter]:
    gold = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["Main Name"].strip()
            if not name or name.startswith("_"):
                continue  # `_group`, `_unknowable`: not characters
            try:
                aliases = set(ast.literal_eval(row["Aliases"]))
            except (ValueError, SyntaxError):
                aliases = set()
            narrator = "_narr" in aliases
            aliases = {a.lower() for a in aliases | {name} if not a.startswith("_")}
            gender = {"M": "male", "F": "female"}.get(row.get("Gender", "").strip(), "")
            category = row["Category"].strip().lower()
            gold.append(GoldCharacter(name, aliases, category, gender, narrator))
    return gold


def _surfaces(character: Character) -> set[str]:
    return {s.lower() for s in [character.name, *character.aliases]}


def score_novel(folder: Path) -> NovelScore:
    gold = read_gold(folder / "character_info.csv")
    started = time.perf_counter()
    document = read_path(folder / "novel_text.txt")
    cast = detect_cast(document, find_quotes(document), default_knowledge())
    score = NovelScore(folder.name, seconds=time.perf_counter() - started)
    ours = [c for c in cast.characters if c.mentions > 0]
    gold_narrator = next((g.name for g in gold if g.narrator), "")
    if gold_narrator or cast.narration != "third":
        ours_narrator = cast.narrator.name if cast.narrator else "(unnamed)"
        score.narrator = f"{cast.narration} person, {ours_narrator} (gold: {gold_narrator or '-'})"
    owners: dict[str, set[int]] = {}
    for index, character in enumerate(gold):
        for alias in character.aliases:
            owners.setdefault(alias, set()).add(index)
    for character in gold:
        score.total[character.category] += 1
        match = next((c for c in ours if character.aliases & _surfaces(c)), None)
        if match is not None:
            score.found[character.category] += 1
            if character.gender:
                score.gendered += 1
                score.gender_right += match.gender == character.gender
        elif character.category == "major":
            score.missed.append(character.name)
    score.ours = len(ours)
    for character in ours:
        if character.name.lower() in owners:
            score.right += 1
        else:
            score.wrong.append(character.name)
        if any(s in owners for s in _surfaces(character)):
            score.right_by_alias += 1
        distinct = {
            next(iter(owners[s])) for s in _surfaces(character) if len(owners.get(s, ())) == 1
        }
        if distinct or character.name.lower() in owners:
            score.matched += 1
        if len(distinct) > 1:
            score.impure += 1
            score.merged.append(f"{character.name}: {', '.join(sorted(_surfaces(character)))}")
    return score


def novels_in(path: Path) -> list[Path]:
    if (path / "character_info.csv").is_file():
        return [path]
    return (
        sorted(p for p in path.iterdir() if (p / "character_info.csv").is_file())
        if path.is_dir()
        else []
    )


def _print_text(scores: list[NovelScore], overall: NovelScore) -> None:
    header = (
        f"{'novel':<30} {'major':>7} {'interm':>7} {'minor':>7} {'all':>6} {'prec':>6} "
        f"{'prec~':>6} {'purity':>7} {'gender':>7} {'ours':>5} {'sec':>6}"
    )
    print(header)
    print("-" * len(header))
    for s in [*scores, overall]:
        if s is overall:
            print("-" * len(header))
        print(
            f"{s.novel:<30} {s.recall('major'):>7.1%} {s.recall('intermediate'):>7.1%} "
            f"{s.recall('minor'):>7.1%} {s.recall():>6.1%} {s.precision:>6.1%} "
            f"{s.precision_by_alias:>6.1%} {s.purity:>7.1%} {s.gender_accuracy:>7.1%} "
            f"{s.ours:>5} {s.seconds:>6.2f}"
        )
    print(
        "recall: gold characters found by name or alias, per category; prec: our names that "
        "are gold aliases;\nprec~: our characters with any name or alias a gold alias; "
        "purity: our matched characters merging no two gold characters; gender: agreement "
        "on found characters annotated M/F"
    )
    for s in scores:
        if s.narrator:
            print(f"{s.novel}: narrator: {s.narrator}")
        if s.missed:
            print(f"{s.novel}: missed major: {', '.join(s.missed)}")
        if s.merged:
            print(f"{s.novel}: merged: {' | '.join(s.merged)}")


def run(path: str, fmt: str = "text") -> int:
    folders = novels_in(Path(path))
    if not folders:
        print(f"fanarchive: {path}: no novel folders with character_info.csv", file=sys.stderr)
        return EXIT_BAD_INPUT
    scores, overall = [], NovelScore("overall")
    for folder in folders:
        try:
            score = score_novel(folder)
        except (AnalysisError, OSError, KeyError, csv.Error) as error:
            print(f"fanarchive: {folder}: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
        scores.append(score)
        overall.add(score)
    if fmt == "json":
        result = {"novels": [s.to_dict() for s in scores], "overall": overall.to_dict()}
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print_text(scores, overall)
    return EXIT_OK
