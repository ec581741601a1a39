"""The cast as a reader would list it (issue 14, fourth cast pass): hand-written passages."""

from __future__ import annotations

from fanarchive.analysis.characters.names import given_gender
from tests.analysis.casts import cast_of, names


def test_a_person_named_like_a_place_word_who_speaks_is_a_character():
    text = (
        'House limped into the clinic. "You\'re late," Cuddy said.\n\n'
        '"I\'m always late," said House. He took the file. Cuddy sighed.\n\n'
        '"Lupus?" Cameron asked. "It\'s never lupus," House muttered. Cuddy laughed.\n'
    )
    found = names(cast_of(text))
    assert {"House", "Cuddy"} <= found


def test_a_woman_named_like_a_city_who_speaks_is_a_character():
    text = (
        'Paris slammed her locker shut. "I am not losing to you again," said Paris.\n\n'
        '"Nobody asked you to," Rory said. Paris glared at her. Rory smiled.\n\n'
        '"Debate club. Four o\'clock," Paris snapped, and left.\n'
    )
    cast = cast_of(text)
    assert "Paris" in names(cast)


def test_a_place_that_a_speech_verb_happens_to_follow_stays_a_place():
    text = (
        "The Englishmen in Africa went even further. Clayton was sent to a post in Africa.\n\n"
        '"I will go," said Clayton. "Then I go too," said Alice.\n\n'
        "They sailed from Dover. Clayton watched the sea, and Alice watched Clayton.\n"
    )
    found = names(cast_of(text))
    assert {"Clayton", "Alice"} <= found
    assert "Africa" not in found


def test_a_given_name_before_a_place_word_is_a_person_when_addressed():
    text = (
        "Maria Hill brought the files. Tony looked up.\n\n"
        '"Thanks, Maria Hill," Tony said. Maria Hill dropped them on the table and left.\n\n'
        "Victoria Station was crowded. Tony took the train home.\n"
    )
    found = names(cast_of(text))
    assert "Maria Hill" in found
    assert "Victoria Station" not in found


def test_gestures_with_her_own_body_make_a_woman_of_a_usually_male_name():
    # `Harry` is a man's name; `he arrived` (John) and `took her hand` prove nothing, but
    # `shook her head` and `rolled her eyes` are gestures only Harry herself makes.
    text = (
        "Harry Watson was asleep when he arrived. John sat by the bed and waited.\n\n"
        '"You came," Harry said. John took her hand. Harry shook her head at him.\n\n'
        '"Go home, Johnny." Harry rolled her eyes when he refused. John laughed.\n'
    )
    cast = cast_of(text)
    assert cast.resolve("Harry").gender == "female"
    assert cast.resolve("John").gender == "male"


def test_chapter_titles_name_no_one():
    text = (
        "Chapter 1: Anna Says Goodbye\n\n"
        'Anna Shirley waited by the lake. "You came," she said when Harry arrived.\n\n'
        "Harry shrugged. Anna smiled at him. Anna Shirley never cried.\n\n"
        "Chapter 2: Harry Finds Out\n\n"
        '"I know what you did," Harry said. Anna looked away.\n'
    )
    cast = cast_of(text)
    assert {"Anna Shirley", "Harry"} <= names(cast)
    assert len(cast.characters) == 2  # no `Anna Says`, no `Harry Finds`


def test_a_royal_name_before_a_place_word_is_a_place():
    text = (
        "Mara worked nights at Queen Elizabeth Hospital. Tobias met her at King George Square.\n\n"
        '"You look tired," Tobias said. Mara laughed. "Queen Elizabeth Hospital never sleeps."\n\n'
        "They walked past King George Square again, and Prince Albert, the old dog, followed.\n"
    )
    found = names(cast_of(text))
    assert {"Mara", "Tobias"} <= found
    assert not [n for n in found if n.endswith(("Hospital", "Square"))]


