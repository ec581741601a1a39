"""A drabble (a story of a few hundred words) says little twice: its narrator's `I` may act
beside the dialogue without ever saying `I said`, and the one other person may be named once,
then followed by `she`. Both must still be read (characters/narrator.py, discovery.py)."""

from fanarchive.analysis.pipeline import analyze_text

KITCHEN = """The kitchen is dark when I come down, except for Maya, who is sitting on the counter
eating cereal out of the box.

"Couldn't sleep?" she asks.

"Never can, before a race." I take the box from her and shake some into my hand. "You?"

"Thinking." She shrugs. "It's nothing."

"It's never nothing with you."

She laughs, quiet, and leans her head against the cupboard.
"""


def test_a_drabble_s_narrator_acting_beside_the_dialogue_is_first_person():
    speakers = [quote.speaker for quote in analyze_text(KITCHEN).quotes]
    assert speakers == ["Maya", "Narrator", "Narrator", "Maya", "Maya", "Narrator"]


def test_a_given_name_said_once_with_who_is_a_character():
    analysis = analyze_text(KITCHEN)
    assert [c.name for c in analysis.characters if c.name != "Narrator"] == ["Maya"]


def test_an_i_in_a_third_person_story_s_thoughts_is_no_narrator():
    third = KITCHEN.replace("I come", "Jo comes").replace(". I take", ". Jo takes")
    third = third.replace("my hand", "her hand")
    analysis = analyze_text(third)
    assert all(c.name != "Narrator" for c in analysis.characters)


def test_in_a_long_work_a_name_said_once_with_who_is_no_character():
    # a novel names its people more than once; one passing `Maya, who` is a figure in a crowd
    padding = "\n\nThe rain went on all afternoon, and the road was long and grey and quiet." * 80
    analysis = analyze_text(
        KITCHEN.replace('"Couldn\'t sleep?" she asks.', "Nobody spoke.") + padding
    )
    assert all(c.name != "Maya" for c in analysis.characters)


REUNION = """Now Tom was twenty-nine and a junior doctor, and Priya was a solicitor with a flat in
Leeds and a cat called Bartleby, and they had not seen each other in six years.

"You look exactly the same," Tom said, when she opened the door.

"You look exhausted."

"I've been on nights." He held up a bottle of wine. "Peace offering?"
"""


def test_a_pet_called_by_a_rare_name_is_not_given_a_line():
    # `a cat called Bartleby` read as a speech tag (`"Run!" called Bartleby`): the cat became
    # a character and, as the one named last, took Priya's lines.
    analysis = analyze_text(REUNION)
    assert "Bartleby" not in {c.name for c in analysis.characters}
    assert [q.speaker for q in analysis.quotes][:2] == ["Tom", "Priya"]


SWINGS = """Lena had turned fifteen in March. Theo would be fifteen in June, which he mentioned
more often than strictly necessary.

They were sitting on the swings behind the school, and she was telling him about the
chemistry test, and he wasn't listening.

"You're not listening," she said.

"I am."

He leaned over instead, the swing chains creaking, and kissed her.

"Sorry," he said. "I've wanted to do that since Year Nine."
"""


def test_a_drabble_naming_its_two_people_once_each_has_them_both():
    # Before: no cast at all, every line unattributed and no couple.
    analysis = analyze_text(SWINGS)
    assert {c.name for c in analysis.characters} == {"Lena", "Theo"}  # not June
    assert [q.speaker for q in analysis.quotes] == ["Lena", "Theo", "Theo", "Theo"]
    assert [r.tag for r in analysis.relationships] == ["Lena/Theo"]


def test_a_rare_full_name_and_its_given_name_each_acting_once_are_one_character():
    # `_named_in_full_and_alone` wanted the lone name to speak or be called; Cardan does
    # neither, but both forms do what only people do.
    text = (
        "Cardan Greenbriar is waiting at the bottom of the palace steps. He has a goblet in "
        'one hand.\n\n"Still here," he says. "How disappointing."\n\n"Still drunk," I say.\n\n'
        "His friends laugh. Cardan's mouth goes thin."
    )
    assert "Cardan Greenbriar" in {c.name for c in analyze_text(text).characters}


def test_a_man_called_by_a_rare_name_is_still_someone():
    # a96a803 made `called` after a noun a thing's name; after a person's noun it names one.
    text = (
        "The ship stank of tar and salt.\n\n"
        '"You\'ll get used to it," the captain told Eleanor cheerfully. He was a round, '
        "red-faced man called Pryce who had sailed the route for twenty years.\n\n"
        '"I doubt it," said Eleanor.'
    )
    assert "Pryce" in {c.name for c in analyze_text(text).characters}


def test_a_name_english_uses_now_and_then_leading_three_sentences_is_someone():
    # `Sherlock` (Zipf 3.7) only ever opened sentences, so it was read as a capitalised word
    # and all of his lines went to John.
    text = (
        '"You\'ve been to Afghanistan, I perceive," said the man at the bench.\n\n'
        'John stared at him. "Sorry?"\n\n'
        '"Your posture. Your tan." Sherlock finally turned around. "Mike, who\'s this?"\n\n'
        '"Does he." Sherlock looked John up and down.\n\n'
        '"Afternoon." Sherlock swept his coat off the hook.'
    )
    assert "Sherlock" in {c.name for c in analyze_text(text).characters}


MORNING = """"You're going to be late," my mom says from the doorway.

"I'm not going to be late." I shove my feet into my shoes. "The bus doesn't come until eight."

"It's seven fifty-five."

"Okay, I'm going to be late." I grab my bag and kiss her cheek on the way past. "Love you!"

"Love you too. Take a jacket!"
"""


def test_an_i_s_mom_who_speaks_is_a_character_and_speaks_her_lines():
    # Before: no one but the narrator, and every line of the mother's `unknown`.
    analysis = analyze_text(MORNING)
    mom = {c.name: c for c in analysis.characters}["Mom"]
    assert mom.gender == "female"
    speakers = [q.speaker for q in analysis.quotes]
    assert speakers[0] == "Mom" and speakers[3] == "Mom" and speakers[-1] == "Mom"
    assert [(r.tag, r.subtype) for r in analysis.relationships] == [("Mom & Narrator", "family")]


def test_a_novel_s_my_father_stays_a_description():
    text = MORNING.replace("my mom says", "my father says")
    assert "Father" not in {c.name for c in analyze_text(text).characters}


def test_an_everyday_word_opening_a_sentence_before_a_given_name_is_not_part_of_it():
    # A short work never wrote `eventually` in lower case, so `Eventually Steve` was read as
    # one name and the sentence named no one: `he said` after it went to Sam.
    text = (
        '"You missed dinner," Sam said.\n\n'
        "Steve didn't turn around. \"Wasn't hungry.\"\n\n"
        "They sat. A helicopter crossed the river. Eventually Steve let out a breath.\n\n"
        '"I keep thinking I\'ll see him," he said.'
    )
    analysis = analyze_text(text)
    assert [q.speaker for q in analysis.quotes] == ["Sam", "Steve", "Steve"]
    assert {c.name: c.mentions for c in analysis.characters}["Steve"] == 2
