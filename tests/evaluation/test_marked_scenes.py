"""The mark-up the hand-annotated scene sets are written in (tests/data/fic_*)."""

import json

import pytest

from fanarchive.evaluation.marked_scenes import build, build_folder

HEADER = "%% A: Ann Lee = Ann\n%% B: Bob\n"


def scene(tmp_path, body: str, name: str = "01_test.txt"):
    (tmp_path / "marked").mkdir(exist_ok=True)
    path = tmp_path / "marked" / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_inline_speakers_give_offsets_into_the_plain_text(tmp_path):
    text, quotes, names = build(scene(tmp_path, '"⟦A.e|Hi,⟧" Ann said. "⟦B.i|Hello.⟧"\n'))
    assert text == '"Hi," Ann said. "Hello."\n'
    assert [(text[q["start"] : q["end"]], q["speaker"], q["kind"]) for q in quotes] == [
        ("Hi,", "Ann Lee", "explicit"),
        ("Hello.", "Bob", "implicit"),
    ]
    assert names == {"Ann Lee": ["Ann"], "Bob": []}


def test_speakers_listed_in_order_lines_and_an_unnamed_speaker(tmp_path):
    path = scene(tmp_path, '"⟦Hi,⟧" she said. "⟦Who?⟧"\n@@ A.a _.i\n')
    text, quotes, _ = build(path)
    assert text == '"Hi," she said. "Who?"\n'
    assert [(q["speaker"], q["kind"]) for q in quotes] == [
        ("Ann Lee", "anaphoric"),
        (None, "implicit"),
    ]


@pytest.mark.parametrize(
    "body, message",
    [
        ('"⟦C.e|Hi⟧"\n', "unknown speaker code 'C'"),
        ('"⟦Hi⟧" "⟦Ho⟧"\n@@ A.e\n', "2 quotations, 1 speakers"),
        ('"⟦A.e|Hi⟧" "⟦Ho⟧"\n@@ B.i\n', "both inline and in @@ lines"),
        ('"⟦A.e|Hi" she said.\n', "malformed mark"),
    ],
)
def test_a_mistake_in_the_markup_is_refused_by_name(tmp_path, body, message):
    with pytest.raises(ValueError, match=message):
        build(scene(tmp_path, body))


def test_a_folder_is_written_as_text_and_annotations(tmp_path, capsys):
    scene(tmp_path, '"⟦A.e|Hi,⟧" Ann said.\n')
    build_folder(tmp_path)
    assert (tmp_path / "01_test.txt").read_text(encoding="utf-8") == '"Hi," Ann said.\n'
    annotation = json.loads((tmp_path / "01_test.json").read_text(encoding="utf-8"))
    assert annotation["format"] == "fanarchive-quote-annotations/1"
    assert annotation["quotes"][0]["speaker"] == "Ann Lee"
    assert "total" in capsys.readouterr().out
