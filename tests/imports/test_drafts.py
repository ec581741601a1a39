from fanarchive.analysis.reading import read_text
from fanarchive.imports.drafts import Draft, DraftChapter, draft_from_document


def test_hash_ignores_whitespace_and_source_but_not_text():
    a = Draft("a.txt", "Title", [DraftChapter("", "One  two\nthree")], authors=["x"])
    b = Draft("b.zip!a.txt", "Title", [DraftChapter("", "One two three ")], authors=["x"])
    c = Draft("c.txt", "Title", [DraftChapter("", "One two four")], authors=["x"])
    assert a.content_hash == b.content_hash != c.content_hash


def test_round_trip_through_a_dict():
    draft = Draft("s", "T", [DraftChapter("c", "body", notes="n")], fandoms=["F"], complete=True)
    again = Draft.from_dict(draft.to_dict())
    assert again == draft and again.content_hash == draft.content_hash


def test_plain_text_chapters_lose_their_heading_line():
    text = "Chapter 1: Rain\n\nIt rained.\n\nChapter 2: Sun\n\nIt cleared.\n"
    draft = draft_from_document(read_text(text), "s.txt", "Fallback")
    assert draft.title == "Fallback"
    assert [c.body for c in draft.chapters] == ["It rained.", "It cleared."]
