"""A name that opens a quote and is then what the sentence is about (`"Mr. Dawson, I
suppose, is not a man of much reading?"`, `"Clara, who never ..."`) is no call: the one
named does not answer the next turn. Whole pipeline on a hand-written passage in the manner
of nineteenth-century novels."""

from fanarchive.analysis.model import Mention, Quote
from fanarchive.analysis.speakers.context import _called
from tests.analysis.test_speakers_narrator import analyse_quotes

FARM = (
    "Lucy Grey and Clara Vane sat over their work in the morning room. Clara had spent the "
    "week at the farm with the Dawsons, and Lucy wished to hear everything. Mr. Dawson farmed "
    "the land beyond the mill; Mr. Dawson was a widower, and Mr. Dawson was said to be rich.\n\n"
    '"They were all so kind to me," said Clara.\n\n'
    '"Mr. Dawson, I suppose, is not a man of much reading?" said Lucy.\n\n'
    '"Oh, no! But he reads the agricultural reports, and some other books."\n\n'
)


def test_a_name_the_sentence_is_about_does_not_answer_the_next_turn():
    quotes, _ = analyse_quotes(FARM)
    assert quotes[1].addressee is None
    assert quotes[2].speaker == "Clara"


def _call(text: str) -> bool:
    start = text.index("Harriet")
    quote = Quote(start=0, end=len(text), text=text)
    return _called(text, quote, Mention(start, start + len("Harriet"), "Harriet"))


def test_a_call_stays_a_call_and_a_subject_is_none():
    assert _call("Harriet, you are quite right.")
    assert _call("Harriet, my dear, is it true?")
    assert _call("Harriet, my dear, is not this delightful?")
    assert not _call("Harriet, I suppose, is not at home.")
    assert not _call("Harriet, who never reads, has read it twice.")
