"""Quote attribution, one sieve rule at a time, on small hand-written passages."""

import re

import pytest

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Character, Mention
from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import attribute_speakers, run_sieve

PEOPLE = {"Naruto": "male", "Gaara": "male", "Sakura": "female", "Emma": "female"}


def hand_cast(text: str, narrator: str | None = None, people: dict[str, str] = PEOPLE) -> Cast:
    """The cast of `people` (name -> gender), with every mention of their names in `text`."""
    names = "|".join(people)
    mentions = [
        Mention(m.start(), m.end(), m.group()) for m in re.finditer(rf"\b({names})\b", text)
    ]
    cast = Cast([Character(name, gender=gender) for name, gender in people.items()], mentions)
    if narrator:
        cast.narrator = cast.get(narrator)
    return cast


def attribute(text: str, narrator: str | None = None, people: dict[str, str] = PEOPLE):
    document = read_text(text)
    quotes = find_quotes(document)
    attribute_speakers(document, quotes, hand_cast(document.text, narrator, people))
    return quotes


def speakers(
    text: str, narrator: str | None = None, people: dict[str, str] = PEOPLE
) -> list[str | None]:
    return [q.speaker for q in attribute(text, narrator, people)]


def rules(text: str) -> list[str]:
    return [q.rule for q in attribute(text)]


@pytest.mark.parametrize(
    ("text", "speaker", "rule"),
    [
        ('"Go away," said Naruto.\n', "Naruto", "explicit"),
        ('"Go away," Gaara replied.\n', "Gaara", "explicit"),
        ('"Go away," Gaara replied softly.\n', "Gaara", "explicit"),
        ('"Go away?" Naruto asked him leaning on his shoulder.\n', "Naruto", "explicit"),
        ('"Oh" was all Naruto said.\n', "Naruto", "explicit"),
        ('Sakura said, "Go away."\n', "Sakura", "explicit"),
        ('Naruto looked at Gaara. "Go away," said Sakura.\n', "Sakura", "explicit"),
        # A speech verb running into the quote without a comma is its tag.
        (
            'Emma came in. When the race was over, Naruto suddenly called out "We have won!"\n',
            "Naruto",
            "explicit",
        ),
        (
            'Emma came in. Naruto handed her the cup, saying "Keep it, it is yours."\n',
            "Naruto",
            "explicit",
        ),
        ('Naruto sat down.\n\n"Gaara?" came Naruto\'s voice again.\n', "Naruto", "voice"),
        # Pronoun tags follow gender and salience.
        ('Sakura walked in. Naruto waved.\n\n"Hello," she said.\n', "Sakura", "pronoun"),
        ('Sakura walked in. Naruto waved.\n\n"Hello," he said.\n', "Naruto", "pronoun"),
        # The latest sentence naming a man is about Naruto looking at Gaara: its subject speaks.
        (
            'Gaara sat. Naruto looked at Gaara for a while.\n\n"Why?" he asked.\n',
            "Naruto",
            "pronoun",
        ),
        ('Naruto came in.\n\nGaara shrugged. "Because I can."\n', "Gaara", "beat"),
    ],
)
def test_a_lone_quote_goes_to_its_speaker_by_its_rule(text, speaker, rule):
    assert speakers(text) == [speaker]
    assert rules(text) == [rule]


def test_tag_between_two_parts_of_a_quote():
    text = '"Wait," said Sakura, "I am coming too."\n'
    assert speakers(text) == ["Sakura", "Sakura"]


def test_pronoun_never_resolves_to_the_addressee():
    text = 'Naruto and Gaara sat on the roof.\n\n"But...Gaara?" he asked.\n'
    (quote,) = attribute(text)
    assert quote.addressee == "Gaara"
    assert quote.speaker == "Naruto"


def test_pronoun_after_the_other_man_acts():
    text = (
        'Naruto sat next to Gaara.\n\n"Why?" Naruto asked.\n\n'
        'Gaara looked away. "Because," he replied.\n'
    )
    assert speakers(text) == ["Naruto", "Gaara"]


