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


# A war talked of in a line is no war on the page: War's cues inside dialogue weigh half,
# as Violence's do; the same war narrated keeps its note.
WAR_SAID = (
    "'the war is coming,' he said. 'the army will march on the capital, the soldiers will "
    "besiege the walls, and the battle will last all winter.' she shrugged and went back to "
    "her knitting."
)
WAR_SAID_DOUBLE = (
    '"The war is coming," he said. "The army will march on the capital, the soldiers will '
    'besiege the walls, and the battle will last all winter." She shrugged and went back to '
    "her knitting."
)
WAR_TOLD = (
    "The war came in the spring. The army marched on the capital, the soldiers besieged the "
    "walls, and the battle lasted all winter. She shrugged and went back to her knitting."
)


def test_a_war_said_in_a_line_is_talk():
    assert "War" not in names(WAR_SAID)
    assert "War" not in names(WAR_SAID_DOUBLE)
    assert "War" in names(WAR_TOLD)
