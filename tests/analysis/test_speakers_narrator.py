"""Narrators as speakers: first-person `I said` lines and turns, the narrator's name when the
text or the work's tags give it, and the Reader of second-person reader-inserts. Whole
pipeline (quotes, cast, speakers) on hand-written passages."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import attribute_speakers

FIRST_PERSON = (
    "I woke before the alarm and lay there for a while, listening to the rain on my window. "
    "My head hurt. I had slept badly again, and I knew my shift would be long.\n\n"
    "Marcus was already in the kitchen when I came down. He had made coffee for both of us, "
    "which he never did.\n\n"
)
SECOND_PERSON = (
    "You wake before the alarm and lie there for a while, listening to the rain on your "
    "window. Your head hurts. You slept badly again, and you know your shift will be long.\n\n"
    "Marcus is already in the kitchen when you come down. He has made coffee for both of you, "
    "which he never does.\n\n"
)
CONVERSATION = (
    '"You look terrible," Marcus said.\n\n"Thanks," I said. "I feel terrible."\n\n'
    '"Bad night?"\n\n"The worst."\n\nMarcus laughed and handed me a mug.\n'
)


def analyse_quotes(
    text: str,
    characters: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    relationships: tuple[str, ...] = (),
):
    """The attributed quotes and the cast of `text`, with the work's own tags."""
    document = read_text(text)
    document.metadata.characters = list(characters)
    document.metadata.additional_tags = list(tags)
    document.metadata.relationships = list(relationships)
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    attribute_speakers(document, quotes, cast)
    return quotes, cast


def analyse(text: str, characters: tuple[str, ...] = (), tags: tuple[str, ...] = ()):
    quotes, cast = analyse_quotes(text, characters, tags)
    return [q.speaker for q in quotes], cast


def test_an_unnamed_first_person_narrator_speaks_the_i_said_lines_and_takes_turns():
    speakers, cast = analyse(FIRST_PERSON + CONVERSATION)
    assert speakers == ["Marcus", "Narrator", "Narrator", "Marcus", "Narrator"]
    assert cast.narrator.name == "Narrator" and cast.narrator in cast.characters


def test_my_name_is_names_the_narrator():
    text = "My name is Ellie Hart, and I have never liked Mondays. " + FIRST_PERSON
    speakers, cast = analyse(text + '"You look terrible," Marcus said.\n\n"Thanks," I said.\n')
    assert speakers == ["Marcus", "Ellie Hart"]
    assert cast.narrator.name == "Ellie Hart"


def test_the_one_addressed_by_name_and_never_named_in_the_narration_is_the_narrator():
    text = FIRST_PERSON + (
        '"You look terrible, Ellie," Marcus said.\n\n"Thanks," I said.\n\n'
        'Marcus shrugged and sat down.\n\n"Drink your coffee."\n\n"Fine."\n'
    )
    speakers, cast = analyse(text)
    assert cast.narrator.name == "Ellie"
    assert speakers == ["Marcus", "Ellie", "Marcus", "Ellie"]


def test_the_works_original_character_tag_names_the_narrator():
    speakers, cast = analyse(
        FIRST_PERSON + CONVERSATION, characters=("Original Female Character(s)", "Marcus")
    )
    assert cast.narrator.name == "Original Female Character"
    assert cast.narrator.gender == "female"
    assert speakers[1] == "Original Female Character"


def test_a_second_person_story_is_told_by_the_reader():
    text = SECOND_PERSON + (
        '"You look terrible," Marcus says.\n\n"Thanks," you say. "I feel terrible."\n\n'
        '"Bad night?"\n\n"The worst."\n'
    )
    speakers, cast = analyse(text)
    assert cast.narrator.name == "Reader"
    assert speakers == ["Marcus", "Reader", "Reader", "Marcus", "Reader"]


def test_a_y_n_reader_insert_says_you_said_lines():
    text = SECOND_PERSON.replace("You wake", "(Y/N) wakes", 1) + (
        '"You look terrible, Y/N," Marcus says.\n\n'
        "Marcus drinks his coffee standing by the window and watches the rain for a long time "
        "without a word.\n\nMarcus sighs. "
        '"Thanks for the coffee," you say.\n'
    )
    speakers, _ = analyse(text)
    assert speakers == ["Marcus", "Reader"]


