"""A name standing as a whole sentence after another (`Detention. Snape.`) answers a question
or reports; it does not call anyone, so it neither names the narrator nor ties with the name
that does (characters/narrator.py `answered_name`)."""

from fanarchive.analysis.pipeline import analyze_text

COMMON_ROOM = """The common room is empty when I get back, except for Hermione, who is curled up in the armchair by the fire with a book the size of a brick.

"You missed dinner," she says without looking up.

"Wasn't hungry." I drop onto the sofa. "Where's Ron?"

"Detention. Snape." She turns a page. "He called Malfoy a git in front of the whole class."

"Malfoy is a git."

"That's not the point, Harry."

I grin at the ceiling. "It's a little bit the point."

She finally looks at me over the top of her book, and I can see she's trying not to smile. "You're impossible."

The portrait swings open and Ron stumbles in, red to the ears. "Don't," he says, pointing at both of us. "Don't say a word."

"Wasn't going to," I say.

Hermione hides her face behind the book. Her shoulders are shaking.

"I hate you both," Ron announces, and flops down next to me.
"""


def test_the_name_a_line_calls_names_the_narrator_not_the_one_it_answers():
    analysis = analyze_text(COMMON_ROOM)
    speakers = {q.text: q.speaker for q in analysis.quotes}
    assert speakers["Malfoy is a git."] == speakers["Wasn't going to,"] == "Harry"
    assert "Narrator" not in speakers.values()


def test_a_bare_name_after_a_stop_is_no_call():
    from fanarchive.analysis.characters.narrator import answered_name

    assert answered_name(".", "Detention. ")
    assert not answered_name(".", "That's not the point, ")  # `…, Harry.`
    assert not answered_name(",", "Oh. ")  # `Oh. Harry, come here.`
    assert not answered_name(".", "")  # `Harry. Wake up.` opens the line
