"""Author's notes, chapter headings and scene breaks in plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from fanarchive.analysis.reading import read_path, read_text
from fanarchive.devdata import shared_dir

STORY = (
    '"You came," Naruto said, not turning around.\n\n'
    '"You asked," Gaara replied, and sat down beside him on the cold tiles.\n\n'
    "The wind picked up. Neither of them moved.\n\n"
    "Below, the village slept on.\n"
)


def notes_of(text: str) -> list[tuple[str, str]]:
    document = read_text(text)
    return [(n.position, document.slice(n)) for n in document.notes]


@pytest.mark.parametrize(
    "label",
    ["A/N: ", "AN: ", "A.N. ", "Author's Note: ", "Authors note - ", "Disclaimer: ", "Notes: "],
)
def test_labelled_beginning_note(label):
    note = f"{label}I don't own Naruto. This is my first fic, be nice!"
    assert notes_of(f"{note}\n\n{STORY}") == [("beginning", note)]


def test_labelled_end_note_runs_to_the_end():
    end = "A/N: Thanks for reading!\n\nPlease review, it keeps me writing."
    notes = notes_of(f"{STORY}\n{end}\n")
    assert notes == [("end", end)]


def test_unlabelled_note_set_off_by_extra_blank_lines():
    note = (
        "When I started writing this the idea was much darker, but the characters had other "
        "plans. Set after the war arc, so ignore canon a little."
    )
    assert notes_of(f"{note}\n\n\n{STORY}") == [("beginning", note)]


def test_unlabelled_end_note_after_a_divider():
    end = "Hope you enjoyed this little one-shot! Reviews are love."
    notes = notes_of(f"{STORY}\n* * *\n\n{end}\n")
    assert notes == [("end", f"* * *\n\n{end}")]


def test_first_person_story_opening_is_not_a_note():
    text = (
        "I never wanted to be a ninja. My father wrote poems, and I thought I would too.\n\n\n"
        + STORY
    )
    assert notes_of(text) == []


def test_fic_header_fields_are_a_beginning_note():
    header = "Title: Sand\nAuthor: dunewriter\nPairing: Gaara/Naruto\nRating: T"
    document = read_text(f"{header}\n\n{STORY}")
    assert [document.slice(n) for n in document.notes][0].startswith("Title: Sand")
    assert document.words == read_text(STORY).words


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Chapter 1", "Chapter 1"),
        ("Chapter One: The Roof", "Chapter One: The Roof"),
        ("CHAPTER 12 - Storm", "CHAPTER 12 - Storm"),
        ("~Chapter 3~", "Chapter 3"),
        ("Prologue", "Prologue"),
        ("Epilogue: After", "Epilogue: After"),
        ("Part II", "Part II"),
        ("*** Chapter 4 ***", "Chapter 4"),
    ],
)
def test_chapter_headings(heading, title):
    text = f"{heading}\n\n{STORY}\nChapter 99\n\nMore story here, and then some.\n"
    document = read_text(text)
    assert document.chapters[0].title == title
    assert document.slice(document.chapters[0]).startswith(heading)
    assert len(document.chapters) == 2


@pytest.mark.parametrize(
    "line",
    ["Part of me wanted to stay.", "Chapter and verse, he knew them all.", "Book one was boring."],
)
def test_sentences_starting_like_headings_are_not_headings(line):
    document = read_text(f"{line}\n\n{STORY}")
    assert len(document.chapters) == 1
    assert document.chapters[0].title == ""


def test_numbered_headings_count_up():
    text = f"1.\n\n{STORY}\n2.\n\n{STORY}\nIII\n\n{STORY}"
    document = read_text(text)
    assert [c.title for c in document.chapters] == ["1.", "2.", "III"]


@pytest.mark.parametrize(
    "divider",
    [
        "***",
        "* * *",
        "~~~",
        "-x-x-",
        "o0o",
        "oOoOo",
        "xXx",
        "<><><>",
        "+++",
        "___",
        "          * * *",
        "~*~*~",
        "Line Break",
        "-scene break-",
    ],
)
def test_scene_breaks(divider):
    document = read_text(f"{STORY}\n{divider}\n\n{STORY}")
    assert [document.slice(b).strip() for b in document.scene_breaks] == [divider.strip()]
    assert document.words == 2 * read_text(STORY).words


@pytest.mark.parametrize("line", ["Ox.", "I", "xxx oh", "No."])
def test_short_lines_are_not_scene_breaks(line):
    document = read_text(f"{STORY}\n{line}\n\n{STORY}")
    assert document.scene_breaks == []


def test_notes_in_each_chapter():
    text = (
        "Chapter 1\n\nA/N: first chapter, hope you like it!\n\n"
        + STORY
        + "\nChapter 2\n\n"
        + STORY
        + "\nA/N: sorry for the wait, next update soon.\n"
    )
    document = read_text(text)
    assert [(n.position, n.chapter) for n in document.notes] == [("beginning", 0), ("end", 1)]


def shared_samples() -> Path:
    return shared_dir() / "samples"


def test_samples_structure():
    samples = shared_samples()
    if not samples.is_dir():
        pytest.skip("shared samples not available")
    opening = read_path(next(samples.glob("004_*.txt")))
    assert [n.position for n in opening.notes] == ["beginning"]
    assert opening.slice(opening.notes[0]).endswith("baby crushes.")
    assert opening.text[opening.chapters[0].start] == '"'
    plain = read_path(next(samples.glob("000_*.txt")))
    assert plain.notes == [] and len(plain.chapters) == 1
    assert 1600 < plain.words < 1800


def test_a_labelled_note_does_not_swallow_the_dialogue_before_a_divider():
    text = (
        "A/N: My first fic! Hope you enjoy it.\n\n"
        '"Are you coming?" Kakashi asked.\n\n"Race you!" Gai said.\n\n* * *\n\nKakashi ran.\n'
    )
    document = read_text(text)
    assert [document.slice(n) for n in document.notes] == ["A/N: My first fic! Hope you enjoy it."]
    assert len(document.scene_breaks) == 1


def test_a_title_on_the_line_below_the_heading_joins_it():
    text = (
        f"CHAPTER I.\nDown the Rabbit-Hole\n\n\n{STORY}\nCHAPTER II.\nThe Pool of Tears\n\n{STORY}"
    )
    document = read_text(text)
    assert [c.title for c in document.chapters] == [
        "CHAPTER I. Down the Rabbit-Hole",
        "CHAPTER II. The Pool of Tears",
    ]
    assert "Down the Rabbit-Hole" not in [document.slice(p) for p in document.story_paragraphs]


def test_a_title_page_before_the_first_heading_is_not_a_chapter():
    text = (
        f"The Long Walk\n\nby A. Writer\n\nTranslated by B. Reader\n\nI\n\n{STORY}\nII\n\n{STORY}"
    )
    document = read_text(text)
    assert [c.title for c in document.chapters] == ["I", "II"]


def test_header_fields_fill_the_metadata():
    header = (
        "Title: Sand\nAuthor: dunewriter\nFandom: Naruto\nPairing: Gaara/Uzumaki Naruto, "
        "Temari & Nara Shikamaru\nRating: T\nSummary: Two boys on a roof."
    )
    meta = read_text(f"{header}\n\n{STORY}").metadata
    assert (meta.title, meta.authors, meta.fandoms, meta.rating) == (
        "Sand",
        ["dunewriter"],
        ["Naruto"],
        "T",
    )
    assert meta.relationships == ["Gaara/Uzumaki Naruto", "Temari & Nara Shikamaru"]
    assert meta.summary == "Two boys on a roof."


def test_title_and_byline_fill_the_metadata():
    meta = read_text(f"The Long Walk\n\nby A. Writer\n\n{STORY}").metadata
    assert (meta.title, meta.authors) == ("The Long Walk", ["A. Writer"])


def test_in_note_matches_the_note_spans():
    text = "A/N: hi, first fic, please review!\n\n" + STORY + "\nA/N: thanks for reading!\n"
    document = read_text(text)
    inside = {i for n in document.notes for i in range(n.start, n.end)}
    assert [document.in_note(i) for i in range(len(text))] == [
        i in inside for i in range(len(text))
    ]


# --- notes inside a chapter --------------------------------------------------------------------

MIDDLE = (
    "Kakashi closed the book and looked out of the window for a long time.\n\n"
    '"Are you coming?" asked Sakura from the door.\n\n'
)


@pytest.mark.parametrize(
    "note",
    [
        "A/N: Sorry this part is late, work has been crazy.",
        "(A/N: yes, I know the timeline is off. Bear with me!)",
        "Author's note: the next scene is the one you all asked for.",
        "Thanks for all the reviews, everyone! You are the best.",
    ],
)
def test_an_authors_note_inside_the_chapter_is_a_note(note):
    text = f"Chapter 1\n\n{MIDDLE}{note}\n\n{STORY}"
    document = read_text(text)
    notes = [document.slice(n) for n in document.notes]
    assert notes == [note]
    story = [document.slice(p) for p in document.story_paragraphs]
    assert '"Are you coming?" asked Sakura from the door.' in story
    assert "Below, the village slept on." in story


def test_replies_to_reviewers_are_one_note():
    replies = (
        "Review responses:\n\n"
        "Guest: Thank you so much! I hope the ending works for you.\n\n"
        "sakura_blossom99: Haha, you will have to wait and see.\n\n"
        "To Kitsune: Yes, Gai will be back."
    )
    document = read_text(f"Chapter 3\n\n{MIDDLE}{replies}\n\n{STORY}")
    assert [document.slice(n) for n in document.notes] == [replies]
    assert all(n.chapter == 0 for n in document.notes)


def test_story_talk_of_notes_and_reviews_stays_story():
    text = (
        f"Chapter 1\n\n{MIDDLE}"
        "Note: the meeting is at noon, said the paper pinned to the door.\n\n"
        "She wrote a review of the play for the village paper, and her father read it twice.\n\n"
        f"{STORY}"
    )
    assert read_text(text).notes == []


def test_dash_dialogue_after_an_authors_note_stays_story():
    text = (
        f"Chapter 1\n\n{MIDDLE}"
        "A/N: this scene was hard to write, sorry!\n\n"
        "— Come back, she said.\n\n— No.\n\n— Please.\n"
    )
    document = read_text(text)
    assert [document.slice(n) for n in document.notes] == [
        "A/N: this scene was hard to write, sorry!"
    ]
    assert "— Please." in [document.slice(p) for p in document.story_paragraphs]


@pytest.mark.parametrize("chapters", [1, 3, 40])
def test_story_words_leave_out_exactly_the_paragraphs_that_are_not_story(chapters):
    # Each chapter's words less its heading and its author's note, counted by bisection over
    # the non-story paragraphs: the same as subtracting them one by one.
    text = "".join(
        f'Chapter {i}\n\nA/N: thanks for the kudos!\n\nAnn walked in.\n\n"Hi," she said.\n\n'
        for i in range(1, chapters + 1)
    )
    document = read_text(text, "text")
    story = {p.start for p in document.story_paragraphs}
    for chapter in document.chapters:
        expected = document.count_words(chapter.start, chapter.end) - sum(
            document.count_words(p.start, p.end)
            for p in document.paragraphs
            if p.start not in story and chapter.start <= p.start and p.end <= chapter.end
        )
        assert document.story_words(chapter.start, chapter.end) == expected
    assert document.words == 6 * chapters
