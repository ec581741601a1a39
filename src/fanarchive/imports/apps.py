from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "fanarchive.imports"
    label = "imports"
    verbose_name = "imports"
