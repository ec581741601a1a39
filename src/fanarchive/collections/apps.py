from django.apps import AppConfig


class CollectionsConfig(AppConfig):
    name = "fanarchive.collections"
    # "collections" alone is a standard-library module name and a likely name for another
    # project's app; this label (and so the table prefix) cannot clash.
    label = "archive_collections"
    verbose_name = "Collections"

    def ready(self) -> None:
        from fanarchive.collections import signals

        signals.connect()
