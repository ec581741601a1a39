"""PostgreSQL stores this app's large columns with lz4 (see fanarchive.site.compression)."""

from django.db import migrations

from fanarchive.site.compression import use_lz4


class Migration(migrations.Migration):
    dependencies = [("works", "0001_initial")]

    operations = [use_lz4("works_chapter", "body")]
