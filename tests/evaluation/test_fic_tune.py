"""The fan-fiction tune set (tests/data/fic_tune): 20 scenes, every one on the tune side, the
speaker ranking's fan-fiction training data beside fic_dialogue's tune half. Only the set's
form is tested here, never an accuracy."""

import json
import re
from pathlib import Path

import pytest

from fanarchive.evaluation import annotations
from fanarchive.evaluation.scoring import TUNE
from tests.evaluation.scene_sets import (
    assert_all_on_one_side,
    assert_scenes_build_to_annotations,
    assert_well_formed,
    holds_narration,
    paragraph_narration,
)

TUNE_SET = Path(__file__).resolve().parents[1] / "data" / "fic_tune"
FILES = annotations.annotation_files(TUNE_SET)


def test_the_set_has_20_scenes_all_on_the_tune_side():
    assert_all_on_one_side(TUNE_SET, FILES, TUNE, 20)


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
        narration = paragraph_narration(text, data["quotes"], quote)
        assert holds_narration(narration) == (quote["kind"] != "implicit"), quote["text"]
        if quote["kind"] == "explicit":
            own = [quote["speaker"], *data["names"][quote["speaker"]]]
            assert any(re.search(rf"\b{re.escape(name)}\b", narration) for name in own)


def test_the_marked_scenes_build_to_the_annotations():
    assert_scenes_build_to_annotations(FILES)
