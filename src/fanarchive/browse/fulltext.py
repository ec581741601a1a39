"""Full-text search behind one interface: SQLite FTS5 or PostgreSQL tsvector + GIN.

Both index the same normalised text (browse.textquery.normalise_document) of title, summary,
notes and body and answer a TextQuery with exact per-work semantics (every positive item
somewhere in the work, no negative item anywhere in it); ordering and paging stay with the
bitmap index. Results are therefore identical on both databases.

SQLite keeps one FTS5 row per work (rowid = work id) and answers with one MATCH expression;
FTS5 evaluates NOT by seeking in the excluded word's doclist, so `-common` costs ~1 ms.
PostgreSQL clamps tsvector positions at 16,383, so a long work is stored as overlapping
segments (textquery.segments); each positive item is looked up on its own (GIN) and the sets
intersected per work, and negative items are checked only among those candidates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection as default_connection
from pyroaring import BitMap

from fanarchive.browse.textquery import TextQuery, segments

TABLE = "browse_fulltext"


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
    vendor = "postgresql"

    def create_sql(self) -> list[str]:
        return [
            f"CREATE TABLE IF NOT EXISTS {TABLE} (work_id bigint NOT NULL, segment integer NOT NULL,"
            " document tsvector NOT NULL, PRIMARY KEY (work_id, segment))",
            f"CREATE INDEX IF NOT EXISTS {TABLE}_gin ON {TABLE} USING gin (document)",
        ]

    def rows(self, work_id: int, document: str) -> list[tuple]:
        return [(work_id, n, text) for n, text in enumerate(segments(document))]

    def insert_sql(self) -> str:
        return f"INSERT INTO {TABLE} (work_id, segment, document) VALUES (%s, %s, to_tsvector('simple', %s))"

    def _delete(self, cursor, work_ids: list[int]) -> None:
        if work_ids:
            cursor.execute(f"DELETE FROM {TABLE} WHERE work_id = ANY(%s)", [work_ids])

    def item_ids(self, item: tuple[str, ...], among: BitMap | None = None) -> BitMap:
        # No DISTINCT: the segments of one long work repeat its id, and the bitmap dedups.
        sql = f"SELECT work_id FROM {TABLE} WHERE document @@ to_tsquery('simple', %s)"
        params: list = [tsquery(item)]
        if among is not None:
            sql += " AND work_id = ANY(%s)"
            params.append(list(among))
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return BitMap(row[0] for row in cursor.fetchall())

    def search(self, query: TextQuery) -> tuple[BitMap | None, BitMap | None]:
        within = None
        for item in query.must:
            found = self.item_ids(
                item, among=within if within is not None and len(within) < 20_000 else None
            )
            within = found if within is None else within & found
            if not within:
                return within, None
        among = within if within is not None and len(within) < 100_000 else None
        without = BitMap()
        for item in query.must_not:
            without |= self.item_ids(item, among)
        return within, without if query.must_not else None


def tsquery(item: tuple[str, ...]) -> str:
    """Tokens are alphanumeric (textquery.TOKEN_RE), so quoting them is all the escaping needed."""
    return " <-> ".join(f"'{token}'" for token in item)


def backend_for(connection=None) -> FullTextBackend:
    connection = connection or default_connection
    if connection.vendor == "postgresql":
        return PostgresFullText(connection)
    if connection.vendor == "sqlite":
        return SqliteFullText(connection)
    raise RuntimeError(f"Full-text search supports SQLite and PostgreSQL, not {connection.vendor}")