def test_a_surname_that_is_also_a_town_is_a_person_when_it_has_a_mother():
    # Rogers is a town in GeoNames and a frequent English word-form; towns have no mothers.
    text = (
        "Tony had never liked Rogers. He liked Rogers's mother even less, if he was honest.\n\n"
        "The photograph of Rogers's mother still hung in the lab. Tony stared at it, and then "
        "at Rogers's eyes in the other frame.\n\n"
        '"Leave it," Pepper said. Tony left it.\n'
    )
    assert "Rogers" in names(cast_of(text))


def test_an_exclamation_that_only_opens_lines_is_no_character():
    text = (
        '"Jeez, Sam, slow down," Dean said. Sam did not slow down.\n\n'
        '"Jeez," Dean muttered when they reached the car. "Yikes, look at that dent."\n\n'
        '"Yikes? That\'s your word?" Sam laughed. "Jeez. Get in."\n'
    )
    found = names(cast_of(text))
    assert {"Sam", "Dean"} <= found
    assert found.isdisjoint({"Jeez", "Yikes"})


def test_a_given_name_takes_the_gender_english_gives_it():
    # gender-guesser records `Eli` as a woman's name in more countries (Norway), a man's in
    # English-speaking ones; `Jean` the other way round.
    assert given_gender("Eli") == "male"
    assert given_gender("Jean") == "female"
    text = '"Jamie," Eli called up the stairs. "You coming, or what?"\n\n"Coming," I said.\n'
    assert cast_of(text).resolve("Eli").gender == "male"


def test_the_she_opening_the_sentence_after_a_name_gives_its_gender_alone():
    # No pronoun follows `Korra` inside her own paragraphs; the `She` opening the paragraph
    # after one whose last sentence she opens does.
    text = (
        "Korra leaned in the doorway and watched Asami work. Asami swore at the engine.\n\n"
        '"You said six," Korra said.\n\n'
        "Korra did not mention the dumplings.\n\n"
        "She knelt on the concrete and passed the wrench.\n"
    )
    assert cast_of(text).resolve("Korra").gender == "female"


def test_mom_and_dad_used_as_names_have_their_gender():
    text = (
        "Mom was already at the table when I came in, and Dad was reading the paper.\n\n"
        '"Sit down," Mom said. "Library," I lied. Dad gave me a look.\n\n'
        '"Ned called," Dad said. "Twice." Mom sighed.\n'
    )
    cast = cast_of(text)
    assert cast.resolve("Mom").gender == "female"
    assert cast.resolve("Dad").gender == "male"


def test_a_word_before_the_verb_of_a_speech_tag_keeps_its_capital_as_a_name():
    # `"Where were you?" mom asked` would be lower case: the capital is the name's own, even
    # for a word English uses as often as `mom`.
    text = (
        'Mom was already at the table. "Where were you?" Mom asked.\n\n'
        '"Library," I lied. Dad lowered the paper and gave me a look. Dad always knew.\n\n'
        '"Ned called," Dad said. "Twice." Mom sighed.\n'
    )
    assert "Mom" in names(cast_of(text))


def test_a_clipped_name_joins_the_one_longer_name_it_begins():
    text = (
        '"Hello, Dean," Castiel said. Dean turned around. Castiel stood by the map table.\n\n'
        '"Cas," Dean said. "Where the hell were you?" Cas tilted his head. Dean laughed.\n'
    )
    cast = cast_of(text)
    assert cast.resolve("Cas") is cast.resolve("Castiel")
    assert len(cast.characters) == 2


def test_a_role_the_story_addresses_at_the_start_of_lines_stays_a_character():
    # Unlike `Jeez`, `Navigator` names someone, though only ever at the start of a line.
    text = (
        '"Navigator," the captain said. "You told me this passage was clear."\n\n'
        '"It was, Captain." I did not look up from the chart.\n\n'
        '"Navigator, you stay by me." I stayed.\n'
    )
    assert "Navigator" in names(cast_of(text))


