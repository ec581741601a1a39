"""A worker killed with `kill -9` in the middle of a task: another worker runs the task once
the broker's visibility timeout has passed, with nobody re-running anything (issue 19: with
Redis's default of an hour, an import stalled at 284 of 300 works until re-run by hand).

Real processes: a SQLite archive both open, a private queue on the test Redis, two `celery
worker` processes one after the other. Needs FANARCHIVE_TEST_REDIS_URL (set by .ci/run).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest

from tests.imports.conftest import command_env, fanarchive, query, write_works
from tests.tasks.test_celery_worker import worker_process

REDIS_URL = os.environ.get("FANARCHIVE_TEST_REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="FANARCHIVE_TEST_REDIS_URL is not set")
VISIBILITY = 4  # seconds, for the test (CELERY_VISIBILITY_TIMEOUT; 120 by default)
SAFETY = 120  # seconds: only so a broken run fails instead of hanging


def wait_for(condition, message: str, log=None) -> None:
    deadline = time.monotonic() + SAFETY
    while not condition():
        if time.monotonic() > deadline:
            tail = log.read_text()[-3000:] if log is not None and log.exists() else ""
            raise AssertionError(f"{message}\n{tail}")
        time.sleep(0.1)


def start_worker(env: dict, log) -> subprocess.Popen:
    process = worker_process(env, log)
    wait_for(lambda: "ready" in log.read_text(), "the worker did not start", log)
    return process


def unacked_on(queue: str) -> int:
    """Tasks a worker took from this queue and has not acknowledged (kombu's Redis hash)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    entries = [json.loads(raw) for raw in client.hvals("unacked")]
    return sum(1 for _, _, routing_key in entries if routing_key == queue)


def test_a_killed_workers_task_is_run_by_another_worker(tmp_path):
    queue = f"fanarchive-test-{uuid.uuid4().hex[:8]}"
    database = tmp_path / "archive.sqlite3"
    env = command_env(
        database,
        tmp_path / "var",
        CELERY_BROKER_URL=REDIS_URL,
        CELERY_QUEUE=queue,
        CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY),
    )
    migrated = fanarchive("migrate", env={k: v for k, v in env.items() if k != "CELERY_BROKER_URL"})
    assert migrated.returncode == 0, migrated.stderr
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    first = start_worker(env, first_log)
    try:
        path = write_works(tmp_path / "long", 1, words=150_000)[0]  # seconds of analysis
        script = (
            "import django; django.setup()\n"
            "from django.contrib.auth import get_user_model\n"
            "from fanarchive.accounts.models import Pseud\n"
            "from fanarchive.insights.tasks import analyse_work\n"
            "from fanarchive.works.html import text_to_html\n"
            "from fanarchive.works.services import WorkParts, create_work\n"
            "user = get_user_model().objects.create_user('poster')\n"
            f"body = text_to_html(open({str(path)!r}).read())\n"
            "work = create_work(Pseud.default_for(user), 'Long', WorkParts(chapters=[('', body)]))\n"
            "analyse_work.delay(work.pk)\n"
        )
        posted = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
        )
        assert posted.returncode == 0, posted.stderr
        wait_for(lambda: unacked_on(queue) == 1, "the worker never took the task", first_log)
    finally:
        first.send_signal(signal.SIGKILL)  # mid-task: no warm shutdown, nothing handed back
        first.wait(30)
    analyses = "select count(*) from insights_workanalysis"
    assert query(database, analyses) == [(0,)]  # killed before it stored anything
    assert unacked_on(queue) == 1  # the broker still holds it for somebody

    second = start_worker(env, second_log)
    try:
        wait_for(lambda: query(database, analyses) == [(1,)], "no worker ran it again", second_log)
    finally:
        second.terminate()
        second.wait(30)
    assert "insights.analyse_work" in second_log.read_text()
    assert unacked_on(queue) == 0
