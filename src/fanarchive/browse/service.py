"""The browse service: keeps the bitmap index current and answers a BrowseQuery.

One BrowseIndex lives in each process. Before answering, `current_index()` asks the database
for the highest WorkIndex / FilterTag revision (one indexed MAX each) and re-files only the
rows that changed; a cold process rebuilds it from WorkIndex (or loads a snapshot saved under
var/ when its revision still matches).
"""

from __future__ import annotations

import logging
import pickle
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections

from fanarchive.browse import replica
from fanarchive.browse.bitmaps import BrowseIndex, Result, Selection, WorkEntry
from fanarchive.browse.exclusions import apply_exclusions
from fanarchive.browse.filters import PER_PAGE, BrowseQuery, epoch_seconds
from fanarchive.browse.fulltext import backend_for
from fanarchive.browse.models import FilterTag, SyncMark, WorkIndex
from fanarchive.browse.termcache import TermCache

log = logging.getLogger(__name__)
FULL_REBUILD_AFTER = 5_000  # changed rows beyond which a rebuild beats re-filing one by one
ENTRY_FIELDS = (
    "work_id", "filter_keys", "words", "posted", "updated", "kudos", "hits", "bookmarks", "comments",
)  # fmt: skip


def parse_keys(text: str) -> list[int | str]:
    return [int(token) if token.isdigit() else token for token in text.split()]


def entry_from_row(row: tuple, title_rank: int = 0, author_rank: int = 0) -> WorkEntry:
    work_id, keys, words, posted, updated, kudos, hits, bookmarks, comments = row
    return WorkEntry(
        work_id=work_id,
        keys=parse_keys(keys),
        words=words,
        posted=int(posted.timestamp()),
        updated=int(updated.timestamp()),
        kudos=kudos,
        hits=hits,
        bookmarks=bookmarks,
        comments=comments,
        title_rank=title_rank,
        author_rank=author_rank,
    )


def tag_types() -> dict[int, str]:
    return dict(FilterTag.objects.values_list("id", "type"))


EPOCH_MARK = "epoch"  # the SyncMark row renewed whenever the browse tables are rebuilt wholesale


def database_state(alias: str | None = None) -> tuple[int, int, int]:
    """(latest WorkIndex revision, latest FilterTag revision, epoch) in one round trip, on
    `alias`, else where the current listing reads (the primary outside a listing)."""
    database = connections[alias] if alias else replica.read_connection()
    with database.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MAX(revision) FROM {WorkIndex._meta.db_table}),"
            f" (SELECT MAX(revision) FROM {FilterTag._meta.db_table}),"
            f" (SELECT MAX(value) FROM {SyncMark._meta.db_table} WHERE name = %s)",
            [EPOCH_MARK],
        )
        work, tag, epoch = cursor.fetchone()
    return work or 0, tag or 0, epoch or 0


def revisions() -> tuple[int, int]:
    """(latest WorkIndex revision, latest FilterTag revision) in one round trip."""
    return database_state()[:2]


def current_epoch() -> int:
    return database_state()[2]


