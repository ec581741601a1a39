"""Whom a pronoun tag continues when the sentence right before names no one of its gender: a
description (`The old woman set her cup down.`) is that description's person, and a name read
back past sentences about `she` is that name, not someone named further back (hand-written
passages)."""

from tests.analysis.test_speakers_turns import attributed_with_detected_cast


def speakers_of(text: str) -> list[str | None]:
    return [quote.speaker for quote in attributed_with_detected_cast(text)]


def test_she_after_a_described_woman_is_that_woman_not_the_last_one_named():
    text = (
        "Irene Voss, eighty that winter, sat by the stove with her granddaughter Margit.\n\n"
        '"You should have written," Irene said.\n\n'
        '"I did write," Margit said. "Twice."\n\n'
        "The old woman set her cup down on the hearth and looked at the fire for a long "
        "while. Outside, the wind was rising over the fields.\n\n"
        '"Then the letters never came," she said.\n'
    )
    assert speakers_of(text)[-1] == "Irene Voss"


def test_he_after_a_described_man_is_that_man_not_the_last_one_named():
    text = (
        "Aurelio had worked the ferry for fifty years; young Tomas held the lantern for him "
        "while he counted the crates.\n\n"
        '"Forty," Aurelio said. "We\'re short."\n\n'
        '"Then someone has been stealing," Tomas said.\n\n'
        "The old man spat into the river and pushed his hat back. It was a long time before "
        "anyone moved.\n\n"
        '"Nobody steals from my boat," he said.\n'
    )
    assert speakers_of(text)[-1] == "Aurelio"


def test_a_description_after_a_name_in_its_paragraph_is_left_to_that_name():
    # `The boy` is Bram's epithet here: the pronoun still goes to Bram, not to another speaker.
    text = (
        "Caedmon and Isolde stood at the edge of the river.\n\n"
        '"The ford is gone," Caedmon said.\n\n'
        '"Then we swim," Isolde said.\n\n'
        "Behind them, Bram was leading the mule down the bank. The boy was fifteen and had "
        "been promised adventure.\n\n"
        '"Is there another way across?" he called.\n'
    )
    assert speakers_of(text)[-1] == "Bram"


def test_she_goes_back_past_her_own_sentences_to_the_one_named():
    # Corvina has no gender the cast can tell; `she smiled` continues her sentence before.
    text = (
        "Marguerite poured the tea while Corvina watched the rain.\n\n"
        '"You never write," Marguerite said.\n\n'
        '"I wrote at Easter," Corvina said.\n\n'
        "Marguerite set the pot down hard and folded her arms.\n\n"
        '"One letter," she said.\n\n'
        "Corvina looked out at the garden for a long time. Then, very slowly, she smiled.\n\n"
        '"Then I will write two," she said.\n'
    )
    assert speakers_of(text)[-2:] == ["Marguerite", "Corvina"]


ROOF = (
    "They ended up on the roof, because the Doctor said the view was better from up there. "
    "Rose had a bag of chips in her lap.\n\n"
    '"So this is it, then."\n\n"This is it."\n\n"Doctor?"\n\n"Mm?"\n\n'
    '"Is that the moon?"\n\n"A moon. Technically your moon."\n\n'
    "She laughed, and a chip slipped out of her fingers and drifted off sideways. They both "
    "watched it go.\n\n"
    '"Well," he said. "There goes that one."\n\n'
    "\"D'you think anyone'll find it?\"\n"
)


def test_he_in_a_scene_whose_only_man_the_cast_knows_no_gender_for_is_him():
    # The cast learns no gender for `the Doctor`; Rose is a woman, so `he said` is his.
    speakers = speakers_of(ROOF)
    assert speakers[6:8] == ["The Doctor", "The Doctor"]
    assert speakers[8] == "Rose"


def test_she_read_back_past_a_sentence_continues_the_last_clause_subject():
    # `Emma said nothing; Harriet went on …`: the pronoun after it continues Harriet, the
    # subject of the sentence's last clause, not Emma who opens it.
    text = (
        'Emma and Harriet sat together by the window.\n\n"Is it not a pretty pattern?" '
        'Emma asked.\n\n"Very pretty," Harriet said.\n\n'
        "Emma said nothing more; Harriet went on with her drawing. For a while she did not "
        "look up at all.\n\n"
        '"I shall give it to Mrs. Goddard," she said at last.\n'
    )
    assert speakers_of(text)[-1] == "Harriet"


def test_he_answering_a_turn_that_looked_at_someone_is_that_one():
    # Ron spoke last of the men, but Ginny's question is put to Harry (`against Harry's
    # knee`): the `He` of the reply's beat is Harry.
    text = (
        '"I\'m not wearing orange," Ron said. "I\'ll look like a Cannons mascot."\n\n'
        '"You already own six Cannons scarves," Harry said.\n\n'
        "\"That's different. That's loyalty.\"\n\n"
        '"It\'s the same color, Ronald," Hermione said.\n\n'
        'Ron sat up, looking betrayed. "Whose side are you on?"\n\n'
        '"The side of basic color theory."\n\n'
        "Ginny tipped her head back against Harry's knee to look up at him. \"What about "
        'you, then? What color will you get?"\n\n'
        '"Dunno." He had got green every year. "Green, probably."\n'
    )
    assert speakers_of(text)[-2:] == ["Harry", "Harry"]
