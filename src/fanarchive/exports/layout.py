"""The content every download carries, laid out like AO3's download templates: a preface (title,
the tag block, byline, summary, notes), the chapters (heading, chapter summary and notes, text,
chapter end notes) and an afterword (end notes).

Functions here take a work that went through `clean_work`: plain fields are escaped on the way
in, HTML fields are already sanitised XHTML. Fragments are well-formed XHTML, valid in HTML too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from fanarchive.exports.ao3links import tool_href
from fanarchive.exports.sanitize import escape
from fanarchive.exports.work import ExportChapter, ExportWork


@dataclass(frozen=True)
class Links:
    """Where the preface's and chapters' "see the end notes" links point in one format."""

    work_end_notes: str = "#endnotes"
    chapter_file: str = ""  # EPUB: the chapter's file; single-file formats: ""


def tag_block(work: ExportWork) -> list[tuple[str, str]]:
    """(label, value) rows of AO3's preface, in AO3's order; empty rows left out."""
    groups = [
        ("Rating", "Ratings", [work.rating] if work.rating else []),
        ("Archive Warning", "Archive Warnings", work.warnings),
        ("Category", "Categories", work.categories),
        ("Fandom", "Fandoms", work.fandoms),
        ("Relationship", "Relationships", work.relationships),
        ("Character", "Characters", work.characters),
        ("Additional Tags", "Additional Tags", work.additional_tags),
    ]
    rows = [
        (one if len(tags) == 1 else many, ", ".join(tags)) for one, many, tags in groups if tags
    ]
    if work.language:
        rows.append(("Language", work.language))
    if work.series:
        parts = ", ".join(
            f"Part {s.position} of {s.title}" if s.position else s.title for s in work.series
        )
        rows.append(("Series", parts))
    rows.append(("Stats", stats(work)))
    return rows


def stats(work: ExportWork) -> str:
    parts = []
    if work.published:
        parts.append(f"Published: {work.published.isoformat()}")
    if work.updated and (not work.published or work.updated > work.published):
        label = "Completed" if work.completed else "Updated"
        parts.append(f"{label}: {work.updated.isoformat()}")
    parts.append(f"Words: {work.words:,}")
    parts.append(f"Chapters: {work.chapter_count}")
    return " ".join(parts)


def chapter_heading(work: ExportWork, chapter: ExportChapter, number: int) -> str:
    """The chapter's title; "Chapter N" when untitled; the work's title for a one-shot."""
    if chapter.title:
        return chapter.title
    return f"Chapter {number}" if len(work.chapters) > 1 else work.title


def shows_heading(work: ExportWork, chapter: ExportChapter) -> bool:
    """A one-shot's only chapter has no heading unless the author titled it (as on AO3)."""
    return bool(chapter.title) or len(work.chapters) > 1


def preface(work: ExportWork, links: Links = Links()) -> str:
    rows = "\n".join(
        f"<dt>{escape(label)}:</dt>\n<dd{_dd_class(label)}>{_dd_html(work, label, value)}</dd>"
        for label, value in tag_block(work)
    )
    origin = ""
    if work.url:
        # AO3's message, with its two links (the archive, then the work): AO3 tools such as
        # ao3downloader's update check take the work's address from the second.
        url = escape(work.url)
        address = urlsplit(work.url)
        home = escape(f"{address.scheme}://{address.netloc}/") if address.netloc else url
        archive = f'<a href="{home}">{escape(work.archive_name)}</a>'
        href = escape(tool_href(work.url))
        origin = f'<br/>\nPosted originally on the {archive} at <a href="{href}">{url}</a>.'

    parts = [
        '<div id="preface">',
        f'<p class="message"><b>{escape(work.title)}</b>{origin}</p>',
        '<div class="meta">',
        f'<dl class="tags">\n{rows}\n</dl>',
        f"<h1>{escape(work.title)}</h1>",
    ]
    if work.authors:
        parts.append(f'<div class="byline">by {escape(", ".join(work.authors))}</div>')
    if work.summary:
        parts += ["<p>Summary</p>", f'<blockquote class="userstuff">{work.summary}</blockquote>']
    if work.notes or work.end_notes:
        parts.append("<p>Notes</p>")
    if work.notes:
        parts.append(f'<blockquote class="userstuff">{work.notes}</blockquote>')
    if work.end_notes:
        more = "more " if work.notes else ""
        parts.append(
            f'<div class="endnote-link">See the end of the work for {more}'
            f'<a href="{escape(links.work_end_notes)}">notes</a></div>'
        )
    parts += ["</div>", "</div>"]
    return "\n".join(parts)


def _dd_html(work: ExportWork, label: str, value: str) -> str:
    return series_links(work) if label == "Series" else escape(value)


def series_links(work: ExportWork) -> str:
    """AO3's Series row: "Part 2 of <a href=".../series/N">Title</a>", comma-joined. AO3 tools
    (ao3downloader's series update) take the series from these links."""
    parts = []
    for part in work.series:
        title = escape(part.title)
        if part.url:
            title = f'<a href="{escape(tool_href(part.url))}">{title}</a>'
        parts.append(f"Part {part.position} of {title}" if part.position else title)
    return ", ".join(parts)


