"""Novel speakers, tenth session: LitBank's paragraph hints and the speaker rules, on
hand-written lines (no text from any data set)."""

from __future__ import annotations

from fanarchive.evaluation.litbank import detokenise
from tests.analysis.test_flow9_ninth import sieve_answers


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


# --- a speech cut off, then another quotation straight after it ------------------------------


def test_a_quotation_right_after_a_cut_off_one_opens_a_paragraph():
    # LitBank's tokeniser leaves the interruption in the cut-off speech's sentence.
    for left, right in (("“", "”"), ('"', '"')):
        assert paragraphs(
            f"{left} The ferry never waits for -- {right} {left} Nonsense , it waited for me ! {right}"
        ) == [
            f"{left}The ferry never waits for--{right}",
            f"{left}Nonsense, it waited for me!{right}",
        ]
    assert paragraphs("' We could always -- ' ' No . '") == ["'We could always--'", "'No.'"]


def test_a_dash_before_an_opening_mark_or_a_speech_going_on_cuts_nothing():
    # `:--"` opens a quotation (a nested one inside it is no interruption) ...
    assert paragraphs("He read the card aloud : -- \" ' OSWIN HALE , DRAPER . ' \"") == [
        "He read the card aloud:--\" 'OSWIN HALE, DRAPER.'\""
    ]
    # ... and narration after a cut-off speech is no new quotation.
    assert paragraphs("“ Wait -- ” she began , but Oswin had gone .") == [
        "“Wait--” she began, but Oswin had gone."
    ]


# --- a tag's verb in the clause after a semicolon ----------------------------------------------


RACE = (
    "The whole village had come down to the green for the race, and Mayor Quill stood on a "
    "barrel to see over the heads.\n\n"
    '"Clear the course," said Mayor Quill; and Tamsin lifted the red flag high above the '
    'crowd, and called out, "Runners, ready!"\n\n'
    "Nobody moved until the flag came down.\n"
)


def test_the_subject_opening_the_clause_after_a_semicolon_tags_the_quote():
    # Before: the sentence's first subject, Mayor Quill, who spoke the tag before the `;`.
    assert sieve_answers(RACE, ["Mayor Quill", "Tamsin"])[-1] == ("Tamsin", "explicit")


def test_an_inner_clause_or_a_listener_after_the_semicolon_is_no_tag_subject():
    # `; and, while he was coming round, added,`: the adder is the wife, not the he.
    text = (
        "Hettie stood at the open window while her husband Bram crossed the yard.\n\n"
        '"He will want his supper," said Hettie; and, while he was coming round, added, '
        '"Set another place, Wren."\n\n'
        "Wren set another place.\n"
    )
    speaker, _ = sieve_answers(text, ["Hettie", "Bram", "Wren"])[-1]
    assert speaker != "Bram"
    # `; but Oswin heard him say,`: the one heard speaks, not the hearer.
    text = (
        "The porter came in from the platform and shook the rain off his coat.\n\n"
        '"Late again," said Ysolde; but Oswin heard the porter mutter, '
        '"Not my fault, not this time."\n\n'
        "Ysolde shrugged.\n"
    )
    speaker, _ = sieve_answers(text, ["Ysolde", "Oswin"])[-1]
    assert speaker != "Oswin"


def test_an_owner_or_a_listener_across_a_coordinator_is_read_right():
    # `; but Oswin's porter muttered,`: Oswin owns the porter, he does not mutter.
    text = (
        "The porter came in from the platform and shook the rain off his coat.\n\n"
        '"Late again," said Ysolde; but Oswin\'s porter muttered, "Not my fault, not this time."\n\n'
        "Ysolde shrugged.\n"
    )
    speaker, _ = sieve_answers(text, ["Ysolde", "Oswin"])[-1]
    assert speaker != "Oswin"
    # `; but Oswin overheard the porter mutter,`: the one overheard speaks.
    text = text.replace("Oswin's porter muttered,", "Oswin overheard the porter mutter,")
    speaker, _ = sieve_answers(text, ["Ysolde", "Oswin"])[-1]
    assert speaker != "Oswin"
    # `; and Tamsin saw the flag fall, and called out,`: she saw, then she called.
    text = RACE.replace("lifted the red flag high above the crowd", "saw the flag fall")
    assert sieve_answers(text, ["Mayor Quill", "Tamsin"])[-1] == ("Tamsin", "explicit")
