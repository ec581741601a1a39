"""AO3 works whose markup is gone, read by AO3's labels: its PDF downloads (text and
indentation only) and its MOBI downloads (calibre flattens them to paragraphs and quotation
blocks, without ids or classes).

The preface: "Preface", the title with "Posted originally on the Archive of Our Own at URL",
the tag list ("Rating:" then its value, ...), the title again, "by Author", "Summary" and
"Notes" each followed by quoted (indented) blocks. Then the chapters: "Chapter N: Title"
headings, "Chapter Summary" / "Chapter Notes" / "Chapter End Notes" with their quoted blocks,
and the text; then "Afterword" with the work's "End Notes".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fanarchive.analysis.reading import ao3
from fanarchive.analysis.reading.builder import DocumentBuilder
from fanarchive.analysis.reading.dom import Element
from fanarchive.analysis.reading.render import render

_AO3_MARK_RE = re.compile(r"Posted originally on the .{0,80}?(https?://\S+/works/\d+)")
_CHAPTER_RE = re.compile(r"^Chapter \d+(?:: .*)?$")
_LABEL_WORDS = {"chapter summary", "chapter notes", "chapter end notes", "end notes"}
_SKIPPED = ("div", "span")


def detect(root: Element) -> bool:
    """A flattened AO3 page (calibre's MOBI): no #preface, but AO3's "Posted originally" line."""
    if root.find(id="preface") is not None:
        return False
    body = root.find("body") or root
    return is_ao3(blocks(body)[:8])


def read(root: Element, builder: DocumentBuilder) -> None:
    FlatReader(blocks(root.find("body") or root), builder).read()


def blocks(body: Element) -> list[Block]:
    """The body's paragraphs, quotation blocks and rules, in order."""
    found: list[Block] = []
    for element in body.elements:
        if element.tag == "hr":
            found.append(Block("", 0, element))
        elif element.tag == "blockquote":
            found.append(Block(element.text(), 1, element))
        elif element.tag in ("p", "h1", "h2", "h3", "h4", "center", "pre", "ul", "ol", "table"):
            if element.text():
                found.append(Block(element.text(), 0, element))
        elif element.tag in _SKIPPED:
            found.extend(blocks(element))
    return found


def is_ao3(paragraphs: list) -> bool:
    return any(_AO3_MARK_RE.search(p.text) for p in paragraphs[:6])


@dataclass
class Block:
    """One block of a flattened page: its text, whether it is indented (quoted), and the
    element it came from (rendered as is when it is story text), if any."""

    text: str
    indent: int
    element: Element | None = None

    @property
    def lines(self) -> list[str]:
        return [self.text]


class FlatReader:
    """A cursor over the blocks of an AO3 work, read label by label."""

    def __init__(self, paragraphs: list, builder: DocumentBuilder) -> None:
        self.paragraphs = paragraphs
        self.builder = builder
        self.index = 0

    def read(self) -> None:
        self.preface()
        self.body()

    def next(self):
        if self.index >= len(self.paragraphs):
            return None
        para = self.paragraphs[self.index]
        self.index += 1
        return para

    def peek(self):
        return self.paragraphs[self.index] if self.index < len(self.paragraphs) else None

    def quoted(self) -> list[str]:
        """The indented paragraphs after a label (a blockquote); at least one paragraph."""
        found = []
        while (para := self.peek()) is not None and (para.indent > 0 or not found):
            if not found and para.indent <= 0 and _is_label(para.text):
                break
            found.append(para.text)
            self.index += 1
        return found

    def preface(self) -> None:
        metadata = self.builder.metadata
        while (para := self.next()) is not None:
            mark = _AO3_MARK_RE.search(para.text)
            if mark:
                metadata.source_url = mark.group(1).rstrip(".")
                title = para.text[: mark.start()].strip()
                previous = self.paragraphs[self.index - 2].text if self.index >= 2 else ""
                metadata.title = title or (previous if previous != "Preface" else "")
                break
        self.tags()
        while (para := self.peek()) is not None:
            label = para.text.rstrip(":").strip().lower()
            if para.text == metadata.title:
                self.index += 1
            elif para.text.startswith("by ") and not metadata.authors:
                self.index += 1
                metadata.authors = [a.strip() for a in para.text[3:].split(",") if a.strip()]
            elif label == "summary":
                self.index += 1
                metadata.summary = "\n\n".join(self.quoted())
            elif label == "notes":
                self.index += 1
                with self.builder.note("beginning"):
                    for text in self.quoted():
                        self.builder.paragraph(text)
            elif para.text.startswith("See the end of the work"):
                self.index += 1
            else:
                break

    def tags(self) -> None:
        """The tag list: "Label:" lines, each followed by its value's lines."""
        while (para := self.peek()) is not None and para.lines[0].endswith(":"):
            self.index += 1
            pairs: list[tuple[str, list[str]]] = []
            for line in para.lines:
                if line.endswith(":") and len(line) < 40:
                    pairs.append((line.rstrip(":").strip().lower(), []))
                elif pairs:
                    pairs[-1][1].append(line)
            if pairs and not pairs[-1][1] and (value := self.next()) is not None:
                pairs[-1][1].extend(value.lines)
            for label, value_lines in pairs:
                self._set_tag(label, " ".join(value_lines))

    def _set_tag(self, label: str, value: str) -> None:
        metadata = self.builder.metadata
        field = ao3.TAG_FIELDS.get(label) or ao3.TAG_FIELDS.get(label.removesuffix("s"))
        if not field:
            return
        values = [v.strip() for v in value.split(",") if v.strip()]
        if field in ("rating", "language"):
            setattr(metadata, field, ", ".join(values))
        else:
            getattr(metadata, field).extend(values)

    def body(self) -> None:
        builder = self.builder
        while (para := self.next()) is not None:
            text, label = para.text, para.text.rstrip(":").strip().lower()
            chapter = max(builder.chapter_count - 1, 0)
            if _CHAPTER_RE.match(text) and para.indent <= 0:
                builder.heading(text)
            elif label == "chapter summary":
                builder.metadata.chapter_summaries[chapter] = "\n\n".join(self.quoted())
            elif label in ("chapter notes", "chapter end notes"):
                position = "beginning" if label == "chapter notes" else "end"
                with builder.note(position, chapter=chapter):
                    for quoted in self.quoted():
                        builder.paragraph(quoted)
            elif text.startswith("See the end of the chapter"):
                continue
            elif text == "Afterword" and self._afterword_follows():
                self.afterword()
                return
            elif getattr(para, "element", None) is not None:
                if para.element.tag == "hr":
                    builder.scene_break()
                else:
                    render(para.element, builder)
            else:
                builder.paragraph(text)

    def _afterword_follows(self) -> bool:
        """AO3's afterword: its "End Notes" label or its closing request for comments comes
        within a few blocks (a story paragraph that says "Afterword" is not the end)."""
        for para in self.paragraphs[self.index : self.index + 6]:
            label = _label_of(para.text)
            if label == "end notes" or para.text.startswith("Please drop by the archive"):
                return True
            if label in _LABEL_WORDS or _CHAPTER_RE.match(para.text):
                return False  # a chapter's labels still to come: this is inside the story
        return False

    def afterword(self) -> None:
        while (para := self.next()) is not None:
            if para.text.rstrip(":").strip().lower() == "end notes":
                with self.builder.note("end"):
                    for text in self.quoted():
                        self.builder.paragraph(text)


def _label_of(text: str) -> str:
    return text.rstrip(":").strip().lower()


def _is_label(text: str) -> bool:
    return _label_of(text) in _LABEL_WORDS
