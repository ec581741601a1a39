"""Tenth session (novel10b): LitBank paragraph hints, second pass."""

from __future__ import annotations

from fanarchive.evaluation.litbank import detokenise


def paragraphs(*lines: str) -> list[str]:
    return detokenise(list(lines)).text.split("\n\n")


def test_narration_after_a_tagged_quotation_opens_a_paragraph():
    found = paragraphs('" Not today , " said Orla .', "Tamsin folded the map and waited .")
    assert found == ['"Not today," said Orla.', "Tamsin folded the map and waited."]


def test_the_same_with_curly_marks_and_a_tag_before_a_pronoun():
    found = paragraphs("“ Fetch the lamp , ” Orla told him .", "He went without a word .")
    assert found == ["“Fetch the lamp,” Orla told him.", "He went without a word."]


def test_the_speech_going_on_after_its_tag_stays_in_the_paragraph():
    # the tag opens the speech again: `“ A , ” said Orla , “ B .` / `C .` is one turn
    found = paragraphs("“ Well , ” said Orla , “ the ferry is late .", "It always is . ”")
    assert len(found) == 1


def test_narration_after_narration_goes_on():
    found = paragraphs("Orla said nothing .", "Tamsin folded the map .")
    assert len(found) == 1


def test_a_quoted_phrase_inside_narration_is_no_tagged_turn():
    # the sentence opens on narration; its quotation is a name for something, not a turn
    found = paragraphs("They called it “ the quiet road ” at dusk .", "Nobody knew why .")
    assert len(found) == 1


def test_two_quotations_in_the_sentence_before_leave_the_rule_alone():
    # `“ A , ” said Orla , “ B . ”` ends on its quotation: the older turn rule decides
    found = paragraphs(
        "“ Well , ” said Orla , with a shrug , “ maybe . ” Then she sat .", "It rained ."
    )
    assert len(found) == 1


def test_narration_after_a_split_off_tag_opens_a_paragraph():
    found = paragraphs("“ Is it far ? ”", "asked Tamsin .", "Orla shrugged .")
    assert found == ["“Is it far?” asked Tamsin.", "Orla shrugged."]


def test_a_quotation_after_a_split_off_tag_still_goes_on():
    found = paragraphs("“ Is it far ? ”", "cried Tamsin .", "“ Tell me ! ”")
    assert len(found) == 1
