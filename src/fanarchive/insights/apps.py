from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "fanarchive.insights"
    label = "insights"
