"""The third fan-fiction holdout set (tests/data/fic_holdout3): 14 scenes, every one on the
check side, so `evaluate annotations` prints that side alone and `tune_errors` refuses to list
its errors. Each scene also has the cast a reader would list (`cast/NN_slug.json`, the schema
of tests/data/cast_probes). The form it shares with the other blind sets is tested in
test_blind_scene_sets.py; its cast files here. Never an accuracy: nobody tunes on it, and it
was written without running the analysis."""

import json
from pathlib import Path

import pytest

from fanarchive.evaluation import annotations

HOLDOUT = Path(__file__).resolve().parents[1] / "data" / "fic_holdout3"
FILES = annotations.annotation_files(HOLDOUT)
CAST_KEYS = {"id", "title", "fandom", "narration", "families", "people", "optional", "must_not"}


def test_each_scene_has_its_cast_file():
    cast = sorted(path.stem for path in (HOLDOUT / "cast").glob("*.json"))
    assert cast == [file.stem for file in FILES]


@pytest.mark.parametrize("file", FILES, ids=[file.stem for file in FILES])
def test_every_cast_is_well_formed(file):
    """The people a reader lists, each named in the scene, every speaker among them (or the
    narrator/reader convention), and no forbidden name one of their forms."""
    cast = json.loads((HOLDOUT / "cast" / file.name).read_text(encoding="utf-8"))
    assert set(cast) == CAST_KEYS and cast["narration"] in {"first", "second", "third"}
    text = (HOLDOUT / f"{file.stem}.txt").read_text(encoding="utf-8")
    forms = set()
    for person in cast["people"]:
        assert person["gender"] in {"male", "female", None}
        own = [person["name"], *person["aliases"]]
        assert any(form in text for form in own), person["name"]
        forms |= set(own)
    assert not forms & set(cast["must_not"])
    assert all(name in text for name in cast["must_not"])
    quotes = json.loads(file.read_text(encoding="utf-8"))["quotes"]
    speakers = {quote["speaker"] for quote in quotes}
    assert speakers <= forms | {"Narrator", "Reader"} | set(cast["optional"])
