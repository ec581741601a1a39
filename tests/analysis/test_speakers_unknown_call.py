"""A first-person story: a line calling a name no one in the cast bears and the narration never
uses calls the I, who answers the next turn (speakers/sieve.py, `calls_the_narrator`).
Passages written for this test."""

from fanarchive.analysis.pipeline import analyze_text

DOORSTEP = """I heard the van before I saw it. I ran down the stairs two at a time, because I knew
who it was and I had been waiting all week. Dario was standing on the doormat with his arms
full of parcels, grinning at me over the top of them. Auntie May had beaten me to the door, of
course; I have never once beaten her to anything.

"Hey, Jem. Heard you've got a ghost."

"He wants a newspaper."

"Then he's out of luck," said Auntie May.

"Easy. I've got yesterday's in the van," Dario said, and put the parcels down.
"""


def speakers(text: str) -> list[str | None]:
    return [quote.speaker for quote in analyze_text(text).quotes]


def test_the_turn_after_a_call_no_one_else_answers_to_is_the_narrators():
    # (the parity of the tagged turns after it gave it to Dario), and the I is named by it
    assert speakers(DOORSTEP)[1] == "Jem"
