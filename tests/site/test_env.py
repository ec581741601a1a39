from pathlib import Path

import pytest

from fanarchive.site.env import ConfigError, database_from_url, envbool, envint

DEFAULT = Path("/tmp/default.sqlite3")


def test_no_database_url_means_sqlite_under_var():
    assert database_from_url("", DEFAULT) == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DEFAULT),
    }


def test_postgres_url_is_parsed():
    db = database_from_url(
        "postgres://me:p%40ss@127.0.0.1:5433/fanarchive?sslmode=disable", DEFAULT
    )
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "me", "p@ss", "127.0.0.1", "5433", "fanarchive",
    )  # fmt: skip
    assert db["OPTIONS"] == {"sslmode": "disable"}


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("sqlite:////tmp/abs.db", "/tmp/abs.db"),
        ("sqlite:///rel.db", "rel.db"),
        ("sqlite://", str(DEFAULT)),
    ],
)
def test_sqlite_urls(url, name):
    assert database_from_url(url, DEFAULT)["NAME"] == name


def test_unknown_scheme_is_a_config_error():
    with pytest.raises(ConfigError):
        database_from_url("mysql://x/y", DEFAULT)


def test_typed_helpers(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    monkeypatch.setenv("COUNT", "12")
    assert envbool("FLAG") is True and envint("COUNT", 1) == 12 and envint("MISSING", 3) == 3
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ConfigError):
        envbool("FLAG")
