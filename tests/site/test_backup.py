"""`fanarchive backup` / `restore`: SQLite -> file -> (PostgreSQL | SQLite) -> file gives the
same file, and the restored database goes on working (new ids do not collide)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
FANARCHIVE = [sys.executable, "-m", "fanarchive.cli"]
POSTGRES_URL = os.environ.get("FANARCHIVE_TEST_POSTGRES_URL", "")


def run(args: list[str], database_url: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = os.environ | {
        "DATABASE_URL": database_url,
        "FANARCHIVE_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "fanarchive.site.settings",
        "PYTHONPATH": str(REPO),
    }
    env.pop("CELERY_BROKER_URL", None)
    result = subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def fresh_archive(url: str, tmp_path: Path) -> None:
    run([*FANARCHIVE, "migrate"], url, tmp_path)


def seeded_backup(tmp_path: Path) -> Path:
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    fresh_archive(source, tmp_path)
    run([sys.executable, str(REPO / "tests/site/backup_seed.py")], source, tmp_path)
    first = tmp_path / "first.json.gz"
    run([*FANARCHIVE, "backup", str(first)], source, tmp_path)
    return first


def round_trip(first: Path, target: str, tmp_path: Path) -> bytes:
    fresh_archive(target, tmp_path)
    run([*FANARCHIVE, "restore", str(first)], target, tmp_path)
    second = tmp_path / "second.json.gz"
    run([*FANARCHIVE, "backup", str(second)], target, tmp_path)
    # The restored archive accepts new rows: sequences moved past the restored ids.
    check = (
        "import django; django.setup();"
        "from fanarchive.readers.models import Comment; from fanarchive.works.models import Work;"
        "w = Work.objects.get(title='Draft');"
        "c = Comment.objects.create(work=w, body='new'); assert c.pk > 3, c.pk;"
        "print(Work.objects.count(), Comment.objects.count())"
    )
    assert run([sys.executable, "-c", check], target, tmp_path).stdout.split() == ["2", "4"]
    return second.read_bytes()


def test_sqlite_to_file_to_sqlite_to_file_is_identical(tmp_path):
    first = seeded_backup(tmp_path)
    content = first.read_bytes()
    text = gzip.decompress(content).decode("utf-8")
    for expected in (
        "Hatake Kakashi",
        '"merger"',
        "readers.kudos",
        "readers.comment",
        "Ünïcode",
        "archive_collections.collection",
        "archive_collections.participant",
        "archive_collections.collectionitem",
        "Rare Pairs “Week” ✨",
    ):
        assert expected in text
    assert round_trip(first, f"sqlite:///{tmp_path / 'copy.sqlite3'}", tmp_path) == content


@pytest.fixture
def postgres_database():
    if not POSTGRES_URL:
        pytest.skip("FANARCHIVE_TEST_POSTGRES_URL is not set")
    import psycopg

    parts = urlsplit(POSTGRES_URL)
    name = f"fanarchive_backup_{uuid.uuid4().hex[:8]}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_sqlite_to_file_to_postgres_to_file_is_identical(tmp_path, postgres_database):
    first = seeded_backup(tmp_path)
    assert round_trip(first, postgres_database, tmp_path) == first.read_bytes()


def test_restore_refuses_a_database_with_data_and_bad_files(tmp_path):
    first = seeded_backup(tmp_path)
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    env_args = [*FANARCHIVE, "restore", str(first)]
    with pytest.raises(AssertionError, match="already holds users or works"):
        run(env_args, source, tmp_path)
    junk = tmp_path / "junk.json"
    junk.write_bytes(b"\x00\x01binary")
    with pytest.raises(AssertionError, match="not a fanarchive backup"):
        run([*FANARCHIVE, "restore", str(junk)], source, tmp_path)


@pytest.mark.parametrize("microsecond", [0, 500, 123456])
def test_times_keep_their_microseconds(microsecond):
    """A time with under a millisecond of fraction must come back as it was, or a restored
    archive would not give back its own backup."""
    import datetime
    import json

    from django.db.models import DateTimeField

    from fanarchive.site.backup import LosslessJSONEncoder

    moment = datetime.datetime(2026, 11, 25, 12, 0, 0, microsecond, tzinfo=datetime.UTC)
    assert (
        DateTimeField().to_python(json.loads(json.dumps(moment, cls=LosslessJSONEncoder))) == moment
    )


def test_restore_replaces_the_rows_migrate_made_under_other_ids(tmp_path):
    first = seeded_backup(tmp_path)
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    fresh_archive(target, tmp_path)
    renumber = (
        "import django; django.setup();"
        "from django.contrib.auth.models import Group;"
        "from fanarchive.tags.services import WRANGLERS_GROUP;"
        "Group.objects.filter(name=WRANGLERS_GROUP).delete();"
        "Group.objects.create(name=WRANGLERS_GROUP)"
    )
    run([sys.executable, "-c", renumber], target, tmp_path)
    run([*FANARCHIVE, "restore", str(first)], target, tmp_path)
    second = tmp_path / "second.json.gz"
    run([*FANARCHIVE, "backup", str(second)], target, tmp_path)
    assert gzip.decompress(second.read_bytes()) == gzip.decompress(first.read_bytes())
