"""The Celery application: background analysis, re-analysis, imports and email notices.

Configured from the environment only, so a worker on another machine needs nothing but
CELERY_BROKER_URL and DATABASE_URL (plus SECRET_KEY, as any Django process):

    celery -A fanarchive.site.celery worker --concurrency 2

With no CELERY_BROKER_URL (the `make serve` default) every task runs in-process, eagerly,
at the moment it is queued: the same code path without Redis.

Every task is an ArchiveTask: acknowledged after it ran, so a worker killed mid-task leaves it
in Redis, which hands it to another worker once the visibility timeout has passed (set to a
few times the longest task, see docs/deploy.md); and retried with backoff when the database
is briefly unreachable (a restart, a fail-over, a deadlock) instead of failing for good.
"""

from __future__ import annotations

import os

from celery import Celery, Task
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fanarchive.site.settings")

TASK_MODULES = ["fanarchive.imports.tasks", "fanarchive.insights.tasks", "fanarchive.readers.tasks"]
# Redis redelivers a task nobody acknowledged within this many seconds (a killed worker's):
# it should exceed the longest task, or a slow task also runs a second time (harmless: tasks
# are idempotent). A chunk of 16 typical imported works takes ~1 s; one 187,000-word novel's
# analysis 4.8 s (docs/deploy.md).
VISIBILITY_TIMEOUT = 120
RESTORE_INTERVAL = 10  # seconds between a worker's sweeps for overdue unacknowledged tasks
BROKER_CONNECT_TIMEOUT = 5  # seconds
RETRY_LIMIT = 8  # database errors: retried after 1, 2, 4 ... 60 s (about 4 minutes in all)
RETRY_BACKOFF_MAX = 60
# PostgreSQL error classes that are the data's fault, not the server's state: retrying the
# same task cannot help (54: program limit exceeded, e.g. a value too large to index).
PERMANENT_SQLSTATE_CLASSES = ("54",)


def transient_database_error(error: BaseException) -> bool:
    """True for database errors that a later try may not meet: the connection broke
    (InterfaceError), or the server was restarting, deadlocked or locked (OperationalError)."""
    from django.db import InterfaceError, OperationalError

    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    state = getattr(error.__cause__, "sqlstate", None) or ""
    return not state.startswith(PERMANENT_SQLSTATE_CLASSES)


def close_broken_connections() -> None:
    """Drop connections that broke or outlived CONN_MAX_AGE (a retry then opens a fresh one)."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


class ArchiveTask(Task):
    """The base of every task: acknowledged late, retried on transient database errors.

    In-process (eager) runs and direct calls raise at once: the caller logs it, and a page that
    finds a work's analysis missing queues it again (insights.services.analysis_state)."""

    acks_late = True
    reject_on_worker_lost = True
    max_retries = RETRY_LIMIT

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except Exception as error:
            request = self.request
            if (
                request.is_eager
                or request.called_directly
                or request.retries >= self.max_retries
                or not transient_database_error(error)
            ):
                raise
            close_broken_connections()
            countdown = min(RETRY_BACKOFF_MAX, 2**request.retries)
            raise self.retry(exc=error, countdown=countdown) from error


def queue_configured() -> bool:
    """True when tasks go to a broker and workers, False when they run in-process."""
    return not app.conf.task_always_eager


def configure(application: Celery, environ=os.environ) -> None:
    broker = environ.get("CELERY_BROKER_URL", "").strip()
    application.conf.update(
        # memory:// is never used to send anything in eager mode; it avoids a default AMQP URL.
        broker_url=broker or "memory://localhost/",
        task_default_queue=environ.get("CELERY_QUEUE", "").strip() or "celery",
        result_backend=environ.get("CELERY_RESULT_BACKEND", "").strip() or None,
        task_always_eager=not broker,
        task_eager_propagates=True,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        # A task is acknowledged after it ran: a worker killed mid-task leaves it queued for
        # another worker. Tasks are idempotent (content hashes, update_or_create).
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_connection_retry_on_startup=True,
        broker_transport_options=redelivery_options(environ),
        worker_hijack_root_logger=False,
        # Celery's Django fix-up closes the database connections around every task unless
        # this is set: a new PostgreSQL connection per task cost ~8 ms of CPU per imported
        # work. Connections are kept; the fix-up replaces them after this many tasks, and
        # `reuse_usable_connections` below drops broken or expired (CONN_MAX_AGE) ones.
        CELERY_DB_REUSE_MAX=int(environ.get("CELERY_DB_REUSE_MAX", "").strip() or 1000),
    )


def redelivery_options(environ=os.environ) -> dict:
    """Redis hands a task nobody acknowledged within the visibility timeout to another worker;
    workers look for such tasks every RESTORE_INTERVAL (at most a quarter of the timeout).
    Kombu's default sweep (10 s, scanning every 10th time) let a killed worker's task wait up
    to 100 s past the timeout."""
    timeout = int(environ.get("CELERY_VISIBILITY_TIMEOUT", "").strip() or VISIBILITY_TIMEOUT)
    return {
        "visibility_timeout": timeout,
        "unacked_restore_interval": max(1, min(RESTORE_INTERVAL, timeout // 4)),
        "unacked_restore_throttle": 1,
        # A broker host that drops packets: queueing gives up (logged) instead of holding
        # the request for the operating system's TCP timeout.
        "socket_connect_timeout": BROKER_CONNECT_TIMEOUT,
    }


def reuse_usable_connections(task=None, **kwargs) -> None:
    """Before a worker's task: close connections that broke or outlived CONN_MAX_AGE (Django
    does this per request; the fix-up no longer closes them per task). Eager tasks run in a
    request, which Django already looks after."""
    if task is None or getattr(task.request, "is_eager", False):
        return
    close_broken_connections()


app = Celery("fanarchive", include=TASK_MODULES, task_cls=ArchiveTask)
configure(app)
task_prerun.connect(reuse_usable_connections, weak=False, dispatch_uid="fanarchive-db-reuse")
