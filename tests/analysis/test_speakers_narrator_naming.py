"""A first-person narrator named once by the dialogue, read after attribution
(speakers/narrator_naming.py): the call must come from someone talking to the narrator."""

from fanarchive.analysis.pipeline import analyze_text

BLUE_CAKE = """There is blue cake batter on the ceiling, and I am choosing not to think about it. My
spoon launched it, my cake is ruined, and my friends are no help to me at all; I should have
bought one, I tell myself, and I wipe my hands.

“You’re thinking about it,” Annabeth says.

“I’m really not.”

“You have the face.”

“Wow. Okay. Love that for me.”

The front door opens. Keys. I know that sound.

“Perseus Jackson,” she calls from the hall, “why does my apartment smell like a bakery?”

“It’s a blue cake, Mom!” I call back. “For your birthday!”

“My birthday is in March.”
"""

ROLL_CALL = """Professor McGonagall swept in with the register. I kept my eyes on my desk, my
hands flat on my books, and told myself I did not care what any of them thought of me now.

“Abbott. Bones. Boot.” A chorus of answers rolled down the rows. “Finnigan. Granger.”

“Here, Professor,” Granger said.

“Longbottom. Malfoy, Draco,” she read.

The pause afterwards was my fault. I could not make my mouth work.

“Here,” I said at last.

“Thank you.” She did not look up, and I loved her for it a little.
"""


def speakers_of(text: str) -> list[str | None]:
    return [quote.speaker for quote in analyze_text(text).quotes]


def test_a_call_the_narrator_answers_names_the_narrator():
    speakers = speakers_of(BLUE_CAKE)
    assert "Perseus Jackson" in speakers and "Narrator" not in speakers
    assert speakers[speakers.index("Perseus Jackson", 5) - 1] != "Perseus Jackson"


def test_of_several_names_read_out_the_one_answered_is_the_narrator():
    speakers = speakers_of(ROLL_CALL)
    # the roll call's family names make the canon, so the I is named as its pack does
    assert "Draco Malfoy" in speakers
    named = " ".join(s for s in speakers if s)
    assert not any(family in named for family in ("Longbottom", "Finnigan", "Abbott"))


def test_a_name_the_narrator_calls_is_someone_else():
    text = BLUE_CAKE.replace("“Perseus Jackson,” she calls", "“Hello,” she calls").replace(
        "“I’m really not.”", "“I’m really not, Annabeth.”"
    )
    speakers = speakers_of(text)
    assert "Narrator" in speakers and "Annabeth" in speakers


def test_an_interjection_opening_a_line_is_no_name():
    text = BLUE_CAKE.replace("“Perseus Jackson,” she calls", "“Hiya,” she calls")
    assert "Hiya" not in speakers_of(text)


def test_the_narrator_naming_themself_in_their_own_line():
    text = """I held out my hand. The man at the gate looked at it, then at me, then at my torn
cloak, and I let him look; I had walked all night and my feet hurt and I did not mind.

“Who are you?” he asked.

“I’m Zagreus,” I said. “I live here.”

“Nobody lives here.”

“I do.”
"""
    assert "Zagreus" in speakers_of(text)


def test_two_names_called_as_often_name_no_one():
    text = """The kitchen was loud. I stood by the door with my coat on, my bag at my feet, and
I told myself I would leave in a minute, as I had told myself every morning that week.

“Morning, Priya,” Ana said.

“Morning,” I said.

“Tea, Robin?” Ana asked.

“Please,” I said.
"""
    assert "Narrator" in speakers_of(text)


def test_a_name_the_narrator_echoes_is_someone_elses():
    text = """Elysium is too bright, and I keep expecting it to bite me; my arm is cut, my
sword is notched, and I am tired of my own company. I lower my sword and I sit.

“What’s your name?” I ask.

“Does it matter?”

“It might.”

“Patroclus,” he says at last.

“Patroclus,” I repeat. “I’ll come back this way.”

“You won’t live,” he says.
"""
    echo = [q for q in analyze_text(text).quotes if q.text.startswith("Patroclus")][1]
    assert echo.speaker != "Patroclus"  # the narrator repeats the name given


def test_an_exercise_shouted_twice_is_no_one():
    text = """I had been in the ossuary an hour and my arms already ached; my sword was blunt
and my temper worse, and I told myself I would not complain.

“Push-ups. How many can you do?”

“Enough.”

“Push-ups,” she said. “Two hundred.”
"""
    assert "Push-ups" not in {c.name for c in analyze_text(text).characters}
