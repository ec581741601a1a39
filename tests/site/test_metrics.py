"""/metrics: Prometheus text with request latency by view, the browse index's revision lag,
task (analysis) time and, with a broker, the queue depth; never cached."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from kombu import Connection
from prometheus_client.parser import text_string_to_metric_families

from fanarchive.browse.service import HOLDER
from fanarchive.browse.sync import sync_works
from fanarchive.site import metrics
from fanarchive.site.celery import app
from tests.works.helpers import posted_work

REPO = Path(__file__).resolve().parents[2]


def scrape(client) -> dict[str, list]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    families = text_string_to_metric_families(response.content.decode())
    return {family.name: family.samples for family in families}


def value(samples: list, name: str, **labels) -> float | None:
    for sample in samples:
        if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
            return sample.value
    return None


@pytest.mark.django_db
def test_request_latency_is_counted_by_view_name(client):
    before = scrape(client)
    seen = value(before["fanarchive_request_seconds"], "fanarchive_request_seconds_count",
                 view="healthz") or 0  # fmt: skip
    client.get("/healthz")
    client.get("/healthz")
    client.get("/no-such-address-at-all")
    after = scrape(client)["fanarchive_request_seconds"]
    assert value(after, "fanarchive_request_seconds_count", view="healthz") == seen + 2
    assert value(after, "fanarchive_request_seconds_count", view="unresolved") >= 1
    assert not any("no-such-address" in str(sample.labels) for sample in after)


@pytest.mark.django_db
def test_revision_lag_per_process_follows_the_database(client, author, settings):
    settings.VAR_DIR = None
    HOLDER.reset()
    sync_works([posted_work(author).id])
    HOLDER.current()
    pid = str(os.getpid())
    lag = scrape(client)["fanarchive_browse_revision_lag"]
    assert value(lag, "fanarchive_browse_revision_lag", pid=pid) == 0
    sync_works([posted_work(author, title="Newer").id])  # a revision this process has not read
    lag = scrape(client)["fanarchive_browse_revision_lag"]
    assert value(lag, "fanarchive_browse_revision_lag", pid=pid) > 0


@pytest.mark.django_db
def test_analysis_time_is_observed_per_task(client, author):
    name = "insights.analyse_work"
    samples = scrape(client)["fanarchive_task_seconds"]
    before = value(samples, "fanarchive_task_seconds_count", task=name) or 0
    work = posted_work(author)  # in-process mode: the analysis task runs here
    app.tasks[name].apply(args=[work.id], kwargs={"force": True})
    samples = scrape(client)["fanarchive_task_seconds"]
    assert value(samples, "fanarchive_task_seconds_count", task=name) >= before + 1


@pytest.mark.django_db
def test_queue_depth_only_with_a_broker(client, monkeypatch):
    assert "fanarchive_queue_depth" not in scrape(client)  # in-process: no queue
    queue = f"metrics-test-{uuid.uuid4().hex[:8]}"
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "broker_url", "memory://")
    monkeypatch.setitem(app.conf, "broker_read_url", None)
    monkeypatch.setitem(app.conf, "task_default_queue", queue)
    with Connection("memory://") as broker:
        waiting = broker.SimpleQueue(queue)
        waiting.put({"n": 1})
        waiting.put({"n": 2})
        depth = scrape(client)["fanarchive_queue_depth"]
        assert value(depth, "fanarchive_queue_depth", queue=queue) == 2
        waiting.clear()
        waiting.close()


@pytest.mark.django_db
def test_an_unreachable_broker_leaves_the_scrape_working(client, monkeypatch):
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:1/0")  # nothing listens
    monkeypatch.setitem(app.conf, "broker_read_url", None)
    assert metrics.queue_depths() == {}
    families = scrape(client)
    assert "fanarchive_request_seconds" in families and "fanarchive_queue_depth" not in families


def test_multiprocess_mode_gathers_every_worker_process(tmp_path):
    """gunicorn workers write their figures to PROMETHEUS_MULTIPROC_DIR; any one of them
    answers /metrics with all of them (the index revision kept per process)."""
    env = os.environ | {"PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "PYTHONPATH": str(REPO)}
    worker = (
        "import sys; from fanarchive.site import metrics;"
        "metrics.INDEX_REVISION.set(int(sys.argv[1]));"
        "metrics.REQUEST_SECONDS.labels('healthz').observe(0.01)"
    )
    for revision in ("100", "200"):
        subprocess.run([sys.executable, "-c", worker, revision], env=env, check=True, timeout=60)
    reader = (
        "from fanarchive.site import metrics;"
        "families = {f.name: f.samples for f in metrics.process_registry().collect()};"
        "print(sorted(s.value for s in families['fanarchive_browse_index_revision'] if s.value));"
        "print(sum(s.value for s in families['fanarchive_request_seconds']"
        " if s.name.endswith('_count')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", reader], env=env, check=True, timeout=60, capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.stdout.split("\n")[:2] == ["[100.0, 200.0]", "2.0"]


def test_a_process_without_urls_still_times_its_tasks():
    """A Celery worker sets Django up but never loads the URLs: the app's ready() connects the
    task timing."""
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "fanarchive.site.settings"}
    check = "import django, sys; django.setup(); print('fanarchive.site.metrics' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", check], env=env, check=True, timeout=60, capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.stdout.strip() == "True"
