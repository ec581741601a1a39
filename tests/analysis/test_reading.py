"""Reading work files of every supported format into a Document."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import (
    MAX_BYTES,
    decode,
    guess_format,
    read_bytes,
    read_path,
    read_text,
)
from tests.analysis.reading_fixtures import make_docx, make_epub

DATA = Path(__file__).resolve().parents[1] / "data" / "in"
STORY = "\u201cHello,\u201d said Sakura. She smiled at the caf\u00e9 owner.\n"


# --- decoding --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        STORY.encode("utf-8"),
        codecs.BOM_UTF8 + STORY.encode("utf-8"),
        codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"),
        STORY.encode("utf-16-le"),  # Windows tools sometimes drop the BOM
        STORY.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "cp1252"],
)
def test_decode_recovers_the_text(data):
    assert decode(data) == STORY


def test_latin1_bytes_undefined_in_cp1252_still_decode():
    data = "Ren\u00e9e".encode("latin-1") + b" \x81\x8d strange bytes\n"
    assert decode(data).startswith("Ren\u00e9e")


def test_mostly_utf8_with_a_stray_cp1252_byte_stays_utf8():
    data = ("\u201cCaf\u00e9,\u201d she said. " * 20).encode("utf-8") + b"\x93oops\x94\n"
    text = decode(data)
    assert text.startswith("\u201cCaf\u00e9")
    assert "\ufffdoops" in text


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  "])
def test_empty_input_is_refused(data):
    with pytest.raises(ReadError, match="empty"):
        decode(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_binary_input_is_refused_with_a_clear_message(data, message):
    with pytest.raises(ReadError, match=message):
        decode(data)


# --- plain text ------------------------------------------------------------------------------


def test_text_offsets_are_the_decoded_input_with_newlines_normalised():
    raw = "First line.\r\n\r\n\u201cHi,\u201d he said.\rEnd.\n"
    document = read_bytes(raw.encode("utf-8"), "story.txt")
    assert document.text == raw.replace("\r\n", "\n").replace("\r", "\n")
    assert [document.slice(p) for p in document.paragraphs] == [
        "First line.",
        "\u201cHi,\u201d he said.",
        "End.",
    ]


def test_one_paragraph_per_line_without_blank_lines():
    text = (
        '"Where are you going?" asked Ino.\n"Out," said Shikamaru.\nShe sighed and followed him.\n'
    )
    document = read_text(text)
    assert len(document.paragraphs) == 3


def test_hard_wrapped_paragraphs_stay_whole():
    text = (
        "It is a truth universally acknowledged, that a single man in possession\n"
        "of a good fortune, must be in want of a wife. However little known the\n"
        "feelings or views of such a man may be on his first entering a\n"
        "neighbourhood, this truth is so well fixed in the minds of the families.\n"
        "\n"
        '"My dear Mr. Bennet," said his lady to him one day, "have you heard that\n'
        'Netherfield Park is let at last?"\n'
    )
    document = read_text(text)
    assert len(document.paragraphs) == 2
    assert document.slice(document.paragraphs[1]).endswith('at last?"')


def test_text_without_words_is_refused():
    with pytest.raises(ReadError):
        read_text("\n\n   \n")


# --- HTML ------------------------------------------------------------------------------------


def test_ao3_download_html_metadata():
    document = read_path(DATA / "ao3_download.html")
    meta = document.metadata
    assert meta.title == "Rooftop Promises"
    assert meta.authors == ["lanternfox"]
    assert meta.rating == "Teen And Up Audiences"
    assert meta.warnings == ["No Archive Warnings Apply"]
    assert meta.categories == ["M/M"]
    assert meta.fandoms == ["NARUTO (Anime & Manga)"]
    assert meta.relationships == ["Gaara/Uzumaki Naruto"]
    assert meta.characters == ["Gaara (Naruto)", "Uzumaki Naruto"]
    assert meta.additional_tags == ["First Kiss", "Hurt/Comfort"]
    assert meta.language == "English"
    assert meta.summary.startswith("Two boys on a roof")
    assert meta.chapter_summaries == {0: "Night falls."}
    assert meta.source_url == "https://archiveofourown.org/works/123456"


def test_ao3_download_html_notes_and_chapters():
    document = read_path(DATA / "ao3_download.html")
    notes = [(n.position, n.chapter, document.slice(n)) for n in document.notes]
    assert notes == [
        (
            "beginning",
            None,
            "Written for a friend who wanted more rooftop fics. Thanks for reading!",
        ),
        ("beginning", 0, "This chapter was beta'd by my sister."),
        ("end", 0, "More soon, I promise."),
        ("end", None, "Comments and kudos make my day."),
    ]
    assert [c.title for c in document.chapters] == ["Chapter 1: The Roof", "Chapter 2: Morning"]
    assert document.slice(document.chapters[1]).endswith('"I can\'t," said Gaara.')
    assert [document.slice(b) for b in document.scene_breaks] == ["* * *"]
    story = " ".join(document.slice(p) for p in document.story_paragraphs)
    assert "Chapter 1" not in story and "kudos" not in story and "Preface" not in story
    assert "drop by the archive" not in document.text


def test_fanficfare_html():
    document = read_path(DATA / "fanficfare.html")
    meta = document.metadata
    assert (meta.title, meta.authors, meta.fandoms) == ("The Long Road", ["quietwren"], ["Naruto"])
    assert meta.characters == ["Hatake Kakashi", "Maito Gai"]
    assert meta.summary == "A mission goes sideways and two rivals walk home."
    assert [c.title for c in document.chapters] == ["1. Setting Out", "2. Coming Home"]
    assert "Table of Contents" not in document.text
    assert [document.slice(b) for b in document.scene_breaks] == ["~*~*~"]


def test_malformed_html_is_read_and_scripts_are_dropped():
    document = read_path(DATA / "malformed.html")
    text = document.text
    for marker in ("SCRIPT-TEXT", "STYLE-TEXT", "NOSCRIPT-TEXT", "alert", "<", ">"):
        assert marker not in text
    paragraphs = [document.slice(p) for p in document.paragraphs]
    assert "The first paragraph never closes" in paragraphs
    assert "The second one has bold and italic text crossed over." in paragraphs
    assert "Line one\nLine two" in paragraphs
    assert "A new paragraph after two breaks." in paragraphs
    assert "Click me & see \u00a9 entities \u2014 and &unknown; ones." in paragraphs
    assert paragraphs[-1] == "Unclosed link at the very end"
    assert len(document.scene_breaks) == 1


def test_generic_html_headings_become_chapters():
    markup = (
        "<html><body><h1>Snowfall</h1><h2>One</h2><p>Snow fell.</p><h2>Two</h2>"
        "<p>It melted.</p><h3>An aside</h3><p>Water ran.</p></body></html>"
    )
    document = read_text(markup, "html")
    assert document.metadata.title == "Snowfall"
    assert [c.title for c in document.chapters] == ["One", "Two"]
    assert "An aside" in [document.slice(p) for p in document.story_paragraphs]


def test_deeply_nested_html_does_not_crash():
    markup = "<div>" * 5000 + "<p>Deep text.</p>" + "</div>" * 10
    assert "Deep text." in read_text(markup, "html").text


# --- Markdown, .docx, EPUB -------------------------------------------------------------------


def test_markdown_headings_rules_and_emphasis():
    document = read_path(DATA / "story.md")
    assert document.metadata.title == "The Lantern Festival"
    assert [c.title for c in document.chapters] == ["Chapter 1: Paper Lights", "Chapter 2: Ashes"]
    assert len(document.scene_breaks) == 2
    assert "It's perfect, she thought." in document.text
    assert "asked Ino," in document.text
    assert "*" not in document.text.replace("* * *", "")
    assert "https://" not in document.text


def test_docx_styles_give_title_and_chapters():
    data = make_docx(
        [
            ("Title", "Ink and Paper"),
            ("Heading1", "Chapter 1"),
            ("", "\u201cWrite it down,\u201d said Sai."),
            ("", "* * *"),
            ("", "He drew instead.\nA second line."),
            ("Heading1", "Chapter 2"),
            ("", "The ink dried."),
        ],
        title="",
        author="inkwell",
    )
    document = read_bytes(data, "work.docx")
    assert document.metadata.title == "Ink and Paper"
    assert document.metadata.authors == ["inkwell"]
    assert [c.title for c in document.chapters] == ["Chapter 1", "Chapter 2"]
    assert "He drew instead.\nA second line." in document.text
    assert [document.slice(b) for b in document.scene_breaks] == ["* * *"]


def test_damaged_docx_is_a_read_error():
    with pytest.raises(ReadError, match="docx"):
        read_bytes(b"PK\x03\x04 definitely not a zip", "work.docx")


AO3_PREFACE = (
    '<div id="preface"><p class="message"><b>Sand Letters</b></p><div class="meta">'
    '<dl class="tags"><dt>Fandom:</dt><dd><a href="#">Naruto</a></dd>'
    '<dt>Relationship:</dt><dd><a href="#">Gaara &amp; Uzumaki Naruto</a></dd></dl>'
    '<h1>Sand Letters</h1><div class="byline">by <a href="#">dunewriter</a></div>'
    '<p>Summary</p><blockquote class="userstuff"><p>Letters across a desert.</p></blockquote>'
    "</div></div>"
)


def test_ao3_series_row_keeps_the_part_beside_its_link():
    """AO3's download preface links each series after its position ("Part 2 of <a>Title</a>",
    joined by commas): the reader keeps the words and the link together, and a comma inside
    a linked title does not split it; tag rows still read one value per link."""
    preface = (
        '<div id="preface"><p class="message"><b>Sand Letters</b></p><div class="meta">'
        '<dl class="tags"><dt>Fandom:</dt><dd><a href="#">Naruto</a>, <a href="#">Bleach</a></dd>'
        '<dt>Series:</dt><dd>Part 2 of <a href="https://archiveofourown.org/series/7">'
        'Sand, and Leaf</a>, Part 1 of <a href="https://archiveofourown.org/series/9">'
        "Letters</a></dd></dl><h1>Sand Letters</h1></div></div>"
        '<div id="chapters"><div class="userstuff"><p>Dear Naruto.</p></div></div>'
    )
    meta = read_bytes(f"<html><body>{preface}</body></html>".encode(), "work.html").metadata
    assert meta.series == ["Part 2 of Sand, and Leaf", "Part 1 of Letters"]
    assert meta.fandoms == ["Naruto", "Bleach"]


def test_ao3_epub_in_spine_order():
    pages = [
        ("preface.xhtml", AO3_PREFACE),
        (
            "chapter2.xhtml",
            '<div id="chapters"><div class="meta group"><h2 class="heading">Chapter 1</h2></div>'
            '<div class="userstuff"><p>"Dear Naruto," Gaara wrote.</p></div></div>',
        ),
    ]
    data = make_epub(pages, {"title": "Sand Letters (OPF)", "creator": "dunewriter"})
    document = read_bytes(data, "work.epub")
    assert document.source_format == "epub"
    assert document.metadata.title == "Sand Letters"
    assert document.metadata.relationships == ["Gaara & Uzumaki Naruto"]
    assert document.metadata.summary == "Letters across a desert."
    assert [c.title for c in document.chapters] == ["Chapter 1"]
    assert '"Dear Naruto," Gaara wrote.' in document.text


def test_fanficfare_epub_title_page_is_metadata_not_text():
    pages = [
        (
            "title_page.xhtml",
            "<h3>Night Watch</h3><div><b>Author:</b> owlet<br/><b>Category:</b> Naruto<br/>"
            "<b>Characters:</b> Nara Shikamaru, Temari<br/><b>Summary:</b> A long night.<br/></div>",
        ),
        ("file0001.xhtml", '<h3 class="fff_chapter_title">The Gate</h3><p>Temari yawned.</p>'),
        ("file0002.xhtml", '<h3 class="fff_chapter_title">The Wall</h3><p>He did too.</p>'),
    ]
    data = make_epub(pages, {"title": "Night Watch", "creator": "owlet", "language": "en"})
    document = read_bytes(data, "night.epub")
    assert document.metadata.characters == ["Nara Shikamaru", "Temari"]
    assert document.metadata.fandoms == ["Naruto"]
    assert document.metadata.language == "en"
    assert [c.title for c in document.chapters] == ["The Gate", "The Wall"]
    assert "Author:" not in document.text


# --- limits and format guessing --------------------------------------------------------------


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(ReadError, match="larger than|refused"):
        read_path(huge)
    assert MAX_BYTES < 50 * 1024 * 1024


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_path(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"<html>", "text"),
        ("a.HTM", b"", "html"),
        ("a.markdown", b"", "markdown"),
        ("a.docx", b"", "docx"),
        ("a.epub", b"", "epub"),
        ("", b"<!DOCTYPE html><html>", "html"),
        ("", b"PK\x03\x04....mimetypeapplication/epub+zip", "epub"),
        ("", b"Just a story.", "text"),
    ],
)
def test_guess_format(name, head, expected):
    assert guess_format(name, head) == expected


def test_ao3_epub_with_chapters_split_over_files():
    """Calibre-made EPUBs split #chapters over files, re-wrapping each piece."""
    chapter = (
        '<div class="meta group"><h2 class="heading">Chapter {n}</h2>'
        '<p>Chapter Notes</p><blockquote class="userstuff"><p>Note {n}.</p></blockquote></div>'
        '<div class="userstuff"><p>Text of chapter {n}.</p><hr/><p>More of {n}.</p></div>'
    )
    pages = [
        ("split_000.xhtml", AO3_PREFACE),
        ("split_001.xhtml", f'<div id="chapters" class="userstuff">{chapter.format(n=1)}</div>'),
        (
            "split_002.xhtml",
            f'<div class="calibre"><div class="userstuff">{chapter.format(n=2)}</div></div>',
        ),
        (
            "split_003.xhtml",
            '<div id="afterword"><div class="meta"><div id="endnotes"><p>End Notes</p>'
            '<blockquote class="userstuff"><p>Bye.</p></blockquote></div></div></div>',
        ),
    ]
    document = read_bytes(make_epub(pages, {"title": "Sand Letters"}), "split.epub")
    assert [c.title for c in document.chapters] == ["Chapter 1", "Chapter 2"]
    assert [(n.position, n.chapter, document.slice(n)) for n in document.notes] == [
        ("beginning", 0, "Note 1."),
        ("beginning", 1, "Note 2."),
        ("end", None, "Bye."),
    ]
    assert len(document.scene_breaks) == 2
    assert "Text of chapter 2." in document.text