def test_a_first_person_story_tagged_reader_is_told_by_the_reader():
    speakers, cast = analyse(FIRST_PERSON + CONVERSATION, characters=("Reader", "Marcus"))
    assert cast.narrator.name == "Reader"
    assert speakers[1] == "Reader"


def test_a_third_person_story_gets_no_narrator():
    text = (
        "Anna woke before the alarm and lay there, listening to the rain. Her head hurt. She "
        "had slept badly again.\n\nMarcus was already in the kitchen when she came down.\n\n"
        '"You look terrible," Marcus said.\n\n"Thanks," Anna said.\n'
    )
    speakers, cast = analyse(text)
    assert cast.narrator is None
    assert speakers == ["Marcus", "Anna"]


# --- names others call the narrator (issue 14, tests/data/fic_dialogue) -------------------
ROAD = (
    "We saw the roadblock from two miles off. I was tired and my back hurt, and I had not "
    "slept since the border. My hands shook when I held the map, so I put it away and kept "
    "my eyes on the road. Mateus drove with both hands on the wheel, and I let him.\n\n"
)


def test_a_rare_name_others_call_the_narrator_twice_names_the_narrator():
    text = ROAD + (
        "'Oyin,' Mateus said quietly. 'Glovebox.'\n\n"
        "I opened it. The pistol was there.\n\n"
        "'Is it loaded?' I asked.\n\n"
        "'Close it again, Oyin. We are only looking.'\n\n"
        "'Fine,' I said.\n"
    )
    speakers, cast = analyse(text)
    assert cast.narrator.name == "Oyin"
    assert speakers[2] == "Oyin" and speakers[-1] == "Oyin"


def test_a_role_others_call_the_narrator_is_not_the_narrators_name():
    text = ROAD + (
        '"Navigator," the captain said. "You told me this passage was clear."\n\n'
        '"The chart told me so," I said.\n\n'
        '"Then burn the chart, Navigator."\n\n'
        '"With pleasure," I said.\n'
    )
    speakers, cast = analyse(text)
    assert cast.narrator.name == "Narrator"
    assert speakers[2] == "Narrator" and speakers[-1] == "Narrator"


def test_a_story_an_i_tells_to_you_is_first_person_not_a_reader_insert():
    text = (
        "You were standing by the window when I came in, the way you always stood, one hand on "
        "the frame as if you were holding the house up. I remember your shirt was blue. I "
        "remember thinking you looked tired, and that I should have noticed sooner. You "
        "never said so. You never did.\n\n"
        '"You\'re late," you said, without turning round.\n\n'
        '"The train," I said. "Signal failure at Crewe."\n\n'
        "I sat. You poured the tea, and I watched your hands, and I did not say any of the "
        "things I had practised on the train.\n\n"
        '"Your mother called," you said.\n\n"What did she want?" I asked.\n'
    )
    speakers, cast = analyse(text)
    assert cast.narration == "first"
    assert cast.narrator.name == "Narrator"
    assert speakers[1] == speakers[2] == speakers[4] == "Narrator"


I_TO_YOU = (
    "You were standing by the window when I came in, the way you always stood, one hand on "
    "the frame as if you were holding the house up. I remember your shirt was blue. I "
    "remember thinking you looked tired, and that I should have noticed sooner. You "
    "never said so. You never did.\n\n"
    '"You\'re late," you said, without turning round.\n\n'
    '"The train," I said. "Signal failure at Crewe."\n\n'
    "I sat. You poured the tea, and I watched your hands, and I did not say any of the "
    "things I had practised on the train.\n\n"
    '"Your mother called," you said.\n\n"What did she want?" I asked.\n'
)


READER_STORY_TAGS, READER_PAIRING = ("Bucky Barnes", "Reader"), ("Bucky Barnes/Reader",)


