"""Run the browse app on its own, against a scratch database (benchmark, parity check).

The browse tables do not reference the archive's, so the benchmark and the cross-database
parity test configure Django with just this app and a database of their choosing.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit


def database_settings(url: str, name: str | None = None) -> dict:
    """Django DATABASES entry for sqlite:///path or postgres://user:pw@host:port/db.

    With `name`, a PostgreSQL database of that name is used instead (created when missing).
    """
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = Path(unquote(parts.path)[1:] if parts.path.startswith("//") else unquote(parts.path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}
    if parts.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"unsupported database URL scheme {parts.scheme!r}")
    database = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name or parts.path.lstrip("/") or "postgres",
        "USER": unquote(parts.username or "postgres"),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "127.0.0.1",
        "PORT": str(parts.port or 5432),
    }
    if name:
        ensure_postgres_database(database)
    return database


def ensure_postgres_database(database: dict) -> None:
    import psycopg

    with psycopg.connect(
        host=database["HOST"], port=database["PORT"], user=database["USER"],
        password=database["PASSWORD"] or None, dbname="postgres", autocommit=True,
    ) as conn:  # fmt: skip
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{database["NAME"]}"')


def configure(database: dict, var_dir: Path) -> None:
    import django
    from django.conf import settings

    settings.configure(
        DATABASES={"default": database},
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "fanarchive.browse"],
        USE_TZ=True,
        TIME_ZONE="UTC",
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        VAR_DIR=var_dir,
        # The browse templates; the site's `archive` library (squares, counts, stylesheet)
        # loads by name, as the site app that holds it is not installed here.
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {"libraries": {"archive": "fanarchive.site.templatetags.archive"}},
            }
        ],
    )
    django.setup()
