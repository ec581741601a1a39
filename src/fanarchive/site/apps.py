from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "fanarchive.site"
    label = "fanarchive_site"
    verbose_name = "fanarchive site"

    def ready(self):
        from fanarchive.site import (
            checks,  # noqa: F401  (registers the system checks)
            metrics,  # noqa: F401  (times Celery tasks, in workers too)
        )
        from fanarchive.site.pagecache import connect as connect_page_cache

        connect_page_cache()  # cached anonymous pages expire when the archive's data changes
