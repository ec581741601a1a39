from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "fanarchive.site"
    label = "fanarchive_site"
    verbose_name = "fanarchive site"

    def ready(self):
        from fanarchive.site import checks  # noqa: F401  (registers the system checks)
        from fanarchive.site.pagecache import connect as connect_page_cache

        connect_page_cache()  # cached anonymous pages expire when the archive's data changes
