"""Fan fiction is often told in the present tense: `Saoirse backs in`, `Benedek stands up`,
`he gazes at Saoirse`. The cast rules that read a name's verbs read the present as they read
the past (issue 14), and know the whole table of irregular past tenses (`Lorelai set the mug
down`)."""

from __future__ import annotations

import pytest

from tests.analysis.casts import cast_of, names

SHOP = """The door bangs open. Saoirse backs in, arms full of paper bags.

“What fresh nonsense is this?”

Benedek's head appears from behind the counter. There is glitter in his beard.

“It's for a cat,” he says.

Benedek stands up fully at last. He gazes at Saoirse. “Has anyone ever told you that you \
have really lovely—”

“Mop!”
"""


def test_a_look_in_the_present_tense_is_aimed_at_a_person_not_a_place():
    assert "Saoirse" in names(cast_of(SHOP))


def test_standing_up_is_something_a_person_does():
    from fanarchive.analysis.characters.context import acts_as_person

    text = "Benedek stands up. The castle stands on the hill."
    assert acts_as_person(text, len("Benedek"))
    assert not acts_as_person(text, text.index(" stands on"))


ROADSIDE = """Dario coasts the car onto the verge. Kemi is asleep in the back.

“That's probably bad,” I say.

The back door creaks open. Kemi unfolds herself onto the verge, squinting.

“Oh, for God's sake,” she says. “Move.”

Kemi looks at him. She looks at the lemonade.
"""


def test_a_town_name_that_opens_sentences_as_a_person_is_a_person():
    # Kemi is also a town in Finland; here she unfolds herself and looks at people.
    assert "Kemi" in names(cast_of(ROADSIDE))


def test_a_town_that_only_stands_there_is_still_a_place():
    text = "Kemi stood at the mouth of the river. Kemi was cold that winter. We drove on."
    assert "Kemi" not in names(cast_of(text))


def test_a_name_that_opens_sentences_is_no_place_for_one_at():
    text = """Anders noticed. Anders noticed everything; it was most of what being captain was.

"You're late," he said.

Benji stared at the door. Then at Anders.

Anders shrugged. "Whatever. Maybe. Put your helmet back on."
"""
    assert "Anders" in names(cast_of(text))


def test_a_town_name_doing_something_in_the_progressive_is_a_person():
    # Kettering is also a town; no town is 'already dialling'.
    text = """By two in the morning the car smelled of cold chips, and Kettering had stopped \
pretending he wasn't asleep.

"Sir," Jem said. "The signal didn't drown."

Kettering opened his eyes. "Go on."

Kettering was already dialling. "Get your coat on, Sowande."
"""
    assert "Kettering" in names(cast_of(text))


def test_a_town_that_is_something_stays_a_place():
    from fanarchive.analysis.characters.context import acts_as_person

    text = "Kettering was nothing like London. Kettering is evening-quiet."
    assert not acts_as_person(text, len("Kettering"))


def test_a_town_that_was_a_noun_in_ing_is_no_action():
    from fanarchive.analysis.characters.context import acts_as_person

    for text in ("Kettering was a darling of the guidebooks.", "Kettering was building work."):
        assert not acts_as_person(text, len("Kettering")), text


LORELAI = """Lorelai came down the stairs at eleven, following the smell of coffee.

“You're a god,” she told him.

“I'm a guy who owns a coffee maker.” Luke handed her the mug.

Lorelai set the mug down very carefully. “That's either really good or really bad.”
"""


def test_a_rare_name_that_opens_two_sentences_with_irregular_verbs_is_a_person():
    # `set` was missing from the irregular past tenses, so `Lorelai set the mug down` was
    # no act and Lorelai, who only ever opens sentences, was no one.
    assert "Lorelai" in names(cast_of(LORELAI))


@pytest.mark.parametrize("verb", ["set", "strode", "became", "knelt", "sought", "sent", "cut"])
def test_irregular_past_tenses_are_acts(verb):
    from fanarchive.analysis.characters.context import acts

    assert acts(f"Marisol {verb} the", len("Marisol"))


@pytest.mark.parametrize("noun", ["bound", "ground", "cast", "spread"])
def test_irregular_past_tenses_that_are_also_nouns_are_no_act(noun):
    from fanarchive.analysis.characters.context import acts

    assert not acts(f"Vasquel {noun} the", len("Vasquel"))


def test_a_known_given_name_that_opens_a_sentence_as_a_person_and_recurs_is_a_person():
    text = """Dorian is lingering anyway. He has propped himself against the table.

“Those are troop positions.”

“They were. Now they are art.”

“Right. Scouts back on the ridge. Dorian, give me the little horse.”
"""
    assert "Dorian" in names(cast_of(text))
