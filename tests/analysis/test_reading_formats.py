"""Every file a reader has: AO3's five download formats and its saved work page, PDF, MOBI and
AZW3 (through calibre's ebook-convert), noise refused, and the readers' bounded costs."""

from __future__ import annotations

import ast
import codecs
import io
import os
import shutil
import subprocess
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import guess_format, read_bytes, read_text
from tests.analysis.reading_fixtures import (
    ao3_download_html,
    ao3_work_page,
    calibre_like_epub,
    flat_ao3_html,
    make_epub,
    make_pdf,
)

CHAPTERS = ["Chapter 1: Tide 1", "Chapter 2: Tide 2", "Chapter 3: Tide 3"]
needs_calibre = pytest.mark.skipif(
    shutil.which("ebook-convert") is None, reason="calibre's ebook-convert is not installed"
)
# AO3's own ebook-convert options (otwarchive app/models/download_writer.rb).
AO3_CHAPTER_XPATH = (
    "//h:body/h:div[@id='chapters']/h:h2[@class='toc-heading'] | "
    "//h:body/h:div[@id='chapters']/h:div[@class='meta group']/h:h2[@class='heading'] | "
    "//h:body/h:div[@id='preface' or @id='afterword']/h:h2[@class='toc-heading']"
)


def notes_of(document):
    return [(n.position, n.chapter, document.slice(n)) for n in document.notes]


def assert_ao3_work(document, chapters=3, end_notes=True):
    assert [c.title for c in document.chapters] == CHAPTERS[:chapters]
    meta = document.metadata
    assert (meta.title, meta.authors, meta.summary) == (
        "Harbour Lights",
        ["saltwind"],
        "Two sailors and a lamp.",
    )
    assert meta.fandoms == ["Original Work"] and meta.characters == ["Mira", "Tomas"]
    notes = notes_of(document)
    assert notes[0] == ("beginning", None, "Thanks for reading!")
    assert notes[-1] == ("end", None, "Kudos welcome.")
    for n in range(chapters):
        assert ("beginning", n, f"Note {n + 1}.") in notes
        if end_notes:
            assert ("end", n, f"End note {n + 1}.") in notes
        assert '"You are late," said Tomas.' in document.slice(document.chapters[n])
    story = " ".join(document.slice(p) for p in document.story_paragraphs)
    assert "Note 1." not in story and "Thanks for reading" not in story
    assert "Preface" not in story and "Afterword" not in story and "drop by" not in story


# --- AO3's EPUB (calibre renames its classes) ------------------------------------------------


def test_an_ao3_epub_keeps_its_chapters_when_calibre_renamed_the_classes():
    document = read_bytes(calibre_like_epub(3), "work.epub")
    assert_ao3_work(document)
    assert len(document.scene_breaks) == 3


