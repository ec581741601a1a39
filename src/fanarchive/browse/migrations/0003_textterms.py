"""PostgreSQL: the positionless terms table (words and adjacent pairs) full-text search reads.

Existing rows are derived inside the database from `browse_fulltext`'s positions, so a large
archive is not re-read from the works. Positions are capped at 256 per word and segment, so a
pair after a word's 256th use in a segment is missed here; `manage.py browse_reindex` rebuilds
the table from the works' text (textquery.terms), which is exact. SQLite needs nothing: FTS5
answers phrases itself.
"""

from django.db import migrations

TERMS_FROM_POSITIONS = """
INSERT INTO browse_textterms (work_id, part, terms)
SELECT work_id, segment, array_to_tsvector(ARRAY(
    WITH spots AS (
        SELECT entry.lexeme, spot
        FROM unnest(document) AS entry, unnest(entry.positions) AS spot
    )
    SELECT lexeme FROM spots
    UNION
    SELECT before.lexeme || ' ' || after.lexeme
    FROM spots AS before JOIN spots AS after ON after.spot = before.spot + 1
))
FROM browse_fulltext
"""


def create_terms(apps, schema_editor):
    from fanarchive.browse.fulltext import backend_for

    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    backend = backend_for(connection)
    with connection.cursor() as cursor:
        for statement in backend.terms_table_sql():
            cursor.execute(statement)
        cursor.execute(TERMS_FROM_POSITIONS)
        for statement in backend.terms_index_sql():
            cursor.execute(statement)
        cursor.execute("ANALYZE browse_textterms")


def drop_terms(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS browse_textterms")


class Migration(migrations.Migration):
    dependencies = [("browse", "0002_syncmark")]

    operations = [migrations.RunPython(create_terms, drop_terms)]
