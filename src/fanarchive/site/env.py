"""Tiny typed readers for environment variables, and the DATABASE_URL parser.

DATABASE_URL is parsed here rather than with dj-database-url: only two schemes are
supported (sqlite, postgres), the parser is 20 lines and one dependency fewer.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class ConfigError(ValueError):
    """An environment variable holds a value the settings cannot use."""


def envstr(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.strip().lower() in TRUE_WORDS:
        return True
    if raw.strip().lower() in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no)")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not an integer") from None


def envlist(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(url: str, sqlite_default: Path) -> dict:
    """Django DATABASES['default'] for `sqlite:///path` or `postgres://user:pw@host:port/name`."""
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sqlite_default)}
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////absolute/path.db, as dj-database-url reads them
        path = unquote(parts.path)[1:] or str(sqlite_default)
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path}
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "OPTIONS": dict(parse_qsl(parts.query)),
            "CONN_MAX_AGE": 60,
        }
    raise ConfigError(f"DATABASE_URL scheme {parts.scheme!r} is not supported (sqlite or postgres)")


POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}


def replica_from_url(url: str, primary: dict) -> dict | None:
    """DATABASES['replica'] for FANARCHIVE_REPLICA_URL (a PostgreSQL streaming replica of the
    primary), or None when unset. In tests the alias mirrors the test database."""
    if not url:
        return None
    if urlsplit(url).scheme not in POSTGRES_SCHEMES:
        raise ConfigError(
            f"FANARCHIVE_REPLICA_URL scheme {urlsplit(url).scheme!r} is not supported: "
            "a replica is a PostgreSQL server (postgres://user:pw@host:port/name)"
        )
    if not primary["ENGINE"].endswith("postgresql"):
        raise ConfigError(
            "FANARCHIVE_REPLICA_URL is set but DATABASE_URL is not PostgreSQL: "
            "a SQLite archive has no replicas (unset FANARCHIVE_REPLICA_URL)"
        )
    replica = database_from_url(url, Path())
    replica["TEST"] = {"MIRROR": "default"}
    return replica
