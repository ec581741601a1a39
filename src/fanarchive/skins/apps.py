from django.apps import AppConfig


class SkinsConfig(AppConfig):
    name = "fanarchive.skins"
    verbose_name = "Site skins"