def _ao3_convert(tmp_path: Path, fmt: str) -> bytes:
    source = tmp_path / "work.html"
    source.write_text(ao3_download_html(3), encoding="utf-8")
    target = tmp_path / f"work.{fmt}"
    command = ["ebook-convert", str(source), str(target), "--input-encoding", "utf-8"]
    command += ["--toc-threshold", "0", "--use-auto-toc", "--title", "Harbour Lights"]
    command += ["--authors", "saltwind", "--chapter", AO3_CHAPTER_XPATH]
    if fmt == "pdf":
        command += ["--pdf-default-font-size", "17", "--subset-embedded-fonts"]
    env = dict(os.environ, QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox", HOME=str(tmp_path))
    subprocess.run(command, env=env, capture_output=True, timeout=300, check=False)
    if not target.is_file():
        pytest.skip(f"ebook-convert could not write a {fmt} file on this machine")
    return target.read_bytes()


@needs_calibre
@pytest.mark.parametrize("fmt", ["epub", "azw3", "mobi", "pdf"])
def test_ao3_downloads_made_by_calibre_read_like_the_html(tmp_path, fmt):
    """AO3 makes its EPUB, AZW3, MOBI and PDF downloads from the HTML with ebook-convert."""
    document = read_bytes(_ao3_convert(tmp_path, fmt), f"work.{fmt}")
    assert document.source_format == fmt
    assert_ao3_work(document, end_notes=False)


# --- a saved AO3 work page -------------------------------------------------------------------


def test_a_saved_ao3_work_page_reads_with_its_tags_and_notes():
    document = read_text(ao3_work_page(2), "html")
    assert_ao3_work(document, chapters=2)
    meta = document.metadata
    assert meta.rating == "General Audiences"
    assert meta.warnings == ["No Archive Warnings Apply"]
    assert meta.relationships == ["Mira/Tomas"]
    assert meta.additional_tags == ["Slow Burn"]
    assert meta.language == "English"
    assert meta.chapter_summaries == {0: "Summary 1.", 1: "Summary 2."}
    assert meta.source_url == "https://archiveofourown.org/works/1"  # from its chapter links
    for chrome in ("Kudos from", "Comment by", "Main Content", "Chapter Text", "beta"):
        assert chrome not in document.text


# --- PDF -------------------------------------------------------------------------------------


def test_a_pdf_reads_as_paragraphs_with_page_breaks_mended():
    pages = [
        [
            "Chapter 1",
            "",
            "The harbour was quiet when Mira came down to the boats and the",
            "water was still.",
            "",
            '"You are late," said Tomas.',
            "",
            "She laughed at him and the gulls went up from the stones of the old",
        ],
        ["harbour wall into the grey sky.", "", "Chapter 2", "", "Morning came."],
    ]
    document = read_bytes(make_pdf(pages, title="Harbour Lights"), "work.pdf")
    assert document.source_format == "pdf"
    assert document.metadata.title == "Harbour Lights"
    assert [c.title for c in document.chapters] == ["Chapter 1", "Chapter 2"]
    paragraphs = [document.slice(p) for p in document.paragraphs]
    assert (
        "The harbour was quiet when Mira came down to the boats and the water was still."
        in paragraphs
    )
    assert paragraphs[3] == (
        "She laughed at him and the gulls went up from the stones of the old harbour wall "
        "into the grey sky."
    )


def test_a_pdf_named_txt_is_still_read_as_a_pdf():
    data = make_pdf([["A short story about a lamp and the sea."]])
    assert guess_format("story.txt", data[:4096]) == "pdf"
    assert "lamp" in read_bytes(data, "story.txt").text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (make_pdf([[]]), "no text layer"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF", "PDF"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 40, "PDF"),
    ],
    ids=["no-text-layer", "no-pages", "garbage"],
)
def test_unreadable_pdfs_are_refused_by_name(data, message):
    with pytest.raises(ReadError, match=message):
        read_bytes(data, "work.pdf")


# --- MOBI / AZW3 -----------------------------------------------------------------------------


def test_mobi_without_calibre_is_refused_with_the_reason(monkeypatch):
    from fanarchive.analysis.reading import calibre

    monkeypatch.setattr(calibre, "COMMAND", "ebook-convert-not-installed-here")
    data = b"\0" * 60 + b"BOOKMOBI" + b"\0" * 200
    with pytest.raises(ReadError, match="ebook-convert, which is not installed"):
        read_bytes(data, "work.mobi")


def test_a_file_named_mobi_without_a_mobi_header_is_refused():
    with pytest.raises(ReadError, match="not a valid MOBI"):
        read_bytes(b"just some text pretending", "work.mobi")


@needs_calibre
def test_a_damaged_azw3_is_refused_not_crashed():
    data = b"Harbour".ljust(60, b"\0") + b"BOOKMOBI" + bytes(range(256)) * 8
    with pytest.raises(ReadError, match="AZW3"):
        read_bytes(data, "work.azw3")


# --- noise is never analysed -----------------------------------------------------------------


def test_binary_that_decodes_as_utf16_is_refused():
    """Bytes with a NUL in every other byte look like UTF-16 without a BOM; a PDF's streams
    decoded that way were analysed as 20,000 words of gibberish with exit 0."""
    import random

    rng = random.Random(7)
    points = [
        rng.randrange(0xA0, 0x100) if i % 2 else rng.randrange(0x100, 0xFFFF) for i in range(20000)
    ]
    data = b"".join(point.to_bytes(2, "little") for point in points)
    with pytest.raises(ReadError, match="unreadable|writing systems|symbols"):
        read_bytes(data, "story.txt")


@pytest.mark.parametrize(
    "text",
    [
        "".join(chr(0x2500 + (i * 37) % 900) for i in range(3000)),  # box drawing and symbols
        "".join(chr(c) for c in range(0x0400, 0x1400)) * 2,  # a dozen scripts at once
    ],
    ids=["symbols", "scattered-scripts"],
)
def test_gibberish_text_is_refused(text):
    with pytest.raises(ReadError):
        read_bytes(text.encode("utf-8"), "story.txt")


