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


# --- bad files of every format: a clear ReadError, never a crash ------------------------------


def _bad_files():
    import codecs

    from tests.analysis.reading_fixtures import make_epub, make_pdf

    return [
        ("empty.pdf", b"", "empty"),
        ("empty.epub", b"", "empty"),
        ("empty.mobi", b"  ", "empty"),
        ("text.pdf", b"Once upon a time there was a PDF that was not one.", "not a readable PDF"),
        ("scan.pdf", make_pdf([[], []]), "no text layer"),
        ("noise.txt", codecs.BOM_UTF16_LE + bytes(range(1, 256)) * 80, "unreadable|writing"),
        ("page.epub", make_epub([("a.xhtml", "<div></div>")], {}), "no text"),
        ("notzip.epub", b"PK\x03\x04 not really a zip", "damaged zip"),
        ("tiny.azw3", b"BOOKMOBI", "not a valid AZW3"),
    ]


def test_bad_files_of_every_format_get_a_clear_message():
    import pytest

    from fanarchive.analysis.errors import ReadError
    from fanarchive.analysis.reading import read_bytes

    for name, data, message in _bad_files():
        with pytest.raises(ReadError, match=message):
            read_bytes(data, name)


def test_the_cli_refuses_noise_with_the_bad_input_exit_code(tmp_path, capsys):
    import random

    from fanarchive.cli import main

    rng = random.Random(5)
    noise = tmp_path / "work.txt"
    # Two-byte units with a zero high byte half the time: decodes as UTF-16 without a BOM.
    units = [
        rng.randrange(0xA0, 0x100) if i % 2 else rng.randrange(0x100, 0xFFFF) for i in range(9000)
    ]
    noise.write_bytes(b"".join(unit.to_bytes(2, "little") for unit in units))
    assert main(["analyze", str(noise)]) == 3
    assert "not a work" in capsys.readouterr().err
