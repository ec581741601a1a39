"""First- and second-person speakers, tenth session (speakers/sieve.py): the one the next turn
calls by name spoke the turn it answers, and the I who tells the scene is in it though its
narration never names them (`called_next`); a run no tag anchors alternates from that turn
(`seed_teller`)."""

import pytest

from fanarchive.analysis.pipeline import analyze_text

KETTLE = """The kettle had been screaming for a full minute before I got up to deal with it.
Priya was already at the table with her boots on a chair, reading my post.

"Morning, Ilse," Priya said. "You look terrible."

"Thanks. That's addressed to me, by the way."

"It's addressed to the flat, Ilse."

I poured the water and didn't answer. My hands were still shaking a little, and I kept my
back to her so she wouldn't see. I had slept maybe two hours. I could hear the landlord
below us hammering at a wall that was probably load-bearing.

"Was it the dream again?"

"Not exactly. More like a sound."

"What kind of sound?"

"Bells, underwater, the kind you feel in your teeth more than you hear. Forget it."

"Ilse, look at me."

I put my mug down in front of Priya and sat, because I knew she was not going to let it go.
"""


def speakers(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in analyze_text(text).quotes}


def test_the_turn_a_call_of_the_narrator_answers_is_the_narrators():
    said = speakers(KETTLE)
    assert (
        said["Bells, underwater, the kind you feel in your teeth more than you hear. Forget it."]
        == "Ilse"
    )
    assert said["Ilse, look at me."] == "Priya"


def test_the_narrators_turn_a_call_finds_anchors_the_exchange_around_it():
    # no tag in the run after the long narration: the turn the call answers is the I's, and
    # the turns before alternate from it (before, all fell to Priya, named last)
    said = speakers(KETTLE)
    assert said["Not exactly. More like a sound."] == "Ilse"
    assert said["What kind of sound?"] == "Priya"
    assert said["Was it the dream again?"] == "Priya"


def test_a_call_of_someone_else_gives_them_the_turn_not_the_narrator():
    # the same exchange ending on a call of the friend: the narrator is no answer there
    text = KETTLE.replace("Ilse, look at me.", "Priya, you asked.")
    said = speakers(text)
    assert (
        said["Bells, underwater, the kind you feel in your teeth more than you hear. Forget it."]
        != "Ilse"
    )


def test_the_narrator_named_in_the_turn_itself_is_an_echo_not_an_answer():
    # `"Ask Ilse?" / "Ilse, ..."`: the reply repeats a name the turn said, an echo
    text = KETTLE.replace(
        "Bells, underwater, the kind you feel in your teeth more than you hear. Forget it.",
        "Ask Ilse? Forget it.",
    )
    said = speakers(text)
    assert said["Ask Ilse? Forget it."] != "Ilse"


GREENHOUSE = """You are elbow-deep in potting soil when the greenhouse door bangs open behind you.
Dmitri comes in backwards, arms full of seed trays, and kicks it shut with his heel.

"You're early, Y/N," Dmitri says. "Nobody is ever early."

"The buses were kind for once."

You wipe your hands on your apron and take two of the trays from him before he drops them.
Your back aches already, and you have not even started on the cuttings yet.

"Did you water the orchids?"

"Twice. Once by accident, once on purpose, and I am not telling you which was which."

"Y/N, they drown if you look at them wrong."
"""


def test_the_turn_a_call_of_the_reader_answers_is_the_readers():
    said = speakers(GREENHOUSE)
    line = "Twice. Once by accident, once on purpose, and I am not telling you which was which."
    assert said[line] == "Reader"


def test_a_call_of_the_narrator_midway_anchors_the_turns_before_it_too():
    # a longer turn calling the I at its end: the reply is the I's, and the turns before it
    # alternate from there (before, only the reply was, and `Not exactly` fell to Priya)
    asked = "What kind of sound was it this time, and do not tell me it was nothing, Ilse?"
    text = KETTLE.replace("What kind of sound?", asked)
    text = text.replace("Ilse, look at me.", "Look at me.")
    said = speakers(text)
    assert said["Not exactly. More like a sound."] == "Ilse"
    assert said["Was it the dream again?"] == "Priya"
    bells = "Bells, underwater, the kind you feel in your teeth more than you hear. Forget it."
    assert said[bells] == "Ilse"
    assert said["Look at me."] == "Priya"


ATTIC = """Clemence had gone to bed early, and Clemence never slept through anything.

I was halfway up the attic ladder with a torch in my teeth when the hatch above me
creaked, and a voice I would have known anywhere said, "You're letting the cold in."

"I'm fixing the leak," I said. "Somebody has to."

Nobody answered. I climbed the rest of the way and swung the torch round, and there was
Bertrand, sitting cross-legged on a tea chest with a blanket over his shoulders.

"You could have warned me you were up here."

"You could have knocked."

Down in the kitchen the kettle clicked off, and a small voice called:

"Is anyone making toast?"

Clemence was standing at the bottom of the ladder in her dressing gown, squinting up at
the light.
"""


def test_a_voice_whose_tag_holds_an_i_is_not_the_narrators():
    said = speakers(ATTIC)
    assert said["You're letting the cold in."] is not None
    assert said["You're letting the cold in."] != said["I'm fixing the leak,"]


def test_a_voice_before_its_line_is_the_one_named_after_it():
    said = speakers(ATTIC)
    assert said["Is anyone making toast?"] == "Clemence"


def test_the_narrators_own_tag_after_hearing_a_voice_stays_theirs():
    # `I heard a voice, so I said,`: the verb has its own subject, the I
    text = ATTIC.replace(
        "and a voice I would have known anywhere said,", "and I heard a voice, so I said,"
    )
    said = speakers(text)
    assert said["You're letting the cold in."] == said["I'm fixing the leak,"]


@pytest.mark.parametrize(
    "tag",
    [
        "In a voice that shook, Hermione said,",
        "In a low voice, Hermione said,",
        "With a voice like gravel, Hermione says:",
    ],
)
def test_a_named_speaker_in_a_voice_keeps_her_tag(tag):
    # The voice is how she says it: the tag is hers, not an unseen voice's.
    text = (
        "The common room had emptied hours ago, and the fire was low. Hermione sat by the "
        "window with her book, and Harry and Ron sat by the fire.\n\n"
        '"It\'s too late to go now," Harry said.\n\n'
        '"Not that late," said Ron.\n\n'
        f'{tag} "We should tell Dumbledore."\n'
    )
    assert speakers(text)["We should tell Dumbledore."] == "Hermione"
