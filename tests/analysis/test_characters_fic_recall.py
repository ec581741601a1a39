"""Fan fiction's cast: who speaks is listed, and what only looks like a name is not."""

from __future__ import annotations

from fanarchive.analysis.characters.lexicon import RUN_RE
from tests.analysis.casts import cast_of, names

REHEARSAL = """Priya came into the studio late, her bag still on her shoulder.

"Don't," she said, before anyone could speak. "Don't look at me like that."

Tomasz put down the score. "I wasn't going to say anything."

"Don't lie to me, Tomasz. You always say something."

"Haven't you heard? The director's ill," he said. "Don't panic."

Priya sat down on the piano bench and laughed."""


def test_a_contraction_opening_a_line_is_no_name():
    cast = names(cast_of(REHEARSAL))
    assert "Don" not in cast
    assert "Haven" not in cast
    assert {"Priya", "Tomasz"} <= cast


def test_contractions_leave_names_and_possessives_alone():
    found = [m.group() for m in RUN_RE.finditer("Don't tell O'Brien. Priya's coat, James' hat.")]
    assert found == ["O'Brien", "Priya's", "James'"]


def test_a_curly_contraction_is_no_name_either():
    found = [m.group() for m in RUN_RE.finditer("“Don’t,” said Priya. “Won’t you?”")]
    assert found == ["Priya"]


def test_a_name_before_would_or_will_is_still_the_name():
    found = [m.group() for m in RUN_RE.finditer("Jane'd kill me. Harry’ll go. Shan't.")]
    assert found == ["Jane", "Harry"]
