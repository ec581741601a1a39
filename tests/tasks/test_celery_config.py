"""The Celery app's configuration: eager without a broker, database connections kept by
workers between tasks (Celery's Django fix-up would reconnect for every task)."""

from types import SimpleNamespace

import pytest
from celery import Celery
from django.db import connection

from fanarchive.site.celery import configure, reuse_usable_connections


def test_without_a_broker_tasks_run_in_process_and_workers_reuse_connections():
    app = Celery("probe")
    configure(app, environ={})
    assert app.conf.task_always_eager
    assert app.conf.get("CELERY_DB_REUSE_MAX") == 1000
    configure(app, environ={"CELERY_BROKER_URL": "redis://x/0", "CELERY_DB_REUSE_MAX": "50"})
    assert not app.conf.task_always_eager and app.conf.get("CELERY_DB_REUSE_MAX") == 50


def _task(eager: bool):
    return SimpleNamespace(request=SimpleNamespace(is_eager=eager))


@pytest.mark.django_db(transaction=True)
def test_a_worker_drops_an_expired_connection_before_its_next_task_and_keeps_a_fresh_one():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("Django never closes an in-memory SQLite database (the PostgreSQL leg runs it)")
    connection.close()  # an earlier test may leave a connection the server has dropped
    connection.ensure_connection()
    kept = connection.connection
    reuse_usable_connections(task=_task(eager=False))
    assert connection.connection is kept  # fresh and usable: reused
    connection.close_at = 0  # CONN_MAX_AGE passed
    reuse_usable_connections(task=_task(eager=True))
    assert connection.connection is kept  # a task inside a request: left to Django
    reuse_usable_connections(task=_task(eager=False))
    assert connection.connection is None  # closed; the task's first query reconnects
