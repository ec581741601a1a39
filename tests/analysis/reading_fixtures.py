"""Build .docx and EPUB files in memory, modelled on Word's, AO3's and FanFicFare's output."""

from __future__ import annotations

import io
import zipfile
import zlib

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(paragraphs: list[tuple[str, str]], title: str = "", author: str = "") -> bytes:
    """`paragraphs` are (style, text) pairs; style "" is body text."""
    body = []
    for style, text in paragraphs:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        runs = "".join(
            f'<w:r><w:t xml:space="preserve">{_xml(part)}</w:t></w:r>'
            + ("<w:r><w:br/></w:r>" if i < len(text.split("\n")) - 1 else "")
            for i, part in enumerate(text.split("\n"))
        )
        body.append(f"<w:p>{ppr}{runs}</w:p>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}</w:body></w:document>'
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{_xml(title)}</dc:title><dc:creator>{_xml(author)}</dc:creator>"
        "</cp:coreProperties>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", document)
        archive.writestr("docProps/core.xml", core)
    return buffer.getvalue()


def make_epub(pages: list[tuple[str, str]], metadata: dict[str, str | list[str]]) -> bytes:
    """`pages` are (file name, xhtml body markup) in spine order."""
    manifest = "".join(
        f'<item id="p{i}" href="{name}" media-type="application/xhtml+xml"/>'
        for i, (name, _) in enumerate(pages)
    )
    spine = "".join(f'<itemref idref="p{i}"/>' for i in range(len(pages)))
    dc = ""
    for key, value in metadata.items():
        for item in value if isinstance(value, list) else [value]:
            dc += f"<dc:{key}>{_xml(item)}</dc:{key}>"
    opf = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">'
        f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">{dc}</metadata>'
        f'<manifest>{manifest}<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        f'</manifest><spine toc="ncx">{spine}</spine></package>'
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container)
        archive.writestr("OEBPS/content.opf", opf)
        archive.writestr("OEBPS/toc.ncx", "<ncx/>")
        for name, body in pages:
            archive.writestr(
                f"OEBPS/{name}",
                '<?xml version="1.0" encoding="utf-8"?>'
                '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>'
                f"<body>{body}</body></html>",
            )
    return buffer.getvalue()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- AO3 downloads and pages, PDF --------------------------------------------------------------

AO3_CHAPTER_TEXT = (
    "<p>The harbour was quiet when Mira came down to the boats.</p>"
    '<p>"You are late," said Tomas.</p><hr/><p>She laughed at him.</p>'
)


def ao3_download_html(chapters: int = 3) -> str:
    """A work as AO3's download HTML (otwarchive app/views/downloads), written by hand."""
    parts = [
        '<!DOCTYPE html><html><head><meta charset="UTF-8"/><title>Harbour Lights</title></head>'
        '<body><div id="preface"><h2 class="toc-heading">Preface</h2>'
        '<p class="message"><b>Harbour Lights</b><br/>Posted originally on the '
        '<a href="https://archiveofourown.org/">Archive of Our Own</a> at '
        '<a href="https://archiveofourown.org/works/424242">'
        "https://archiveofourown.org/works/424242</a>.</p>"
        '<div class="meta"><dl class="tags"><dt>Rating:</dt><dd><a href="#">General Audiences</a>'
        '</dd><dt>Fandom:</dt><dd><a href="#">Original Work</a></dd><dt>Relationship:</dt><dd>'
        '<a href="#">Mira/Tomas</a></dd><dt>Characters:</dt><dd><a href="#">Mira</a>, '
        '<a href="#">Tomas</a></dd><dt>Language:</dt><dd>English</dd><dt>Stats:</dt>'
        "<dd>Published: 2024-01-01 Words: 300 Chapters: 3/3</dd></dl>"
        '<h1>Harbour Lights</h1><div class="byline">by <a rel="author" href="#">saltwind</a></div>'
        '<p>Summary</p><blockquote class="userstuff"><p>Two sailors and a lamp.</p></blockquote>'
        '<p>Notes</p><blockquote class="userstuff"><p>Thanks for reading!</p></blockquote>'
        "</div></div>",
        '<div id="chapters" class="userstuff">',
    ]
    for n in range(1, chapters + 1):
        parts.append(
            f'<div class="meta group"><h2 class="heading">Chapter {n}: Tide {n}</h2>'
            f'<p>Chapter Notes</p><blockquote class="userstuff"><p>Note {n}.</p></blockquote>'
            f'</div><div class="userstuff">{AO3_CHAPTER_TEXT}<p>End of part {n}.</p></div>'
        )
    parts.append(
        '</div><div id="afterword"><h2 class="toc-heading">Afterword</h2><div class="meta">'
        '<div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>Kudos welcome.</p>'
        '</blockquote></div></div><p class="message">Please drop by the archive and comment '
        "to let the creator know if you enjoyed their work!</p></div></body></html>"
    )
    return "".join(parts)


