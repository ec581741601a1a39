from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "fanarchive.insights"
    label = "insights"

    def ready(self):
        from fanarchive.insights.tasks import connect_signals

        connect_signals()  # re-analysis when a wrangler adds a character synonym
