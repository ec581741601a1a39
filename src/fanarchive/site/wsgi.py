"""WSGI entry point (gunicorn fanarchive.site.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fanarchive.site.settings")
application = get_wsgi_application()
