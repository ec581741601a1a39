"""Descriptions of named characters that a pronoun or a description in a tag stands for, end
to end: the cast found in the text, then the sieve."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import attribute_speakers


def analyse(text: str):
    document = read_text(text)
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    attribute_speakers(document, quotes, cast)
    return {document.text[q.start : q.end].strip('"“”'): q.speaker for q in quotes}


# `the boy` speaks after an untagged turn: only once the conversation rules have given that
# turn to Dr Kallas is he known not to be the boy.
EXAM_ROOM = (
    "Ziggy sat on the examination table swinging his legs while Dr Kallas washed his hands."
    " Mara Quill stood by the lamp with the tray.\n\n"
    '"It barely hurts," said Ziggy.\n\n'
    '"Mara, I need the good scissors," said Dr Kallas.\n\n'
    '"We have good scissors?" Mara asked.\n\n'
    '"Ziggy keeps borrowing them for his models."\n\n'
    '"They\'re for morale," the boy protested.\n'
)


def test_a_description_in_a_tag_is_not_the_speaker_of_the_untagged_turn_before():
    speakers = analyse(EXAM_ROOM)
    assert speakers["Ziggy keeps borrowing them for his models."] == "Dr Kallas"
    assert speakers["They're for morale,"] == "Ziggy"


def test_a_description_going_on_may_be_the_untagged_turn_before():
    text = EXAM_ROOM.replace("the boy protested", "the doctor went on")
    speakers = analyse(text)
    assert speakers["They're for morale,"] == "Dr Kallas"


# `the son` answers the one the turn before calls, not the latest man who spoke.
LANDING = (
    "Mrs. Penhallow stood at the top of the stairs with her arms folded. Inspector Crane"
    " waited below her with his hat in his hand.\n\n"
    "'Tell me where the key is, madam,' said Inspector Crane.\n\n"
    "'I do not know where it is,' said Mrs. Penhallow.\n\n"
    "A lanky young man came up onto the landing in his shirt-sleeves.\n\n"
    "'Gideon, go downstairs,' said Mrs. Penhallow.\n\n"
    "'I won't. I found the key,' said the son.\n"
)


def test_a_description_in_a_tag_is_the_one_the_turn_before_called():
    speakers = analyse(LANDING)
    assert speakers["I won't. I found the key,"] == "Gideon"


def test_a_name_late_in_the_turn_before_is_no_call():
    text = (
        "Mrs. Penhallow stood at the top of the stairs with her arms folded. Inspector Crane"
        " waited below her with his hat in his hand, and Mr. Penhallow sat by the fire.\n\n"
        "'Tell me where the key is, madam,' said Inspector Crane.\n\n"
        "'I do not know where it is,' said Mrs. Penhallow.\n\n"
        "'And this is my husband, Mr. Penhallow,' said Mrs. Penhallow.\n\n"
        "'A pleasure,' said the inspector.\n"
    )
    speakers = analyse(text)
    assert speakers["A pleasure,"] == "Inspector Crane"
