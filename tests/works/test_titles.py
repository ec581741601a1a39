"""Titles for untitled uploads: the story's opening words."""

import pytest

from fanarchive.analysis.reading import read_text
from fanarchive.works.titles import opening_words_title


@pytest.mark.parametrize(
    "text, title",
    [
        ("Short one.\n\nMore text follows here.", "Short one"),
        ('"Are you coming?" Kakashi asked.\n\nHe ran.', "Are you coming?"),
        (
            "Chapter 1\n\nHe ran home, fast as he could go, never looking back.",
            "He ran home, fast as he…",
        ),
        ("— 17 —\n\nThe rain had not stopped for a week.", "The rain had not stopped for a week"),
    ],
)
def test_title_is_the_first_story_sentence_trimmed(text, title):
    assert opening_words_title(read_text(text)) == title


def test_a_text_without_words_has_no_title():
    assert opening_words_title(read_text("...\n\n* * *\n")) == ""
