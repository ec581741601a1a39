"""PostgreSQL: drop the GIN index on positions; searches use browse_textterms' (0003).

Positions are now read only to confirm a long phrase among a few candidates, by primary key,
so the index only cost space (161 MB at 1M works) and time on every write.
"""

from django.db import migrations


def drop_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS browse_fulltext_gin")


def create_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS browse_fulltext_gin ON browse_fulltext"
                " USING gin (document)"
            )


class Migration(migrations.Migration):
    dependencies = [("browse", "0003_textterms")]

    operations = [migrations.RunPython(drop_gin, create_gin)]
