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
        pytest.param(
            'A/N: "Thanks" for reading!\n\n"Hello," said Naruto.\n',
            ["Hello,"],
            id="authors-notes-are-skipped",
        ),
        pytest.param(
            "“Hello,“ she said. “Come in.“\n\n“Sit down,“ he said, “and tell me.“\n",
            ["Hello,", "Come in.", "Sit down,", "and tell me."],
            id="a-paragraph-typed-with-opening-curly-marks-only-pairs-them",
        ),
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
        pytest.param(
            "'Tis late,' said the old man. 'Go home.'\n\n'Em boys are loud, she thought.\n\n"
            "'Hi,' she said. 'Bye.'\n",
            ["'Tis late,", "Go home.", "Hi,", "Bye."],
            id="british-elisions-at-a-line-start-open-the-quote",
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


# --- every common quotation style ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "«Come in,» said Amélie. «It is cold.»\n\n«Thank you,» he said.\n",
            ["Come in,", "It is cold.", "Thank you,"],
            id="guillemets",
        ),
        pytest.param(
            "« Come in, » said Amélie. « It is cold. »\n\n« Thank you, » he said.\n",
            ["Come in,", "It is cold.", "Thank you,"],
            id="guillemets-inner-spaces",
        ),
        pytest.param(
            "«\u202fCome in\u202f», said Amélie.\n\n«\u00a0Thanks\u00a0», he said.\n",
            ["Come in", "Thanks"],
            id="guillemets-french-narrow-spaces",
        ),
        pytest.param(
            "»Come in«, said Lena. »It is cold.«\n\n»Thank you«, he said.\n",
            ["Come in", "It is cold.", "Thank you"],
            id="german-guillemets",
        ),
        pytest.param(
            "„Come in“, said Lena. „It is cold.“\n\n„Thank you“, he said.\n",
            ["Come in", "It is cold.", "Thank you"],
            id="low-high",
        ),
        pytest.param(
            "„Come in” – said Ola. „It is cold.”\n",
            ["Come in", "It is cold."],
            id="low-high-polish",
        ),
        pytest.param(
            "‹Come in,› said Amélie. ‹It is cold.›\n\n‹Thank you,› he said.\n",
            ["Come in,", "It is cold.", "Thank you,"],
            id="single-angles",
        ),
        pytest.param(
            "«She said ‹no› to me,» he said.\n\n«Then ask again.»\n",
            ["She said ‹no› to me,", "Then ask again."],
            id="angles-nested-in-guillemets",
        ),
        pytest.param(
            '"Read it," said Tom.\n\n'
            "«Mon cher ami, je t'attends,» the letter said.\n\n"
            'He folded it. "Well?"\n',
            ["Read it,", "Mon cher ami, je t'attends,", "Well?"],
            id="each-paragraph-may-use-its-own-style",
        ),
    ],
)
def test_other_quotation_marks(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "— Hello, she said.\n\n— Goodbye, said Harry. Come back soon.\n",
            ["Hello,", "Goodbye,", "Come back soon."],
            id="em-dash-with-comma-tag",
        ),
        pytest.param(
            "– Where were you? he asked.\n\n– Out, she said.\n",
            ["Where were you?", "Out,"],
            id="en-dash-lines",
        ),
        pytest.param(
            "— Back to the boats! he said. He turned to the sea.\n",
            ["Back to the boats!"],
            id="narration-after-the-tag",
        ),
        pytest.param(
            "— Bonjour, dit-il. Entrez.\n\n— Merci.\n",
            ["Bonjour,", "Entrez.", "Merci."],
            id="french-inverted-tag",
        ),
        pytest.param(
            "—Where are you going? —asked Gaara—. Stay.\n\n—Home.\n",
            ["Where are you going?", "Stay.", "Home."],
            id="em-dash-tag-closed-by-a-dash",
        ),
    ],
)
def test_dash_dialogue_tags_are_not_speech(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "«Wait for me, said Amélie.\n\nShe ran.\n\n«Come on,» he said.\n",
            ["Wait for me, said Amélie.", "Come on,"],
            id="guillemet-never-closed",
        ),
        pytest.param(
            "»Wait for me, sagte sie. »Come on«, he said.\n",
            ["Wait for me, sagte sie.", "Come on"],
            id="german-opener-before-close",
        ),
        pytest.param(
            "„Wait for me, said Lena.\n\nShe ran.\n", ["Wait for me, said Lena."], id="low-unclosed"
        ),
        pytest.param(
            "« Are you well? he asked.\n\n— Very well, thank you. »\n",
            ["Are you well? he asked.", "Very well, thank you."],
            id="a-closing-guillemet-on-a-dash-line-is-not-speech",
        ),
    ],
)
def test_broken_marks_recover_at_the_paragraph(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ('«Hi,» he said.\n\n«Hello.»\n\n«Bye,» she said, with a "look".\n', "guillemets"),
        ("»Hi«, he said.\n\n»Hello.«\n\n»Bye«, she said.\n", "reversed guillemets"),
        ("„Hi“, he said.\n\n„Hello.“\n\n„Bye“, she said.\n", "low-high"),
        ("‹Hi,› he said.\n\n‹Hello.›\n", "angles"),
        ('"Hi," he said, «merci».\n\n"Hello."\n\n"Bye."\n', "double"),
    ],
    ids=["guillemets", "german", "low-high", "angles", "double"],
)
def test_the_dominant_style_is_found_per_work(text, style):
    """Marks of another style in a few paragraphs do not change the work's style."""
    document = read_text(text)
    assert quote_style(document.text, document.paragraphs) == style