def test_vocative_sets_addressee():
    (quote,) = attribute('"Emma, come here," said Sakura.\n')
    assert quote.addressee == "Emma"
    assert quote.speaker == "Sakura"


def test_first_person_narrator():
    text = 'Gaara looked at me.\n\n"Fine," I said.\n'
    assert speakers(text, narrator="Naruto") == ["Naruto"]
    assert speakers(text) == [None]


def test_other_quotes_of_a_paragraph_share_its_speaker():
    text = '"Yes," said Emma. "I will."\n'
    assert speakers(text) == ["Emma", "Emma"]


def test_turn_taking_alternates_untagged_lines():
    text = (
        '"Where were you?" said Emma.\n\n"Out," said Sakura.\n\n"Out where?"\n\n'
        '"Nowhere."\n\n"Tell me."\n'
    )
    assert speakers(text) == ["Emma", "Sakura", "Emma", "Sakura", "Emma"]
    assert set(rules(text)[2:]) <= {"turn_taking", "turn_partner"}


def test_turn_taking_answers_the_addressee():
    text = 'Emma and Sakura and Naruto sat there.\n\n"What do you think, Naruto?" said Emma.\n\n"Nothing."\n'
    assert speakers(text)[1] == "Naruto"


def test_the_addressee_answers_when_the_name_is_in_an_earlier_part_of_the_turn():
    # The name stands in the first part of the turn, before its tag: the sieve gives the next
    # turn to Gaara, not to Naruto (whom turn parity would pick).
    text = (
        '"Where were you?" said Naruto.\n\n'
        '"Another time, Gaara," said Emma, "I would not go there alone."\n\n'
        '"I will go where I like."\n'
    )
    document = read_text(text)
    quotes = find_quotes(document)
    run_sieve(document, quotes, hand_cast(document.text))  # the rules, before the ranking
    assert [(q.speaker, q.rule) for q in quotes][3] == ("Gaara", "addressee")


def test_multi_paragraph_speech_keeps_its_speaker():
    text = '"This is a long story," said Emma, "and it begins here.\n\n"It goes on here.\n\n"And ends here."\n'
    assert speakers(text) == ["Emma", "Emma", "Emma", "Emma"]


def test_remembered_speech_by_unnamed_people_is_unknown():
    text = (
        '"As though anyone like you could match him."\n\n'
        "Naruto ran faster, remembering their words. He did not look back at"
        " the training ground or at the boys laughing there.\n\n"
        '"Delusional."\n\nNaruto flinched, remembering how they had laughed.\n'
    )
    assert speakers(text) == [None, None]
    assert rules(text) == ["unknown", "unknown"]


def test_short_action_paragraph_before_a_quote_is_a_beat():
    text = 'Gaara sat down.\n\nNaruto smiled.\n\n"Pretty well, thank you."\n'
    assert speakers(text) == ["Naruto"]


def test_reaction_after_quote_yields_to_beat_before_it():
    text = '"Why?" Naruto asked. Gaara shook his head. "I was born a killer" Naruto snorted.\n'
    assert speakers(text) == ["Naruto", "Gaara"]


def test_listener_named_in_the_tag_is_not_the_speaker():
    text = 'Gaara stood up. Naruto paused. "I will bind you," he said, looking at Naruto.\n'
    assert speakers(text) == ["Gaara"]


def test_line_break_inside_a_block_does_not_start_a_turn():
    text = (
        "It rained.\n\nThe shop was empty.\n\nA bell rang.\n\n"
        'Emma came in.\n\n"Hi," said Sakura.\n\n"Hello," said Emma, out of breath.\n'
        '"I ran all the way."\n\n"Why?"\n'
    )
    assert speakers(text) == ["Sakura", "Emma", "Emma", "Sakura"]


