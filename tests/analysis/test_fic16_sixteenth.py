"""Fan-fiction speakers and cast (sixteenth session; docs/evaluation.md, "Fan-fiction speakers
and cast (sixteenth session)"): a given name said once, opening the narration's paragraph
right before an untagged line in a group scene, is someone
(`characters.called.once_named_beat_before_a_line`)."""

from tests.analysis.casts import cast_of, names, sieve_answers

# Three friends in a flooded mill; the fourth is named once, in the beat before her line.
MILL = (
    "The water had come up past the second step overnight. Oskar stood on the third with "
    "his boots in his hand.\n\n"
    '"We are not wading through that."\n\n'
    '"It is only knee-deep," said Wilma.\n\n'
    '"Knee-deep on you."\n\n'
    "Wilma laughed and rolled her trousers up anyway. Oskar watched her go down into the "
    "brown water, then sighed and followed.\n\n"
    "Ottilie pushed the door open with her shoulder, a lantern held high and her hair "
    "plastered to her cheek.\n\n"
    '"The wheel is turning on its own."\n\n'
    '"It cannot be. The race is blocked."\n\n'
    '"Then go and look," said Wilma.\n'
)

# The same scene, but the once-named one is only in someone else's paragraph: no beat of hers.
MILL_PASSER_BY = MILL.replace(
    "Ottilie pushed the door open with her shoulder, a lantern held high",
    "Oskar pushed the door open for Ottilie with his shoulder, a lantern held high",
)


def test_a_once_named_given_name_opening_the_beat_before_a_line_is_cast():
    # Before, `Ottilie` was said once and was left out of the cast, her line going to Oskar.
    assert "Ottilie" in names(cast_of(MILL))
    speakers = [speaker for speaker, _ in sieve_answers(MILL)]
    assert speakers[4] == "Ottilie"


def test_a_once_named_given_name_in_another_paragraph_is_not():
    assert "Ottilie" not in names(cast_of(MILL_PASSER_BY))


# A given name that is also a word, opening the paragraph before a line another is tagged with.
HILLSIDE = (
    "Greta and Anselm had walked all night, and neither had said a word since the ford.\n\n"
    '"How much further?" Greta asked.\n\n'
    '"Over the ridge."\n\n'
    "Dawn crept up the hillside behind them, grey and cold, and caught on the thorns.\n\n"
    '"You said that an hour ago," said Anselm.\n'
)


def test_a_beat_before_a_line_tagged_with_another_name_is_no_ones():
    # `said Anselm` gives the line its speaker: the paragraph before it is no one's beat.
    assert "Dawn" not in names(cast_of(HILLSIDE))