def test_a_clipped_name_said_more_often_than_the_full_name_still_joins_it():
    text = (
        "Teodor Varga had been a pilot for nine years. Priya watched him check the gauges.\n\n"
        '"Teo," she said. "We\'re losing pressure." Teo swore. Teo hit the panel twice.\n\n'
        '"Better?" Teo asked. Priya shook her head. Teo laughed anyway.\n'
    )
    cast = cast_of(text)
    assert cast.resolve("Teo") is cast.resolve("Teodor Varga")


def test_a_numbered_place_is_no_character():
    text = (
        "I can tell before I open the hatch to Bay Three that something is wrong. Yusuf is "
        "already there.\n\n"
        '"The pumps," Yusuf says. Mei thinks that Bay Three is her kingdom. Yusuf sighs.\n'
    )
    found = names(cast_of(text))
    assert "Yusuf" in found
    assert "Bay Three" not in found


def test_a_first_name_given_in_reply_to_a_title_is_the_same_person():
    text = (
        "Farida found the old man awake at three in the morning.\n\n"
        "“You should be asleep, Mr Abernathy.”\n\n"
        "“Walter. And I can't sleep. Too quiet.”\n\n"
        "Farida checked his drip. Walter watched her do it. “Goodnight, Walter,” she said.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Walter") is cast.resolve("Mr Abernathy")


def test_a_reply_naming_someone_already_known_joins_no_one():
    # `"Potter."` answers `"Professor Snape."` with the other's name: no correction.
    text = (
        "Potter came in late. Potter always came in late.\n\n"
        "“Good morning, Professor Snape.”\n\n"
        "“Potter.” Snape did not look up. Potter sat down.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Potter") is not cast.resolve("Professor Snape")


def test_the_end_of_a_name_joins_it_unless_it_is_a_usual_name_of_its_own():
    text = (
        "Mateus Cardoso leaned on the barrier. Hettie watched him from the truck.\n\n"
        '"Teus," she called. Teus waved. Teus did not come over.\n\n'
        "Brian and Ian argued about the map. Ian said left; Brian said right. Ian won.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Teus") is cast.resolve("Mateus Cardoso")
    assert cast.resolve("Ian") is not cast.resolve("Brian")


def test_a_peoples_word_that_speaks_twice_is_a_nickname():
    text = (
        '"Not me," said Dutch, through a mouthful of crackers. Kwame laughed.\n\n'
        '"Maybe it was always in there," Dutch offered. Kwame threw an onion skin at him.\n\n'
        "The Dutch ambassador had left. Kwame spoke French and a little Dutch.\n"
    )
    cast = cast_of(text)
    assert "Dutch" in names(cast)
    text = 'Kwame spoke French. The French were late. "Bonjour," Kwame said in French.\n'
    assert "French" not in names(cast_of(text))


def test_a_described_speaker_who_gives_his_name_takes_it():
    text = (
        "A young man stepped out of the truck with his hands up.\n\n"
        '"Who are you?" Hettie asked. "Nobody," the young man said.\n\n'
        '"My name\'s Abel," the young man said at last. Hettie lowered the rifle.\n'
    )
    cast = cast_of(text)
    abel = cast.resolve("Abel")
    assert abel is not None and abel.mentions >= 2
    assert "The Young Man" not in names(cast)


def test_a_described_speaker_giving_a_name_twice_or_a_title_keeps_one_entry():
    text = (
        "A young man stepped out of the truck.\n\n"
        '"My name\'s Abel," the young man said. Hettie waited.\n\n'
        '"My name\'s Abel," the young man said again, louder. Hettie laughed.\n\n'
        '"Call me Sir," the old man said. Hettie did not.\n'
    )
    cast = cast_of(text)
    abel = cast.resolve("Abel")
    assert abel is not None and abel.mentions >= 3
    assert "Sir" not in names(cast)