def test_he_is_never_the_first_person_narrator():
    text = 'Naruto looked at Gaara.\n\n"Come," I said.\n\n"No," he answered.\n'
    assert speakers(text, narrator="Naruto") == ["Naruto", "Gaara"]


def test_confidence_is_in_unit_interval():
    for quote in attribute('"Hi," said Emma.\n\n"Hello."\n\n"Bye."\n'):
        assert 0.0 <= quote.confidence <= 1.0


def test_no_quotes_no_cast():
    document = read_text("Just narration.\n")
    attribute_speakers(document, [], Cast())


def test_single_quote_dialogue_is_attributed():
    text = "‘Where are you going?’ said Emma.\n\n‘Out,’ Sakura replied. ‘Don't wait.’\n"
    assert speakers(text) == ["Emma", "Sakura", "Sakura"]


def test_em_dash_dialogue_is_attributed():
    text = "—Where are you going? —asked Emma—. Stay here.\n\n—Home —said Naruto.\n"
    assert speakers(text) == ["Emma", "Emma", "Naruto"]


def test_work_without_known_characters_gives_no_names():
    document = read_text('"Hello," he said.\n\n"Hi," she answered.\n\n"Bye."\n')
    quotes = find_quotes(document)
    attribute_speakers(document, quotes, Cast())
    assert [q.speaker for q in quotes] == [None, None, None]
    assert all(q.rule != "none" for q in quotes)


def test_second_person_narration_keeps_you_out_of_tags():
    text = 'Emma looks at you.\n\n"Are you coming?" she asks.\n\n"Yes," you say.\n'
    assert speakers(text)[0] == "Emma"


def test_a_quote_no_rule_decides_goes_to_the_character_named_last():
    text = (
        "Emma watched the rain for a long while, and the house was very quiet around her.\n\n"
        "The clock struck four somewhere below, slow and heavy in the empty hall.\n\n"
        '"It will never stop."\n\nThe rain went on.\n'
    )
    assert speakers(text) == ["Emma"]
    assert rules(text) == ["nearest_mention"]


def test_a_quote_before_anyone_is_named_goes_to_the_first_named_after_it():
    text = (
        '"Is anyone there?"\n\n'
        "The hall stayed dark for a long time after that, and nothing moved in it at all.\n\n"
        "At last Emma lit a candle and went down the stairs alone.\n"
    )
    assert speakers(text) == ["Emma"]
    assert rules(text) == ["guess"]


def test_a_pronoun_tag_no_one_of_its_gender_answers_still_gets_a_speaker_of_that_gender():
    text = 'Naruto waited by the door in the dark.\n\n"Who is it?" she whispered.\n'
    assert speakers(text)[0] in ("Sakura", "Emma")
    assert rules(text) == ["guess"]


def test_first_person_line_without_a_known_narrator_is_not_guessed():
    text = 'Gaara left the room.\n\nThe door shut.\n\n"Fine," I said.\n'
    assert speakers(text) == [None]


def test_a_description_is_a_speaker_of_its_gender_and_the_other_is_left_to_the_turns():
    # `the girl` after Naruto's turn: the scene's latest woman to speak (see
    # test_speakers_turns); `the other` says no gender and is left to the conversation.
    text = (
        '"Where were you?" said Emma.\n\n"Out," said Naruto.\n\n"Out where?" said the girl.\n\n'
        '"Nowhere," said the other.\n'
    )
    assert speakers(text) == ["Emma", "Naruto", "Emma", "Naruto"]
    assert rules(text)[2] == "descriptor"
    assert rules(text)[3] in ("turn_taking", "turn_partner")


def test_a_stretch_of_narration_ends_the_conversation():
    text = (
        '"Where were you?" said Emma.\n\n"Out," said Naruto.\n\n'
        "The afternoon went by slowly, and at last Sakura came in from the rain.\n\n"
        '"Tell me everything."\n'
    )
    assert speakers(text)[2] == "Sakura"


