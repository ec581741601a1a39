"""In a story told by an I or to a you, someone the narration names once (too seldom for the
cast) right before a line no tag decides is the one saying it, not the I or the Reader
(speakers/sieve.py, `named_once_since_last_quote`), and joins the cast. Passages written for
this test."""

from fanarchive.analysis.pipeline import analyze_text

STAIR = """You have been in the palace for three days and you still get lost. Your guard is
somewhere behind you, sulking, because you told him to wait by the fountain, and your feet
hurt in the new shoes, and you want nothing more than a cup of tea and your own bed.

You are halfway up the servants' stair when you meet Sunniva, one of the kitchen maids, coming
down with a basket of linen on her hip.

"Your Highness! I'm so sorry, I didn't see you there."

"It's all right," you say. "Is the kitchen still open?"
"""


def test_the_one_the_narration_names_once_says_the_next_untagged_line():
    analysis = analyze_text(STAIR)
    assert analysis.quotes[0].speaker == "Sunniva"
    assert "Sunniva" in {character.name for character in analysis.characters}


def test_a_name_the_text_also_writes_as_a_word_is_no_speaker():
    text = STAIR.replace("you meet Sunniva, one", "you meet Rose, one").replace(
        "a cup of tea", "a rose-hip tea"
    )
    assert analyze_text(text).quotes[0].speaker != "Rose"
