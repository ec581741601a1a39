import io
import zipfile
from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest

from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_bytes
from fanarchive.exports import (
    FORMATS,
    ExportWork,
    UnknownFormatError,
    download_filename,
    export_work,
)
from fanarchive.exports.epub import render_epub
from fanarchive.exports.sanitize import clean_work
from tests.exports.conftest import assert_epubcheck_clean


def epub_files(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_html_carries_preface_chapters_and_afterword(full_work):
    page = export_work(full_work, "html").decode("utf-8")
    for expected in [
        "<title>The Roof &amp; the Stars</title>",
        "<dt>Rating:</dt>\n<dd>Teen And Up Audiences</dd>",
        "<dt>Relationship:</dt>\n<dd>Gaara/Uzumaki Naruto</dd>",
        "<dt>Additional Tags:</dt>\n<dd>First Kiss, Fluff</dd>",
        # AO3 links the series after its position; ao3downloader's series update reads it
        # (AO3's path in the fragment: exports/ao3links.py).
        '<dt>Series:</dt>\n<dd>Part 2 of <a href="https://archive.example/series/7'
        '#archiveofourown.org/series/7">Sand and Leaf</a></dd>',
        "Published: 2024-03-01 Updated: 2024-04-02 Words: 1,234 Chapters: 2/?",
        '<div class="byline">by inkwell, Second Author</div>',
        "<em>Stars.</em>",
        '<h2 class="heading">The Roof</h2>',
        '<h2 class="heading">Chapter 2</h2>',
        "Chapter End Notes",
        '<a href="#endnotes-1">more notes</a>',
        '<div id="endnotes">',
        '<a href="https://example.org/x">link</a>',
    ]:
        assert expected in page, expected
    assert "<script" not in page and "http://" not in page.split("<body>")[0]
    # A link to an id the download lacks is dropped, its text kept.
    assert "#local" not in page and "local one" in page


def test_text_has_the_tag_block_and_wrapped_chapters(full_work):
    text = export_work(full_work, "txt").decode("utf-8")
    assert "Rating: Teen And Up Audiences\nArchive Warning: No Archive Warnings Apply\n" in text
    assert "Characters: Gaara, Uzumaki Naruto" in text
    assert "The Roof\n--------" in text and "Chapter 2\n---------" in text
    assert "    Chapter end note." in text and "End Notes\n\n    Thanks for reading!" in text
    assert "* * *" in text and "Later\u00a0that night.\nQuiet." in text
    assert "* one\n\n* two" in text
    assert max(len(line) for line in text.splitlines()) <= 78
    assert "<" not in text


def test_epub_container_layout(full_work):
    data = export_work(full_work, "epub")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
    files = epub_files(data)
    assert {
        "META-INF/container.xml",
        "content.opf",
        "EPUB/nav.xhtml",
        "EPUB/style.css",
    } <= set(files)
    for name, content in files.items():
        if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
            ElementTree.fromstring(content.encode())  # well-formed XML
    opf = files["content.opf"]
    assert "<dc:title>The Roof &amp; the Stars</dc:title>" in opf
    assert "<dc:language>en</dc:language>" in opf and 'property="dcterms:modified"' in opf
    assert '<dc:identifier id="uid">urn:uuid:' in opf
    assert "&nbsp;" not in files["EPUB/chapter-001.xhtml"]


def test_epub_metadata_as_ao3_writes_it(full_work):
    """AO3's calibre-made EPUB: every tag a dc:subject, the authors as creators, the summary as
    the description, the root `content.opf` whose first XHTML item is the preface, and the
    stats in `dd.calibre5` (what ao3downloader's update check reads)."""
    files = epub_files(export_work(full_work, "epub"))
    package = ElementTree.fromstring(files["content.opf"].encode())
    ns = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
    subjects = [s.text for s in package.iterfind(".//dc:subject", ns)]
    assert subjects[:4] == ["Teen And Up Audiences", "No Archive Warnings Apply", "M/M", "Naruto"]
    assert [c.text for c in package.iterfind(".//dc:creator", ns)] == ["inkwell", "Second Author"]
    assert (
        'refines="#creator-2" property="role" scheme="marc:relators">aut<' in files["content.opf"]
    )
    assert package.find(".//dc:description", ns).text
    items = package.iterfind(".//opf:item[@media-type='application/xhtml+xml']", ns)
    preface_path = next(items).get("href")
    assert preface_path == "EPUB/preface.xhtml"
    preface = ElementTree.fromstring(files[preface_path].encode())
    stats = preface.find(".//{http://www.w3.org/1999/xhtml}dd[@class='calibre5']")
    assert "Chapters: " in stats.text and "Words: " in stats.text
    # The Series row links the series, where ao3downloader's series update looks for it.
    link = preface.find(
        ".//{http://www.w3.org/1999/xhtml}a"
        "[@href='https://archive.example/series/7#archiveofourown.org/series/7']"
    )
    assert link is not None and link.text == "Sand and Leaf"


def test_epub_is_reproducible_and_identifier_stable(full_work):
    when = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    work = clean_work(full_work)
    assert render_epub(work, when) == render_epub(work, when)
    assert "2025-01-02T03:04:05Z" in epub_files(render_epub(work, when))["content.opf"]


def test_epub_passes_epubcheck(full_work, epubcheck, tmp_path):
    path = tmp_path / "work.epub"
    path.write_bytes(export_work(full_work, "epub"))
    assert_epubcheck_clean(epubcheck, path)


def test_minimal_work_passes_epubcheck(epubcheck, tmp_path):
    path = tmp_path / "bare.epub"
    path.write_bytes(export_work(ExportWork(title="", language="Klingon"), "epub"))
    assert_epubcheck_clean(epubcheck, path)


def test_unknown_format_is_refused(full_work):
    with pytest.raises(UnknownFormatError, match="choose one of"):
        export_work(full_work, "docx")


def test_download_filename_and_media_types(full_work):
    assert download_filename(full_work, "epub") == "The_Roof_the_Stars.epub"
    assert download_filename(ExportWork(title="<b>!!</b>"), "pdf") == "work.pdf"
    assert FORMATS["mobi"].media_type == "application/x-mobipocket-ebook"
    assert FORMATS["epub"].media_type == "application/epub+zip"


def test_html_download_reads_back_as_the_same_work(full_work):
    """fanarchive's reader knows AO3's download layout; ours follows it closely enough that
    exporting, reading back and exporting again keeps the metadata, notes and chapters."""
    document = read_bytes(export_work(full_work, "html"), "work.html")
    again = ExportWork.from_analysis(document, analyze_document(document))
    # (Several authors come back as one "a, b" name: AO3 bylines link each pseud, and an
    # offline download has no profile pages to link to.)
    assert again.authors == [", ".join(full_work.authors)]
    for name in ["title", "url", "rating", "warnings", "categories", "fandoms",
                 "relationships", "characters", "additional_tags", "language", "series"]:  # fmt: skip
        assert getattr(again, name) == getattr(full_work, name) or name == "series", name
    assert [(s.title, s.position) for s in again.series] == [("Sand and Leaf", 2)]
    assert again.summary == "<p>Two boys on a roof. Stars.</p>"
    assert again.notes == "<p>For a friend.</p>" and again.end_notes == "<p>Thanks for reading!</p>"
    assert [c.title for c in again.chapters] == ["The Roof", "Chapter 2"]
    first = again.chapters[0]
    assert first.summary == "<p>Night falls.</p>" and first.notes == "<p>Chapter note.</p>"
    assert first.end_notes == "<p>Chapter end note.</p>"
    assert "Chapter" not in first.body and "<hr/>" in first.body
