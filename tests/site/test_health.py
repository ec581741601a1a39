"""/healthz and /readyz for load balancers (issue 19, "run like a service")."""

import json
import socket

import pytest
from django.db import OperationalError, connection

from fanarchive.site import cache as failsoft
from fanarchive.site import celery as celery_site
from tests.works.helpers import posted_work


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ready(client) -> tuple[int, dict]:
    response = client.get("/readyz")
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"] and "X-Page-Cache" not in response
    return response.status_code, json.loads(response.content)


def test_healthz_answers_without_the_database(client):
    response = client.get("/healthz")  # no django_db mark: a query would fail the test
    assert response.status_code == 200 and json.loads(response.content) == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in client.get("/healthz")


@pytest.mark.django_db
def test_readyz_reports_every_check_and_loads_the_index(client, author, settings):
    from fanarchive.browse.service import HOLDER
    from fanarchive.browse.sync import sync_works

    settings.VAR_DIR = None  # no snapshot: the index is built from this test's database
    HOLDER.reset()  # an index read inside an earlier test's rolled-back transaction goes
    work = posted_work(author)
    sync_works([work.id])
    code, body = ready(client)
    assert code == 200 and body["status"] == "ok"
    checks = body["checks"]
    assert checks["database"]["status"] == checks["cache"]["status"] == "ok"
    assert checks["broker"] == {"status": "ok", "mode": "in-process"}
    assert checks["browse_index"]["works"] == 1 and checks["browse_index"]["revision"] > 0


@pytest.mark.django_db
def test_readyz_is_unavailable_when_the_database_is(client, monkeypatch):
    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    code, body = ready(client)
    assert code == 503 and body["status"] == "unavailable"
    assert body["checks"]["database"] == {"status": "unavailable"}
    assert "refused" not in json.dumps(body)  # no error text for the world to read


@pytest.mark.django_db
def test_readyz_stays_ready_but_degraded_without_redis(client, settings, monkeypatch):
    down = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = {"default": {"BACKEND": "fanarchive.site.cache.FailSoftRedisCache",
                                   "LOCATION": down}}  # fmt: skip
    failsoft._down_until.clear()
    monkeypatch.setattr(celery_site, "queue_configured", lambda: True)
    monkeypatch.setattr(celery_site.app.conf, "broker_url", down)
    try:
        code, body = ready(client)
    finally:
        failsoft._down_until.clear()
    assert code == 200 and body["status"] == "degraded"
    assert body["checks"]["cache"] == body["checks"]["broker"] == {"status": "unavailable"}
    assert body["checks"]["database"]["status"] == "ok"
