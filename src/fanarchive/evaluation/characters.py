"""Score character detection against PDNC's character lists or LitBank's person mentions.

`fanarchive evaluate characters ../shared/litbank` (see `score_litbank_work`) prints the
precision and recall of the cast against LitBank's people, tune side (even Gutenberg id) and
check side (odd) with the gap; only tune-side works' errors are listed.

`fanarchive evaluate characters tests/data/fic_dialogue` (a folder of quote annotations with a
`manifest.json` split) prints, per side, how many of the annotations' named speakers the cast
names and how many of our characters are a second entry for one (see `score_annotated_work`).

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
from fanarchive.analysis.reading import read_path, read_text
from fanarchive.evaluation.litbank import CHECK, COREF_DIR, TUNE, load_litbank
from fanarchive.evaluation.pdnc import side_of

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
    sides = _pdnc_sides(scores)
    print("\nside      major  interm  minor    all   prec  purity  gender")
    for name, side in sides.items():
        print(
            f"{name:<8} {side.recall('major'):>6.1%} {side.recall('intermediate'):>7.1%} "
            f"{side.recall('minor'):>6.1%} {side.recall():>6.1%} {side.precision:>6.1%} "
            f"{side.purity:>7.1%} {side.gender_accuracy:>7.1%}"
        )
    tune, check = sides[TUNE], sides[CHECK]
    print(
        f"gap (tune - check): recall {tune.recall() - check.recall():+.1%}, precision "
        f"{tune.precision - check.precision:+.1%}, gender "
        f"{tune.gender_accuracy - check.gender_accuracy:+.1%}"
    )
    for s in (s for s in scores if side_of(s.novel) != CHECK):  # check-side errors stay unread
        if s.narrator:
            print(f"{s.novel}: narrator: {s.narrator}")
        if s.missed:
            print(f"{s.novel}: missed major: {', '.join(s.missed)}")
        if s.merged:
            print(f"{s.novel}: merged: {' | '.join(s.merged)}")


# --- LitBank ------------------------------------------------------------------------------

MIN_NAMED = 2  # a character is a person named at least twice (LitBank PROP mentions)


@dataclass
class CastScore:
    """Our cast of one LitBank work (or a side's sum) against its named people."""

    work: str
    side: str = ""
    gold: int = 0  # people named at least twice
    found: int = 0  # of them, named by one of our characters
    ours: int = 0  # our characters with at least two mentions
    right: int = 0  # of them, the first of ours to name a person
    split: int = 0  # of ours, a second entry for a person already listed
    merged: int = 0  # of ours, naming two people named at least twice
    nonperson: int = 0  # of ours, naming no person (a place, an organisation, a word)
    unmentioned: int = 0  # of the missed, people no mention of our cast touches
    gendered: int = 0  # found people whose pronouns give a gender (see `gold_gender`)
    gender_right: int = 0  # of them, those our character's gender agrees with
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    misgendered: list[str] = field(default_factory=list)

    def add(self, other: CastScore) -> None:
        for name in (
            "gold",
            "found",
            "ours",
            "right",
            "split",
            "merged",
            "nonperson",
            "unmentioned",
            "gendered",
            "gender_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return _ratio(self.right, self.ours)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold)

    @property
    def gender_accuracy(self) -> float:
        return _ratio(self.gender_right, self.gendered)

    def to_dict(self, errors: bool = True) -> dict:
        result = {
            "work": self.work,
            "side": self.side,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "gold": self.gold,
            "ours": self.ours,
            "split": self.split,
            "merged": self.merged,
            "nonperson": self.nonperson,
            "unmentioned": self.unmentioned,
            "gender": round(self.gender_accuracy, 3),
            "gendered": self.gendered,
        }
        if errors:
            result |= {"missed": self.missed, "wrong": self.wrong, "misgendered": self.misgendered}
        return result


MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
GOLD_GENDER_PRONOUNS, GOLD_GENDER_SHARE = 2, 0.8


def gold_gender(work, entity: str) -> str:
    """`male`/`female` when the entity's gold pronouns (PRON mentions) say so: at least two
    gendered ones, four in five agreeing; "" otherwise (`I`, `you`, too few, mixed)."""
    votes: Counter[str] = Counter()
    for mention in work.mentions:
        if mention.entity == entity and mention.form == "PRON":
            word = mention.text.lower()
            if word in MALE_PRONOUNS:
                votes["male"] += 1
            elif word in FEMALE_PRONOUNS:
                votes["female"] += 1
    if not votes:
        return ""
    (best, n), *_ = votes.most_common()
    total = sum(votes.values())
    return best if n >= GOLD_GENDER_PRONOUNS and n >= GOLD_GENDER_SHARE * total else ""


def _gold_entity(start: int, end: int, mentions: list) -> str | None:
    """The entity of the gold mention our mention overlaps, names first, then the tightest:
    `Mr. Bennet` inside `Mr. Bennet's wife` is Mr. Bennet."""
    overlapping = [m for m in mentions if m.start < end and start < m.end and m.entity]
    if not overlapping:
        return None
    best = min(overlapping, key=lambda m: (m.form != "PROP", m.end - m.start))
    return best.entity


def score_litbank_work(work) -> CastScore:
    """Our characters mentioned at least twice, each given the gold entity most of its
    mentions overlap. One is right when that entity is a person (PER) no earlier (more
    mentioned) character of ours already names; a gold character (a PER entity with at least
    two PROP mentions) is found when one of ours is given it."""
    document = read_text(work.text)
    cast = detect_cast(document, find_quotes(document), default_knowledge())
    score = CastScore(work.name, work.side)
    named = Counter(m.entity for m in work.mentions if m.form == "PROP" and m.type == "PER")
    gold = {e for e, n in named.items() if e and n >= MIN_NAMED and work.entity_type(e) == "PER"}
    spans: dict[str, list[tuple[int, int]]] = {}
    for mention in cast.mentions:
        spans.setdefault(mention.character, []).append((mention.start, mention.end))
    ours = sorted(
        (c for c in cast.characters if len(spans.get(c.name, ())) >= MIN_NAMED),
        key=lambda c: -len(spans[c.name]),
    )
    listed: set[str] = set()
    for character in ours:
        entities = Counter(_gold_entity(s, e, work.mentions) for s, e in spans[character.name])
        entities.pop(None, None)
        entity = entities.most_common(1)[0][0] if entities else None
        if len({e for e in entities if e in gold}) > 1:
            score.merged += 1
        if entity is not None and entity in listed:
            score.split += 1
            score.wrong.append(f"{character.name} (again {entity})")
        elif entity is not None and work.entity_type(entity) == "PER":
            score.right += 1
            listed.add(entity)
            if entity in gold:
                _score_gender(score, work, entity, character)
        else:
            score.nonperson += 1
            score.wrong.append(character.name + (f" ({entity})" if entity else ""))
    score.ours = len(ours)
    score.gold = len(gold)
    score.found = len(gold & listed)
    score.missed = sorted(gold - listed)
    touched = {_gold_entity(m.start, m.end, work.mentions) for m in cast.mentions}
    score.unmentioned = len(set(score.missed) - touched)
    return score


def _score_gender(score: CastScore, work, entity: str, character: Character) -> None:
    gender = gold_gender(work, entity)
    if not gender:
        return
    score.gendered += 1
    if character.gender == gender:
        score.gender_right += 1
    else:
        score.misgendered.append(f"{character.name} ({character.gender}, gold {gender})")


def _print_litbank(scores: list[CastScore]) -> None:
    sides = _litbank_sides(scores)
    print("Characters on LitBank (a person named at least twice; LitBank, David Bamman and")
    print("colleagues, UC Berkeley, CC BY 4.0)")
    header = f"{'side':<8} {'works':>5} {'gold':>5} {'ours':>5} {'prec':>6} {'recall':>6} "
    print(header + f"{'split':>5} {'merged':>6} {'no-per':>6} {'unment':>6} {'gender':>11}")
    for name, side in sides.items():
        works = sum(1 for s in scores if s.side == name)
        gender = f"{side.gender_accuracy:.1%} /{side.gendered}"
        print(
            f"{name:<8} {works:>5} {side.gold:>5} {side.ours:>5} {side.precision:>6.1%} "
            f"{side.recall:>6.1%} {side.split:>5} {side.merged:>6} {side.nonperson:>6} "
            f"{side.unmentioned:>6} {gender:>11}"
        )
    tune, check = sides.get(TUNE), sides.get(CHECK)
    if tune and check:
        print(
            f"gap (tune - check): precision {tune.precision - check.precision:+.1%}, "
            f"recall {tune.recall - check.recall:+.1%}, "
            f"gender {tune.gender_accuracy - check.gender_accuracy:+.1%}"
        )
    print("prec: our characters mentioned twice that name a person not already listed; recall:")
    print("people named twice that one of ours names. split: ours that list a person again;")
    print("merged: ours naming two people; no-per: ours naming no person; unment: people missed")
    print("whom no mention of our cast touches; gender: found people whose gold pronouns give a")
    print("gender (two or more, 4 in 5 agreeing; of how many) that ours agrees with. Errors are")
    print("listed for the tune side only.")
    for score in scores:
        if score.side == TUNE and (score.missed or score.wrong or score.misgendered):
            misgendered = f"; misgendered {score.misgendered}" if score.misgendered else ""
            print(f"{score.work}: missed {score.missed}; wrong {score.wrong}{misgendered}")


def _litbank_sides(scores: list[CastScore]) -> dict[str, CastScore]:
    sides = {name: CastScore(name, name) for name in (TUNE, CHECK)}
    for score in scores:
        sides[score.side].add(score)
    return sides


def run_litbank(path: str, fmt: str) -> int:
    try:
        works = load_litbank(path)
    except (ValueError, OSError) as error:
        print(f"fanarchive: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    scores = [score_litbank_work(work) for work in works]
    if fmt == "json":
        sides = _litbank_sides(scores)
        result = {
            "sides": {name: side.to_dict(errors=False) for name, side in sides.items()},
            "works": [s.to_dict(errors=s.side == TUNE) for s in scores],
        }
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print_litbank(scores)
    return EXIT_OK


def is_litbank(path: Path) -> bool:
    return (path / COREF_DIR).is_dir()


def _pdnc_sides(scores: list[NovelScore]) -> dict[str, NovelScore]:
    """Tune and check sums (novels outside both splits count in neither)."""
    sides = {TUNE: NovelScore(TUNE), CHECK: NovelScore(CHECK)}
    for score in scores:
        side = side_of(score.novel)
        if side is not None:
            sides[side].add(score)
    return sides


# --- Annotated works (tests/data/fic_dialogue) -----------------------------------------------

UNNAMED_SPEAKERS = frozenset({"narrator", "reader"})  # the story's I or you, named by no one


@dataclass
class SpeakerCastScore:
    """Our cast of annotated works against their named speakers (the annotation's `names`:
    each speaker with the aliases the story calls them by). The annotations list who speaks,
    not everyone named, so only recall and second entries are scored."""

    work: str
    side: str = ""
    gold: int = 0  # named speakers
    found: int = 0  # of them, named by one of our characters mentioned twice
    split: int = 0  # our characters (mentioned twice) naming a speaker already listed
    missed: list[str] = field(default_factory=list)
    again: list[str] = field(default_factory=list)

    def add(self, other: SpeakerCastScore) -> None:
        for name in ("gold", "found", "split"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold)


def is_annotated(path: Path) -> bool:
    from fanarchive.evaluation.annotations import MANIFEST

    return (path / MANIFEST).is_file()


def score_annotated_work(path: Path, side: str) -> SpeakerCastScore | None:
    """One annotation file: its named speakers found by our cast (by any alias, case
    folded), and our characters that name a speaker a more mentioned one already names."""
    from fanarchive.evaluation.scoring import normalise_name

    data = json.loads(path.read_text(encoding="utf-8"))
    text_path = path.parent / data.get("sample", "")
    if not text_path.is_file():
        return None
    document = read_path(text_path)
    cast = detect_cast(document, find_quotes(document), default_knowledge())
    gold = {
        name: {normalise_name(a) for a in [name, *aliases]}
        for name, aliases in data.get("names", {}).items()
        if normalise_name(name) not in UNNAMED_SPEAKERS
    }
    score = SpeakerCastScore(path.stem, side, gold=len(gold))
    listed: set[str] = set()
    ours = sorted(
        (c for c in cast.characters if c.mentions >= MIN_NAMED), key=lambda c: -c.mentions
    )
    for character in ours:
        surfaces = {normalise_name(s) for s in [character.name, *character.aliases]}
        named = [g for g, aliases in gold.items() if aliases & surfaces]
        if not named:
            continue
        if named[0] in listed:
            score.split += 1
            score.again.append(f"{character.name} (again {named[0]})")
        listed.add(named[0])
    score.found = len(listed)
    score.missed = sorted(set(gold) - listed)
    return score


def run_annotated(path: str, fmt: str) -> int:
    from fanarchive.evaluation.annotations import annotation_files, load_split

    folder = Path(path)
    split = load_split(folder)
    scores = []
    for file in annotation_files(folder):
        side = split.get(file.stem, "")
        try:
            score = score_annotated_work(file, side)
        except (AnalysisError, OSError, ValueError, KeyError) as error:
            print(f"fanarchive: {file}: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if score is not None:
            scores.append(score)
    sides = {name: SpeakerCastScore(name, name) for name in (TUNE, CHECK)}
    for score in scores:
        if score.side in sides:
            sides[score.side].add(score)
    if fmt == "json":
        result = {
            name: {
                "speakers": s.gold,
                "found": s.found,
                "recall": round(s.recall, 3),
                "split": s.split,
            }
            for name, s in sides.items()
        }
        result["tune_errors"] = [
            {"work": s.work, "missed": s.missed, "again": s.again}
            for s in scores
            if s.side == TUNE and (s.missed or s.again)
        ]
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return EXIT_OK
    print("Named speakers in the cast (the annotations' names; characters mentioned twice)")
    print(f"{'side':<8} {'works':>5} {'speakers':>8} {'found':>6} {'recall':>7} {'split':>6}")
    for name, side in sides.items():
        works = sum(1 for s in scores if s.side == name)
        print(
            f"{name:<8} {works:>5} {side.gold:>8} {side.found:>6} {side.recall:>7.1%} "
            f"{side.split:>6}"
        )
    print(f"gap (tune - check): recall {sides[TUNE].recall - sides[CHECK].recall:+.1%}")
    print("split: our characters naming a speaker a more mentioned one already names.")
    print("Errors are listed for the tune side only.")
    for score in scores:
        if score.side == TUNE and (score.missed or score.again):
            print(f"{score.work}: missed {score.missed}; again {score.again}")
    return EXIT_OK


def run(path: str, fmt: str = "text") -> int:
    if is_litbank(Path(path)):
        return run_litbank(path, fmt)
    if is_annotated(Path(path)):
        return run_annotated(path, fmt)
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
        result = {
            "novels": [s.to_dict() for s in scores],
            "overall": overall.to_dict(),
            "sides": {name: side.to_dict() for name, side in _pdnc_sides(scores).items()},
        }
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print_text(scores, overall)
    return EXIT_OK
