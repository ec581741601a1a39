"""A new paragraph of dialogue is a new speaker: pronoun tags and descriptions in tags after
another character's turn (hand-written passages, in the style of fan fiction)."""

import pytest

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import attribute_speakers
from tests.analysis.test_speakers import attribute, speakers
from tests.analysis.test_speakers_narrator import (
    I_TO_YOU,
    READER_PAIRING,
    READER_STORY_TAGS,
    analyse_quotes,
)


def attributed_with_detected_cast(text: str):
    """The quotes of `text` attributed with the cast the analysis detects (not a hand cast)."""
    document = read_text(text)
    quotes = find_quotes(document)
    attribute_speakers(document, quotes, detect_cast(document, quotes, default_knowledge()))
    return quotes


def test_a_pronoun_tag_answering_a_man_is_the_other_man():
    text = (
        'Naruto dropped his bag by the door.\n\n"Where were you?" Gaara asked.\n\n"Out," he said.\n'
    )
    assert speakers(text) == ["Gaara", "Naruto"]


def test_a_pronoun_tag_answering_a_woman_is_the_other_woman():
    text = (
        "Sakura found Emma in the garden.\n\n"
        '"You\'re early," Emma said.\n\n'
        '"I couldn\'t sleep," she said.\n'
    )
    assert speakers(text) == ["Emma", "Sakura"]


def test_he_added_in_a_new_paragraph_goes_on_with_the_same_speaker():
    text = (
        "Naruto dropped his bag by the door.\n\n"
        '"I\'m back," Gaara said.\n\n'
        '"And I\'m hungry," he added.\n'
    )
    assert speakers(text) == ["Gaara", "Gaara"]


def test_after_narration_in_the_turn_the_pronoun_goes_on_with_its_subject():
    # The turn before ends in narration about Gaara, not in a bare tag: `he` is still Gaara.
    text = (
        "Naruto sat on the roof.\n\n"
        '"It\'s cold," Gaara said. He pulled his scarf up over his chin and stared at the '
        "lights of the village for a long time.\n\n"
        '"We should go in," he said.\n'
    )
    assert speakers(text) == ["Gaara", "Gaara"]


def test_with_no_one_else_of_that_gender_the_pronoun_keeps_the_previous_speaker():
    text = '"Where were you?" Gaara asked.\n\n"Out," he said.\n'
    assert speakers(text) == ["Gaara", "Gaara"]


def test_a_description_in_a_tag_is_the_speaker_of_that_gender_who_did_not_just_speak():
    text = (
        '"We\'re late," said Naruto.\n\n'
        '"We\'re always late," Sakura said.\n\n'
        "Behind them, Gaara was dragging the cart through the mud.\n\n"
        '"Is there another way in?" he called.\n\n'
        '"There is a door at the back," the older man answered.\n'
    )
    quotes = attribute(text)
    assert [q.speaker for q in quotes] == ["Naruto", "Sakura", "Gaara", "Naruto"]
    assert quotes[-1].rule == "descriptor"


def test_a_description_no_earlier_speaker_fits_is_left_to_the_conversation():
    text = '"Is there another way in?" Gaara called.\n\n"No," the old woman answered.\n'
    quotes = attribute(text)
    assert quotes[-1].rule != "descriptor"


def test_a_reply_to_sir_says_the_turn_before_was_a_man():
    text = (
        "Emma and Naruto waited in the hall of the old house. Sakura came down the stairs.\n\n"
        '"Is the master at home?"\n\n'
        '"Not today, sir. He is in town."\n'
    )
    assert attribute(text)[0].speaker == "Naruto"


def test_you_said_in_a_story_an_i_tells_to_the_reader_is_the_readers_line():
    quotes, _ = analyse_quotes(I_TO_YOU, READER_STORY_TAGS, relationships=READER_PAIRING)
    said = [(q.speaker, q.rule) for q in quotes]
    assert said[0] == ("Reader", "reader")  # "You're late," you said
    assert said[3] == ("Reader", "reader")  # "Your mother called," you said
    assert [speaker for speaker, _ in said[1:3]] == ["Bucky Barnes", "Bucky Barnes"]
    assert said[4][0] == "Bucky Barnes"


def test_you_said_in_a_third_person_story_is_no_one_in_particular():
    text = 'Naruto looked up.\n\n"You\'re late," you said.\n'
    assert speakers(text) != ["Reader"]


def test_a_voice_no_one_is_named_for_is_the_first_one_named_after_it():
    text = (
        "Emma opened the cupboard door and the air went cold.\n\n"
        '"At last," said a voice. "Somebody young."\n\n'
        "Gaara was sitting on the shelf with the towels, looking offended.\n\n"
        '"Who are you?" Emma asked.\n'
    )
    quotes = attribute(text)
    assert [q.speaker for q in quotes[:2]] == ["Gaara", "Gaara"]
    assert quotes[0].rule == "unseen_voice"


