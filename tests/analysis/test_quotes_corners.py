"""Corner brackets (`「…」`, `『…』`), as translations from Japanese and Chinese and some
anime-fandom works write dialogue: found and attributed as curly double quotes are, at the
offsets of the work as written."""

from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.reading import read_text

HUT = """Kagome set the bowl down on the step. 「You're late again,」 she said.

Inuyasha crossed his arms and looked away. 「Keh. I had things to do.」

「Like what?」

「Like none of your business.」

Sango laughed from the doorway of the hut. 「He was asleep in the Goshinboku,」 Sango told her. 『Miroku saw him.』

Inuyasha went red. 「That monk should mind his own business.」

「So should you,」 Kagome said, and handed him the bowl anyway.
"""
CURLY = HUT.translate(str.maketrans("「」『』", "“”“”"))


def lines(text: str) -> list[tuple[str, str | None]]:
    return [(quote.text, quote.speaker) for quote in analyze_text(text).quotes]


def test_corner_bracket_dialogue_is_read_as_curly_quotes_are():
    found = lines(HUT)
    assert len(found) == 8
    assert found == lines(CURLY)
    assert [speaker for _, speaker in found] == [
        "Kagome", "Inuyasha", "Kagome", "Inuyasha", "Sango", "Sango", "Inuyasha", "Kagome",
    ]  # fmt: skip


def test_offsets_still_point_into_the_work_as_written():
    document = read_text(HUT)
    start = HUT.index("Like what?")
    assert document.text[start : start + 10] == "Like what?"
    assert len(document.text) == len(HUT)
    quote = next(q for q in analyze_text(HUT).quotes if q.text == "Like what?")
    assert HUT[quote.start : quote.end] == "Like what?"
