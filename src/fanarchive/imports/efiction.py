"""Works from an eFiction archive's MySQL dump: its stories, chapters, characters, authors,
categories (fandoms) and ratings tables, whatever the table prefix ("fanfiction_", "efic_").

eFiction can keep chapter text in files instead of the database (`stories/<uid>/<chapid>.txt`
under the archive's root); when a chapter's text is empty in the dump it is looked up there,
next to the dump.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from fanarchive.imports.drafts import Draft, DraftChapter, Problem
from fanarchive.imports.sqldump import DumpError, iter_rows

TABLES = ("stories", "chapters", "characters", "authors", "categories", "ratings", "coauthors")


def looks_like_efiction(sql_head: str) -> bool:
    head = sql_head.lower()
    return "stories" in head and "chapters" in head or "efiction" in head


def efiction_drafts(
    sql: str, source: str, files_root: Path | None = None
) -> Iterator[Draft | Problem]:
    try:
        tables = _read_tables(sql)
    except DumpError as error:
        yield Problem(source, f"not a readable MySQL dump: {error}")
        return
    if not tables["stories"]:
        yield Problem(source, "no eFiction stories table (…_stories) with rows in this dump")
        return
    lookup = _Lookups(tables)
    chapters = defaultdict(list)
    for row in tables["chapters"]:
        chapters[_int(row.get("sid"))].append(row)
    for story in tables["stories"]:
        label = f"{source}#story-{story.get('sid')}"
        if str(story.get("validated", "1")) in {"0", "N", "n"}:
            yield Problem(label, "not validated in eFiction (never published); skipped")
            continue
        yield _draft(story, chapters[_int(story.get("sid"))], lookup, label, files_root)


def _read_tables(sql: str) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for table, row in iter_rows(sql):
        kind = _kind(table)
        if kind:
            tables[kind].append(row)
    return tables


def _kind(table: str) -> str | None:
    for name in TABLES:
        if table == name or table.endswith("_" + name):
            return name
    return None


class _Lookups:
    def __init__(self, tables: dict[str, list[dict]]):
        self.authors = {_int(r.get("uid")): _text(r.get("penname")) for r in tables["authors"]}
        self.characters = {
            _int(r.get("charid")): _text(r.get("charname")) for r in tables["characters"]
        }
        self.categories = {
            _int(r.get("catid")): _text(r.get("category")) for r in tables["categories"]
        }
        self.ratings = {_int(r.get("rid")): _text(r.get("rating")) for r in tables["ratings"]}
        self.coauthors = defaultdict(list)
        for row in tables["coauthors"]:
            self.coauthors[_int(row.get("sid"))].append(_int(row.get("uid")))

    def author(self, uid) -> str:
        return self.authors.get(_int(uid)) or f"eFiction user {uid}"

    def names(self, table: dict, ids) -> list[str]:
        return [table[i] for i in _ids(ids) if table.get(i)]


def _draft(story, rows, lookup: _Lookups, label: str, files_root: Path | None) -> Draft | Problem:
    rows = sorted(
        (r for r in rows if str(r.get("validated", "1")) not in {"0", "N", "n"}),
        key=lambda r: (_int(r.get("inorder")) or 0, _int(r.get("chapid")) or 0),
    )
    chapters = []
    for row in rows:
        body = _text(row.get("storytext")) or _chapter_file(files_root, row)
        if body.strip():
            chapters.append(
                DraftChapter(
                    title=_text(row.get("title")),
                    body=body,
                    notes=_text(row.get("notes")),
                    end_notes=_text(row.get("endnotes")),
                )
            )
    if not chapters:
        return Problem(label, "no chapter text (neither in the dump nor in stories/<uid>/ files)")
    sid = _int(story.get("sid"))
    uids = [story.get("uid"), *lookup.coauthors.get(sid, [])]
    rating = story.get("rating")
    return Draft(
        source=label,
        title=_text(story.get("title")) or f"Untitled story {sid}",
        chapters=chapters,
        body_format="html",  # eFiction stores (and shows) chapter text as HTML
        authors=list(dict.fromkeys(lookup.author(uid) for uid in uids if uid not in (None, ""))),
        summary=_text(story.get("summary")),
        notes=_text(story.get("storynotes")),
        fandoms=lookup.names(lookup.categories, story.get("catid")),
        characters=lookup.names(lookup.characters, story.get("charid")),
        rating=lookup.ratings.get(_int(story.get("rid")))
        or (rating if isinstance(rating, str) else ""),
        complete=_flag(story.get("completed")),
    )


def _chapter_file(root: Path | None, row: dict) -> str:
    if root is None:
        return ""
    path = root / "stories" / str(row.get("uid")) / f"{row.get('chapid')}.txt"
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _flag(value) -> bool | None:
    return None if value is None else str(value).strip() in {"1", "Y", "y"}


def _ids(value) -> list[int]:
    """eFiction keeps id lists as comma-separated strings: "3,12,15"."""
    if value is None:
        return []
    ids = (_int(part) for part in str(value).split(","))
    return [i for i in ids if i is not None]


def _int(value) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _text(value) -> str:
    return "" if value is None else str(value).strip()
