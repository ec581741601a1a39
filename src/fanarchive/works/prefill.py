"""An uploaded work file fills the posting form's empty fields, as AO3's importer does.

An AO3 download (or a FanFicFare file, or any file the reading library understands) carries
its title, summary, rating, warnings, fandoms, tags and byline (`Document.metadata`). What
the author typed always wins; only empty fields are filled, and the author is told which
("Filled from the file: summary, fandom, …") on the Preview, before anything is posted.

The file's byline is not the poster. When it names none of the poster's pseuds it is kept
in the work's beginning notes as "Originally by X" (with the file's source address): AO3
users moving a work between accounts or archives expect the old name to stay visible, and
a work posted for someone else must credit them, as AO3's imports do ("by archivist for
creator") - while the byline itself stays the poster's, since only they can edit the work.

Plain Python over names; the form maps names to its choices.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape

from fanarchive.analysis.document import Metadata

# Form field -> (label in the message, metadata attribute). Tag lists are joined by commas.
TEXT_FIELDS = {
    "title": ("title", "title"),
    "summary": ("summary", "summary"),
    "fandoms": ("fandom", "fandoms"),
    "relationships": ("relationships", "relationships"),
    "characters": ("characters", "characters"),
    "freeforms": ("additional tags", "additional_tags"),
    "language": ("language", "language"),
}
CHOICE_FIELDS = {  # the form's checkbox groups: filled when nothing is ticked
    "warnings": ("archive warnings", "warnings"),
    "categories": ("categories", "categories"),
}
UNRATED = "Not Rated"  # the form's default rating: "left empty"


@dataclass
class Prefill:
    """What the file gives the form: field values (names, not ids) and the labels taken."""

    values: dict[str, str | list[str]] = field(default_factory=dict)
    taken: list[str] = field(default_factory=list)
    original_byline: str = ""  # "Originally by X" note, as HTML, or ""

    def message(self) -> str:
        said = []
        if self.taken:
            said.append("Filled from the file: " + ", ".join(self.taken) + ".")
        if self.original_byline:
            said.append(
                "The file's byline is not one of your pseuds: it is kept in the notes as "
                "“Originally by …”."
            )
        if said:
            said.append("Check them before you post: Edit changes anything.")
        return " ".join(said)


def _empty(value) -> bool:
    if isinstance(value, (list, tuple)):
        return not any(str(v).strip() for v in value)
    return not str(value or "").strip()


def _text(metadata: Metadata, attribute: str) -> str:
    value = getattr(metadata, attribute)
    if isinstance(value, list):
        return ", ".join(v.strip() for v in value if v.strip())
    return (value or "").strip()


def fill_empty(
    metadata: Metadata,
    given: Mapping[str, object],
    poster_names: Iterable[str],
    choices: Mapping[str, Iterable[str]],
) -> Prefill:
    """The values for the fields of `given` the author left empty, from the file's metadata.

    `given` holds what the form received (field -> text, or list of names for the checkbox
    groups and the rating's name); `choices` the names each choice field accepts (rating,
    warnings, categories): a name the archive does not offer is not filled in.
    """
    prefill = Prefill()
    for name, (label, attribute) in TEXT_FIELDS.items():
        found = _text(metadata, attribute)
        if found and name in given and _empty(given[name]):
            prefill.values[name] = found
            prefill.taken.append(label)
    offered_ratings = set(choices.get("rating", ()))
    if given.get("rating") in ("", None, UNRATED) and metadata.rating in offered_ratings - {
        UNRATED
    }:
        prefill.values["rating"] = metadata.rating
        prefill.taken.append("rating")
    for name, (label, attribute) in CHOICE_FIELDS.items():
        offered = set(choices.get(name, ()))
        found = [v for v in getattr(metadata, attribute) if v in offered]
        if found and name in given and _empty(given[name]):
            prefill.values[name] = found
            prefill.taken.append(label)
    prefill.original_byline = original_byline(metadata, poster_names)
    return prefill


def original_byline(metadata: Metadata, poster_names: Iterable[str]) -> str:
    """'Originally by X at <source>.' as note HTML when the file's byline names none of the
    poster's pseuds (case ignored); '' when it is theirs or the file names no one."""
    authors = [a.strip() for a in metadata.authors if a.strip()]
    mine = {name.casefold() for name in poster_names}
    if not authors or any(author.casefold() in mine for author in authors):
        return ""
    line = "Originally by " + escape(", ".join(authors))
    source = metadata.source_url.strip()
    if source.startswith(("https://", "http://")):
        line += f' at <a href="{escape(source)}">{escape(source)}</a>'
    return f"<p>{line}.</p>"