def ao3_work_page(chapters: int = 2) -> str:
    """A saved archiveofourown.org/works/N page (otwarchive works/show), written by hand."""
    chapter_divs = "".join(
        f'<div class="chapter" id="chapter-{n}"><div class="chapter preface group">'
        f'<h3 class="title"><a href="/works/1/chapters/{n}">Chapter {n}</a>: Tide {n}</h3>'
        f'<div id="summary" class="summary module"><h3 class="heading">Summary:</h3>'
        f'<blockquote class="userstuff"><p>Summary {n}.</p></blockquote></div>'
        f'<div id="notes" class="notes module"><h3 class="heading">Notes:</h3>'
        f'<blockquote class="userstuff"><p>Note {n}.</p></blockquote></div></div>'
        f'<div class="userstuff module" role="article"><h3 class="landmark heading" id="work">'
        f"Chapter Text</h3>{AO3_CHAPTER_TEXT}</div>"
        f'<div class="chapter preface group"><div class="end notes module" '
        f'id="chapter_{n}_endnotes"><h3 class="heading">Notes:</h3><blockquote class="userstuff">'
        f"<p>End note {n}.</p></blockquote></div></div></div>"
        for n in range(1, chapters + 1)
    )
    return (
        "<!DOCTYPE html><html><head><title>Harbour Lights - Chapter 1 - saltwind - Original Work "
        '[Archive of Our Own]</title></head><body><div id="outer"><ul id="skiplinks"><li>'
        '<a href="#main">Main Content</a></li></ul><div id="header"><h1 class="heading">Archive '
        'of Our Own beta</h1></div><div id="main" class="works-show region">'
        '<div class="wrapper"><dl class="work meta group">'
        '<dt class="rating tags">Rating:</dt><dd class="rating tags"><ul class="commas"><li>'
        '<a class="tag" href="/tags/General">General Audiences</a></li></ul></dd>'
        '<dt class="warning tags">Archive Warning:</dt><dd class="warning tags"><ul><li>'
        '<a class="tag" href="#">No Archive Warnings Apply</a></li></ul></dd>'
        '<dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><ul><li>'
        '<a class="tag" href="#">Original Work</a></li></ul></dd>'
        '<dt class="relationship tags">Relationship:</dt><dd class="relationship tags"><ul><li>'
        '<a class="tag" href="#">Mira/Tomas</a></li></ul></dd>'
        '<dt class="character tags">Characters:</dt><dd class="character tags"><ul><li>'
        '<a class="tag" href="#">Mira</a></li><li><a class="tag" href="#">Tomas</a></li></ul></dd>'
        '<dt class="freeform tags">Additional Tags:</dt><dd class="freeform tags"><ul><li>'
        '<a class="tag" href="#">Slow Burn</a></li></ul></dd>'
        '<dt class="language">Language:</dt><dd class="language" lang="en">English</dd>'
        '<dt class="stats">Stats:</dt><dd class="stats"><dl class="stats"><dt>Words:</dt>'
        "<dd>300</dd></dl></dd></dl></div>"
        '<div id="workskin"><div class="preface group"><h2 class="title heading">Harbour Lights'
        '</h2><h3 class="byline heading"><a rel="author" href="/users/saltwind">saltwind</a>'
        '</h3><div class="summary module"><h3 class="heading">Summary:</h3><blockquote '
        'class="userstuff"><p>Two sailors and a lamp.</p></blockquote></div><div class="notes '
        'module"><h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Thanks for '
        "reading!</p></blockquote></div></div>"
        f'<div id="chapters" role="article">{chapter_divs}</div>'
        '<div class="afterword preface group"><div id="work_endnotes" class="end notes module">'
        '<h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Kudos welcome.</p>'
        "</blockquote></div></div></div>"
        '<div id="feedback" class="feedback"><h3 class="landmark heading">Actions</h3>'
        '<p class="kudos">Kudos from 12 users</p><div id="comments_placeholder"><p>Comment by '
        "someone: loved it, said Tomas!</p></div></div></div></div></body></html>"
    )


