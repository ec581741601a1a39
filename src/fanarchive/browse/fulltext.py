"""Full-text search behind one interface: SQLite FTS5 or PostgreSQL tsvector + GIN.

Both index the same normalised text (browse.textquery.normalise_document) of title, summary,
notes and body and answer a TextQuery with exact per-work semantics (every positive item
somewhere in the work, no negative item anywhere in it); ordering and paging stay with the
bitmap index. Results are therefore identical on both databases.

SQLite keeps one FTS5 row per work (rowid = work id) and answers with one MATCH expression;
FTS5 evaluates NOT by seeking in the excluded word's doclist, so `-common` costs ~1 ms.
PostgreSQL keeps two tables. `browse_textterms` holds each work's words and adjacent word
pairs as a positionless tsvector (GIN): a word or a two-word phrase is one look-up, exact
and without reading positions; frequent terms keep their work ids in memory (termcache).
`browse_fulltext` keeps positions (tsvector, in overlapping segments because positions clamp
at 16,383) only to confirm phrases of three or more words among the works holding all
their pairs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from django.db import DatabaseError
from django.db import connection as default_connection
from pyroaring import BitMap

from fanarchive.browse import replica
from fanarchive.browse.termcache import MIN_WORKS, TermCache
from fanarchive.browse.textquery import TextQuery, distinct_terms, item_terms, segments

TABLE = "browse_fulltext"
log = logging.getLogger(__name__)
TERMS_TABLE = "browse_textterms"
TERMS_INDEX = f"{TERMS_TABLE}_gin"
BULK_PENDING_KB = 1024  # the pending list every search scans during an import
TERMS_PART_BYTES = 900_000  # a tsvector holds at most 1 MB
# Beyond this many candidates, fetching a term's whole work list (and caching it) beats
# checking the candidates one by one, however frequent the term.
CHECK_AMONG_MAX = 50_000


class FullTextBackend:
    vendor = ""

    def __init__(self, connection=None) -> None:
        self.connection = connection or default_connection

    def create_sql(self) -> list[str]:
        raise NotImplementedError

    def drop_sql(self) -> list[str]:
        return [f"DROP TABLE IF EXISTS {TABLE}"]

    def rows(self, work_id: int, document: str) -> list[tuple]:
        raise NotImplementedError

    def insert_sql(self) -> str:
        raise NotImplementedError

    def put(self, documents: Iterable[tuple[int, str]]) -> None:
        """(work id, normalised document) pairs, replacing what was there."""
        documents = list(documents)
        if not documents:
            return
        rows = [row for work_id, text in documents for row in self.rows(work_id, text)]
        with self.connection.cursor() as cursor:
            self._delete(cursor, [work_id for work_id, _ in documents])
            cursor.executemany(self.insert_sql(), rows)

    def delete(self, work_ids: Sequence[int]) -> None:
        with self.connection.cursor() as cursor:
            self._delete(cursor, list(work_ids))

    def _delete(self, cursor, work_ids: list[int]) -> None:
        raise NotImplementedError

    def search(self, query: TextQuery) -> tuple[BitMap | None, BitMap | None]:
        """(works matching every positive item or None, works matching a negative item or None)."""
        raise NotImplementedError

    def begin_bulk_load(self) -> None:
        """Make adding many works cheaper, at some cost to searches until end_bulk_load."""

    def end_bulk_load(self) -> None:
        """Back to the search-first set-up (also repairs a bulk load that was interrupted)."""


class SqliteFullText(FullTextBackend):
    vendor = "sqlite"

    def create_sql(self) -> list[str]:
        # Tokens arrive folded and space-separated; unicode61 then splits exactly on spaces.
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(document, tokenize='unicode61')"
        ]

    def rows(self, work_id: int, document: str) -> list[tuple]:
        return [(work_id, document)]

    def insert_sql(self) -> str:
        return f"INSERT INTO {TABLE} (rowid, document) VALUES (%s, %s)"

    def _delete(self, cursor, work_ids: list[int]) -> None:
        for start in range(0, len(work_ids), 500):
            chunk = work_ids[start : start + 500]
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE rowid IN ({','.join(['%s'] * len(chunk))})", chunk
            )

    def _match(self, expression: str) -> BitMap:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [expression])
            return BitMap(row[0] for row in cursor.fetchall())

    def search(self, query: TextQuery) -> tuple[BitMap | None, BitMap | None]:
        positive = " AND ".join(phrase(item) for item in query.must)
        negative = " OR ".join(phrase(item) for item in query.must_not)
        if positive:
            expression = f"({positive}) NOT ({negative})" if negative else positive
            return self._match(expression), None
        return None, self._match(negative) if negative else None


def phrase(item: tuple[str, ...]) -> str:
    return '"' + " ".join(item) + '"'


class PostgresFullText(FullTextBackend):
    """tsvector tables: positions for long phrases, and a narrow positionless table of terms.

    `browse_textterms` holds each work's words and adjacent word pairs (textquery.terms) as a
    positionless tsvector with a GIN index: a word or two-word phrase is then one index look-up
    whose matches need no recheck, and a longer phrase is the AND of its pairs, checked against
    the positions in `browse_fulltext` only for those few candidates. Frequent terms keep their
    work ids in a TermCache after the first look-up (see browse.termcache for why).
    """

    vendor = "postgresql"

    def __init__(self, connection=None, cache: TermCache | None = None) -> None:
        super().__init__(connection)
        self.cache = cache

    def create_sql(self) -> list[str]:
        # No GIN on the positions: they are only read for a few candidates, by primary key
        # (migration 0004 drops the index older versions made).
        return [
            f"CREATE TABLE IF NOT EXISTS {TABLE} (work_id bigint NOT NULL, segment integer NOT NULL,"
            " document tsvector NOT NULL, PRIMARY KEY (work_id, segment))",
        ]

    def terms_table_sql(self) -> list[str]:
        # A look-up reads the heap row of every match for its work id only: with
        # toast_tuple_target at its minimum, any row PostgreSQL toasts (over ~2 KB: roughly a
        # work of 100 words or more) keeps its terms wholly out of line, so heap rows stay tiny.
        return [
            f"CREATE TABLE IF NOT EXISTS {TERMS_TABLE} (work_id bigint NOT NULL,"
            " part integer NOT NULL, terms tsvector NOT NULL, PRIMARY KEY (work_id, part))"
            " WITH (toast_tuple_target = 128)",
        ]

    def terms_index_sql(self) -> list[str]:
        # fastupdate off: no pending list for every search to scan; writes pay instead.
        return [
            f"CREATE INDEX IF NOT EXISTS {TERMS_INDEX} ON {TERMS_TABLE}"
            " USING gin (terms) WITH (fastupdate = off)",
        ]

    def begin_bulk_load(self) -> None:
        """GIN fast update on: new works' terms go to the index's pending list and are merged
        a megabyte at a time, sorted by term, instead of one index descent per term of every
        work (that cost PostgreSQL ~7 ms of CPU per imported work). Searches scan the pending
        list meanwhile: slower (up to ~0.1 s with a full megabyte), never wrong."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"ALTER INDEX IF EXISTS {TERMS_INDEX}"
                f" SET (fastupdate = on, gin_pending_list_limit = {BULK_PENDING_KB})"
            )

    def end_bulk_load(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"ALTER INDEX IF EXISTS {TERMS_INDEX} SET (fastupdate = off)")
            cursor.execute(f"ALTER INDEX IF EXISTS {TERMS_INDEX} RESET (gin_pending_list_limit)")
            # Turning fast update off leaves the pending list for searches to scan: merge it.
            cursor.execute(
                f"SELECT gin_clean_pending_list(to_regclass('{TERMS_INDEX}'))"
                f" WHERE to_regclass('{TERMS_INDEX}') IS NOT NULL"
            )

    def drop_sql(self) -> list[str]:
        return [f"DROP TABLE IF EXISTS {TERMS_TABLE}", *super().drop_sql()]

    def rows(self, work_id: int, document: str) -> list[tuple]:
        return [(work_id, n, text) for n, text in enumerate(segments(document))]

    def terms_rows(self, work_id: int, document: str) -> list[tuple]:
        # Sent as one string (terms are words and single spaces, never a newline): adapting a
        # list of thousands of strings to a text[] costs more client CPU than the rest.
        found = distinct_terms(document)
        # At most 4 bytes a character: almost every work fits one part without measuring it.
        if 4 * sum(map(len, found)) + 8 * len(found) <= TERMS_PART_BYTES:
            parts = [list(found)] if found else []
        else:
            parts = term_parts(sorted(found))
        return [(work_id, n, "\n".join(part)) for n, part in enumerate(parts)]

    def insert_sql(self) -> str:
        return f"INSERT INTO {TABLE} (work_id, segment, document) VALUES (%s, %s, to_tsvector('simple', %s))"

    def terms_insert_sql(self) -> str:
        return f"INSERT INTO {TERMS_TABLE} (work_id, part, terms) VALUES (%s, %s, array_to_tsvector(string_to_array(%s, E'\\n')))"

    def put(self, documents: Iterable[tuple[int, str]]) -> None:
        documents = list(documents)
        super().put(documents)
        rows = [row for work_id, text in documents for row in self.terms_rows(work_id, text)]
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(self.terms_insert_sql(), rows)

    def _delete(self, cursor, work_ids: list[int]) -> None:
        if work_ids:
            cursor.execute(f"DELETE FROM {TABLE} WHERE work_id = ANY(%s)", [work_ids])
            cursor.execute(f"DELETE FROM {TERMS_TABLE} WHERE work_id = ANY(%s)", [work_ids])

    def terms_of(self, work_ids: Sequence[int]) -> dict[int, set[str]]:
        """Each listed work's terms, as stored (for refreshing a TermCache)."""
        found: dict[int, set[str]] = {}
        if not work_ids:
            return found
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT work_id, tsvector_to_array(terms) FROM {TERMS_TABLE}"
                " WHERE work_id = ANY(%s)",
                [list(work_ids)],
            )
            for work_id, part in cursor.fetchall():
                found.setdefault(work_id, set()).update(part)
        return found

    def frequent_postings(self, min_works: int) -> Iterator[tuple[str, BitMap]]:
        """Every term of at least `min_works` works with their ids, most frequent first.

        One pass over the whole terms table (~2 minutes at a million works here): for warming
        a TermCache ahead of searches (service.warm_terms), not for a request.
        """
        with self.connection.chunked_cursor() as cursor:
            cursor.execute(
                f"SELECT entry.lexeme, array_agg(work_id) FROM {TERMS_TABLE}, unnest(terms) AS entry"
                " GROUP BY entry.lexeme HAVING count(*) >= %s ORDER BY count(*) DESC",
                [min_works],
            )
            while rows := cursor.fetchmany(100):
                for term, ids in rows:
                    yield term, BitMap(ids)

    def term_ids(self, term: str, among: BitMap | None = None) -> BitMap:
        """Works containing a term; with `among`, only those of `among` are sure to be listed.

        From the cache, else by checking just `among` when that reads fewer rows than the
        term's matches would, else one GIN look-up whose answer is offered to the cache.
        """
        if self.cache is not None:
            cached = self.cache.get(term)
            if cached is not None:
                return cached
            generation = self.cache.generation
        if among is not None and len(among) <= max(
            MIN_WORKS, min(self.estimated_works(term), CHECK_AMONG_MAX)
        ):
            return self._term_among(term, among)
        with self.connection.cursor() as cursor:
            # A work's terms may span several parts; the bitmap dedups the repeated ids.
            cursor.execute(
                f"SELECT work_id FROM {TERMS_TABLE} WHERE terms @@ %s::tsquery", [lexeme(term)]
            )
            found = BitMap(row[0] for row in cursor.fetchall())
        if self.cache is not None:
            self.cache.offer(term, found, generation)
        return found

    def _term_among(self, term: str, among: BitMap) -> BitMap:
        if not among:
            return BitMap()
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT work_id FROM {TERMS_TABLE} WHERE work_id = ANY(%s)"
                " AND terms @@ %s::tsquery",
                [list(among), lexeme(term)],
            )
            return BitMap(row[0] for row in cursor.fetchall())

    def estimated_works(self, term: str) -> int:
        """How many works hold a term, as ANALYZE last saw it (0: rarer than its top list)."""
        if self.cache is None:
            return 0
        if self.cache.estimates is None:
            self.cache.estimates = self._load_estimates()
        return self.cache.estimates.get(term, 0)

    def _load_estimates(self) -> dict[str, int]:
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples"
                " FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename"
                " WHERE s.tablename = %s AND s.attname = 'terms'"
                " AND s.schemaname = current_schema()",
                [TERMS_TABLE],
            )
            row = cursor.fetchone()
        if not row or not row[0]:
            return {}
        terms, frequencies, rows = row
        return {term: int(f * max(rows, 0)) for term, f in zip(terms, frequencies, strict=False)}

    def cheapest_first(self, terms: list[str]) -> list[str]:
        """Cached terms, then the rarest: later look-ups then only check a few candidates."""
        cached = self.cache.postings if self.cache is not None else {}
        return sorted(terms, key=lambda term: (term not in cached, self.estimated_works(term)))

    def phrase_ids(self, item: tuple[str, ...], among: BitMap) -> BitMap:
        """Of `among`, the works where the phrase occurs (positions, per segment)."""
        if not among:
            return BitMap()
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT work_id FROM {TABLE} WHERE work_id = ANY(%s)"
                " AND document @@ to_tsquery('simple', %s)",
                [list(among), tsquery(item)],
            )
            return BitMap(row[0] for row in cursor.fetchall())

    def item_ids(self, item: tuple[str, ...], among: BitMap | None = None) -> BitMap:
        """Works containing a word or phrase, exactly; with `among`, only those of `among`
        are sure to be listed (callers intersect with it)."""
        found = among
        for term in self.cheapest_first(item_terms(item)):
            ids = self.term_ids(term, found)
            found = ids if found is None else found & ids
            if not found:
                return found
        if len(item) > 2 and found is not None:  # every pair present does not make the phrase
            found = self.phrase_ids(item, found)
        return found if found is not None else BitMap()

    def search(self, query: TextQuery) -> tuple[BitMap | None, BitMap | None]:
        def cost(item: tuple[str, ...]) -> tuple[bool, int]:
            first = self.cheapest_first(item_terms(item))[0]
            cached = self.cache is not None and first in self.cache.postings
            return (not cached, self.estimated_works(first))

        within = None
        for item in sorted(query.must, key=cost):
            within = self.item_ids(item, within)
            if not within:
                return within, None
        without = BitMap()
        for item in query.must_not:
            without |= self.item_ids(item, within)
        return within, without if query.must_not else None


