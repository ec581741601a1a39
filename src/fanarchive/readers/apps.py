from django.apps import AppConfig


class ReadersConfig(AppConfig):
    name = "fanarchive.readers"
    label = "readers"
    verbose_name = "Readers"

    def ready(self) -> None:
        from fanarchive.readers import notifications, signals

        signals.connect()
        notifications.connect()