@pytest.mark.parametrize(
    "text",
    [
        '"She--she\'s just referring to some conversation we had on the road,"\n'
        'said Matthew hastily. "I\'m going out to put the mare in, Marilla."\n',
        '"Oh! hang Kitty! what has she to do with it? Come be quick, be quick!\n'
        'where is your sash my dear?"\n',
    ],
)
def test_wrapped_dialogue_lines_stay_one_paragraph(text):
    assert len(read_text(text).paragraphs) == 1


def test_a_lower_case_line_continues_the_line_before():
    text = '"Wait," said Ino.\n"Why?" Sakura asked, and then\nstopped.\nThe door opened.\n'
    paragraphs = [read_text(text).slice(p) for p in read_text(text).paragraphs]
    assert paragraphs == [
        '"Wait," said Ino.',
        '"Why?" Sakura asked, and then\nstopped.',
        "The door opened.",
    ]


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", " " * (30 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024  # small on disk, huge unpacked
    with pytest.raises(ReadError, match="unpacks to more than"):
        read_bytes(buffer.getvalue(), "bomb.docx")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Привет, сказала она. Она открыла окно и посмотрела на море. " * 20, "cp1251"),
        ("Καλημέρα, είπε εκείνη. Άνοιξε το παράθυρο και κοίταξε τη θάλασσα. " * 20, "cp1253"),
        ("「おはよう」と彼女は言った。窓を開けて海を見た。" * 20, "euc-jp"),
        ("她打开窗户，看着大海。早上好，她说。今天是一个安静的早晨。" * 20, "gb18030"),
    ],
    ids=["cyrillic-cp1251", "greek-cp1253", "japanese-euc-jp", "chinese-gb18030"],
)
def test_text_in_an_old_non_western_encoding_is_refused_not_analysed(text, encoding):
    with pytest.raises(ReadError, match="save it as UTF-8"):
        read_bytes(text.encode(encoding), "story.txt")


@pytest.mark.parametrize(
    "text",
    [
        "Elle ouvrit la fenêtre. « Bonjour », dit Amélie. Où est-il ? Ça va, répondit-il. ",
        "Hún opnaði gluggann og horfði á hafið. Góðan daginn, sagði hún. Þetta var fallegt. ",
        "Sie öffnete das Fenster und schaute aufs Meer. Schöne Grüße, sagte sie. ",
    ],
    ids=["french", "icelandic", "german"],
)
def test_western_text_in_cp1252_is_still_read(text):
    assert read_bytes((text * 20).encode("cp1252"), "story.txt").text.startswith(text[:20])
