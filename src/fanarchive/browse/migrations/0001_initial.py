from django.db import migrations, models


def create_fulltext(apps, schema_editor):
    from fanarchive.browse.fulltext import backend_for

    with schema_editor.connection.cursor() as cursor:
        for statement in backend_for(schema_editor.connection).create_sql():
            cursor.execute(statement)


def drop_fulltext(apps, schema_editor):
    from fanarchive.browse.fulltext import backend_for

    with schema_editor.connection.cursor() as cursor:
        for statement in backend_for(schema_editor.connection).drop_sql():
            cursor.execute(statement)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="FilterTag",
            fields=[
                ("id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=150)),
                ("name_key", models.CharField(db_index=True, max_length=150)),
                ("type", models.CharField(max_length=20)),
                ("canonical", models.BooleanField(default=False)),
                ("merger_id", models.BigIntegerField(blank=True, null=True)),
                ("filter_keys", models.TextField(default="")),
                ("revision", models.BigIntegerField(db_index=True, default=0)),
            ],
        ),
        migrations.CreateModel(
            name="WorkIndex",
            fields=[
                ("work_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("revision", models.BigIntegerField(db_index=True, default=0)),
                ("visible", models.BooleanField(default=True)),
                ("title", models.CharField(max_length=500)),
                ("title_key", models.CharField(default="", max_length=200)),
                ("authors", models.CharField(default="", max_length=500)),
                ("author_key", models.CharField(default="", max_length=200)),
                ("summary", models.TextField(blank=True, default="")),
                ("tag_ids", models.TextField(default="")),
                ("filter_keys", models.TextField(default="")),
                ("language", models.CharField(default="en", max_length=20)),
                ("complete", models.BooleanField(default=False)),
                ("fandom_count", models.IntegerField(default=1)),
                ("words", models.IntegerField(default=0)),
                ("chapters", models.IntegerField(default=1)),
                ("expected_chapters", models.IntegerField(blank=True, null=True)),
                ("posted", models.DateTimeField()),
                ("updated", models.DateTimeField()),
                ("kudos", models.IntegerField(default=0)),
                ("hits", models.IntegerField(default=0)),
                ("bookmarks", models.IntegerField(default=0)),
                ("comments", models.IntegerField(default=0)),
            ],
            options={
                "indexes": [
                    models.Index(fields=["title_key", "work_id"], name="browse_work_title_key"),
                    models.Index(fields=["author_key", "work_id"], name="browse_work_author_key"),
                ],
            },
        ),
        migrations.RunPython(create_fulltext, drop_fulltext),
    ]
