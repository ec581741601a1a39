"""The fan-fiction tune set (tests/data/fic_tune): 20 scenes, every one on the tune side, the
speaker ranking's fan-fiction training data beside fic_dialogue's tune half. Only the set's
form is tested here, never an accuracy."""

import importlib.util
import json
import re
from pathlib import Path

import pytest

from fanarchive.evaluation import annotations
from fanarchive.evaluation.scoring import TUNE

TUNE_SET = Path(__file__).resolve().parents[1] / "data" / "fic_tune"
FILES = annotations.annotation_files(TUNE_SET)
KINDS = {"explicit", "anaphoric", "implicit"}
UNNAMED = {"Narrator", "Reader"}  # the conventions of tests/data/fic_dialogue


def load_build():
    spec = importlib.util.spec_from_file_location("fic_tune_build", TUNE_SET / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


def test_the_set_has_20_scenes_all_on_the_tune_side():
    assert len(FILES) == 20
    assert annotations.load_split(TUNE_SET) == {file.stem: TUNE for file in FILES}


def assert_well_formed(file: Path) -> None:
    """The form every fan-fiction scene set shares (fic_tune, fic_holdout): a 400-800-word
    scene, its quotations in order at their offsets, each with a named speaker (or None) and
    a kind. Narrator and Reader are conventions, never names a text gives: they carry no
    alias but the Y/N forms a reader-insert uses."""
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["format"] == "fanarchive-quote-annotations/1"
    assert data["sample"] == f"{file.stem}.txt"
    text = (file.parent / data["sample"]).read_text(encoding="utf-8")
    assert 400 <= len(text.split()) <= 800
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


@pytest.mark.parametrize("file", FILES, ids=[file.stem for file in FILES])
def test_every_annotation_is_well_formed(file):
    assert_well_formed(file)


@pytest.mark.parametrize("file", FILES, ids=[file.stem for file in FILES])
def test_an_implicit_quotation_stands_in_a_paragraph_of_dialogue_alone(file):
    """The kind's convention: `implicit` only where the paragraph holds no narration, and
    `explicit` only where a name of the speaker stands in the paragraph's narration."""
    data = json.loads(file.read_text(encoding="utf-8"))
    text = (TUNE_SET / data["sample"]).read_text(encoding="utf-8")
    for quote in data["quotes"]:
        start = text.rfind("\n", 0, quote["start"]) + 1
        end = text.find("\n", quote["end"])
        narration = text[start:end]
        for other in data["quotes"]:
            if other["start"] >= start and other["end"] <= end:
                narration = narration.replace(other["text"], " ")
        has_narration = bool(re.sub(r"[\s\"'“”‘’«»—–.,!?…:;-]", "", narration))
        assert has_narration == (quote["kind"] != "implicit"), quote["text"]
        if quote["kind"] == "explicit":
            own = [quote["speaker"], *data["names"][quote["speaker"]]]
            assert any(re.search(rf"\b{re.escape(name)}\b", narration) for name in own)


def test_the_marked_scenes_build_to_the_annotations():
    build = load_build()
    for file in FILES:
        plain, quotes, names = build.build(TUNE_SET / "marked" / f"{file.stem}.txt")
        data = json.loads(file.read_text(encoding="utf-8"))
        assert plain == (TUNE_SET / data["sample"]).read_text(encoding="utf-8")
        assert quotes == data["quotes"] and names == data["names"]


def test_the_build_refuses_an_unknown_speaker_code(tmp_path):
    marked = tmp_path / "scene.txt"
    marked.write_text('%% A: Ann\n"⟦B.i|Hello.⟧"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown speaker code"):
        load_build().build(marked)
