"""The cast (fifteenth session, dropped patch rel15_they_outnumbered): a character the text
calls "they" is neither male nor female, though a stray "her" follows the name once."""

from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_text

ROOF = (
    "Michael sat on the roof with their knees pulled up. Below, the city hummed.\n\n"
    '"Come down," Kate called. "It\'s freezing."\n\n'
    "Michael shook their head. They were not ready yet. Michael pulled their hood up. Kate "
    "climbed up instead and sat beside them, and Michael leaned on her shoulder.\n"
)


def test_their_outnumbers_a_stray_her():
    cast = {c.name: c.gender for c in analyze_document(read_text(ROOF)).characters}
    assert cast["Michael"] == "unknown"
