"""System checks: misconfiguration surfaces at startup with an id, not as a runtime error."""

from django.conf import settings
from django.core.checks import Warning, register

from fanarchive.site.settings import DEV_SECRET_KEY


@register(deploy=True)
def check_secret_key(app_configs, **kwargs):
    if settings.SECRET_KEY == DEV_SECRET_KEY:
        return [
            Warning(
                "SECRET_KEY is the development default.",
                hint="Set the SECRET_KEY environment variable to a long random string.",
                id="fanarchive.W001",
            )
        ]
    return []
