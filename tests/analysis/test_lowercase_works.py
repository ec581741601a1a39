"""Works written all in lower case (analysis/lowercase.py): read with capitals restored, so
the cast and the speech tags are found, while every quotation and piece of evidence still
quotes the author's text. Before, such a work had no cast and no speaker at all."""

from fanarchive.analysis.lowercase import in_lower_case, lowercase_names, restore_capitals
from fanarchive.analysis.pipeline import analyze_text

IMPALA = """"where are you going?" dean asked as cas headed for the door.

"out," cas said.

"out where?"

"just out, dean." cas pulled on his coat. he did not look back.

dean sighed and rubbed his face. "fine. take the impala. and dont let sam see you."

sam came down the stairs five minutes later. "was that cas?"

"yeah," dean said. "he'll be back. he always comes back."

sam gave him a look. i will not say it, the look said. it said it anyway.

"i love him," dean said quietly. "i know."
"""


def test_a_lower_case_work_is_read_with_its_names():
    analysis = analyze_text(IMPALA)
    assert {c.name for c in analysis.characters} >= {"Dean", "Cas", "Sam"}
    speakers = [q.speaker for q in analysis.quotes]
    assert speakers[:3] == ["Dean", "Cas", "Dean"]


def test_what_is_shown_quotes_the_author_as_written():
    analysis = analyze_text(IMPALA)
    assert analysis.quotes[0].text == "where are you going?"
    shown = [e.text for found in analysis.relationships for e in found.evidence]
    assert all(text in IMPALA for text in shown)


def test_everyday_words_and_pronouns_keep_their_case():
    names = lowercase_names(IMPALA)
    assert names == {"dean", "cas", "sam"}  # not `will`, `he`, `i`
    recased = restore_capitals(IMPALA)
    assert len(recased) == len(IMPALA)
    assert "I will not say it" in recased and "Dean sighed" in recased


def test_ordinary_prose_is_left_as_it_is():
    prose = "It was late. Dean looked up. The door opened. " * 5
    assert not in_lower_case(prose)
    assert not in_lower_case("a short lower-case line. and another.")  # too little to judge


def test_a_manner_or_a_pronoun_after_said_is_no_name():
    assert lowercase_names('"out," said softly. "no," asked him. "fine," dean said.') == {"dean"}
