"""Novel speakers, tenth session: LitBank's paragraph hints and the speaker rules, on
hand-written lines (no text from any data set)."""

from __future__ import annotations

from fanarchive.evaluation.litbank import detokenise


def paragraphs(*lines: str) -> list[str]:
    return detokenise(list(lines)).text.split("\n\n")


# --- a question put to someone, then a quotation that asks nothing --------------------------


def test_an_answer_after_a_question_asked_with_its_tag_opens_a_paragraph():
    assert paragraphs(
        "“ Where did you leave the lantern ? ” asked Tobias .", "“ By the gate . ”"
    ) == [
        "“Where did you leave the lantern?” asked Tobias.",
        "“By the gate.”",
    ]


def test_the_same_when_the_tokeniser_split_the_tag_off():
    assert paragraphs(
        '" Where did you leave the lantern ? "', "inquired Tobias .", '" By the gate . "'
    ) == ['"Where did you leave the lantern?" inquired Tobias.', '"By the gate."']


def test_a_second_question_after_the_asked_one_goes_on():
    # The asker presses on: `"Where?" asked Tobias. "Was it by the gate?"` is one turn.
    assert paragraphs(
        "“ Where did you leave the lantern ? ” asked Tobias .", "“ Was it by the gate ? ”"
    ) == ["“Where did you leave the lantern?” asked Tobias. “Was it by the gate?”"]


def test_a_question_tagged_with_said_or_cried_goes_on():
    # Rhetorical questions: `"Who would have thought it?" cried Wren. "Snow in May."`
    for verb in ("said", "cried"):
        assert paragraphs(
            f"“ Who would have thought it ? ” {verb} Wren .", "“ Snow in May . ”"
        ) == [f"“Who would have thought it?” {verb} Wren. “Snow in May.”"]


def test_a_statement_asked_of_no_one_goes_on():
    assert paragraphs("“ The lantern is by the gate , ” said Tobias .", "“ Fetch it . ”") == [
        "“The lantern is by the gate,” said Tobias. “Fetch it.”"
    ]
