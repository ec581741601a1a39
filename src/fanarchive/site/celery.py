"""The Celery application: background analysis, re-analysis and imports.

Configured from the environment only, so a worker on another machine needs nothing but
CELERY_BROKER_URL and DATABASE_URL (plus SECRET_KEY, as any Django process):

    celery -A fanarchive.site.celery worker --concurrency 2

With no CELERY_BROKER_URL (the `make serve` default) every task runs in-process, eagerly,
at the moment it is queued: the same code path without Redis.
"""

from __future__ import annotations

import os

from celery import Celery
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fanarchive.site.settings")

TASK_MODULES = ["fanarchive.imports.tasks", "fanarchive.insights.tasks"]


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
        broker_transport_options={"visibility_timeout": 3600},
        worker_hijack_root_logger=False,
        # Celery's Django fix-up closes the database connections around every task unless
        # this is set: a new PostgreSQL connection per task cost ~8 ms of CPU per imported
        # work. Connections are kept; the fix-up replaces them after this many tasks, and
        # `reuse_usable_connections` below drops broken or expired (CONN_MAX_AGE) ones.
        CELERY_DB_REUSE_MAX=int(environ.get("CELERY_DB_REUSE_MAX", "").strip() or 1000),
    )


def reuse_usable_connections(task=None, **kwargs) -> None:
    """Before a worker's task: close connections that broke or outlived CONN_MAX_AGE (Django
    does this per request; the fix-up no longer closes them per task). Eager tasks run in a
    request, which Django already looks after."""
    if task is None or getattr(task.request, "is_eager", False):
        return
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


app = Celery("fanarchive", include=TASK_MODULES)
configure(app)
task_prerun.connect(reuse_usable_connections, weak=False, dispatch_uid="fanarchive-db-reuse")
