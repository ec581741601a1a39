"""Works that are odd but valid get sensible empty results, never an exception."""

from __future__ import annotations

from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.schema import validate_analysis


def analyse(text: str, fmt: str = "text") -> dict:
    result = analyze_text(text, fmt).to_dict()
    assert validate_analysis(result) == []
    return result


def test_no_dialogue():
    result = analyse("The rain fell all night on the village. Nobody came to the gate.\n" * 20)
    assert result["quotes"] == []
    assert result["words"] == 260


def test_only_dialogue():
    lines = ['"Are you there?"', '"Yes."', '"Good. Stay there."', '"Why?"', '"Just stay."']
    result = analyse("\n\n".join(lines) + "\n")
    assert [q["text"] for q in result["quotes"]] == [line.strip('"') for line in lines]
    assert result["notes"] == [] and len(result["chapters"]) == 1


def test_no_names_at_all():
    text = '"Go," she said.\n\n"No," he answered, and the door shut behind him.\n\nShe waited.\n'
    result = analyse(text)
    assert result["characters"] == []
    assert result["relationships"] == []
    assert all(q["speaker"] is None for q in result["quotes"])


def test_a_single_word():
    result = analyse("Hello\n")
    assert result["words"] == 1 and result["quotes"] == []


def test_script_in_html_is_not_text():
    markup = '<p>"Run," said Ino.</p><script>var s = "said Naruto";</script><p>She ran.</p>'
    result = analyse(markup, "html")
    assert [q["text"] for q in result["quotes"]] == ["Run,"]
    assert result["words"] == 5


def test_html_that_is_only_markup_is_refused_clearly():
    import pytest

    from fanarchive.analysis.errors import ReadError

    with pytest.raises(ReadError, match="no text"):
        analyze_text("<html><body><div></div><script>alert(1)</script></body></html>", "html")
