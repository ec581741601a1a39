from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_text
from fanarchive.exports.work import NO_WARNINGS_CHOSEN, ExportWork, text_to_html

STORY = """A/N: This is for my friend. <b>bold?</b>

Chapter 1: The Roof

"Hello," said Naruto. Naruto smiled at Gaara.

"Hi," Gaara replied. They sat together on the roof.

A/N: chapter one end note

Chapter 2

Gaara & Naruto watched the stars.

***

Later, Naruto said, "Goodnight."

A/N: Thanks for reading!
"""


def build(text: str) -> ExportWork:
    document = read_text(text)
    return ExportWork.from_analysis(document, analyze_document(document), "Fallback")


def test_notes_are_split_between_work_and_chapters():
    work = build(STORY)
    assert [c.title for c in work.chapters] == ["Chapter 1: The Roof", "Chapter 2"]
    assert "for my friend" in work.notes
    assert "Thanks for reading" in work.end_notes
    assert "chapter one end note" in work.chapters[0].end_notes
    assert "Thanks" not in work.chapters[1].body and "A/N" not in work.chapters[0].body


def test_plain_text_becomes_escaped_paragraphs_and_scene_breaks():
    work = build(STORY)
    assert "&lt;b&gt;bold?&lt;/b&gt;" in work.notes
    assert "<p>Gaara &amp; Naruto watched the stars.</p>" in work.chapters[1].body
    assert "<hr/>" in work.chapters[1].body


def test_tags_come_from_the_analysis():
    work = build(STORY)
    assert work.title == "Fallback"
    assert {"Uzumaki Naruto", "Gaara"} <= set(work.characters)
    assert work.fandoms == ["Naruto"]
    assert any("Gaara" in r and "Uzumaki Naruto" in r for r in work.relationships)
    assert work.warnings == [NO_WARNINGS_CHOSEN]
    assert work.words > 20 and work.chapter_count == "2/2"


def test_file_metadata_wins_and_merges_without_repeats():
    document = read_text(STORY)
    document.metadata.title = "Real Title"
    document.metadata.authors = ["someone"]
    document.metadata.characters = ["gaara"]  # same tag, other case
    document.metadata.summary = "A summary.\n\nTwo paragraphs <i>here</i>."
    work = ExportWork.from_analysis(document, analyze_document(document))
    assert work.title == "Real Title" and work.authors == ["someone"]
    assert [c.casefold() for c in work.characters].count("gaara") == 1
    assert work.summary == "<p>A summary.</p>\n<p>Two paragraphs &lt;i&gt;here&lt;/i&gt;.</p>"


def test_a_work_without_chapter_headings_is_one_untitled_chapter():
    work = build("Just one paragraph of story.\n")
    assert len(work.chapters) == 1 and work.chapters[0].title == ""
    assert work.chapters[0].body == "<p>Just one paragraph of story.</p>"


def test_text_to_html_keeps_line_breaks_inside_a_paragraph():
    assert text_to_html("a\nb\n\nc") == "<p>a<br/>b</p>\n<p>c</p>"
    assert text_to_html("") == ""
