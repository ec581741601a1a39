"""Prometheus metrics at /metrics (prometheus-client), for the operator's scraper.

- `fanarchive_request_seconds{view}`: request latency by URL name ("page_cache" for an
  anonymous page served from the page cache, "unresolved" for an address no view answers).
- `fanarchive_browse_index_revision` and `fanarchive_browse_revision_lag{pid}`: the revision
  of the browse index each process last served from, and how far it is behind the database's
  newest change at scrape time (revisions are at least the microsecond clock, so lag / 1e6
  is at most the seconds behind; an idle process's lag grows until its next listing).
- `fanarchive_task_seconds{task}`: how long each Celery task ran (insights.analyse_work is
  the analysis time), in the process that ran it.
- `fanarchive_queue_depth{queue}`: messages waiting in the broker (only with a broker).

Under gunicorn each worker process has its own counters. With the environment variable
PROMETHEUS_MULTIPROC_DIR set to an empty directory (wiped before gunicorn starts), every
process writes its figures there and /metrics sums them across the machine's processes
(prometheus-client's multiprocess mode); gunicorn's `child_exit` hook must then call
`prometheus_client.multiprocess.mark_process_dead(worker.pid)` so a dead worker's revision
leaves the lag. Without the variable a scrape sees the one process that answered it.
"""

from __future__ import annotations

import logging
import os
import time

from celery.signals import task_postrun, task_prerun
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

log = logging.getLogger(__name__)
INDEX_REVISION_NAME = "fanarchive_browse_index_revision"
REQUEST_SECONDS = Histogram(
    "fanarchive_request_seconds",
    "Time to answer a request, by view (URL name).",
    ["view"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
TASK_SECONDS = Histogram(
    "fanarchive_task_seconds",
    "Time a Celery task ran (insights.analyse_work: one work's analysis).",
    ["task"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900),
)
INDEX_REVISION = Gauge(
    INDEX_REVISION_NAME,
    "Revision of the browse index this process last served from.",
    multiprocess_mode="liveall",  # one series per live process (pid label)
)
_task_started: dict[str, float] = {}


class RequestMetricsMiddleware:
    """First in MIDDLEWARE, so page-cache hits are timed too."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        REQUEST_SECONDS.labels(view_label(request, response)).observe(time.perf_counter() - started)
        _note_index_revision()
        return response


def view_label(request, response) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name  # the URL's name, else the view's dotted path
    if response.get("X-Page-Cache") == "hit":
        return "page_cache"
    return "unresolved"  # bounded: never the path itself (one series per address would grow)


def _note_index_revision() -> None:
    from fanarchive.browse.service import HOLDER

    index = HOLDER.index
    if index is not None:
        INDEX_REVISION.set(index.revision)


@task_prerun.connect(weak=False, dispatch_uid="metrics_task_prerun")
def _task_began(task_id=None, **kwargs) -> None:
    _task_started[task_id] = time.perf_counter()


@task_postrun.connect(weak=False, dispatch_uid="metrics_task_postrun")
def _task_ended(task_id=None, task=None, **kwargs) -> None:
    started = _task_started.pop(task_id, None)
    if started is not None and task is not None:
        TASK_SECONDS.labels(task.name).observe(time.perf_counter() - started)


def process_registry() -> CollectorRegistry:
    """Every process's figures in multiprocess mode, else this process's."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry)
    return registry


def scrape_registry(processes: CollectorRegistry) -> CollectorRegistry:
    """Figures read at scrape time: revision lag per process, queue depth."""
    registry = CollectorRegistry()
    lag = Gauge(
        "fanarchive_browse_revision_lag",
        "Database's newest browse revision minus the revision this process's index is at.",
        ["pid"],
        registry=registry,
    )
    from fanarchive.browse.service import latest_revision

    newest = latest_revision()
    for family in processes.collect():
        if family.name != INDEX_REVISION_NAME:
            continue
        for sample in family.samples:
            if not sample.value:
                continue  # a process that has not loaded the index yet
            lag.labels(sample.labels.get("pid", str(os.getpid()))).set(newest - sample.value)
    depths = queue_depths()
    if depths:
        depth = Gauge(
            "fanarchive_queue_depth",
            "Messages waiting in the Celery broker.",
            ["queue"],
            registry=registry,
        )
        for queue, count in depths.items():
            depth.labels(queue).set(count)
    return registry


def queue_depths() -> dict[str, int]:
    """Waiting messages per queue; empty without a broker or when it cannot be reached."""
    from fanarchive.site.celery import app, queue_configured

    if not queue_configured():
        return {}
    queue = app.conf.task_default_queue
    try:
        with app.connection_for_read() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, timeout=2)
            declared = connection.default_channel.queue_declare(queue=queue, passive=True)
    except Exception as error:  # a scrape must not fail because the broker is down
        log.warning("metrics: queue depth unavailable (%s)", error)
        return {}
    return {queue: declared.message_count}


@never_cache
def metrics(request):
    processes = process_registry()
    _note_index_revision()
    body = generate_latest(processes) + generate_latest(scrape_registry(processes))
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
