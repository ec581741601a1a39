"""Violence (fifteenth session, viol15): hand-written passages for the decisions kept in
docs/warnings.md, "Violence (fifteenth session)"."""

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings


def names(text: str) -> set[str]:
    document = read_text(text)
    return {w.name for w in detect_warnings(document, find_quotes(document), Cast())}


# A deed told in a line of dialogue is talk of it, in single quotation marks as in double
# ones, even in lower case where the quote finder leaves the line to its speaker rules.
WHISPERED = "'they shot him,' she whispered. 'they shot him and left him in the ditch.'"
WHISPERED_DOUBLE = '"they shot him," she whispered. "they shot him and left him in the ditch."'


def test_a_deed_said_in_single_marks_is_talk():
    assert "Violence" not in names(WHISPERED)
    assert "Violence" not in names(WHISPERED_DOUBLE)


# Apostrophes are no quotation marks: a blow told in narration between "'round" and
# "the twins'" is still told, and a work with double-marked dialogue keeps its single
# marks for apostrophes.
NARRATED = (
    "It started at 'round nine: Tom punched him in the face and kicked him in the ribs, and "
    "the twins' father screamed. Blood ran from his nose."
)
NARRATED_WITH_LINES = '"Come on," she said. ' + NARRATED


def test_apostrophes_do_not_make_a_line():
    assert "Violence" in names(NARRATED)
    assert "Violence" in names(NARRATED_WITH_LINES)
