from fanarchive.analysis.document import Chapter, Document, Note, Span
from fanarchive.analysis.model import Analysis, Character, Evidence, Relationship, Tag, Warning
from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_text
from fanarchive.exports.work import NO_WARNINGS_CHOSEN, ExportWork, SeriesPart, text_to_html

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


def structured_document() -> Document:
    """A document whose structure is set by hand: the mapping is tested, not the heuristics."""
    blocks = [
        "A/N: for a friend. <b>bold?</b>",  # 0 work note
        "Chapter 1: The Roof",  # 1 heading
        "Chapter note.",  # 2 chapter 0 note
        '"Hello," said Naruto.',  # 3
        "***",  # 4 scene break
        "Gaara & Naruto watched the stars.",  # 5
        "Chapter 2",  # 6 heading
        "Morning came.",  # 7
        "Chapter end note.",  # 8 chapter 1 end note
        "Thanks for reading!",  # 9 work end note
    ]
    text = "\n\n".join(blocks) + "\n"
    spans, cursor = [], 0
    for block in blocks:
        start = text.index(block, cursor)
        spans.append(Span(start, start + len(block)))
        cursor = start + len(block)
    document = Document(text=text, paragraphs=spans, headings=[spans[1], spans[6]])
    document.scene_breaks = [spans[4]]
    document.chapters = [
        Chapter("Chapter 1: The Roof", spans[1].start, spans[5].end),
        Chapter("Chapter 2", spans[6].start, spans[7].end),
    ]
    document.notes = [
        Note("beginning", spans[0].start, spans[0].end),
        Note("beginning", spans[2].start, spans[2].end, chapter=0),
        Note("end", spans[8].start, spans[8].end, chapter=1),
        Note("end", spans[9].start, spans[9].end),
    ]
    document.metadata.chapter_summaries = {1: "Second summary."}
    return document


def test_notes_go_where_the_structure_puts_them():
    document = structured_document()
    work = ExportWork.from_analysis(document, analyze_document(document))
    assert [c.title for c in work.chapters] == ["Chapter 1: The Roof", "Chapter 2"]
    assert work.notes == "<p>A/N: for a friend. &lt;b&gt;bold?&lt;/b&gt;</p>"
    assert work.end_notes == "<p>Thanks for reading!</p>"
    first, second = work.chapters
    assert first.notes == "<p>Chapter note.</p>" and first.end_notes == ""
    assert second.end_notes == "<p>Chapter end note.</p>" and second.notes == ""
    assert second.summary == "<p>Second summary.</p>"
    assert first.body == (
        '<p>"Hello," said Naruto.</p>\n<hr/>\n<p>Gaara &amp; Naruto watched the stars.</p>'
    )
    assert second.body == "<p>Morning came.</p>"


def test_no_story_text_is_lost_from_a_read_work():
    work = build(STORY)
    rendered = (
        work.notes + work.end_notes + "".join(c.notes + c.body + c.end_notes for c in work.chapters)
    )
    for line in ["for my friend", "Hello", "chapter one end note", "watched the stars",
                 "Goodnight", "Thanks for reading"]:  # fmt: skip
        assert line in rendered, line
    assert [c.title for c in work.chapters] == ["Chapter 1: The Roof", "Chapter 2"]
    assert "Thanks for reading" not in work.chapters[1].body


def test_plain_text_becomes_escaped_paragraphs_and_scene_breaks():
    work = build(STORY)
    rendered = work.notes + work.chapters[0].body
    assert "&lt;b&gt;bold?&lt;/b&gt;" in rendered
    assert "<p>Gaara &amp; Naruto watched the stars.</p>" in work.chapters[1].body
    assert "<hr/>" in work.chapters[1].body


def test_tags_come_from_the_analysis():
    document = read_text(STORY)
    analysis = analyze_document(document)
    work = ExportWork.from_analysis(document, analysis, "Fallback")
    assert work.title == "Fallback"
    assert {"Uzumaki Naruto", "Gaara"} <= set(work.characters)
    assert work.fandoms == ["Naruto"]
    assert work.relationships == [r.tag for r in analysis.relationships]
    assert work.words == analysis.words > 20 and work.chapter_count == "2/2"


def test_tag_mapping_from_an_analysis():
    evidence = [Evidence(0, 4, "text")]
    analysis = Analysis(
        words=99,
        characters=[
            Character("Ann", gender="female", present=True, fandom="Canon A"),
            Character("Bob", gender="male", present=True, fandom="Canon A"),
            Character("Cy", gender="male", present=False, fandom="Canon B"),
        ],
        relationships=[
            Relationship("Ann/Bob", "romantic", ["Ann", "Bob"]),
            Relationship("Bob & Cy", "platonic", ["Bob", "Cy"]),
        ],
        warnings=[
            Warning("Major Character Death", "high", archive_warning=True, evidence=evidence),
            Warning("Blood", "medium", evidence=evidence),
        ],
        tags=[Tag("Hurt/Comfort", evidence), Tag("blood", evidence)],
    )
    work = ExportWork.from_analysis(read_text("Some story text.\n"), analysis)
    assert work.characters == ["Ann", "Bob"]  # present characters only
    assert work.fandoms == ["Canon A"]
    assert work.relationships == ["Ann/Bob", "Bob & Cy"]
    assert work.categories == ["F/M"]
    assert work.warnings == ["Major Character Death"]
    assert work.additional_tags == ["Blood", "Hurt/Comfort"]  # no case-insensitive repeat
    assert work.words == 99 and work.rating == "Not Rated"


def test_no_archive_warning_found_claims_nothing():
    work = ExportWork.from_analysis(read_text("Quiet text.\n"), Analysis())
    assert work.warnings == [NO_WARNINGS_CHOSEN] and work.categories == []


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


def test_series_labels_are_parsed():
    assert SeriesPart.parse("Part 2 of Sand and Leaf") == SeriesPart("Sand and Leaf", 2)
    assert SeriesPart.parse("Sand and Leaf") == SeriesPart("Sand and Leaf", None)


def test_a_work_without_chapter_headings_is_one_untitled_chapter():
    work = build("Just one paragraph of story.\n")
    assert len(work.chapters) == 1 and work.chapters[0].title == ""
    assert work.chapters[0].body == "<p>Just one paragraph of story.</p>"


def test_text_to_html_keeps_line_breaks_inside_a_paragraph():
    assert text_to_html("a\nb\n\nc") == "<p>a<br/>b</p>\n<p>c</p>"
    assert text_to_html("") == ""