def test_a_voice_answering_someone_is_not_that_someone():
    text = (
        '"Is anyone there?" Emma called.\n\n'
        '"Only me," said a tired voice. Emma turned, and Sakura stepped out of the shadows.\n'
    )
    assert speakers(text)[1] == "Sakura"


def test_a_pronoun_acting_right_after_the_quote_is_its_speaker():
    text = (
        "Sakura sat with Naruto on the steps.\n\n"
        '"Where were you?" Naruto asked.\n\n'
        '"Nowhere." She shrugged.\n'
    )
    quotes = attribute(text)
    assert [q.speaker for q in quotes] == ["Naruto", "Sakura"]
    assert quotes[1].rule == "beat_after"


def test_a_pronoun_after_a_quote_inside_narration_is_no_beat():
    text = (
        'Naruto came in, saying that he "could not stay long."--He sat down at once.\n\n'
        '"Tea?" Sakura asked.\n'
    )
    assert attribute(text)[0].rule != "beat_after"


def test_the_narrators_partner_is_the_one_the_narration_just_named():
    # Gaara leaves, Sakura comes in: the untagged line after them is hers, not the narrator's.
    text = (
        '"Good night," Gaara said to me, and went out.\n\nSakura came in.\n\n"Is it you?"\n\n'
        '"Yes."\n'
    )
    assert speakers(text, narrator="Naruto")[1] == "Sakura"


def test_a_name_closing_a_quote_after_a_comma_is_called_and_answers_among_three():
    # `"Goodnight, Walter."`: before, a final full stop hid the vocative, and turn-taking gave
    # the reply to Colm, who spoke the turn before Farida.
    text = (
        "Farida checked the drip, the oxygen and the chart at the end of the bed, and Colm "
        "leaned in the doorway with his arms folded, watching the pair of them.\n\n"
        '"I\'m too old to sleep," Walter said.\n\n"He says that every night," Colm said.\n\n'
        '"They need me on bed four," Farida said. "Goodnight, Walter."\n\n'
        '"Goodnight, doctor. Come back and tell me how it ends."\n'
    )
    quotes = attributed_with_detected_cast(text)
    assert quotes[-2].addressee == "Walter"
    assert quotes[-1].speaker == "Walter"


def test_the_one_the_next_turn_calls_by_name_spoke_the_turn_it_answers():
    # `"That is mandrake, Dario"` answers Dario: before, the unseen voice's line went to the
    # one the narration named last (Auntie Precious).
    text = (
        "I spent the whole morning in the airing cupboard with the ghost, and I was tired and "
        "dusty when I came down. I wanted tea. I wanted my bed. Dario had promised to bring the "
        "salt on Tuesday, and I had stopped believing him.\n\n"
        "The doorbell rang before I reached the kitchen. I heard Auntie Precious open it, and "
        "then a deep, cheerful voice I knew.\n\n"
        '"Delivery for Dlamini! Two bags of salt and whatever this is."\n\n'
        '"That is mandrake, Dario, and you will hold it the right way up."\n'
    )
    quotes = attributed_with_detected_cast(text)
    assert quotes[0].speaker == "Dario" and quotes[0].rule == "called_next"


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param('"Carl, you always say that."', id="called-at-its-start"),
        # a turn of a few words ending on `Carl` answers Carl as surely (f1d8494)
        pytest.param(
            '"You say that every single week, Carl."', id="a-short-turn-calling-at-its-end"
        ),
    ],
)
def test_the_one_the_next_turn_calls_spoke_the_turn_parity_would_give_away(reply):
    # among three, parity gave `"Anywhere but here."` to Anna (two turns back); the reply
    # calling Carl says it was Carl's
    text = (
        "Anna, Ben and Carl sat on the steps of the station in the rain, and nobody had said a "
        "word for an hour. Carl had his hood up. Ben was counting coins.\n\n"
        '"We should go," Anna said.\n\n"Where?" Ben asked.\n\n"Anywhere but here."\n\n'
        f"{reply}\n"
    )
    quotes = attributed_with_detected_cast(text)
    assert quotes[2].speaker == "Carl" and quotes[2].rule == "called_next"


def test_a_name_called_late_in_the_next_turn_says_nothing_of_the_turn_before():
    # `"..., are not they, Mr. Bennet?"` brings someone in: it does not say who spoke before
    text = (
        "Anna, Ben and Carl sat on the steps of the station in the rain, and nobody had said a "
        "word for an hour. Carl had his hood up. Ben was counting coins.\n\n"
        '"We should go," Anna said.\n\n"Where?" Ben asked.\n\n"Anywhere but here."\n\n'
        '"That is what we said last week and the week before, is it not, Carl?"\n'
    )
    quotes = attributed_with_detected_cast(text)
    assert quotes[2].rule != "called_next"


