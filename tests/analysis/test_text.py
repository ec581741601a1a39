"""Sentence spans shared by the components."""

from fanarchive.analysis.text import sentence_at, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


def test_sentences_end_at_punctuation_and_closing_quotes():
    text = 'Mr. Smith waved. "Come in!" she said. Was it late?  Yes.'
    assert sentences(text) == [
        "Mr. Smith waved.",
        '"Come in!"',
        "she said.",
        "Was it late?",
        "Yes.",
    ]


def test_paragraph_breaks_end_sentences():
    assert sentences("No full stop here\n\nNext one") == ["No full stop here", "Next one"]


def test_sentence_at_an_offset():
    text = "First one. Second one here. Third."
    span = sentence_at(text, text.index("Second") + 3)
    assert text[span.start : span.end] == "Second one here."