def _dd_class(label: str) -> str:
    # AO3's calibre-made EPUB prints the stats in `dd.calibre5`, where ao3downloader's update
    # check reads the chapter count ("Chapters: 3/5").
    return ' class="calibre5"' if label == "Stats" else ""


def chapter(work: ExportWork, chapter: ExportChapter, number: int, links: Links = Links()) -> str:
    """AO3's chapter markup: a `div.meta.group` (heading, summary, notes), the text in a
    `div.userstuff`, then a `div.meta#endnotes-N`; siblings, as AO3 writes them, so that
    fanarchive's reader (and AO3 tools) read our downloads back."""
    meta = []
    if shows_heading(work, chapter):
        meta.append(f'<h2 class="heading">{escape(chapter_heading(work, chapter, number))}</h2>')
    if chapter.summary:
        meta += [
            "<p>Chapter Summary</p>",
            f'<blockquote class="userstuff">{chapter.summary}</blockquote>',
        ]
    if chapter.notes or chapter.end_notes:
        meta.append("<p>Chapter Notes</p>")
    if chapter.notes:
        meta.append(f'<blockquote class="userstuff">{chapter.notes}</blockquote>')
    if chapter.end_notes:
        which = "more notes" if chapter.notes else "notes"
        href = f"{links.chapter_file}#endnotes-{number}"
        meta.append(
            f'<div class="endnote-link">See the end of the chapter for '
            f'<a href="{escape(href)}">{which}</a></div>'
        )
    parts = []
    if meta:
        parts += [f'<div class="meta group" id="chapter-{number}">', *meta, "</div>"]
    parts.append(f'<div class="userstuff">\n{chapter.body}\n</div>')
    if chapter.end_notes:
        parts += [
            f'<div class="meta" id="endnotes-{number}">',
            "<p>Chapter End Notes</p>",
            f'<blockquote class="userstuff">{chapter.end_notes}</blockquote>',
            "</div>",
        ]
    return "\n".join(parts)


CLOSING_MESSAGE = "Please consider leaving the author a comment or kudos on the work"


def afterword(work: ExportWork) -> str:
    parts = ['<div id="afterword">', '<h2 class="toc-heading">Afterword</h2>']
    if work.end_notes:
        parts += [
            '<div class="meta">',
            '<div id="endnotes">',
            "<p>End Notes</p>",
            f'<blockquote class="userstuff">{work.end_notes}</blockquote>',
            "</div>",
            "</div>",
        ]
    thanks = escape(CLOSING_MESSAGE)
    if work.url:
        thanks += f' at <a href="{escape(work.url)}">{escape(work.archive_name)}</a>'
    parts += [f'<p class="message">{thanks}.</p>', "</div>"]
    return "\n".join(parts)


STYLESHEET = """\
body { font-family: serif; line-height: 1.45; margin: 0 5%; }
h1, h2 { font-family: sans-serif; line-height: 1.2; }
h1 { font-size: 1.6em; margin: 0.6em 0 0.2em; }
h2 { font-size: 1.25em; margin: 1.4em 0 0.6em; }
.message { font-size: 0.9em; }
.meta { margin-bottom: 1em; }
dl.tags { font-size: 0.9em; border: 1px solid #999; padding: 0.4em 0.6em; }
dl.tags dt { font-weight: bold; float: left; clear: left; margin-right: 0.4em; }
dl.tags dd { margin: 0 0 0.25em 0; }
.byline { font-style: italic; margin-bottom: 1em; }
blockquote.userstuff { margin: 0.4em 1.5em 1em; }
.userstuff p { margin: 0 0 0.8em; }
.endnote-link { font-size: 0.9em; font-style: italic; }
.meta.group { margin-top: 2em; }
hr { border: 0; border-top: 1px solid #999; width: 30%; margin: 1.5em auto; }
"""

_LANGUAGE_CODES = {
    "english": "en", "español": "es", "spanish": "es", "français": "fr", "french": "fr",
    "deutsch": "de", "german": "de", "italiano": "it", "italian": "it", "português": "pt",
    "portuguese": "pt", "русский": "ru", "russian": "ru", "中文": "zh", "chinese": "zh",
    "日本語": "ja", "japanese": "ja", "한국어": "ko", "korean": "ko", "polski": "pl",
    "polish": "pl", "nederlands": "nl", "dutch": "nl", "svenska": "sv", "swedish": "sv",
}  # fmt: skip
_LANGUAGE_CODE_RE = re.compile(r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")


def language_code(language: str) -> str:
    """A BCP 47 code for the work's language name or code; "und" (undetermined) otherwise."""
    language = language.strip()
    if language.casefold() in _LANGUAGE_CODES:
        return _LANGUAGE_CODES[language.casefold()]
    if _LANGUAGE_CODE_RE.match(language):
        return language
    return "und"
