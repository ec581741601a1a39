from django.apps import AppConfig


class BrowseConfig(AppConfig):
    name = "fanarchive.browse"
    label = "browse"
    verbose_name = "Browse and search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from fanarchive.browse import signals

        signals.connect()