def calibre_like_epub(chapters: int = 3) -> bytes:
    """The download HTML as calibre's EPUB output makes it: classes renamed (`meta group` and
    `userstuff` become `calibre1`, `dl.tags` becomes `dl.message`), the work split into one file
    per chapter, each re-opening its #preface / #chapters / #afterword wrapper."""
    preface = (
        '<div id="preface" class="calibre1"><h2 class="toc-heading">Preface</h2>'
        '<p class="message"><b class="calibre2">Harbour Lights</b><br class="calibre1"/>Posted '
        'originally on the Archive of Our Own at <a href="https://archiveofourown.org/works/4242">'
        'https://archiveofourown.org/works/4242</a>.</p><div class="calibre1">'
        '<dl class="message"><dt class="calibre1">Fandom:</dt><dd class="calibre3">'
        '<a href="#">Original Work</a></dd><dt class="calibre1">Characters:</dt>'
        '<dd class="calibre3"><a href="#">Mira</a>, <a href="#">Tomas</a></dd></dl></div></div>'
    )
    title_page = (
        '<div id="preface" class="calibre1"><div class="calibre1"><h1 class="calibre4">Harbour '
        'Lights</h1><div class="calibre1">by <a rel="author" href="#">saltwind</a></div>'
        '<p class="message">Summary</p><blockquote class="userstuff"><p class="message">Two '
        'sailors and a lamp.</p></blockquote><p class="message">Notes</p><blockquote '
        'class="userstuff"><p class="message">Thanks for reading!</p></blockquote></div></div>'
        '<div id="chapters" class="calibre1"><div class="calibre1"><div class="calibre6">'
        "</div></div></div>"
    )
    pages = [("work_split_000.html", preface), ("work_split_001.html", title_page)]
    for n in range(1, chapters + 1):
        pages.append(
            (
                f"work_split_{n + 1:03d}.html",
                f'<div id="chapters" class="calibre1"><div class="calibre1"><h2 class="toc-heading"'
                f' id="calibre_toc_{n}">Chapter {n}: Tide {n}</h2><p class="message">Chapter Notes'
                f'</p><blockquote class="userstuff"><p class="message">Note {n}.</p></blockquote>'
                f'</div><div class="calibre1">{AO3_CHAPTER_TEXT}<p>End of part {n}.</p></div>'
                f'<div class="calibre1" id="endnotes{n}"><p class="message">Chapter End Notes</p>'
                f'<blockquote class="userstuff"><p>End note {n}.</p></blockquote></div></div></div>',
            )
        )
    pages.append(
        (
            f"work_split_{chapters + 2:03d}.html",
            '<div id="afterword" class="calibre1"><h2 class="toc-heading">Afterword</h2>'
            '<div class="calibre1"><div id="endnotes" class="calibre1"><p class="message">End '
            'Notes</p><blockquote class="userstuff"><p>Kudos welcome.</p></blockquote></div>'
            '</div><p class="message">Please drop by the archive and comment!</p></div>',
        )
    )
    return make_epub(pages, {"title": "Harbour Lights", "creator": "saltwind"})


def make_pdf(
    pages: list[list[str]], line_gap: int = 14, title: str = "", padding: int = 0
) -> bytes:
    """A PDF with a text layer, written by hand: each page a list of lines in Helvetica 11;
    an empty string leaves an extra gap (a paragraph break), a line starting with spaces is
    indented by that many characters' width."""
    objects: list[bytes] = []
    page_ids = []
    font_id = 3
    for lines in pages:
        y, ops = 760, []
        for line in lines:
            if line:
                indent = 72 + 6 * (len(line) - len(line.lstrip()))
                text = line.strip().replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"BT /F1 11 Tf {indent} {y} Td ({text}) Tj ET")
            y -= line_gap
        stream = "\n".join(ops).encode("latin-1")
        if padding:  # spaces after the text, deflated: a small file that inflates to `padding`
            stream = zlib.compress(stream + b" " * padding, 9)
            objects.append(
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream"
                % (len(stream), stream)
            )
        else:
            objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content_id = 3 + len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 "
            b"%d 0 R >> >> /Contents %d 0 R >>" % (font_id, content_id)
        )
        page_ids.append(3 + len(objects))
    kids = " ".join(f"{i} 0 R" for i in page_ids).encode()
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    everything = head + objects
    info_id = len(everything) + 1
    everything.append(b"<< /Title (%s) >>" % title.encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(everything, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(everything) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(everything) + 1,
        info_id,
        xref,
    )
    return bytes(out)


def flat_ao3_html(chapters: int = 2, story_afterword: bool = False) -> str:
    """The download as calibre's MOBI output flattens it: paragraphs and blockquotes only, no
    ids or classes, AO3's labels as plain paragraphs."""
    parts = [
        "<html><body><p><b>Preface</b></p><p><b>Harbour Lights</b><br/>Posted originally on the "
        'Archive of Our Own at <a href="https://archiveofourown.org/works/4242">'
        "https://archiveofourown.org/works/4242</a>.</p>"
        "<p>Fandom:</p><blockquote><blockquote>Original Work</blockquote></blockquote>"
        "<p>Characters:</p><blockquote><blockquote>Mira, Tomas</blockquote></blockquote>"
        '<div class="mbp_pagebreak"></div><p><b>Harbour Lights</b></p><p>by saltwind</p>'
        "<p>Summary</p><blockquote>Two sailors and a lamp.</blockquote>"
        "<p>Notes</p><blockquote>Thanks for reading!</blockquote>"
    ]
    for n in range(1, chapters + 1):
        parts.append(
            f"<p><b>Chapter {n}: Tide {n}</b></p><p>Chapter Notes</p><blockquote>Note {n}."
            f"</blockquote>{AO3_CHAPTER_TEXT}"
            + ("<p>Afterword</p><p>The lamp burned on.</p>" if story_afterword else "")
            + f"<p>Chapter End Notes</p><blockquote>End note {n}.</blockquote>"
        )
    parts.append(
        "<p><b>Afterword</b></p><p>End Notes</p><blockquote>Kudos welcome.</blockquote>"
        "<p>Please drop by the archive and comment!</p>"
        "<p>Table of Contents</p><p>Preface</p><p>Chapter 1: Tide 1</p></body></html>"
    )
    return "".join(parts)
