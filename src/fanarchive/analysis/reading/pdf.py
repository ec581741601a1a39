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
from contextlib import contextmanager
from dataclasses import dataclass

from fanarchive.analysis.document import Document
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import ao3_flat
from fanarchive.analysis.reading.builder import DocumentBuilder

# AO3's PDFs (17 pt) hold ~250 words a page: the 20 MB text limit (~3.5 million words) is
# ~14,000 pages.
MAX_PAGES = 20000
MAX_CHARS = 20 * 1024 * 1024
# A page's content stream inflates to at most this (a zip-bomb-like stream is refused by
# pypdf), and all pages together to at most MAX_CONTENT_BYTES: calibre's PDFs (AO3's) hold
# ~5.5 bytes of drawing instructions per character of text, so 160 MB passes any work under
# the 20 MB text limit.
MAX_STREAM_BYTES = 16 * 1024 * 1024
MAX_CONTENT_BYTES = 160 * 1024 * 1024
_SENTENCE_END = '.!?"”’…:)*'


@dataclass
class _Para:
    lines: list[str]
    indent: int  # columns right of the page's left margin (a blockquote is indented)
    width: int  # the longest line of the work, in columns

    @property
    def text(self) -> str:
        return _join_lines(self.lines, self.width)

    def ends_full(self) -> bool:
        """Whether the last line runs to the margin (the paragraph may go on)."""
        return len(self.lines[-1]) >= 0.8 * self.width


def read_pdf(data: bytes) -> Document:
    with _limits():
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


@contextmanager
def _limits():
    """pypdf's limits for this file: a stream inflates to MAX_STREAM_BYTES at most, images
    are never decoded and no external decoder (jbig2dec) is run."""
    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:  # pypdf before 7 has its own fixed limits (75 MB a stream)
        yield
        return
    with apply(
        zlib_maximum_output_length=MAX_STREAM_BYTES,
        lzw_maximum_output_length=MAX_STREAM_BYTES,
        run_length_maximum_output_length=MAX_STREAM_BYTES,
        brotli_maximum_output_length=MAX_STREAM_BYTES,
        array_based_stream_maximum_output_length=MAX_STREAM_BYTES,
        stream_decoding_work_maximum_length=4 * MAX_STREAM_BYTES,
        image_maximum_buffer_size=MAX_STREAM_BYTES,
        jbig2dec_binary=None,
    ):
        yield


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
    from pypdf.errors import LimitReachedError

    result: list[_Para] = []
    total = 0
    inflated = 0
    for page in reader.pages:
        try:
            # The page's content, inflated (pypdf keeps it for the extraction): measured
            # before any text is extracted, so a file of many inflating pages stops early.
            inflated += _content_bytes(page)
            if inflated > MAX_CONTENT_BYTES:
                raise ReadError(
                    f"the PDF's pages unpack to more than {MAX_CONTENT_BYTES // 2**20} MB of "
                    "drawing instructions; works that large are refused"
                )
            text = page.extract_text(extraction_mode="layout")
        except ReadError:
            raise
        except LimitReachedError:
            raise ReadError(
                f"a page of the PDF unpacks to more than {MAX_STREAM_BYTES // 2**20} MB; refused"
            ) from None
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


def _content_bytes(page) -> int:
    contents = page.get_contents()
    return len(contents.get_data()) if contents is not None else 0


def _page_paragraphs(text: str) -> list[_Para]:
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    if not blocks:
        return []
    margin = min(len(line) - len(line.lstrip()) for block in blocks for line in block)
    width = max(len(line) - margin for block in blocks for line in block)
    blocks = [piece for block in blocks for piece in _split_indented(block, width)]
    return [
        _Para(
            [line.strip() for line in block],
            len(block[0]) - len(block[0].lstrip()) - margin,
            width,
        )
        for block in blocks
    ]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _split_indented(block: list[str], width: int) -> list[list[str]]:
    """Paragraphs set off by a first-line indent rather than a blank line (PDFs from word
    processors): in a block of prose (most lines run near the margin), a line indented beyond
    the block's other lines starts a paragraph. A block indented as a whole (a quotation) has
    no such line; a list of short lines (AO3's tags, a poem) is left whole."""
    long_lines = sum(1 for line in block if len(line.strip()) >= 0.6 * width)
    if len(block) < 3 or long_lines < len(block) / 2:
        return [block]
    base = min(_indent(line) for line in block)
    pieces: list[list[str]] = [[]]
    for line in block:
        if pieces[-1] and _indent(line) >= base + 2:
            pieces.append([])
        pieces[-1].append(line)
    return pieces


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
