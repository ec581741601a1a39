"""Importing the sample works `make serve` starts the archive with."""

from __future__ import annotations

from pathlib import Path

from fanarchive.accounts.models import Pseud
from fanarchive.accounts.system import ARCHIVIST as ARCHIVIST_ACCOUNT
from fanarchive.accounts.system import system_pseud
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import read_path
from fanarchive.tags.models import NO_WARNINGS_CHOSEN, Tag, TagType
from fanarchive.works.models import Work
from fanarchive.works.services import create_work, parts_from_document, set_required_tags

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
        title = f"Untitled ({path.stem})"
        if Work.objects.filter(title=title, pseuds=pseud).exists():
            report.append(f"{path.name}: already imported")
            continue
        try:
            document = read_path(path)
        except ReadError as error:
            report.append(f"{path.name}: skipped ({error})")
            continue
        work = create_work(pseud, document.metadata.title or title, parts_from_document(document))
        set_required_tags(
            work, Tag.objects.fixed(TagType.RATING)[0], [Tag.objects.named(NO_WARNINGS_CHOSEN)], []
        )
        stored = analyze_work(work)
        fandoms = (
            {c["fandom"] for c in stored.data["characters"] if c.get("fandom")} if stored else set()
        )
        work.add_tags([t for t in (Tag.objects.named(f) for f in sorted(fandoms)) if t])
        if accept_suggestions and stored:
            accept_on_authors_behalf(work)  # characters and relationships, never warnings
        work.set_complete(True)
        work.publish()
        report.append(f"{path.name}: imported as “{work.title}” ({work.words} words)")
    return report
