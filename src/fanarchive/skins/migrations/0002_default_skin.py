"""The archive's own look, registered as the official Default skin (its stylesheets are the
archive's static CSS: choosing it removes any other skin)."""

from django.db import migrations

DESCRIPTION = (
    "The archive's own look: fanarchive/archive.css and readers/readers.css. Other skins are "
    "added after it, unless they replace it."
)


def add_default(apps, schema_editor):
    Skin = apps.get_model("skins", "Skin")
    Skin.objects.update_or_create(
        title="Default",
        defaults={
            "description": DESCRIPTION,
            "official": True,
            "public": True,
            "approved": True,
            "css": "",
        },
    )


def remove_default(apps, schema_editor):
    apps.get_model("skins", "Skin").objects.filter(title="Default", official=True).delete()


class Migration(migrations.Migration):
    dependencies = [("skins", "0001_initial")]

    operations = [migrations.RunPython(add_default, remove_default)]
