from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TagsConfig(AppConfig):
    name = "fanarchive.tags"
    label = "tags"

    def ready(self):
        from fanarchive.tags.services import ensure_archive_basics

        post_migrate.connect(ensure_archive_basics, sender=self)