def term_parts(all_terms: list[str]) -> list[list[str]]:
    """Terms cut into parts that each fit one tsvector (at most 1 MB)."""
    parts: list[list[str]] = [[]]
    size = 0
    for term in all_terms:
        cost = len(term.encode()) + 8  # the lexeme and its entry header, rounded up
        if size + cost > TERMS_PART_BYTES and parts[-1]:
            parts.append([])
            size = 0
        parts[-1].append(term)
        size += cost
    return parts if parts[-1] else []


def lexeme(term: str) -> str:
    """A tsquery literal of one lexeme; terms are alphanumeric words and single spaces."""
    return f"'{term}'"


def tsquery(item: tuple[str, ...]) -> str:
    """Tokens are alphanumeric (textquery.TOKEN_RE), so quoting them is all the escaping needed."""
    return " <-> ".join(f"'{token}'" for token in item)


@contextmanager
def bulk_load(connection=None):
    """For adding many works at once (imports): the full-text index is set up for writing
    while the block runs, and back for searching after it, however it ends."""
    backend = backend_for(connection)
    backend.begin_bulk_load()
    try:
        yield
    finally:
        try:
            backend.end_bulk_load()
        except DatabaseError:  # never hide how the block ended; browse_warm repairs this
            log.exception("could not set the full-text index back for searching")


def backend_for(connection=None, cache: TermCache | None = None) -> FullTextBackend:
    """The backend of this database; `cache` (PostgreSQL only) keeps frequent terms' ids."""
    # A listing reading a caught-up replica searches it too (browse.replica).
    connection = connection or replica.read_connection()
    if connection.vendor == "postgresql":
        return PostgresFullText(connection, cache)
    if connection.vendor == "sqlite":
        return SqliteFullText(connection)
    raise RuntimeError(f"Full-text search supports SQLite and PostgreSQL, not {connection.vendor}")
