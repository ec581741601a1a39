"""Liveness and readiness for load balancers and orchestrators.

- `/healthz`: the process answers (no database, no cache): restart it when this fails.
- `/readyz`: may this process take traffic? The database answers and this process's browse
  index is loaded and current (the first call of a new process loads it: seconds from a
  snapshot, a minute per million works without one). The cache and the broker are checked and
  reported, but an outage of either leaves the node ready ("degraded"): the archive serves
  pages uncached without Redis and queues analyses again when it is back, so taking every node
  out of the balancer over it would turn a slower site into no site.

Answers are JSON, never cached, and name no host, password or error text (the log has those).
"""

from __future__ import annotations

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

log = logging.getLogger(__name__)
OK = "ok"
UNAVAILABLE = "unavailable"
BROKER_TIMEOUT = 2  # seconds


@never_cache
def healthz(request):
    return JsonResponse({"status": OK})


@never_cache
def readyz(request):
    required = {"database": check_database, "browse_index": check_index}
    optional = {"cache": check_cache, "broker": check_broker}
    checks = {name: _run(name, check) for name, check in (required | optional).items()}
    if any(checks[name]["status"] != OK for name in required):
        status, code = UNAVAILABLE, 503
    elif any(checks[name]["status"] != OK for name in optional):
        status, code = "degraded", 200
    else:
        status, code = OK, 200
    return JsonResponse({"status": status, "checks": checks}, status=code)


def _run(name: str, check) -> dict:
    try:
        return {"status": OK, **check()}
    except Exception as error:  # any failure is an answer, not a 500
        # One line per probe (a load balancer asks every few seconds): no traceback.
        log.warning("readiness check %s failed: %s: %s", name, type(error).__name__, error)
        return {"status": UNAVAILABLE}


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def check_index() -> dict:
    """Loads the index when this process has none yet; otherwise one revision query."""
    from fanarchive.browse.service import current_index

    index = current_index()
    return {"revision": index.revision, "works": len(index.all)}


def check_cache() -> dict:
    """A value written and read back (the fail-soft Redis cache drops writes it cannot make)."""
    key, token = "readyz:probe", secrets.token_hex(8)
    cache.set(key, token, 30)
    if cache.get(key) != token:
        raise ConnectionError("the cache did not keep a value")
    return {}


def check_broker() -> dict:
    from fanarchive.site.celery import app, queue_configured

    if not queue_configured():
        return {"mode": "in-process"}  # tasks run in the request: nothing to reach
    with app.connection_for_write() as broker:
        broker.ensure_connection(max_retries=1, interval_start=0, timeout=BROKER_TIMEOUT)
    return {"mode": "queue"}
