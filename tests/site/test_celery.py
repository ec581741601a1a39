"""Celery tasks are acknowledged late, retried on transient database errors, and a killed
worker's task is redelivered within minutes (issue 19, operations)."""

import psycopg
import pytest
from celery import Celery
from celery.exceptions import Retry
from django.db import InterfaceError, OperationalError

from fanarchive.imports import tasks as import_tasks
from fanarchive.insights import services
from fanarchive.insights import tasks as insight_tasks
from fanarchive.site import celery as celery_site

TASKS = [
    import_tasks.import_works,
    import_tasks.analyse_imported_work,
    insight_tasks.analyse_work,
    insight_tasks.reanalyse_for_synonym,
]


def database_error(cls=OperationalError, cause=None):
    error = cls("server closed the connection unexpectedly")
    error.__cause__ = cause
    return error


@pytest.mark.parametrize("task", TASKS, ids=lambda task: task.name)
def test_every_task_is_acknowledged_late_and_retries(task):
    assert isinstance(task._get_current_object(), celery_site.ArchiveTask)
    assert task.acks_late and task.reject_on_worker_lost
    assert task.max_retries == celery_site.RETRY_LIMIT


def test_the_visibility_timeout_matches_the_task_length():
    application = Celery("probe")
    celery_site.configure(application, {"CELERY_BROKER_URL": "redis://127.0.0.1:6390/0"})
    timeout = application.conf.broker_transport_options["visibility_timeout"]
    assert timeout == celery_site.VISIBILITY_TIMEOUT <= 300  # was 3,600 s: an hour's stall
    environ = {"CELERY_BROKER_URL": "redis://127.0.0.1:6390/0", "CELERY_VISIBILITY_TIMEOUT": "600"}
    celery_site.configure(application, environ)
    assert application.conf.broker_transport_options["visibility_timeout"] == 600


def test_workers_look_for_a_killed_workers_tasks_often():
    """Kombu's default sweep ran every 100 s; now every 10 s, or a quarter of the timeout."""
    default = celery_site.redelivery_options({})
    assert (default["unacked_restore_interval"], default["unacked_restore_throttle"]) == (10, 1)
    short = celery_site.redelivery_options({"CELERY_VISIBILITY_TIMEOUT": "4"})
    assert short == {
        "visibility_timeout": 4,
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
        "socket_connect_timeout": celery_site.BROKER_CONNECT_TIMEOUT,
    }


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (database_error(), True),
        (database_error(InterfaceError), True),
        (database_error(cause=psycopg.errors.DeadlockDetected()), True),
        (database_error(cause=psycopg.errors.AdminShutdown()), True),
        (database_error(cause=psycopg.errors.ProgramLimitExceeded()), False),
        (ValueError("bad input"), False),
    ],
)
def test_transient_database_errors(error, transient):
    assert celery_site.transient_database_error(error) is transient


@pytest.fixture
def on_a_worker():
    """Run the analysis task as a worker does (not eager, not a direct call), with the
    database failing and retry() recorded instead of sent to a broker."""
    task = insight_tasks.analyse_work
    retried, closed = [], []  # retry() calls; broken connections dropped before a retry

    def retry(exc=None, countdown=None, **kwargs):
        retried.append((exc, countdown))
        return Retry(exc=exc, when=countdown)

    def run(retries: int, error: BaseException):
        task.push_request(id="t", retries=retries, is_eager=False, called_directly=False)
        original = task.retry
        task.retry = retry
        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(celery_site, "close_broken_connections", lambda: closed.append(1))
                patch.setattr(services, "analyze_work", _raising(error))
                patch.setattr("fanarchive.works.models.Work.objects.filter", _one_work)
                task(1)
        finally:
            task.retry = original
            task.pop_request()

    run.closed = closed
    return run, retried


def _raising(error):
    def analyse(*args, **kwargs):
        raise error

    return analyse


def _one_work(*args, **kwargs):
    class Found:
        def first(self):
            return object()

    return Found()


def test_a_worker_retries_a_task_the_database_failed_with_growing_delays(on_a_worker):
    run, retried = on_a_worker
    error = database_error()
    for attempt in (0, 3, 7):
        with pytest.raises(Retry):
            run(attempt, error)
    assert retried == [(error, 1), (error, 8), (error, 60)]
    assert len(run.closed) == 3


def test_a_worker_gives_up_after_the_last_retry_and_on_other_errors(on_a_worker):
    run, retried = on_a_worker
    with pytest.raises(OperationalError):
        run(celery_site.RETRY_LIMIT, database_error())
    with pytest.raises(ValueError):
        run(0, ValueError("not the database"))
    assert retried == []


def test_in_process_tasks_raise_at_once(monkeypatch):
    monkeypatch.setattr(services, "analyze_work", _raising(database_error()))
    monkeypatch.setattr("fanarchive.works.models.Work.objects.filter", _one_work)
    with pytest.raises(OperationalError):
        insight_tasks.analyse_work.apply(args=[1])  # eager, as without a broker
    with pytest.raises(OperationalError):
        insight_tasks.analyse_work(1)  # a direct call


def test_an_import_chunk_the_database_failed_is_retried_whole_on_a_worker(monkeypatch):
    import fanarchive.imports.store as store

    drafts = [("first", None), ("second", None)]
    monkeypatch.setattr(store, "import_drafts", _raising(database_error()))
    monkeypatch.setattr(import_tasks, "queue_configured", lambda: True)
    with pytest.raises(OperationalError):
        import_tasks._import(drafts, None)