def test_a_reader_story_an_i_tells_to_you_is_told_by_the_readers_partner():
    quotes, cast = analyse_quotes(I_TO_YOU, READER_STORY_TAGS, relationships=READER_PAIRING)
    assert cast.narrator.name == "Bucky Barnes"
    assert [q.speaker for q in quotes][1:3] == ["Bucky Barnes", "Bucky Barnes"]
    assert cast.get("Reader") is not None and cast.narrator is not cast.get("Reader")


def test_a_name_in_any_latin_script_names_the_narrator():
    text = "My name is Łucja Nowak, and I have never liked Mondays. " + FIRST_PERSON
    speakers, cast = analyse(text + '"You look terrible," Marcus said.\n\n"Thanks," I said.\n')
    assert cast.narrator.name == "Łucja Nowak"
    assert speakers == ["Marcus", "Łucja Nowak"]


def test_a_short_first_person_scene_with_an_i_speech_tag_has_its_narrator():
    # Three "I"s in ninety narration words, under the eight a longer story must show, but
    # only the one telling the story says `I say` outside quotation marks.
    scene = (
        "The rain hasn't stopped in three days. I'm counting tins when Okoro kicks the door "
        'open.\n\n"The bridge is out," she says.\n\n"Then we go around." Teller doesn\'t look '
        "up from his map. He's been staring at it since dawn.\n\n"
        '"Around is forty miles."\n\nI set the tins down. "How many of us can walk that?"\n\n'
        '"Four," Teller says eventually. "Five if Marsh stops complaining about his ankle."\n\n'
        '"Marsh broke his ankle," I say.\n\n"Then four."\n'
    )
    speakers, cast = analyse(scene)
    assert cast.narrator is not None and cast.narrator.name == "Narrator"
    assert speakers[3] == speakers[6] == "Narrator" and speakers[4] == "Teller"


def test_an_i_in_a_third_person_story_quoting_a_letter_makes_no_narrator():
    scene = (
        'Okoro read the letter aloud. "I said I would come home," it began. She folded it and '
        "looked at Teller, who looked at the floor. Neither of them said anything for a long "
        'time.\n\n"He always says that," Teller said at last.\n'
    )
    _, cast = analyse(scene)
    assert cast.narrator is None


def test_after_the_narrator_shows_in_the_narration_the_narrator_answers_not_an_older_speaker():
    # Three in the room; Crux spoke two turns back, Harrow just now, and `I looked down` comes
    # between: the untagged answer is the narrator's, not Crux's again.
    text = (
        "I had walked nine miles in the snow and I wanted nothing but the stove. I kicked the "
        "door open and stamped my feet on the mat, and I told myself I would not lose my "
        "temper. Crux was already inside, wheezing over the kettle, and Harrow stood by the "
        "window with her arms folded.\n\n"
        '"The creature is not to be spoken to without cause," Crux wheezed.\n\n'
        '"The creature is standing right here."\n\n'
        '"It has tracked mud across my floor," said Harrow.\n\n'
        "I looked down at my boots.\n\n"
        '"It\'s a floor. Floors get mud on them."\n'
    )
    speakers, cast = analyse(text)
    narrator = cast.narrator.name
    assert speakers == ["Crux", narrator, "Harrow", narrator]


def test_an_i_opening_three_narration_sentences_tells_a_scene_with_no_i_tags():
    # five `I`s and eight `he`s, no `I said`: the I acts, sentence after sentence
    text = (
        "The message on my terminal was from Garrus, and it was short even by his standards.\n\n"
        "I found the whiskey. It was very bad. I brought two glasses anyway.\n\n"
        "He was doing calibrations when I came in, his talons moving over the console in "
        "that quick way he had. The engines hummed around us, as they always did.\n\n"
        '"You came," he said.\n\n"You summoned me."\n\n"I was going for mysterious."\n\n'
        "I poured. He took the glass and held it under his nose, and he made a face.\n\n"
        '"That\'s terrible."\n'
    )
    speakers, cast = analyse(text)
    assert cast.narration == "first"
    assert speakers[1] == "Narrator"