def new_epoch() -> int:
    """Declare the browse tables rebuilt wholesale (a restore, a re-index). Rows a restore
    dropped leave no newer revision behind, so an index or snapshot built before could keep
    listing them: every process rebuilds when the epoch it built from is no longer current."""
    epoch = max(time.time_ns() // 1000, current_epoch() + 1)
    SyncMark.objects.update_or_create(name=EPOCH_MARK, defaults={"value": epoch})
    return epoch


def latest_revision() -> int:
    return max(revisions())


@dataclass(slots=True)
class TagInfo:
    """What the listing needs of a tag, held in memory (no query per page for tag names)."""

    id: int
    name: str
    type: str
    merger_id: int | None

    @property
    def filter_id(self) -> int:
        return self.merger_id or self.id

    def __str__(self) -> str:
        return self.name


class TagTable:
    def __init__(self) -> None:
        self.by_id: dict[int, TagInfo] = {}
        self.by_name: dict[str, int] = {}
        self.revision = -1

    def load(self, revision: int) -> None:
        rows = FilterTag.objects.values_list("id", "name", "name_key", "type", "merger_id")
        self.by_id, self.by_name = {}, {}
        for tag_id, name, key, kind, merger in rows.iterator(10_000):
            self.by_id[tag_id] = TagInfo(tag_id, name, kind, merger)
            self.by_name[key] = tag_id
        self.revision = revision

    def types(self) -> dict[int, str]:
        return {i: tag.type for i, tag in self.by_id.items()}

    def named(self, name: str) -> TagInfo | None:
        tag_id = self.by_name.get(name.strip().casefold()[:150])
        return None if tag_id is None else self.by_id.get(tag_id)


def _epoch(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"CAST(EXTRACT(EPOCH FROM {column}) AS BIGINT)"
    return f"CAST(strftime('%s', {column}) AS INTEGER)"


def _ranks(ids: np.ndarray, key_field: str) -> np.ndarray:
    """Gapped rank of each work (aligned with ascending `ids`) in (key, work_id) order."""
    table = WorkIndex._meta.db_table
    with replica.read_connection().cursor() as cursor:
        cursor.execute(f"SELECT work_id FROM {table} WHERE visible ORDER BY {key_field}, work_id")
        ordered = np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64)
    ranks = np.empty(len(ordered), dtype=np.int64)
    ranks[np.searchsorted(ids, ordered)] = (
        np.arange(len(ordered), dtype=np.int64) * BrowseIndex.RANK_GAP
    )
    return ranks


def build_index() -> BrowseIndex:
    """Rebuild from the database with a few bulk reads and numpy (seconds per million works)."""
    revision = latest_revision()
    table = WorkIndex._meta.db_table
    columns = "work_id, filter_keys, words, kudos, hits, bookmarks, comments"
    with replica.read_connection().cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, {_epoch('posted')}, {_epoch('updated')} FROM {table}"
            " WHERE visible ORDER BY work_id"
        )
        rows = cursor.fetchall()
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    values = {
        name: np.fromiter((row[position] for row in rows), dtype=np.int64, count=len(rows))
        for position, name in enumerate(
            ("words", "kudos", "hits", "bookmarks", "comments", "posted", "updated"), 2
        )
    }
    values["title"] = _ranks(ids, "title_key")
    values["author"] = _ranks(ids, "author_key")
    key_texts = [row[1] for row in rows]
    del rows
    index = BrowseIndex.from_columns(ids, key_texts, values, tag_types())
    index.revision = revision
    index.warm()
    return index


def _neighbour_rank(index: BrowseIndex, row: WorkIndex, column: str) -> int | None:
    key_field = f"{column}_key"
    key = getattr(row, key_field)
    others = WorkIndex.objects.filter(visible=True).exclude(work_id=row.work_id)
    before = (
        (
            others.filter(**{f"{key_field}__lt": key})
            | others.filter(**{key_field: key, "work_id__lt": row.work_id})
        )
        .order_by(f"-{key_field}", "-work_id")
        .values_list("work_id", flat=True)
        .first()
    )
    after = (
        (
            others.filter(**{f"{key_field}__gt": key})
            | others.filter(**{key_field: key, "work_id__gt": row.work_id})
        )
        .order_by(key_field, "work_id")
        .values_list("work_id", flat=True)
        .first()
    )
    return index.rank_between(column, before, after)


def apply_changes(index: BrowseIndex, revision: int) -> BrowseIndex:
    """Bring `index` up to `revision`; returns a fresh index when re-filing would be slower."""
    changed_tags = FilterTag.objects.filter(revision__gt=index.revision).exists()
    changed = WorkIndex.objects.filter(revision__gt=index.revision)
    if changed.count() > FULL_REBUILD_AFTER:
        return build_index()
    if changed_tags:
        index.set_tag_types(tag_types())  # the holder reloads its TagTable itself
    for row in changed.order_by("revision"):
        if not row.visible:
            index.remove(row.work_id)
            continue
        ranks = [_neighbour_rank(index, row, column) for column in ("title", "author")]
        if None in ranks:  # a gap between two neighbours is used up: re-rank everything
            return build_index()
        values = tuple(getattr(row, name) for name in ENTRY_FIELDS)
        index.upsert(entry_from_row(values, *ranks))
    index.revision = revision
    return index