def test_each_dash_paragraph_is_a_new_turn():
    # a dash line has no closing mark; before, `— Narrow.` and the dash line after it were
    # read as one speech running over two paragraphs, so both went to Ximena
    text = (
        "The reef showed itself an hour before dawn, a long pale line of broken water where "
        "the charts swore there was nothing but open sea. Zeke came up the ladder two rungs "
        "at a time, and Ximena was already at the rail.\n\n"
        "— How narrow? asked Zeke.\n\n— Narrow.\n\n"
        "— Narrow like a street, or narrow like a keyhole?\n\n— Like a keyhole, said Ximena.\n"
    )
    quotes = attributed_with_detected_cast(text)
    assert [q.speaker for q in quotes] == ["Zeke", "Ximena", "Zeke", "Ximena"]


def test_a_lower_case_pronoun_acting_after_a_comma_is_the_quotes_beat():
    # `"Don't start," he shrugged.`: before, only `He shrugged.` after a full stop counted,
    # and the line went to Anna, whom the narration just before was about
    text = (
        "Anna was waiting at the kitchen table when Ben came in, long after midnight, with his "
        "boots in his hand.\n\n"
        '"Where were you?" Anna asked.\n\n"Out," Ben said.\n\nAnna only looked at him.\n\n'
        '"Don\'t start," he shrugged.\n'
    )
    quotes = attributed_with_detected_cast(text)
    assert quotes[-1].speaker == "Ben"


def test_a_line_saying_im_ted_is_teds_and_anchors_the_turns_around_it():
    # `A man with a moustache ... he said` names no one until he introduces himself; then his
    # lines before and after are his, and the ones between are Maya's.
    text = (
        "Maya pushed the door of the boot room open. A man with a moustache was sitting on an "
        "upturned crate, holding a pair of football boots like they were a newborn.\n\n"
        '"Well, hey there," he said. "You must be the new kit assistant."\n\n'
        '"That\'s me," Maya said.\n\n'
        '"Welcome aboard. I\'m Ted."\n\n'
        '"I know who you are, Coach."\n\n'
        '"Well, that\'s flattering and a little spooky."\n\n'
        "Ted handed her the boots.\n"
    )
    quotes = attributed_with_detected_cast(text)
    assert [q.speaker for q in quotes] == ["Ted", "Ted", "Maya", "Ted", "Maya", "Ted"]
    assert quotes[3].rule == "self_named"


def test_a_possessive_after_im_introduces_no_one():
    text = (
        "Maya found the stranger by the gate.\n\n"
        '"I\'m Ted\'s sister," the stranger said. "He sent me."\n\n'
        '"Ted never mentioned a sister," Maya said.\n'
    )
    quotes = attributed_with_detected_cast(text)
    assert all(q.rule != "self_named" for q in quotes)


def test_the_partner_with_no_anchor_is_the_one_who_spoke_two_turns_back():
    # before, `"Resting my eyes."` went to Grisha, the one the tag's clause named last, though
    # he never spoke: it answers Sigrún, who answered Emeka
    text = (
        "Emeka came skidding through the arch, out of breath, with his helmet under his arm.\n\n"
        "\u201cSorry! Sorry, Wingleader. I was\u2014\u201d\n\n"
        "\u201cAsleep,\u201d said Sigr\u00fan, with a glance at Grisha, who was mucking out the "
        "first stall.\n\n"
        "\u201cResting my eyes.\u201d\n"
    )
    people = {"Emeka": "male", "Sigr\u00fan": "female", "Grisha": "male"}
    assert speakers(text, people=people) == ["Emeka", "Sigr\u00fan", "Emeka"]


def test_a_guessed_opening_line_is_not_the_one_who_answers_it():
    # nothing names anyone before the first line, so the guess took the first name after it,
    # Bakugou, whose beat gives him the answer
    text = (
        "The kitchen smelled like burnt sugar.\n\n"
        "\u201cOkay, so, in my defence\u2014\u201d\n\n"
        "\u201cYou don\u2019t have a defence.\u201d Bakugou was holding the smoking pan at arm\u2019s "
        "length. Kirishima winced.\n"
    )
    people = {"Bakugou": "male", "Kirishima": "male"}
    assert speakers(text, people=people) == ["Kirishima", "Bakugou"]


def test_a_last_resort_line_goes_to_the_one_who_spoke_the_turn_before_the_last():
    # no rule decides the third line (the visitor is named only after the exchange), and the
    # last resort used to give it to the narrator, who had just spoken
    text = (
        "The bell rang an hour after closing. I looked up from the till, and there he was "
        "again, tall and pale, dripping on the mat.\n\n"
        "\u201cGood evening.\u201d\n\n"
        "\u201cWe have a slot for returns,\u201d I said. \u201cOutside.\u201d\n\n"
        "\u201cI prefer to return things in person.\u201d\n\n"
        "I took the book from him. Anselm Dragomir, the card said, in a hand like a "
        "spider\u2019s. Anselm Dragomir had borrowed it every week since March.\n"
    )
    quotes = attributed_with_detected_cast(text)
    assert [q.speaker for q in quotes][-1] == "Anselm Dragomir"
    assert quotes[1].speaker != "Anselm Dragomir"
