"""PostgreSQL keeps the large columns with lz4 compression (pglz cost an import the most
server CPU); elsewhere the migrations change nothing."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

LARGE_COLUMNS = [
    ("works_chapter", "body"),
    ("insights_workanalysis", "text"),
    ("insights_workanalysis", "data"),
    ("browse_fulltext", "document"),
    ("browse_textterms", "terms"),
]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="lz4 is a PostgreSQL setting")
def test_large_columns_compress_with_lz4():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attrelid::regclass::text, attname, attcompression FROM pg_attribute"
            " WHERE (attrelid::regclass::text, attname) IN ("
            + ", ".join(["(%s, %s)"] * len(LARGE_COLUMNS))
            + ")",
            [part for pair in LARGE_COLUMNS for part in pair],
        )
        found = {(table, column): method for table, column, method in cursor.fetchall()}
    assert found == {pair: "l" for pair in LARGE_COLUMNS}


def test_other_databases_are_left_alone():
    from fanarchive.site.compression import _set_compression

    class Elsewhere:
        vendor = "sqlite"

        def cursor(self):
            raise AssertionError("no statement may run")

    _set_compression(Elsewhere(), "works_chapter", ["body"], "lz4")
