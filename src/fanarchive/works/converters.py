"""The `<name:...>` URL converter: a user name or collection name in a URL path.

Django's `<str:...>` takes any character but "/", NUL included; PostgreSQL refuses a NUL in a
string (a ValueError, so a 500) and no name can hold one. With this converter such a URL
simply matches no page: a 404. Imported by every urls.py that uses it; registered once.
"""

from __future__ import annotations

from django.urls import register_converter


class NameConverter:
    regex = r"[^/\x00]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(NameConverter, "name")
