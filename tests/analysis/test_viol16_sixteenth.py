"""Violence (sixteenth session, viol16): hand-written passages for the cues kept in
docs/warnings.md, "Violence (sixteenth session)"."""

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings


def names(text: str) -> set[str]:
    document = read_text(text)
    return {w.name for w in detect_warnings(document, find_quotes(document), Cast())}


# Blows told by a verb of striking with the one struck after it: kneed, elbowed, whipped,
# beat ... him. Two of them make the scene; a single weak word around each is not needed.
KNEED = (
    "The corridor was empty when Marek caught up with him. He kneed him hard, then elbowed "
    "him twice as he doubled over. Nobody came."
)
WHIPPED = (
    "The overseer took the belt from the hook. He whipped her until the foreman looked away, "
    "and then he beat her again. The yard was silent afterwards."
)


def test_blows_done_to_someone_are_violence():
    assert "Violence" in names(KNEED)
    assert "Violence" in names(WHIPPED)


# The same verbs with a possessive "her", a way, a race or a game after them are no blow.
NO_BLOWS = (
    "She whipped her head round at the noise and elbowed her way through the crowd. Tomas "
    "beat them in the final and beat him to it at the buffet, and she smacks her lips."
)


def test_the_same_verbs_without_a_victim_are_not():
    assert "Violence" not in names(NO_BLOWS)
