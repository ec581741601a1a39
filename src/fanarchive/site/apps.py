from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "fanarchive.site"
    label = "fanarchive_site"
    verbose_name = "fanarchive site"

    def ready(self):
        from fanarchive.site import checks  # noqa: F401  (registers the system checks)
