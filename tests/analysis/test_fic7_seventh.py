"""Seventh session (fic7): rules written from fic_tune7's errors, each with hand-written
passages (no data set's names or wording) and the everyday passages it must leave alone."""

import json

from fanarchive.evaluation.annotations import evaluate_file

# A scene written all in lower case, names too (`lowercase intended`).
LOWER_SCENE = """"you're late," wren said, not looking up from the map.

"the bus broke down," otto said. "again."

wren snorted. "that bus is older than you."

"everything is older than me."

otto dropped his bag by the door and sat down across from her. the kettle was still warm. he
poured himself a cup and did not ask if she wanted one. she never did. outside, the rain
kept on. neither of them minded it much.
"""


def _annotate(folder, text, quotes):
    """A scene file and its annotation file, the form of tests/data's scene sets."""
    (folder / "scene.txt").write_text(text)
    gold = []
    for line, speaker in quotes:
        start = text.index(line)
        gold.append(
            {"start": start, "end": start + len(line), "speaker": speaker, "kind": "explicit"}
        )
    annotation = {"sample": "scene.txt", "format": "fanarchive-quote-annotations/1", "quotes": gold}
    path = folder / "scene.json"
    path.write_text(json.dumps(annotation))
    return path


def test_scene_sets_read_a_lower_case_work_as_the_archive_does(tmp_path):
    """The archive reads a lower-case work with its capitals restored (pipeline); the scene
    sets' evaluation read it as written, so found no cast and scored every line unknown."""
    path = _annotate(
        tmp_path,
        LOWER_SCENE,
        [("you're late,", "Wren"), ("the bus broke down,", "Otto"), ("again.", "Otto")],
    )
    score = evaluate_file(path, tmp_path, keep_errors=True)
    assert score.errors == []
