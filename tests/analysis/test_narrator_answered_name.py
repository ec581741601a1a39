"""A name standing as a whole sentence after another (`Detention. Snape.`) answers a question
or reports; it does not call anyone, so it neither names the narrator nor ties with the name
that does (characters/narrator.py `answered_name`)."""

from fanarchive.analysis.pipeline import analyze_document, analyze_text
from fanarchive.analysis.reading import read_text

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


ON_CALL = """The on-call room smelled of burnt coffee. I had been awake for thirty hours and I
could feel every one of them behind my eyes.

"Dr. Grey," Bailey said from the door, "you're needed in Trauma One."

"I'm going," I said, and I didn't move.

"You're lying on a bunk."

"I'm going in spirit."

She folded her arms. Somewhere down the hall a pager was screaming. "Now."

"Fine." I swung my legs over the side. "Fine, I'm up."
"""


def test_a_title_and_name_called_together_name_the_narrator():
    document = read_text(ON_CALL)
    document.metadata.characters = ["Meredith Grey", "Miranda Bailey"]
    speakers = [quote.speaker for quote in analyze_document(document).quotes]
    assert speakers.count("Meredith Grey") == 4 and "Narrator" not in speakers


def test_neither_the_title_nor_the_name_after_it_is_called_alone():
    from fanarchive.analysis.characters.narrator import part_of_titled_name

    line = "Dr. Grey, you're needed."
    assert part_of_titled_name(line, 0, 2)  # `Dr`
    assert part_of_titled_name(line, 4, 8)  # `Grey`
    assert not part_of_titled_name("Stop. Grey, wait.", 6, 10)
