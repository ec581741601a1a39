"""Django project package: settings, URLs, WSGI/ASGI entry points and `manage`."""
