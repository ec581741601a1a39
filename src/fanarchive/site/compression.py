"""PostgreSQL: store large text columns with lz4 instead of the default pglz.

PostgreSQL compresses every value over ~2 KB (a chapter, an analysis, a work's search terms)
when it stores it; with pglz that was the largest single cost of the server's CPU during an
import (about one eighth of it). lz4 compresses several times faster for a little more disk.
Only values written afterwards change; SQLite, and PostgreSQL builds without lz4, are left
as they are.
"""

from __future__ import annotations

from django.db import DatabaseError, migrations, transaction


def use_lz4(table: str, *columns: str) -> migrations.RunPython:
    """A migration operation: these columns of this table compress new values with lz4."""

    def forward(apps, schema_editor):
        _set_compression(schema_editor.connection, table, columns, "lz4")

    def backward(apps, schema_editor):
        _set_compression(schema_editor.connection, table, columns, "pglz")

    return migrations.RunPython(forward, backward, elidable=False)


def _set_compression(connection, table: str, columns, method: str) -> None:
    if connection.vendor != "postgresql" or connection.pg_version < 140000:
        return
    quote = connection.ops.quote_name
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for column in columns:
                cursor.execute(
                    f"ALTER TABLE {quote(table)} ALTER COLUMN {quote(column)}"
                    f" SET COMPRESSION {method}"
                )
    except DatabaseError as error:  # a server built without lz4: keep its default
        if "lz4" not in str(error):
            raise