def test_a_string_given_as_a_work_is_never_refused_as_noise():
    """A work typed into the archive (read_text) is the author's text: ASCII art stays."""
    art = "\n".join("*~*~*~*~*~*~*~*~*~*~*~*~*~*~*~*~*~*~*" for _ in range(30)) + "\nThe end.\n"
    assert read_text(art).words >= 2


@pytest.mark.parametrize(
    "text",
    [
        "« Bonjour », dit Amélie. Elle ouvrit la fenêtre et regarda la mer. " * 30,
        "「おはよう」と彼女は言った。窓を開けて海を見た。今日は静かな朝だった。" * 30,
        "— Привет, — сказала она. Она открыла окно и посмотрела на море. " * 30,
        '그녀는 창문을 열고 바다를 보았다. "안녕," 그녀가 말했다. 漢字도 조금. ' * 30,
    ],
    ids=["french", "japanese", "russian", "korean"],
)
def test_prose_in_other_languages_is_not_noise(text):
    assert read_bytes(text.encode("utf-8"), "story.txt").words > 10
    assert read_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "story.txt").words > 10


# --- bounded costs (issue 16, finding 16) ----------------------------------------------------


def test_an_epub_whose_spine_repeats_a_big_page_is_refused_before_reading():
    page = "<p>" + "The sea was calm and grey. " * (6 * 1024 * 1024 // 27) + "</p>"
    opf_spine = "".join('<itemref idref="p0"/>' for _ in range(40))
    data = make_epub([("big.xhtml", page)], {"title": "Spine"})
    data = _with_spine(data, opf_spine)
    assert len(data) < 200 * 1024  # small on disk: 40 references to one 6 MB page
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match="spine counts each time|more than 20 MB"):
            read_bytes(data, "spine.epub")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024  # the page was never inflated, let alone parsed


def _with_spine(data: bytes, spine: str) -> bytes:
    """Rewrite the EPUB's OPF so its spine is `spine`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith(".opf"):
                text = content.decode()
                start, end = text.index("<spine"), text.index("</spine>")
                head = text[start : text.index(">", start) + 1]
                content = (text[:start] + head + spine + text[end:]).encode()
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_deeply_nested_epub_pages_stay_bounded():
    page = "<div>" * 30000 + "<p>Deep in the harbour.</p>" + "</div>" * 30000
    document = read_bytes(make_epub([("deep.xhtml", page)], {"title": "Deep"}), "deep.epub")
    assert "Deep in the harbour." in document.text


# --- package shape: the readers import no one in a circle ------------------------------------


def test_reader_modules_import_each_other_in_no_cycle():
    package = Path(__file__).resolve().parents[2] / "src" / "fanarchive" / "analysis" / "reading"
    prefix = "fanarchive.analysis.reading."
    graph: dict[str, set[str]] = {}
    for path in package.glob("*.py"):
        imports = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module.startswith(prefix):
                    imports.add(node.module.removeprefix(prefix))
                elif node.module == prefix.rstrip("."):
                    imports.update(alias.name for alias in node.names)
        graph[path.stem] = imports - {path.stem, "__init__"}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    cycles = [module for module in graph if reaches(module, module, {module})]
    assert cycles == []


def test_ao3_markup_flattened_by_calibre_is_read_by_its_labels():
    """calibre's MOBI output keeps no ids or classes: AO3's labels are all there is."""
    assert_ao3_work(read_text(flat_ao3_html(2), "html"), chapters=2)
    document = read_text(flat_ao3_html(2, story_afterword=True), "html")
    assert [c.title for c in document.chapters] == CHAPTERS[:2]
    assert ("end", 1, "End note 2.") in notes_of(document)
    story = [document.slice(p) for p in document.story_paragraphs]
    assert story.count("The lamp burned on.") == 2  # a story paragraph "Afterword" is no end
    assert "Table of Contents" not in document.text
    assert len(document.scene_breaks) == 2


def test_a_pdf_page_that_inflates_like_a_zip_bomb_is_refused():
    data = make_pdf([["A lamp by the sea."]], padding=40 * 1024 * 1024)
    assert len(data) < 100 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match="unpacks to more than"):
            read_bytes(data, "bomb.pdf")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 48 * 1024 * 1024  # never the 40 MB page and its parse


def test_a_padded_but_small_pdf_page_is_still_read():
    data = make_pdf([["A lamp by the sea, and a boat beside it."]], padding=1024 * 1024)
    assert "lamp by the sea" in read_bytes(data, "work.pdf").text


def test_headings_inside_a_chapters_text_are_text_in_html_and_epub():
    """An author's own <h2> (a section title inside the chapter) opens no chapter."""
    inner = "<div><h2>Part One</h2><p>The lamp was lit at dusk.</p></div>"
    html = ao3_download_html(2).replace("<p>End of part 1.</p>", f"<p>End of part 1.</p>{inner}")
    epub = make_epub(
        [
            (
                "work_split_000.html",
                '<div id="preface" class="calibre1"><p class="message"><b>Harbour Lights</b><br/>'
                "Posted originally on the Archive of Our Own at "
                '<a href="https://archiveofourown.org/works/1">x</a>.</p>'
                '<div class="calibre1"><dl class="message"><dt>Fandom:</dt><dd>Original Work'
                "</dd></dl></div></div>",
            ),
            (
                "work_split_001.html",
                '<div id="chapters" class="calibre1"><div class="calibre1"><h2 class="toc-heading">'
                'Chapter 1: Tide 1</h2></div><div class="calibre1"><p>The harbour was quiet.</p>'
                f"{inner}</div></div>",
            ),
        ],
        {"title": "Harbour Lights"},
    )
    for document in (read_text(html, "html"), read_bytes(epub, "work.epub")):
        assert "Part One" not in [c.title for c in document.chapters]
        assert "Part One" in [document.slice(p) for p in document.story_paragraphs]
        assert "The lamp was lit at dusk." in document.text


