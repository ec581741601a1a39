"""Seventh session (fic7): rules written from fic_tune7's errors, each with hand-written
passages (no data set's names or wording) and the everyday passages it must leave alone."""

import json

from fanarchive.analysis.lowercase import lowercase_names, restore_capitals
from fanarchive.evaluation.annotations import evaluate_file
from tests.analysis.casts import cast_of, names

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


# A lower-case scene whose names show only as a lower-case prose shows them.
GARAGE = """the garage smells of oil and old rain, which marz says is the smell of freedom and
dell says is the smell of a fire hazard.

"hand me the wrench."

"which one."

"the one that looks like a wrench, dell."

rook is sitting on the stairs with his chin on his knees. he has not said a word all night.

"you okay, rook?"

rook nods. then marz kicks the toolbox shut and the whole garage rings like a bell.

rook is looking at the engine now, and at marz's hands, black to the wrist.
"""


def test_a_rare_word_before_a_speech_verb_mid_sentence_is_a_name():
    """`which marz says`: no closing quotation before the tag, but a word English never
    writes, said twice, speaking, is someone."""
    assert "marz" in lowercase_names(GARAGE)


def test_a_subject_called_by_in_a_line_is_a_name():
    """`rook nods.`, `rook is sitting`, `"you okay, rook?"`: a word opening two sentences as
    their subject and called by in a quotation is someone, though English writes it too."""
    assert "rook" in lowercase_names(GARAGE)


def test_a_name_is_capitalised_in_its_possessive():
    assert "at Marz's hands" in restore_capitals(GARAGE)
    text = '"fine," tessa said, and the cup stays in tessa\'s hand. ' * 5
    assert "in Tessa's hand" in restore_capitals(text)


def test_everyday_subjects_and_adjectives_stay_words():
    """A weather word and a thing opening sentences, never called by, stay lower case."""
    text = (
        "the sky is sunny. the sign says closed. sunny days are rare here. "
        'the sign looks old. "is it sunny out?" she asks. "sort of, i guess." '
        "the sign swings in the wind. nobody says anything."
    )
    names = lowercase_names(text)
    assert not names & {"sunny", "sign", "nobody", "the"}


def test_a_rare_word_addressed_between_two_commas_is_someone():
    """`"Come on, Zarek, one more round"`: a word English never writes, called by between
    two commas of a line, is the person spoken to."""
    text = (
        '"Come on, Zarek, one more round," Mila said, shuffling the cards.\n\n'
        "The fire cracked. Outside the wind was getting up.\n\n"
        '"I told you, Zarek, it\'s late." Mila yawned and put the cards away.\n'
    )
    assert "Zarek" in names(cast_of(text))


def test_a_list_of_places_between_commas_calls_no_one():
    """A list goes on with `and`, or has a capitalised word before its comma."""
    text = (
        '"We sailed past Bruges, Qarth, and home again," Mila said.\n\n'
        "The fire cracked. Outside the wind was getting up.\n\n"
        '"Past Bruges, Qarth, the whole coast." Mila yawned and put the cards away.\n'
    )
    assert "Qarth" not in names(cast_of(text))
