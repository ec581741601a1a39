"""Importing the sample works `make serve` starts the archive with."""

from __future__ import annotations

from pathlib import Path

from fanarchive.accounts.models import Pseud
from fanarchive.accounts.system import ARCHIVIST as ARCHIVIST_ACCOUNT
from fanarchive.accounts.system import system_pseud
from fanarchive.analysis.document import Document, Metadata
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import read_path
from fanarchive.tags.models import NO_WARNINGS_CHOSEN, Tag, TagType
from fanarchive.tags.services import tag_name_problems, tags_for_names
from fanarchive.works.html import text_to_html, user_html
from fanarchive.works.models import Work
from fanarchive.works.services import create_work, parts_from_document, set_required_tags
from fanarchive.works.titles import opening_words_title

SAMPLE_SUFFIXES = {".txt", ".html", ".htm", ".md"}
ARCHIVIST = "archivist"
# The byline of a sample whose file names no author: "Sample Works (archivist)" says the
# archive posted it, not a person called archivist. A file that names its author is posted
# under that name on the archivist account ("lanternfox (archivist)"), as the importer does
# (imports.authors), so the author can claim it.
SAMPLE_PSEUD = "Sample Works"
SAMPLE_NOTE = "A sample work this archive starts with, posted by its archivist."


def archivist_pseud() -> Pseud:
    """The archive's own `archivist` account (accounts.system), never whoever holds the name."""
    return system_pseud(ARCHIVIST_ACCOUNT)


def sample_pseud(document: Document) -> Pseud:
    """The sample's byline: its file's author on the archivist account, else Sample Works."""
    from fanarchive.imports.authors import imported_pseud

    authors = [a.strip() for a in document.metadata.authors if a.strip()]
    if authors:
        return imported_pseud(authors[0])
    archivist = archivist_pseud().user
    pseud, _ = Pseud.objects.get_or_create(
        user=archivist,
        name=SAMPLE_PSEUD,
        defaults={"description": "The sample works this archive starts with."},
    )
    return pseud


def sample_note(document: Document) -> str:
    """The sample's first note: who posted it, and that its author is unknown if so."""
    unknown = "" if document.metadata.authors else " Its author is not known."
    return f"<p>{SAMPLE_NOTE}{unknown}</p>"


def import_sample_folder(folder: Path, accept_suggestions: bool = False) -> list[str]:
    from fanarchive.insights.services import accept_on_authors_behalf, analyze_work

    report = []
    archivist = archivist_pseud().user
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES):
        if path.name.lower() == "readme.md":
            continue
        try:
            document = read_path(path)
        except ReadError as error:
            report.append(f"{path.name}: skipped ({error})")
            continue
        title = sample_title(document, path)
        # Earlier versions titled samples "Untitled (<file name>)": not imported twice either.
        # Any pseud of the archivist: earlier versions posted them as "archivist".
        imported = Work.objects.filter(title__in=[title, _old_title(path)], pseuds__user=archivist)
        if imported.exists():
            report.append(f"{path.name}: already imported")
            continue
        parts = parts_from_document(document)
        parts.notes = "\n".join(n for n in (sample_note(document), parts.notes) if n.strip())
        summary = user_html(text_to_html(document.metadata.summary))
        work = create_work(sample_pseud(document), title, parts, summary=summary)
        set_required_tags(work, *required_tags(document.metadata))
        work.add_tags(file_tags(document.metadata))
        stored = analyze_work(work)
        if stored and not metadata_fandoms(document):  # the file's own fandoms come first
            work.add_tags(fandom_tags(certain_fandoms(stored.data)))
        if accept_suggestions and stored:
            accept_on_authors_behalf(work)  # characters and relationships, never warnings
        work.set_complete(True)
        work.publish()
        report.append(f"{path.name}: imported as “{work.title}” ({work.words} words)")
    return report


def required_tags(metadata: Metadata) -> tuple[Tag, list[Tag], list[Tag]]:
    """The rating, archive warnings and categories the file's author chose (an AO3 download
    names them); Not Rated and "chose not to use warnings" when it names none."""
    ratings = {t.name: t for t in Tag.objects.fixed(TagType.RATING)}
    warnings = {t.name: t for t in Tag.objects.fixed(TagType.WARNING)}
    categories = {t.name: t for t in Tag.objects.fixed(TagType.CATEGORY)}
    rating = ratings.get(metadata.rating) or ratings["Not Rated"]
    chosen = [warnings[n] for n in metadata.warnings if n in warnings]
    return (
        rating,
        chosen or [warnings[NO_WARNINGS_CHOSEN]],
        [categories[n] for n in metadata.categories if n in categories],
    )


def file_tags(metadata: Metadata) -> list[Tag]:
    """The fandoms, relationships, characters and additional tags the file names; a name
    already used by a tag of another type is left out (never tag with the wrong type)."""
    tags = []
    for names, tag_type in (
        (metadata.fandoms, TagType.FANDOM),
        (metadata.relationships, TagType.RELATIONSHIP),
        (metadata.characters, TagType.CHARACTER),
        (metadata.additional_tags, TagType.FREEFORM),
    ):
        tags.extend(typed_tags([n.strip() for n in names if n.strip()], tag_type))
    return tags


def metadata_fandoms(document: Document) -> list[str]:
    return [n.strip() for n in document.metadata.fandoms if n.strip()]


def sample_title(document: Document, path: Path) -> str:
    """The file's own title, else its story's opening words; the file name only for a text
    with no words to take."""
    return document.metadata.title or opening_words_title(document) or _old_title(path)


def _old_title(path: Path) -> str:
    return f"Untitled ({path.stem})"


def certain_fandoms(analysis: dict) -> list[str]:
    """Fandoms the analysis is sure of: those of characters a fandom pack matched."""
    return sorted(
        {
            c["fandom"]
            for c in analysis["characters"]
            if c.get("source") == "pack" and c.get("fandom")
        }
    )


def fandom_tags(names: list[str]) -> list[Tag]:
    """Fandom tags for the names, created when new; a name already used by a tag of another
    type is left out (never tag with the wrong type)."""
    return typed_tags(names, TagType.FANDOM)


def typed_tags(names: list[str], tag_type: str) -> list[Tag]:
    """Tags of `tag_type` for the names, created when new; a name already used by a tag of
    another type, or not a valid tag name, is left out."""
    wanted = [n for n in dict.fromkeys(names) if not tag_name_problems([n], tag_type)]
    return tags_for_names(wanted, tag_type)
