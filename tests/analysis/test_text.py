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


def test_trie_pattern_matches_exactly_its_words_preferring_the_longest():
    import re

    from fanarchive.analysis.text import trie_pattern

    words = ["said", "sang", "call", "called", "cried", "I"]
    whole = re.compile(rf"\b(?:{trie_pattern(words)})\b")
    assert whole.findall("I said, she called and cried; sa calling sang callede") == [
        "I", "said", "called", "cried", "sang",
    ]  # fmt: skip
    assert re.fullmatch(trie_pattern(words), "call") and re.fullmatch(trie_pattern(words), "called")
    assert not re.fullmatch(trie_pattern(words), "cal")
