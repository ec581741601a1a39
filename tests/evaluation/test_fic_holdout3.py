"""The third and fourth fan-fiction holdout sets (tests/data/fic_holdout3, fic_holdout4): 14
scenes each, every one on the check side, so `evaluate annotations` prints that side alone and
`tune_errors` refuses to list their errors. Each scene also has the cast a reader would list
(`cast/NN_slug.json`, the schema of tests/data/cast_probes). The form they share with the other
blind sets is tested in test_blind_scene_sets.py; their cast files here. Never an accuracy:
nobody tunes on them, and they were written without running the analysis."""

import json
from pathlib import Path

import pytest

from fanarchive.evaluation import annotations
from tests.evaluation.scene_sets import annotated_files

DATA = Path(__file__).resolve().parents[1] / "data"
HOLDOUTS = [DATA / "fic_holdout3", DATA / "fic_holdout4"]
FILES, FILE_IDS = annotated_files(HOLDOUTS)
CAST_KEYS = {"id", "title", "fandom", "narration", "families", "people", "optional", "must_not"}


@pytest.mark.parametrize("folder", HOLDOUTS, ids=[folder.name for folder in HOLDOUTS])
def test_each_scene_has_its_cast_file(folder):
    cast = sorted(path.stem for path in (folder / "cast").glob("*.json"))
    assert cast == [file.stem for file in annotations.annotation_files(folder)]


@pytest.mark.parametrize(("folder", "file"), FILES, ids=FILE_IDS)
def test_every_cast_is_well_formed(folder, file):
    """The people a reader lists, each named in the scene, every speaker among them (or the
    narrator/reader convention), and no forbidden name one of their forms."""
    cast = json.loads((folder / "cast" / file.name).read_text(encoding="utf-8"))
    assert set(cast) == CAST_KEYS and cast["narration"] in {"first", "second", "third"}
    text = (folder / f"{file.stem}.txt").read_text(encoding="utf-8")
    forms = set()
    for person in cast["people"]:
        assert person["gender"] in {"male", "female", None}
        own = [person["name"], *person["aliases"]]
        assert any(form in text for form in own), person["name"]
        forms |= set(own)
    assert not forms & set(cast["must_not"])
    assert all(name in text for name in cast["must_not"])
    quotes = json.loads(file.read_text(encoding="utf-8"))["quotes"]
    speakers = {quote["speaker"] for quote in quotes} - {None}  # None: a voice left unnamed
    assert speakers <= forms | {"Narrator", "Reader"} | set(cast["optional"])