def test_a_short_beat_paragraph_keeps_the_conversation_going():
    text = (
        '"Where were you?" said Emma.\n\n"Out," said Naruto.\n\nSakura smiled.\n\n'
        '"Out where?"\n\n"Nowhere."\n'
    )
    assert speakers(text)[2] == "Emma"
    assert rules(text)[2] in ("turn_taking", "turn_partner")


def test_the_one_the_narration_names_answers_before_anyone_who_speaks_later():
    text = (
        "Naruto came in from the barn and sat down by the stove.\n\n"
        '"You must eat," said Emma. Sakura pushed the plate away.\n\n'
        '"I can\'t."\n\n'
        '"Then give it to me," said Naruto.\n'
    )
    assert speakers(text)[1] == "Sakura"


def test_anchors_on_both_sides_outvote_a_wrong_guess_in_between():
    text = (
        '"Where were you?" said Naruto.\n\n'
        '"Out," said Gaara.\n\n'
        '"Out where?"\n\n'
        '"Nowhere."\n\n'
        '"That is not an answer," said Naruto.\n\n'
        '"It is the only one," said Gaara.\n'
    )
    assert speakers(text) == ["Naruto", "Gaara", "Naruto", "Gaara", "Naruto", "Gaara"]
    assert rules(text)[2:4] == ["turn_taking", "turn_taking"]


def test_the_one_a_lone_quote_addresses_is_not_its_speaker():
    text = (
        "Naruto waited by the gate for a long time.\n\n"
        "Gaara slowly sat down on the bench beside the gate.\n\n"
        '"I came to help, Gaara; that is all."\n\n'
        "The wind rose over the empty village and the night came on.\n"
    )
    quote = attribute(text)[0]
    assert quote.addressee == "Gaara"
    assert quote.speaker == "Naruto"


def test_the_subject_right_before_a_tag_verb_speaks_not_the_sentence_opener():
    text = (
        "Naruto stayed in his room all day.\n\n"
        'When Sakura and Emma knocked at his door, he said, "Not now."\n'
    )
    quote = attribute(text)[0]
    assert (quote.speaker, quote.rule) == ("Naruto", "pronoun")


def test_a_pronoun_tag_in_a_conversation_is_the_one_the_previous_turn_addressed():
    text = (
        '"It shows an affection for her," said Naruto.\n\n'
        '"I am afraid, Gaara," observed Sakura, "that it has rather affected you."\n\n'
        '"Not at all," he replied.\n'
    )
    assert speakers(text) == ["Naruto", "Sakura", "Sakura", "Gaara"]


def test_a_pronoun_tag_in_a_conversation_is_its_only_speaker_of_that_gender():
    text = (
        '"Do you dance?" said Gaara.\n\n"Not often," said Sakura.\n\n'
        '"Will you tonight?" Gaara asked, looking at Emma across the room.\n\n'
        '"Perhaps," she replied.\n'
    )
    assert speakers(text)[-1] == "Sakura"


def test_someone_named_since_the_last_turn_keeps_the_pronoun():
    text = (
        '"Do you dance?" said Gaara.\n\n"Not often," said Sakura.\n\n'
        "Naruto came up to them with great exultation.\n\n"
        '"I have found out," said he, "a most important thing."\n'
    )
    assert speakers(text)[-1] == "Naruto"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'Naruto looked at the fox.\n\n"Wake up," said Naruto.\n\n'
            'Kurama slowly opened one eye. "I was not asleep," he said.\n',
            id="after-a-beat-in-the-quote-paragraph",
        ),
        pytest.param(
            'Naruto looked at the fox.\n\n"Wake up," said Naruto.\n\n'
            'Kurama slowly opened one eye.\n\n"I was not asleep," he said.\n',
            id="after-a-narration-paragraph",
        ),
    ],
)
def test_pronoun_tag_after_a_character_of_unknown_gender(text):
    # The cast knows no gender for Kurama: the sentence before the quote, in its paragraph or
    # the paragraph before, is still the pronoun's antecedent, not the conversation's only
    # known man.
    people = {"Naruto": "male", "Kurama": "unknown"}
    assert speakers(text, people=people) == ["Naruto", "Kurama"]


