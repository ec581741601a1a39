"""Fan-fiction speakers, fic_tune14 (sixteenth session; docs/evaluation.md, "Fan-fiction
speakers, fic_tune14 (sixteenth session)"): a letter or a message read out is the reader's
line, whoever wrote it, when the narration right before the quote ends on the reading
(`Sieve.reads_aloud`, rule `beat`)."""

from tests.analysis.casts import sieve_answers

# A letter read out by the one who spoke just before: the turns would give it to the other.
KITCHEN = (
    "Bram came in with the post and dropped it on the table.\n\n"
    '"Who still writes letters?" Ottoline said, picking up the envelope.\n\n'
    "She slit it with the butter knife and read it out, frowning, while Bram unlaced his "
    "boots.\n\n"
    '"Dear Miss Vane. We regret to tell you that the goat has escaped again."\n\n'
    "Bram put his head in his hands.\n"
)

# The same paragraph without the reading: the letter is no one's line read out.
KITCHEN_UNREAD = KITCHEN.replace("and read it out, frowning,", "and frowned,")


def test_a_letter_read_out_is_the_readers():
    # Before, the letter went to Bram, the other side of the turns.
    speakers = [speaker for speaker, _ in sieve_answers(KITCHEN)]
    assert speakers[1] == "Ottoline"


def test_without_the_reading_the_rule_does_not_fire():
    answers = sieve_answers(KITCHEN_UNREAD)
    assert answers[1] != ("Ottoline", "beat")