# --- dash dialogue as fan fiction writes it (issue 14, tests/data/fic_dialogue) -----------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "— Read it again, the queen said.\n\n— Why? said the old man softly.\n",
            ["Read it again,", "Why?"],
            id="tag-with-a-description-for-subject",
        ),
        pytest.param(
            "— Regrets, said a dry voice. — They regret nothing.\n",
            ["Regrets,", "They regret nothing."],
            id="a-dash-after-the-tag-resumes-the-speech",
        ),
        pytest.param(
            "— Then we need grain, said the chancellor, — from somewhere else.\n",
            ["Then we need grain,", "from somewhere else."],
            id="a-dash-ends-a-tag-mid-sentence",
        ),
        pytest.param(
            "— Lucan. Ysolde did not raise her voice. — Shoes.\n",
            ["Lucan.", "Shoes."],
            id="narration-between-two-dashes-is-not-speech",
        ),
        pytest.param(
            "— Hello, said Łucja. Come in.\n\n— Thanks, Ínés answered.\n",
            ["Hello,", "Come in.", "Thanks,"],
            id="a-name-tag-in-any-latin-script",
        ),
        pytest.param(
            "— But I beat him! He said I fight like a bear.\n",
            ["But I beat him! He said I fight like a bear."],
            id="a-capitalised-pronoun-after-an-exclamation-is-speech",
        ),
        pytest.param(
            "— You're an idiot! — Yuri shouted from the far end.\n\n— Am I? — Viktor asked.\n",
            ["You're an idiot!", "Am I?"],
            id="a-named-tag-after-an-exclamation-and-a-dash-is-no-speech",
        ),
        pytest.param(
            '"Hello," she said.\n\n"Hi."\n\n"Well?"\n\nHe paused. — Then he left the room.\n',
            ["Hello,", "Hi.", "Well?"],
            id="a-dash-after-narration-is-not-speech-in-a-work-with-quotation-marks",
        ),
    ],
)
def test_dash_lines_in_fan_fiction(text, expected):
    assert quoted(text) == expected


def test_a_dash_work_speaks_after_narration_in_the_same_paragraph():
    text = (
        "— Navigator. You told me this passage was clear.\n\n"
        "— The chart told me so.\n\n"
        "— And who drew the chart?\n\n"
        "I swallowed. — A Dutchman. In 1740.\n"
    )
    assert quoted(text)[-1] == "A Dutchman. In 1740."


@pytest.mark.parametrize(
    "text",
    [
        "''Hello,'' she said. ''Come in.''\n\n''Thanks,'' he said. ''It's late.''\n",
        "``Hello,'' she said. ``Come in.''\n\n``Thanks,'' he said. ``It's late.''\n",
    ],
    ids=["two-apostrophes", "backticks-and-apostrophes"],
)
def test_doubled_apostrophes_are_double_quotes(text):
    assert quoted(text) == ["Hello,", "Come in.", "Thanks,", "It's late."]


def test_one_paragraph_of_doubled_apostrophes_in_a_double_quote_work_is_read():
    # A writer who switches keyboards mid-chapter: the paragraph is read in its own marks.
    text = (
        '"Are you coming?" Mina asked.\n\n"In a minute," said Jun.\n\n'
        "''Your shoes are by the door,'' Mina said. ''Where you left them.''\n"
    )
    assert quoted(text)[2:] == ["Your shoes are by the door,", "Where you left them."]


def test_a_last_paragraph_without_marks_in_a_guillemet_work_is_read():
    # Found by fuzzing: the final paragraph held no mark, and its style was looked up one
    # character past the end of the text (IndexError).
    text = "\n\n«“»\n\n!!"
    assert quoted(text) == ["“"]
    story = "«Wait,» Mira said.\n\n«Why?» Kai asked.\n\nShe did not answer."
    assert quoted(story) == ["Wait,", "Why?"]


class _CountingPattern:
    def __init__(self, pattern):
        self.pattern, self.searches = pattern, 0

    def search(self, *args):
        self.searches += 1
        return self.pattern.search(*args)


def test_a_paragraph_of_many_dash_turns_is_searched_once_per_turn(monkeypatch):
    # One paragraph of 3,000 dash turns took quadratic time: every turn searched the rest of
    # the paragraph for an inline tag that was never there.
    import fanarchive.analysis.quotes as quotes

    counting = _CountingPattern(quotes._INLINE_TAG_RE)
    monkeypatch.setattr(quotes, "_INLINE_TAG_RE", counting)
    turns = 3000
    found = find_quotes(read_text("— Hello — said — the — queen — " * turns))
    assert len(found) >= turns
    assert counting.searches <= 10


BOOKSHOP = (
    '"He\'s not coming back," Danny said.\n\n'
    "\"He'll come back. His cat's in there.\"\n\n"
    "Danny peered through the glass. A large orange cat was asleep on a stack of books "
    'labelled "Poetry (Misc.)". It opened one eye.\n\n'
    '"Okay, that\'s fair."\n\n'
    'Clara took out a battered copy of "The Secret Garden", and Danny tried to take it.\n\n'
    '"Get your own."\n\n'
    'He sighed. "I\'m bored." The word "bored" did not cover it.\n'
)


def test_a_title_a_label_or_a_word_mentioned_in_narration_is_no_line():
    # Before, `"Poetry (Misc.)"` and `"The Secret Garden"` were lines, and the turns after
    # each went to the wrong one of the two.
    found = [q.text for q in find_quotes(read_text(BOOKSHOP))]
    assert "Poetry (Misc.)" not in found and "The Secret Garden" not in found
    assert "bored" not in found
    assert "Get your own." in found and "I'm bored." in found


def test_a_line_after_of_that_ends_a_sentence_is_still_speech():
    text = 'She thought of "Come in!" and smiled. "Come in," she said.\n'
    assert [q.text for q in find_quotes(read_text(text))] == ["Come in!", "Come in,"]
