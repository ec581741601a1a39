"""PostgreSQL stores this app's large columns with lz4 (see fanarchive.site.compression)."""

from django.db import migrations

from fanarchive.site.compression import use_lz4


class Migration(migrations.Migration):
    dependencies = [("browse", "0004_drop_fulltext_gin")]

    operations = [use_lz4("browse_fulltext", "document"), use_lz4("browse_textterms", "terms")]
