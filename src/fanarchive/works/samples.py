"""Importing the sample works `make serve` starts the archive with."""

from __future__ import annotations

from pathlib import Path

from fanarchive.accounts.models import Pseud
from fanarchive.accounts.system import ARCHIVIST as ARCHIVIST_ACCOUNT
from fanarchive.accounts.system import system_pseud
from fanarchive.analysis.document import Document
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import read_path
from fanarchive.tags.models import NO_WARNINGS_CHOSEN, Tag, TagType
from fanarchive.tags.services import tags_for_names
from fanarchive.works.models import Work
from fanarchive.works.services import create_work, parts_from_document, set_required_tags
from fanarchive.works.titles import opening_words_title

SAMPLE_SUFFIXES = {".txt", ".html", ".htm", ".md"}
ARCHIVIST = "archivist"


def archivist_pseud() -> Pseud:
    """The archive's own `archivist` account (accounts.system), never whoever holds the name."""
    return system_pseud(ARCHIVIST_ACCOUNT)


def import_sample_folder(folder: Path, accept_suggestions: bool = False) -> list[str]:
    from fanarchive.insights.services import accept_on_authors_behalf, analyze_work

    report = []
    pseud = archivist_pseud()
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
        if Work.objects.filter(title__in=[title, _old_title(path)], pseuds=pseud).exists():
            report.append(f"{path.name}: already imported")
            continue
        work = create_work(pseud, title, parts_from_document(document))
        set_required_tags(
            work, Tag.objects.fixed(TagType.RATING)[0], [Tag.objects.named(NO_WARNINGS_CHOSEN)], []
        )
        stored = analyze_work(work)
        if stored:
            work.add_tags(fandom_tags(certain_fandoms(stored.data)))
        if accept_suggestions and stored:
            accept_on_authors_behalf(work)  # characters and relationships, never warnings
        work.set_complete(True)
        work.publish()
        report.append(f"{path.name}: imported as “{work.title}” ({work.words} words)")
    return report


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
    existing = [Tag.objects.named(name) for name in names]
    wanted = [
        n
        for n, tag in zip(names, existing, strict=True)
        if tag is None or tag.type == TagType.FANDOM
    ]
    return tags_for_names(wanted, TagType.FANDOM)
