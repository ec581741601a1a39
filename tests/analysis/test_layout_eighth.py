"""LitBank's paragraph hints, learned from novels that keep their paragraphs (eighth session),
and the script that measures them (benchmarks/litbank_paragraphs.py). Hand-written lines."""

from __future__ import annotations

import sys
from pathlib import Path

from fanarchive.evaluation.litbank import detokenise

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import litbank_paragraphs  # noqa: E402


def paragraphs(*lines: str) -> list[str]:
    return detokenise(list(lines)).text.split("\n\n")


# --- the hint rules ---------------------------------------------------------------------


def test_a_lowercase_line_never_opens_a_paragraph_even_a_long_one():
    # A tag the tokeniser split off after `?”`, long enough to have counted as narration.
    assert paragraphs(
        "“ Is the kettle on ? ”",
        "wondered Priya aloud , long after the others had gone up to bed and the lamps were out .",
    ) == [
        "“Is the kettle on?” wondered Priya aloud, long after the others had gone up to bed "
        "and the lamps were out."
    ]


def test_short_narration_after_a_closed_quotation_opens_a_paragraph():
    assert paragraphs("“ The ferry leaves at noon . ”", "Tomasz folded the map .") == [
        "“The ferry leaves at noon.”",
        "Tomasz folded the map.",
    ]


def test_a_quotation_after_a_narration_sentence_opens_a_paragraph():
    assert paragraphs(
        "The rain had stopped by the time the bus came .", "“ We could walk instead . ”"
    ) == ["The rain had stopped by the time the bus came.", "“We could walk instead.”"]


def test_a_quotation_after_its_split_off_tag_goes_on_in_the_same_paragraph():
    # `"Q?" / sighed Priya. / "More."`: in novels the same speaker mostly adds to it (after
    # `asked`, a question put to someone, the answer opens one: test_novel10_tenth.py).
    assert paragraphs(
        "“ Is the kettle on ? ”", "sighed Priya .", "“ I could do with a cup . ”"
    ) == ["“Is the kettle on?” sighed Priya. “I could do with a cup.”"]


def test_a_first_person_tag_split_off_is_a_tag_as_a_lowercase_one_is():
    # `I` is always capitalised: `"Enough!" / I snapped. / "Out."` is one paragraph.
    assert paragraphs("“ Enough ! ”", "I snapped .", "“ Out , all of you . ”") == [
        "“Enough!” I snapped. “Out, all of you.”"
    ]


def test_an_i_sentence_that_is_no_tag_still_opens_a_paragraph():
    assert paragraphs("“ Enough ! ”", "I left the room without another word .") == [
        "“Enough!”",
        "I left the room without another word.",
    ]
    assert paragraphs("“ It is late . ”", "I said nothing .") == [
        "“It is late.”",
        "I said nothing.",
    ]


def test_a_single_quotation_closing_inside_a_speech_ends_no_turn():
    # `"... and he said, 'Not today.'"`: the nested quotation closes, the speech goes on.
    for left, right in (('"', '"'), ("“", "”")):
        assert paragraphs(
            f"{left} Then the porter told me , ' Not today , miss . '",
            "So I walked home in the rain .",
            f"Nobody noticed . {right}",
        ) == [
            f"{left}Then the porter told me, 'Not today, miss.' So I walked home in the rain. "
            f"Nobody noticed.{right}"
        ]


def test_a_single_quotation_closing_outside_a_speech_still_ends_a_turn():
    assert paragraphs("‘ Not today , miss . ’", "The porter shut the gate .") == [
        "‘Not today, miss.’",
        "The porter shut the gate.",
    ]


def test_an_answer_to_a_question_opens_a_paragraph():
    assert paragraphs("“ Is the kettle on ? ”", "asked Priya .", "“ Yes , it just boiled . ”") == [
        "“Is the kettle on?” asked Priya.",
        "“Yes, it just boiled.”",
    ]
    assert paragraphs("“ Are you coming ? ” said Ines .", "“ No . ”") == [
        "“Are you coming?” said Ines.",
        "“No.”",
    ]


def test_an_answer_word_after_no_question_goes_on():
    assert paragraphs("“ I am coming , ” said Ines .", "“ No doubt about it . ”") == [
        "“I am coming,” said Ines. “No doubt about it.”"
    ]
    assert paragraphs("“ Look at that sky ! ”", "said Ines .", "“ Oh , it 's lovely . ”") == [
        "“Look at that sky!” said Ines. “Oh, it's lovely.”"
    ]


def test_a_speech_goes_on_over_its_sentences_and_narration_over_its_own():
    assert paragraphs(
        "“ Wait !",
        "I left my keys on the counter . ”",
        "Marek searched his pockets .",
        "Nothing was there .",
    ) == [
        "“Wait! I left my keys on the counter.”",
        "Marek searched his pockets. Nothing was there.",
    ]


# --- the measuring script ---------------------------------------------------------------

NOVEL = """CHAPTER ONE


Ines came down the stairs late. The hall was cold.

"Are you coming?" asked Marek. "We'll miss it."

"No." She didn't look up. "Mr. Rao can't drive me."

He went out, calling back,
"Then I'll tell them!"
"""


def test_the_script_splits_sentences_and_tokens_as_litbank_does():
    lines, breaks = litbank_paragraphs.sentence_lines(NOVEL)
    assert [" ".join(line) for line in lines] == [
        "Ines came down the stairs late .",
        "The hall was cold .",
        '" Are you coming ? "',
        "asked Marek .",
        '" We \'ll miss it . "',
        '" No . "',
        "She did n't look up .",
        '" Mr. Rao ca n\'t drive me . "',
        'He went out , calling back , " Then I \'ll tell them ! "',
    ]
    # the heading is left out; a paragraph ending on a comma runs on into the next one
    assert breaks == {0, 2, 5, 8}


def test_the_script_can_print_the_quotation_marks_curly():
    lines, _ = litbank_paragraphs.sentence_lines(NOVEL, curly=True)
    assert " ".join(lines[2]) == "“ Are you coming ? ”"
    assert " ".join(lines[4]) == "“ We 'll miss it . ”"  # a clitic is no quotation mark
    assert litbank_paragraphs.measure(NOVEL, curly=True).figures() == (
        litbank_paragraphs.measure(NOVEL).figures()
    )


def test_the_script_scores_the_loaders_breaks_against_the_real_ones():
    counts = litbank_paragraphs.measure(NOVEL)
    # predicted: before lines 2, 4, 5, 6, 7 and 8; real: 2, 5 and 8. `She didn't look up.` is
    # the speaker's beat inside her paragraph, which the hints cut out (two extra breaks), and
    # `We'll miss it.` after `asked Marek.` is taken for the answer (a third; tenth session).
    assert (counts.right, counts.extra, counts.missed) == (3, 3, 0)
    assert "P  50.0  R 100.0  F1  66.7" in counts.figures()
    # only the boundary between the two narration sentences is not next to a quotation
    dialogue = litbank_paragraphs.measure(NOVEL, dialogue=True)
    assert (dialogue.right, dialogue.extra, dialogue.missed) == (3, 3, 0)
