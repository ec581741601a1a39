"""One person, one cast entry in fan fiction: a nickname or an insult said to someone is no
character, a clipped name shortening another clipped name joins the full one, and a codename
the narration gives with a naming verb is the same person. Hand-written passages."""

from __future__ import annotations

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from tests.analysis.casts import cast_of, names


def test_an_insult_said_to_someone_is_no_character():
    cast = cast_of(
        '"Move it, Pretty Boy!" Marco yelled across the pitch. Leo ignored him.\n\n'
        '"Don\'t call me that, Marco."\n\n'
        '"Sure thing, Pretty Boy." Marco laughed. Leo rolled his eyes and kept running.\n'
    )
    assert names(cast) == {"Marco", "Leo"}


def test_an_endearment_of_less_common_words_is_no_character_either():
    cast = cast_of(
        '"Morning, Sweet Cheeks," Dean said. Cas frowned at him.\n\n"Please don\'t call me that."'
        '\n\n"Nobody asked you, Broccoli Brain." Dean poured the coffee. Cas took it.\n\n'
        '"Thank you, Dean." Cas rolled his eyes.\n'
    )
    assert names(cast) == {"Dean", "Cas"}


def test_a_two_word_name_that_acts_in_the_narration_is_still_a_character():
    # Only what is said to someone, inside a quotation, is an epithet: `Pretty Boy` acting
    # in the narration is a name the story uses.
    cast = cast_of(
        '"Move it, Pretty Boy!" Marco yelled. Pretty Boy ignored him and kept running. '
        "Marco laughed.\n"
    )
    assert "Pretty Boy" in names(cast)


def test_a_clip_of_a_clip_joins_the_full_given_name():
    # `Kat` shortens both `Kath` and `Katherine`; `Kath` is Katherine's too, so `Kat` is.
    cast = cast_of(
        "Katherine Pierce walked into the bar. Kat always walked like she owned the place.\n\n"
        '"Kat!" Damon called. "Over here."\n\n'
        'Katherine sat down. "Damon. You look awful."\n\n'
        '"Thanks, Kath." Damon pushed a glass to her. Katherine drank it. Kat smiled.\n'
    )
    assert len(cast.characters) == 2
    assert cast.resolve("Kat") is cast.resolve("Katherine") is not None


def test_a_codename_given_by_a_naming_verb_is_the_same_person():
    cast = cast_of(
        "The vigilante known as the Raven, Julian Marsh, landed on the roof. Raven checked "
        'his gear.\n\n"You\'re late, Raven," said Selene.\n\n'
        'Julian grinned under the mask. "Traffic."\n\n'
        "Selene rolled her eyes. Julian jumped off the roof and Raven was gone.\n"
    )
    assert names(cast) == {"Julian", "Selene"}
    assert cast.resolve("Raven").name == "Julian"


def test_a_codename_after_the_full_name_is_the_same_person():
    cast = cast_of(
        "Elias Brandt, better known as Ghost, slipped through the fence. Ghost never made a "
        'sound.\n\n"You\'re late, Ghost," Maya whispered.\n\n'
        'Elias shrugged. "Had to lose a tail." Maya rolled her eyes. Ghost grinned.\n'
    )
    assert cast.resolve("Ghost") is cast.resolve("Elias")
    assert len(cast.characters) == 2


def test_two_names_side_by_side_without_a_naming_verb_stay_two_people():
    cast = cast_of(
        "The crew gathered on the roof: Raven, Julian Marsh, and Selene. Raven checked her "
        'gear. Julian grinned. "Ready," said Selene. Raven nodded. Julian laughed.\n'
    )
    assert cast.resolve("Raven") is not cast.resolve("Julian")


def test_a_call_to_several_people_joins_none_of_them():
    cast = cast_of(
        "Mrs. Weasley called Ron, Hermione, and Ginny down to dinner. Ron came first. "
        'Hermione followed with a book. "Where\'s Harry?" Ginny asked. Ron shrugged. '
        "Hermione laughed.\n"
    )
    assert len({cast.resolve(n).name for n in ("Ron", "Hermione", "Ginny")}) == 3


def test_a_pack_alias_opening_sentences_is_the_pack_character():
    # `Lee` is ambiguous in the Naruto pack (an English word, several characters), so the
    # pack leaves it untrusted where a sentence opens; discovery found it again as a second
    # `Lee` beside `Rock Lee`.
    document = read_text(
        "Naruto found Rock Lee at the training ground before dawn. Lee was doing push-ups "
        'again.\n\n"Lee! Don\'t you ever sleep?" Naruto called.\n\nLee jumped up. "Youth '
        'does not sleep, Naruto-kun!"\n\nNaruto laughed. Lee grinned and went back to his '
        'push-ups.\n\n"Morning, Lee," Sakura said. Lee gave her a thumbs up.\n'
    )
    document.metadata.fandoms = ["Naruto"]
    cast = detect_cast(document, find_quotes(document), default_knowledge())
    lees = [c for c in cast.characters if "Lee" in c.name.split()]
    assert [c.name for c in lees] == ["Rock Lee"]
    assert lees[0].mentions >= 6