class ReadWriteLock:
    """Many readers or one writer; a waiting writer holds back new readers (no starvation)."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                self._condition.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._condition:
            self._writers_waiting += 1
            self._condition.wait_for(lambda: not self._writing and not self._readers)
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._condition.notify_all()


class IndexHolder:
    """The process-wide index, refreshed under a lock so one request rebuilds at a time.

    `apply_changes` re-files works in place (copying a million-work index per commit would
    double its memory), so a query reads the index inside `reading()`: a refresh waits for the
    queries in flight and a query never sees a half-applied batch of changes."""

    def __init__(self) -> None:
        self.index: BrowseIndex | None = None
        self.tags = TagTable()
        self.terms = TermCache()  # frequent full-text terms' work ids (PostgreSQL)
        self.database: str | None = None
        self.epoch = 0  # the database's epoch when self.index was built or its snapshot saved
        self.lock = threading.Lock()  # one refresh at a time
        self.access = ReadWriteLock()  # queries (readers) against in-place changes (writer)

    def snapshot_path(self) -> Path | None:
        var_dir = getattr(settings, "VAR_DIR", None)
        if var_dir is None:
            return None
        # A snapshot is only a head start: its revision is checked against the database.
        name = Path(str(connection.settings_dict["NAME"])).name
        return Path(var_dir) / "browse-index" / f"{connection.vendor}-{name}.pickle"

    def current(self) -> BrowseIndex:
        with self.lock:
            database = f"{connection.vendor}:{connection.settings_dict['NAME']}"
            # The primary says what the index needs; a listing reads a replica only when it
            # has applied at least that (browse.replica), else the primary.
            primary = database_state(DEFAULT_DB_ALIAS)
            _, (work_revision, tag_revision, epoch) = replica.choose(primary, database_state)
            if self.index is None or self.database != database or self.epoch != epoch:
                self.terms.clear()  # _cold_start may fill it again from a snapshot
                self.index, self.database = self._cold_start(epoch), database
                self.epoch = epoch
                self.tags = TagTable()
            if tag_revision != self.tags.revision:
                tags = TagTable()  # filled aside, then swapped: readers see old or new
                tags.load(tag_revision)
                self.tags = tags
            revision = max(work_revision, tag_revision)
            if revision != self.index.revision:
                previous = self.index
                changed = self._changed_works(previous.revision)
                if revision > previous.revision:
                    with self.access.writing():
                        self.index = apply_changes(previous, revision)
                        self._refresh_terms(changed, rebuilt=self.index is not previous)
                else:
                    self.index = build_index()  # a new object: queries in flight keep the old
                    self._refresh_terms(changed, rebuilt=True)
            return self.index

    @contextmanager
    def reading(self) -> Iterator[BrowseIndex]:
        """The current index, held still (no change applied to it) until the block ends."""
        while True:
            self.current()
            with self.access.reading():
                index = self.index
                if index is not None:  # else reset() ran in between (browse_warm): load again
                    yield index
                    return

    def _changed_works(self, since: int) -> list[int] | None:
        """Works whose rows changed since `since`, when cached terms need re-filing."""
        if not len(self.terms):
            return None
        changed = WorkIndex.objects.filter(revision__gt=since)
        return list(changed.values_list("work_id", flat=True)[: FULL_REBUILD_AFTER + 1])

    def _refresh_terms(self, changed: list[int] | None, rebuilt: bool) -> None:
        if changed is None or rebuilt or len(changed) > FULL_REBUILD_AFTER:
            self.terms.clear()
            return
        backend = backend_for()
        terms_of = getattr(backend, "terms_of", None)
        self.terms.refresh(changed, terms_of(changed) if terms_of else {})

    def reset(self) -> None:
        with self.lock:
            self.index = None
            self.epoch = 0
            self.tags = TagTable()
            self.terms.clear()

    def _cold_start(self, epoch: int) -> BrowseIndex:
        path = self.snapshot_path()
        if path is not None and path.exists():
            try:
                with path.open("rb") as handle:
                    snapshot = pickle.load(handle)
                index = BrowseIndex.loads(snapshot)
                # A snapshot from before a restore or re-index may list works that are gone;
                # one of epoch 0 may be another database's of the same name (a fresh one after
                # the file was deleted, a test database made again): its revisions prove nothing.
                trusted = snapshot.get("epoch", 0) == epoch != 0
                if trusted and index.revision <= latest_revision():
                    index.warm()
                    # Cached terms are as fresh as the index (see TermCache.refresh).
                    self.terms.load(snapshot.get("text_terms", {}))
                    return index
            except (OSError, pickle.UnpicklingError, KeyError, ValueError, EOFError):
                log.warning("browse index snapshot %s unreadable; rebuilding", path)
        return build_index()

    def save_snapshot(self) -> Path | None:
        path = self.snapshot_path()
        if path is None or self.index is None:
            return None
        if not self.epoch:
            # Name this database's browse tables, so the snapshot cannot pass for another's;
            # the index stays current (same rows), other processes rebuild once.
            self.epoch = new_epoch()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        snapshot = {
            **self.index.dumps(),
            "text_terms": self.terms.dumps(),
            "epoch": self.epoch,
        }
        with temporary.open("wb") as handle:
            pickle.dump(snapshot, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
        return path


HOLDER = IndexHolder()


def current_index() -> BrowseIndex:
    return HOLDER.current()


def warm_terms() -> int:
    """Cache every frequent search term now instead of at its first search (PostgreSQL only;
    minutes at a million works). Returns how many terms were cached."""
    backend = backend_for(cache=HOLDER.terms)
    postings = getattr(backend, "frequent_postings", None)
    if postings is None:
        return 0
    since = current_index().revision
    kept = HOLDER.terms.prime(postings(HOLDER.terms.min_works))
    # Works that changed while the postings were read: re-file them, whatever the holder did
    # meanwhile (re-filing is idempotent).
    changed = list(
        WorkIndex.objects.filter(revision__gt=since).values_list("work_id", flat=True)[
            : FULL_REBUILD_AFTER + 1
        ]
    )
    HOLDER._refresh_terms(changed, rebuilt=False)
    return kept


def current_tags() -> TagTable:
    """The in-memory tag table, as of the last current_index() call."""
    return HOLDER.tags


# ---- answering a query ---------------------------------------------------------------------


@dataclass
class BrowsePage:
    query: BrowseQuery
    total: int
    works: list[WorkIndex]
    facets: dict[str, list[tuple[int | str, int]]]
    tags: dict[int, TagInfo] = field(default_factory=dict)  # every tag id the page shows
    context_tag: TagInfo | None = None
    revision: int = 0  # the browse revision the node's index answered at
    read_from: str = "primary"  # or "replica" (browse.replica)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PER_PAGE))


def resolve_tags(query: BrowseQuery, context_tag_id: int | None = None) -> TagInfo | None:
    """Check tag ids and names against the tag table; synonyms become their canonical tag."""
    table = current_tags()
    for label, names in (("include", query.include_names), ("exclude", query.exclude_names)):
        for name in [n.strip() for n in names.split(",") if n.strip()][:20]:
            tag = table.named(name)
            if tag is None:
                query.messages.append(f"No tag is named {name[:80]!r}; it was ignored.")
            else:
                getattr(query, label).append(tag.id)
    query.include_names = query.exclude_names = ""

    def canonical(tag_id: int, label: str) -> int | None:
        tag = table.by_id.get(tag_id)
        if tag is None:
            query.messages.append(
                f"There is no tag with id {tag_id}; the {label} filter on it was ignored."
            )
            return None
        return tag.filter_id

    for label in ("include", "exclude"):
        ids = [canonical(i, label) for i in getattr(query, label)]
        setattr(query, label, list(dict.fromkeys(i for i in ids if i is not None)))
    query.exclude = [i for i in query.exclude if i not in query.include]
    for name in ("speaks", "speaks_most", "pairing"):
        value = getattr(query, name)
        if value is not None:
            setattr(query, name, canonical(value, name.replace("_", " ")))
    return None if context_tag_id is None else table.by_id.get(context_tag_id)


def selection_for(query: BrowseQuery, context: TagInfo | None, signed_in: bool = True) -> Selection:
    include: list[int | str] = list(query.include)
    exclude: list[int | str] = list(query.exclude)
    if not signed_in:
        exclude.append("restricted")  # AO3's "archive users only" works
    if context is not None:
        include.append(context.filter_id)
    if query.status == "complete":
        include.append("complete")
    elif query.status == "in_progress":
        exclude.append("complete")
    if query.language:
        include.append(f"lang:{query.language}")
    if query.crossover == "only":
        include.append("crossover")
    elif query.crossover == "exclude":
        exclude.append("crossover")
    for name in ("speaks", "speaks_most", "pairing"):
        value = getattr(query, name)
        if value is not None:
            include.append(f"{name}:{value}")
    exclude.extend(f"note:{key}" for key in query.hide_notes)
    ranges: dict[str, tuple[int | None, int | None]] = {}
    if query.words_from is not None or query.words_to is not None:
        ranges["words"] = (query.words_from, query.words_to)
    for kind in ("updated", "posted"):
        low, high = query.dates.get(f"{kind}_from"), query.dates.get(f"{kind}_to")
        if low or high:
            ranges[kind] = (
                epoch_seconds(low) if low else None,
                epoch_seconds(high, end_of_day=True) if high else None,
            )
    return Selection(
        include=include,
        exclude=exclude,
        ranges=ranges,
        sort=query.sort,
        descending=query.descending,
        offset=query.offset,
        limit=PER_PAGE,
    )


def run_query(
    query: BrowseQuery, context_tag_id: int | None = None, signed_in: bool = True, viewer=None
) -> tuple[Result, TagInfo | None]:
    """The ids of one page and the facets (no blurbs); `viewer`'s saved exclusions applied."""
    with HOLDER.reading() as index:
        return _run_query(index, query, context_tag_id, signed_in, viewer)


