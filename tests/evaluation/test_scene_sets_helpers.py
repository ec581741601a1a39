"""The helpers the scene sets' form tests share (tests/evaluation/scene_sets.py)."""

import json

from tests.evaluation.scene_sets import assert_kinds_follow_convention, paragraph_narration


def _quote(text: str, words: str, start_at: int = 0) -> dict:
    start = text.index(words, start_at)
    return {"start": start, "end": start + len(words), "text": words}


def test_a_quotation_is_blanked_where_it_stands_not_where_its_words_recur():
    text = "“Ingrid,” said Ingrid, and offered her hand.\n"
    quote = _quote(text, "Ingrid,")
    assert "said Ingrid" in paragraph_narration(text, [quote], quote)


def test_a_voice_left_unnamed_follows_the_convention_without_names(tmp_path):
    text = "“Halt!” called a voice from the dark.\n\n“Who goes there?”\n"
    first, second = _quote(text, "Halt!"), _quote(text, "Who goes there?")
    quotes = [
        {**first, "speaker": None, "kind": "anaphoric"},
        {**second, "speaker": None, "kind": "implicit"},
    ]
    (tmp_path / "scene.txt").write_text(text, encoding="utf-8")
    annotation = tmp_path / "scene.json"
    data = {"sample": "scene.txt", "names": {}, "quotes": quotes}
    annotation.write_text(json.dumps(data), encoding="utf-8")
    assert_kinds_follow_convention(annotation)
