"""The Celery path for real: a `celery worker` process on Redis imports and analyses works
queued by `fanarchive import`, against a database both processes open: a SQLite file, and a
fresh PostgreSQL database when FANARCHIVE_TEST_POSTGRES_URL is set.

Needs Redis: FANARCHIVE_TEST_REDIS_URL (set by .ci/run); skipped without it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.imports.conftest import command_env, fanarchive, query, write_works

REDIS_URL = os.environ.get("FANARCHIVE_TEST_REDIS_URL", "")
POSTGRES_URL = os.environ.get("FANARCHIVE_TEST_POSTGRES_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="FANARCHIVE_TEST_REDIS_URL is not set")


@pytest.fixture(params=["sqlite", "postgres"])
def queue_env(request, tmp_path):
    """A migrated archive and a private queue on the test Redis: (query function, env)."""
    queue = f"fanarchive-test-{uuid.uuid4().hex[:8]}"
    database = tmp_path / "archive.sqlite3"
    extra = {"CELERY_BROKER_URL": REDIS_URL, "CELERY_QUEUE": queue}
    if request.param == "postgres":
        if not POSTGRES_URL:
            pytest.skip("FANARCHIVE_TEST_POSTGRES_URL is not set")
        url = _fresh_postgres(request, f"fanarchive_celery_{uuid.uuid4().hex[:8]}")
        extra["DATABASE_URL"] = url
        run = partial(_pg_query, url)
    else:
        run = partial(query, database)
    env = command_env(database, tmp_path / "var", **extra)
    result = fanarchive("migrate", env={k: v for k, v in env.items() if k != "CELERY_BROKER_URL"})
    assert result.returncode == 0, result.stderr
    return run, env


def _fresh_postgres(request, name: str) -> str:
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    request.addfinalizer(drop)
    return urlunsplit(urlsplit(POSTGRES_URL)._replace(path=f"/{name}"))


def _pg_query(url: str, sql: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


def worker_process(env: dict, log: Path) -> subprocess.Popen:
    """A `celery worker` process on the queue CELERY_QUEUE of `env`, its output in `log`."""
    with open(log, "w") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "fanarchive.site.celery", "worker",
             "--pool=solo", "--loglevel=INFO", "-Q", env["CELERY_QUEUE"], "--without-heartbeat",
             "--without-gossip", "--without-mingle"],
            env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip


@contextmanager
def running_worker(env: dict, log: Path) -> Iterator[subprocess.Popen]:
    """A worker ready for tasks while the block runs; stopped after (terminated, else killed)."""
    process = worker_process(env, log)
    try:
        _wait_for(lambda: "ready" in log.read_text(), 60, "the worker did not start", log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def worker(queue_env, tmp_path):
    _, env = queue_env
    log = tmp_path / "worker.log"
    with running_worker(env, log):
        yield log


def _wait_for(condition, seconds, message, log):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{message}:\n{log.read_text()[-3000:]}")
        time.sleep(0.1)


def test_import_runs_on_a_celery_worker(queue_env, worker, tmp_path):
    query_db, env = queue_env
    write_works(tmp_path / "works", 5, words=600)
    (tmp_path / "works" / "broken.txt").write_bytes(b"\x00\x01 binary, not a work")
    result = fanarchive("import", str(tmp_path / "works"), "--no-progress", env=env, timeout=180)
    assert "imported 5, already there 0, failed 1" in result.stderr, result.stderr
    assert result.returncode == 3  # a file could not be read
    assert "broken.txt" in result.stderr
    log = worker.read_text()
    assert "imports.import_works" in log  # the worker, not the command, did the work
    counts = query_db(
        "select count(*), sum(case when i.analysed then 1 else 0 end) from works_work w "
        "join imports_importedwork i on i.work_id = w.id "
        "join insights_workanalysis a on a.work_id = w.id",
    )[0]
    assert counts == (5, 5)


def test_posted_work_is_analysed_by_the_worker(queue_env, worker, tmp_path):
    """What a view does after posting: queue the analysis; the worker stores it."""
    query_db, env = queue_env
    path = write_works(tmp_path / "one", 1, words=300)[0]
    script = (
        "import django; django.setup()\n"
        "from fanarchive.accounts.models import Pseud\n"
        "from django.contrib.auth import get_user_model\n"
        "from fanarchive.works.services import WorkParts, create_work\n"
        "from fanarchive.works.html import text_to_html\n"
        "from fanarchive.insights.tasks import analyse_work\n"
        "user = get_user_model().objects.create_user('poster')\n"
        f"body = text_to_html(open({str(path)!r}).read())\n"
        "work = create_work(Pseud.default_for(user), 'Posted', WorkParts(chapters=[('', body)]))\n"
        "analyse_work.delay(work.pk)\n"
        "print(work.pk)\n"
    )
    posted = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert posted.returncode == 0, posted.stderr
    work_id = int(posted.stdout.strip())
    sql = f"select count(*) from insights_workanalysis where work_id = {work_id}"
    _wait_for(lambda: query_db(sql)[0][0] == 1, 60, "no analysis stored", worker)
    assert "insights.analyse_work" in worker.read_text()
