"""Checks every hand-annotated scene set shares (tests/data/fic_dialogue, fic_tune,
fic_holdout, fic_holdout2, fic_holdout3): each annotation file is well formed, the marked-up
scenes rebuild to it, and each quotation's kind follows the paragraph convention."""

import json
import re
from pathlib import Path

from fanarchive.evaluation import annotations
from fanarchive.evaluation.marked_scenes import build
from fanarchive.evaluation.scoring import CHECK, TUNE, Score

KINDS = {"explicit", "anaphoric", "implicit"}
UNNAMED = {"Narrator", "Reader"}  # conventions, never names a text gives


def annotated_files(folders) -> tuple[list[tuple[Path, Path]], list[str]]:
    """Every (folder, annotation file) of some scene sets, and their ids
    (`fic_tune/01_slug`), for `pytest.mark.parametrize`."""
    files = [(folder, file) for folder in folders for file in annotations.annotation_files(folder)]
    return files, [f"{folder.name}/{file.stem}" for folder, file in files]


def marked_sets(folders) -> list[Path]:
    """The sets written from marked scenes (a `marked/` folder beside the annotations)."""
    return [folder for folder in folders if (folder / "marked").is_dir()]


def assert_well_formed(file: Path, words: range = range(400, 801)) -> None:
    """A scene of `words` words, its quotations in order at their offsets, each with a named
    speaker (or None) and a kind. Narrator and Reader carry no alias but the Y/N forms a
    reader-insert uses."""
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["format"] == "fanarchive-quote-annotations/1"
    assert data["sample"] == f"{file.stem}.txt"
    text = (file.parent / data["sample"]).read_text(encoding="utf-8")
    assert len(text.split()) in words, len(text.split())
    assert data["quotes"], file.name
    names = data["names"]
    previous_end = 0
    for quote in data["quotes"]:
        assert previous_end <= quote["start"] < quote["end"] <= len(text)
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert quote["speaker"] is None or quote["speaker"] in names
        assert quote["kind"] in KINDS
        previous_end = quote["end"]
    for convention in UNNAMED & set(names):
        assert all("Y/N" in alias for alias in names[convention])


def assert_all_on_one_side(folder: Path, files: list[Path], side: str, scenes: int) -> None:
    """A one-sided set: `scenes` scenes, every one on `side`, the other side empty in its
    manifest."""
    assert len(files) == scenes
    assert annotations.load_split(folder) == {file.stem: side for file in files}
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["split"][CHECK if side == TUNE else TUNE] == []


def assert_scenes_build_to_annotations(files: list[Path]) -> None:
    for file in files:
        plain, quotes, names = build(file.parent / "marked" / f"{file.stem}.txt")
        data = json.loads(file.read_text(encoding="utf-8"))
        assert plain == (file.parent / data["sample"]).read_text(encoding="utf-8")
        assert quotes == data["quotes"] and names == data["names"]


def paragraph_narration(text: str, quotes: list[dict], quote: dict) -> str:
    """The narration of the paragraph line holding `quote`: the line with every quotation in
    it blanked out (the kinds' convention reads it)."""
    start = text.rfind("\n", 0, quote["start"]) + 1
    end = text.find("\n", quote["end"])
    chars = list(text[start:end])
    for other in quotes:  # by offsets: a quotation's words may stand in its tag too
        if other["start"] >= start and other["end"] <= end:
            width = other["end"] - other["start"]
            chars[other["start"] - start : other["end"] - start] = " " * width
    return "".join(chars)


def holds_narration(narration: str) -> bool:
    # „…“ and ‚…‘ (German-style marks) are marks too, not narration
    return bool(re.sub(r"[\s\"'“”‘’„‚«»—–.,!?…:;-]", "", narration))


def assert_kinds_follow_convention(file: Path) -> None:
    """`implicit` exactly where the paragraph holds no narration; `explicit` exactly where a
    name of the speaker stands in that narration; `anaphoric` otherwise."""
    data = json.loads(file.read_text(encoding="utf-8"))
    text = (file.parent / data["sample"]).read_text(encoding="utf-8")
    for quote in data["quotes"]:
        narration = paragraph_narration(text, data["quotes"], quote)
        speaker = quote["speaker"]  # None: a voice the text leaves unnamed names no one
        own = [speaker, *data["names"].get(speaker, [])] if speaker else []
        named = any(re.search(rf"\b{re.escape(name)}\b", narration) for name in own)
        expected = "explicit" if named else "anaphoric"
        expected = expected if holds_narration(narration) else "implicit"
        assert quote["kind"] == expected, quote["text"]


def assert_attribution_at_least(folder: Path, right: int) -> None:
    """Every quotation of a scene set scored end to end, and at least `right` of them
    attributed to their annotated speaker (a set's regression floor, not a target)."""
    overall = Score()
    files = annotations.annotation_files(folder)
    for file in files:
        overall.add(annotations.evaluate_file(file, folder))
    assert overall.total["all"] == sum(len(json.loads(f.read_text())["quotes"]) for f in files)
    assert overall.correct["all"] >= right