def _run_query(
    index: BrowseIndex, query: BrowseQuery, context_tag_id: int | None, signed_in: bool, viewer
) -> tuple[Result, TagInfo | None]:
    context = resolve_tags(query, context_tag_id)
    selection = selection_for(query, context, signed_in)
    if query.text:
        selection.within, selection.without = backend_for(cache=HOLDER.terms).search(query.text)
    shown = [
        k
        for k in selection.include + selection.exclude
        if k not in ("complete", "crossover", "restricted")
    ]
    note = apply_exclusions(selection, viewer, current_tags())  # after `shown`: no facet rows
    if note:
        query.messages.append(note)
    result = index.search(selection, always=shown)
    result.revision = index.revision
    if not result.ids and result.total and query.page > 1:
        last = -(-result.total // PER_PAGE)
        query.messages.append(f"There is no page {query.page:,}; showing the last page, {last:,}.")
        query.page = last
        selection.offset = query.offset
        result.ids = index.page(
            index.matches(selection),
            selection.sort,
            selection.descending,
            selection.offset,
            PER_PAGE,
        )
    return result, context


@replica.in_listing
def browse(
    query: BrowseQuery, context_tag_id: int | None = None, signed_in: bool = True, viewer=None
) -> BrowsePage:
    """One listing page: ids and facets from the index, then the page's rows and tag names."""
    result, context = run_query(query, context_tag_id, signed_in, viewer)
    rows = WorkIndex.objects.in_bulk(result.ids)
    works = [rows[i] for i in result.ids if i in rows]
    tag_ids: set[int] = set()
    for work in works:
        tag_ids.update(int(t) for t in work.tag_ids.split())
    for keys in result.facets.values():
        for key, _ in keys:
            tag_ids.add(key if isinstance(key, int) else _key_tag(key))
    table = current_tags()
    tags = {i: table.by_id[i] for i in tag_ids if i in table.by_id}
    read_from = replica.read_alias() or "primary"
    return BrowsePage(
        query, result.total, works, result.facets, tags, context, result.revision, read_from
    )


def _key_tag(key: str) -> int:
    tail = key.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else -1