def test_a_saved_single_chapter_ao3_page():
    page = ao3_work_page(1)
    start = page.index('<div id="chapters" role="article">')
    end = page.index('<div class="afterword')
    single = (
        '<div id="chapters" role="article"><h3 class="landmark heading" id="work">Work Text:'
        '</h3><div class="userstuff"><p>The harbour was quiet.</p></div></div>'
    )
    document = read_text(page[:start] + single + page[end:], "html")
    assert len(document.chapters) == 1
    assert [document.slice(p) for p in document.story_paragraphs] == ["The harbour was quiet."]
    assert document.metadata.title == "Harbour Lights"


def test_pdf_paragraphs_set_off_by_a_first_line_indent():
    """Word processors' PDFs often mark paragraphs by indenting their first line only."""
    page = [
        "                     Chapter 1",
        "    The harbour was quiet when Mira came down to the boats and the",
        "water was still and grey under the low sky of the northern winter.",
        '    "You are late," said Tomas.',
        "    She laughed at him and the gulls went up from the stones of the",
        "old harbour wall.",
    ]
    document = read_bytes(make_pdf([page]), "work.pdf")
    assert [document.slice(p) for p in document.paragraphs] == [
        "Chapter 1",
        "The harbour was quiet when Mira came down to the boats and the water was still and "
        "grey under the low sky of the northern winter.",
        '"You are late," said Tomas.',
        "She laughed at him and the gulls went up from the stones of the old harbour wall.",
    ]


@needs_calibre
@pytest.mark.skipif(shutil.which("prlimit") is None, reason="util-linux prlimit is not installed")
def test_the_converter_runs_under_an_output_size_limit(tmp_path, monkeypatch):
    from fanarchive.analysis.reading import calibre

    data = _ao3_convert(tmp_path, "azw3")
    monkeypatch.setattr(calibre, "MAX_OUTPUT_BYTES", 2048)  # smaller than the EPUB it writes
    with pytest.raises(ReadError, match="could not be converted"):
        read_bytes(data, "work.azw3")


def test_plural_tag_labels_are_read():
    """AO3 writes "Categories:" and "Archive Warnings:" when a work has several."""
    page = ao3_work_page(1).replace(
        '<dt class="warning tags">Archive Warning:</dt>',
        '<dt class="category tags">Categories:</dt><dd class="category tags"><ul><li>'
        '<a class="tag" href="#">F/M</a></li><li><a class="tag" href="#">Gen</a></li></ul></dd>'
        '<dt class="warning tags">Archive Warnings:</dt>',
    )
    meta = read_text(page, "html").metadata
    assert meta.categories == ["F/M", "Gen"]
    assert meta.warnings == ["No Archive Warnings Apply"]