def test_subject_of_a_speech_verb_after_an_auxiliary():
    # `as he had said,`: the subject before the auxiliary, not the sentence's first name.
    text = (
        "Naruto came in.\n\nSakura smiled and chatted, but it was impossible for him not to "
        "say again what he had said,\n\n"
        '"Poor Emma!"\n'
    )
    assert speakers(text) == ["Naruto"]


def test_a_name_after_when_is_the_subject_of_its_clause():
    # `They were writing, when Gaara interrupted`: Gaara is the latest man acting, though the
    # sentence opens with `They`.
    text = (
        '"Sit down," said Naruto.\n\nSakura nodded.\n\n'
        'They were just beginning to write, when Gaara interrupted: "Wait," he said.\n'
    )
    assert speakers(text) == ["Naruto", "Gaara"]


def test_a_beat_sentence_with_no_one_in_it_leaves_the_beat_to_the_sentence_before():
    # Turn-taking alone would give the last line to Gaara; `His hands were trembling.` names
    # no one, so the sentence before it says who acts before the quote.
    text = (
        '"Where were you?" asked Sakura.\n\n'
        '"Out," said Gaara.\n\n'
        '"Out where?" asked Sakura.\n\n'
        'Naruto put the flask down. His hands were trembling. "I saw him at the gate."\n'
    )
    assert speakers(text)[-1] == "Naruto"


def test_only_two_sentences_back_count_for_a_beat():
    text = (
        '"Where were you?" asked Sakura.\n\n'
        '"Out," said Gaara.\n\n'
        '"Out where?" asked Sakura.\n\n'
        "Naruto put the flask down. The rain went on. The fire hissed. "
        '"I saw him at the gate."\n'
    )
    assert speakers(text)[-1] == "Gaara"


def test_a_verb_running_into_the_quote_is_its_tag_before_a_verb_after_it():
    # `put` after the quote (`put in` is a tag) took the line from the one who cried out
    text = (
        "The court was full. Alice looked round at the jury.\n\n"
        "\u201cStupid things!\u201d Alice began, but she stopped hastily, for Pemberton cried out, "
        "\u201cSilence in the court!\u201d and Lord Ashby put on his spectacles and looked round.\n"
    )
    people = {"Alice": "female", "Pemberton": "male", "Lord Ashby": "male"}
    assert speakers(text, people=people) == ["Alice", "Pemberton"]


def test_a_pronoun_tag_read_again_as_the_next_quote_s_beat_keeps_its_speaker():
    # `he said` gave the first quote to the Dormouse (the sentence before is about it); read
    # again as the beat of the second quote, the pronoun went to the man named before
    text = (
        '"Wake up, Dormouse!" said Pemberton, and he pinched it on both sides at once.\n\n'
        'The Dormouse slowly opened its eyes. "I wasn\'t asleep," he said in a hoarse, feeble '
        'voice. "I heard every word you fellows were saying."\n'
    )
    people = {"Pemberton": "male", "Dormouse": "unknown"}
    assert speakers(text, people=people) == ["Pemberton", "Dormouse", "Dormouse"]


def test_a_pronoun_beat_after_but_or_then_names_the_speaker():
    # `"..." But she leaned into him.`: the opener hid the beat, and turn-taking gave the
    # line to the son who had spoken two turns before.
    text = (
        "Mrs. Weasley met them at the door, flour on her hands.\n\n"
        '"Harry, dear!" She pulled him into a hug. "Ron, take his trunk up."\n\n'
        '"Mum," Ron groaned. "He\'s been here two minutes."\n\n'
        'Mr. Weasley appeared behind her, beaming. "Let the boy breathe."\n\n'
        "\"I'll let him breathe when he's eaten something.\" But she leaned into him."
    )
    assert analyze_text(text).quotes[-1].speaker == "Mrs. Weasley"
