"""Action beats in novels that name someone other than the speaker (sixth session): a beat
whose subject hears the voice, a pronoun beat answering the name the line before called, a
beat about the one the quote calls, a subject inside a subordinate clause, a beat telling
someone's answer, and a beat after the quote telling that its subject kept silent. Whole
pipeline on hand-written passages; each gave the quote to the beat's subject before."""

from tests.analysis.test_speakers_narrator import analyse_quotes


def speakers(text: str) -> list[tuple[str | None, str]]:
    quotes, _ = analyse_quotes(text)
    return [(q.speaker, q.rule) for q in quotes]


def test_a_beat_whose_subject_hears_a_voice_is_the_listeners_not_the_speakers():
    text = (
        "Mara sat in the window seat with her book while the rain came down. Jonas had gone "
        "out to the barn an hour before.\n\n"
        "She had quite forgotten Jonas by then, and was startled when she heard his voice "
        'close behind her. "You\'ll ruin your eyes in this light."\n\n'
        '"I was nearly at the end," Mara said.\n'
    )
    assert [s for s, _ in speakers(text)] == ["Jonas", "Mara"]


def test_a_pronoun_beat_after_a_line_calling_her_by_name_is_the_one_called_answering():
    text = (
        "Doctor Archie came up the stairs with his bag. Thea lay in the narrow bed by the "
        "window, wide awake. Mrs. Kronborg had gone down to the kitchen; she was tired.\n\n"
        '"Feel pretty sick, Thea?" Doctor Archie asked as he took out his thermometer. "Why '
        'didn\'t you call somebody?" She looked at him with greedy affection. "I thought you '
        'were here."\n'
    )
    assert speakers(text)[-1] == ("Thea", "beat")


def test_a_pronoun_beat_about_the_one_the_quote_calls_names_no_speaker():
    text = (
        "Aunt Polly looked Tom over. Sid sat by the stove with his book.\n\n"
        '"He\'s been swimming, Aunt," said Sid.\n\n'
        "\"Tom, you didn't undo your collar to pump on your head, did you? Unbutton your "
        'jacket!" said Aunt Polly. '
        "The trouble vanished out of Tom's face. He opened his jacket. His collar was "
        'securely sewed. "Bother! Well, go along with you. I forgive you, Tom."\n'
    )
    speaker, rule = speakers(text)[-1]
    assert speaker == "Aunt Polly"
    assert rule != "beat"


def test_the_subject_of_a_subordinate_clause_gives_way_to_the_main_clauses():
    text = (
        "Ruth was alone in the shop when the bell rang. Ruth looked up from the till. Paul "
        "came in out of the snow.\n\n"
        '"Morning," Paul said.\n\n'
        'As Paul shook the snow from his coat, she put down her cup. "You\'re early."\n'
    )
    assert speakers(text)[-1] == ("Ruth", "beat")


def test_a_beat_telling_an_answer_is_followed_by_the_one_who_asked():
    text = (
        "Mr. Bennet looked up from his book when Elizabeth came into the library.\n\n"
        '"Come here, child," said Mr. Bennet. "I understand that Mr. Collins has made you an '
        'offer of marriage. Is it true?"\n\n'
        'Elizabeth replied that it was. "Very well. And this offer of marriage you have '
        'refused?"\n'
    )
    assert speakers(text)[-1][0] == "Mr. Bennet"


def test_one_who_only_shakes_his_head_after_a_quote_did_not_speak_it():
    text = (
        "Elizabeth and Wickham sat apart from the others by the fire. Elizabeth listened to "
        "him closely, and she said little.\n\n"
        '"I cannot pretend to be sorry," said Wickham, "that he should not be estimated '
        'beyond his deserts."\n\n'
        '"I should take him, even on my slight acquaintance, to be an ill-tempered man." '
        "Wickham only shook his head.\n"
    )
    assert speakers(text)[-1][0] == "Elizabeth"


def test_one_who_hears_a_noise_still_speaks_the_quote_after_it():
    text = (
        "Mara sat in the window seat with her book while the rain came down. Jonas had gone "
        "out to the barn an hour before.\n\n"
        'Mara heard a noise on the stairs and put the book down. "Who\'s there?"\n'
    )
    assert speakers(text)[-1][0] == "Mara"


def test_a_pronoun_beat_is_not_the_one_its_sentence_names_after_the_pronoun():
    # `She looked at Thea`: she is not Thea, though Thea is the last woman named.
    text = (
        "Mrs. Kronborg came into the bedroom with the lamp. Thea was still in bed. Mrs. "
        "Kronborg set the lamp down.\n\n"
        '"It\'s late," Thea said.\n\n'
        'She looked at Thea sternly. "Get up, then."\n'
    )
    assert speakers(text)[-1][0] == "Mrs. Kronborg"


def test_a_pronoun_beat_after_an_undecided_quote_of_its_paragraph_leaves_the_turn_whole():
    # The beat is not resolved on its own before the conversation decides the paragraph.
    text = (
        "Zuko sat across from Jin, scowling at his cup.\n\n"
        '"You hate it," Jin said.\n\n'
        '"I don\'t hate it," Zuko said.\n\n'
        '"Then drink it," Jin said. Behind them Mushi hummed over the kettle.\n\n'
        'The steam curled up between them. "It\'s hot. For--" He stopped, and something shut '
        'behind his eyes. "For a long time I couldn\'t drink anything hot."\n'
    )
    found = speakers(text)
    assert [s for s, _ in found[-2:]] == ["Zuko", "Zuko"]
    assert found[-1][1] != "beat"
