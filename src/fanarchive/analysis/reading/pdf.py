"""PDF works, read with pypdf: AO3's PDF downloads (calibre's PDF output of the download HTML)
and any other PDF with a text layer.

pypdf's layout mode keeps the page's vertical spacing, so a blank line separates paragraphs
and a quotation block (AO3's summary and notes) is indented. Lines of a paragraph are joined
with a space; a paragraph cut by a page break is joined again. An AO3 PDF is read by its
labels ("Summary", "Notes", "Chapter Notes", "Chapter End Notes", "End Notes", the tag list)
into the same metadata, notes and chapters as the HTML download; any other PDF is a sequence
of paragraphs whose chapters and notes the structure pass finds in the text.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from fanarchive.analysis.document import Document
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import ao3_flat
from fanarchive.analysis.reading.builder import DocumentBuilder

MAX_PAGES = 5000  # far beyond any work: a 3.5-million-word work is ~12,000 pages... at 17pt
MAX_CHARS = 20 * 1024 * 1024
_SENTENCE_END = '.!?"”’…:)*'


@dataclass
class _Para:
    lines: list[str]
    indent: int  # columns right of the page's left margin (a blockquote is indented)
    width: int  # the page's longest line, in columns

    @property
    def text(self) -> str:
        return _join_lines(self.lines, self.width)

    def ends_full(self) -> bool:
        """Whether the last line runs to the margin (the paragraph may go on)."""
        return len(self.lines[-1]) >= 0.8 * self.width


def read_pdf(data: bytes) -> Document:
    reader = _open(data)
    paragraphs = _paragraphs(reader)
    builder = DocumentBuilder("pdf")
    if paragraphs and ao3_flat.is_ao3(paragraphs):
        ao3_flat.FlatReader(paragraphs, builder).read()
    else:
        for para in paragraphs:
            builder.paragraph(para.text)
    _fill_from_info(reader, builder)
    if not paragraphs:
        raise ReadError("the PDF has no text layer (a scan or images?): there is nothing to read")
    return builder.build()


def _open(data: bytes):
    import pypdf

    # pypdf logs a warning for each flaw of a damaged file; the user gets one clear message.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("the PDF is password-protected; save an unprotected copy")
        pages = len(reader.pages)
    except ReadError:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises many kinds of error on damaged input
        raise ReadError("the file is not a readable PDF (damaged or not a PDF)") from None
    if pages > MAX_PAGES:
        raise ReadError(f"the PDF has {pages} pages; works of more than {MAX_PAGES} are refused")
    return reader


def _paragraphs(reader) -> list[_Para]:
    """Paragraphs in reading order, a paragraph split by a page break joined again."""
    result: list[_Para] = []
    total = 0
    for page in reader.pages:
        try:
            text = page.extract_text(extraction_mode="layout")
        except Exception:  # noqa: BLE001 - pypdf raises many kinds of error on damaged input
            raise ReadError("the PDF is damaged (a page's text cannot be read)") from None
        total += len(text)
        if total > MAX_CHARS:
            raise ReadError("the PDF's text is larger than 20 MB; split the work into parts")
        page_paragraphs = _page_paragraphs(text)
        if result and page_paragraphs and _continues(result[-1], page_paragraphs[0]):
            result[-1].lines.extend(page_paragraphs.pop(0).lines)
        result.extend(page_paragraphs)
    # Line lengths are compared with the longest line of the whole work, not of one page
    # (a page of short lines has no full line to compare with).
    width = max((para.width for para in result), default=0)
    for para in result:
        para.width = width
    return result


def _page_paragraphs(text: str) -> list[_Para]:
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if not blocks:
        return []
    margin = min(len(line) - len(line.lstrip()) for block in blocks for line in block)
    width = max(len(line) - margin for block in blocks for line in block)
    return [
        _Para(
            [line.strip() for line in block],
            len(block[0]) - len(block[0].lstrip()) - margin,
            width,
        )
        for block in blocks
    ]


def _join_lines(lines: list[str], width: int) -> str:
    text = lines[0]
    for previous, line in zip(lines, lines[1:], strict=False):
        if text.endswith("-") and line[:1].islower():
            text += line  # one word broken over two lines
        elif len(previous) < 0.75 * width and previous.endswith(tuple(_SENTENCE_END)):
            text += "\n" + line  # a short line: the text broke the line here (<br>)
        else:
            text += " " + line
    return text


def _continues(last: _Para, first: _Para) -> bool:
    """A paragraph cut by a page break: its last line is full and it ends mid-sentence, or the
    next page starts in lower case."""
    if first.text[:1].islower():
        return True
    return last.ends_full() and not last.text.endswith(tuple(_SENTENCE_END))


def _fill_from_info(reader, builder: DocumentBuilder) -> None:
    try:
        info = reader.metadata or {}
        title, author = str(info.get("/Title") or ""), str(info.get("/Author") or "")
    except Exception:  # noqa: BLE001 - the document info is optional; a damaged one is skipped
        return
    metadata = builder.metadata
    if not metadata.title and title.strip():
        metadata.title = title.strip()
    if not metadata.authors and author.strip() and author.strip() != "Unknown":
        metadata.authors = [author.strip()]
