"""Quote finding: marks, apostrophes, dash dialogue, stray marks, multi-paragraph speech."""

import pytest

from fanarchive.analysis.quotes import continues_previous, find_quotes, quote_style
from fanarchive.analysis.reading import read_text


def quoted(text: str) -> list[str]:
    return [q.text for q in find_quotes(read_text(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Hello," said Naruto. "Bye."\n', ["Hello,", "Bye."]),
        ("“Curly,” she said. “Marks.”\n", ["Curly,", "Marks."]),
        ('"One" "Two"\n', ["One", "Two"]),
        ('"Who?" he asked curiously"\n\n"My teacher" Naruto replied.\n', ["Who?", "My teacher"]),
        ('"Were" " I had my father" Gaara replied.\n', ["Were", "I had my father"]),
        ('"And as for my purpose..."he cut. "Yes."\n', ["And as for my purpose...", "Yes."]),
        ('"Unclosed at the end, he said.\n\nNarration.\n', ["Unclosed at the end, he said."]),
        ("He gave that 'look' of his. \"Fine.\"\n", ["Fine."]),
        ("No dialogue here at all.\n", []),
    ],
)
def test_double_quotes(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "‘Don't,’ said Gai. ‘It's Gai's.’\n\n‘We'll rock 'n' roll,’ he said. ‘Fine.’\n",
            ["Don't,", "It's Gai's.", "We'll rock 'n' roll,", "Fine."],
        ),
        (
            "'Give 'em hell,' she said. 'The boys' room is there,' he said. 'Go.'\n",
            ["Give 'em hell,", "The boys' room is there,", "Go."],
        ),
    ],
)
def test_single_quote_dialogue(text, expected):
    assert quoted(text) == expected


def test_style_is_decided_per_work_from_counts():
    single = read_text("'Hi,' he said.\n\n'Hello.'\n\n'Bye,' she said.\n")
    double = read_text('"Hi," he said, with a \'look\'.\n\n"Hello."\n')
    assert quote_style(single.text, single.paragraphs) == "single"
    assert quote_style(double.text, double.paragraphs) == "double"


def test_em_dash_dialogue():
    assert quoted("—Where are you going? —asked Gaara—. Stay.\n\n—Home.\n") == [
        "Where are you going?",
        "Stay.",
        "Home.",
    ]


def test_multi_paragraph_speech_is_continued():
    document = read_text('"First part of a long speech.\n\n"Second part," he said.\n')
    quotes = find_quotes(document)
    assert [q.text for q in quotes] == ["First part of a long speech.", "Second part,"]
    assert continues_previous(document, quotes[1], quotes[0])
    assert not continues_previous(document, quotes[0], None)


def test_spans_exclude_marks_and_point_into_text():
    document = read_text('He said: "Go home." Then left.\n')
    (quote,) = find_quotes(document)
    assert document.text[quote.start : quote.end] == "Go home."
    assert document.text[quote.start - 1] == '"'


def test_authors_notes_are_skipped():
    document = read_text('A/N: "Thanks" for reading!\n\n"Hello," said Naruto.\n')
    assert [q.text for q in find_quotes(document)] == ["Hello,"]
