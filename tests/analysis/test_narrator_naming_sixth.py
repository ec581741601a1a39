"""A first-person narrator called once by a title and a name (speakers/narrator_naming.py):
the title (`Lieutenant`, `Miss`) is an ordinary word, the name after it is what counts."""

from fanarchive.analysis.pipeline import analyze_text

SICKBAY = """I had been on the night shift for eleven hours, and my hands knew the console
better than my head did by then. I ran the scan again, and then I ran it once more, because
the numbers still made no sense to me.

Reyes came in without knocking. He looked tired, and he looked at the readout over my
shoulder for a long while before he said anything at all.

“Lieutenant Okafor,” Reyes said, “go to bed.”

“The readings are wrong, sir,” I said.

“The readings will be wrong in the morning too.”

“That is not the comfort you think it is.”
"""


def speakers_of(text: str) -> list:
    return [quote.speaker for quote in analyze_text(text).quotes]


def test_a_titled_call_names_the_narrator_by_the_name_after_the_title():
    speakers = speakers_of(SICKBAY)
    assert "Narrator" not in speakers
    assert any(speaker and "Okafor" in speaker for speaker in speakers)


def test_a_title_alone_is_still_no_name():
    text = SICKBAY.replace("Lieutenant Okafor", "Lieutenant")
    assert "Narrator" in speakers_of(text)
