"""Soak: several web nodes (gunicorn processes, each with its own browse index) on one fresh
PostgreSQL database and a shared Redis page cache, while writers toggle works' restriction.
After every commit every node is asked, as a logged-out visitor, for every work whose state
did not change meanwhile: a node that lists a restricted work, or hides an open one, is a
stale read. Prints one line of figures; exits with 1 on any stale read or 5xx.

Revision lag: each listing says which browse revision its node's index answered at
(`X-Browse-Revision`); just before the request the soak reads the newest committed revision
N. The lag of one request is how many of the soak's own committed edits lie above the
served revision R (up to N), and N - R in ms (revisions are at least the microsecond clock
when they are taken, so N - R is about how much older than the newest change the node's
view was). p99 and max over every request are printed.

    python benchmarks/nodes.py --postgres-url postgres://postgres@127.0.0.1:5433/postgres \
        --redis-url redis://127.0.0.1:6390/7 --edits 400

(`tests/site/test_soak_nodes.py` runs it small in CI: a smoke run that must also print 0.)
"""

from __future__ import annotations

import argparse
import bisect
import os
import random
import re
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres-url", required=True, help="a server to create a database on")
    parser.add_argument("--redis-url", required=True)
    parser.add_argument("--edits", type=int, default=400)
    parser.add_argument("--nodes", type=int, default=2)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--works", type=int, default=12)
    parser.add_argument(
        "--replica",
        nargs="?",
        const="same",
        help="nodes also get FANARCHIVE_REPLICA_URL: a streaming replica server of the "
        "--postgres-url one (its database of the same name), or with no value a second "
        "connection to the same database (the router at work, without a replica's lag)",
    )
    parser.add_argument(
        "--seconds", type=float, default=0, help="stop the writers after this long (0: no limit)"
    )
    args = parser.parse_args(argv)
    name = f"fanarchive_soak_{uuid.uuid4().hex[:8]}"
    url = _create_database(args.postgres_url, name)
    try:
        figures = _soak(args, url, f"/tmp/{name}")
    finally:
        _drop_database(args.postgres_url, name)
    print(
        f"nodes {args.nodes} (gunicorn 2 processes x 2 threads"
        f"{_replica_note(args.replica, figures)}), writers {args.writers}, "
        f"works {args.works}, edits {figures['edits']}, logged-out requests "
        f"{figures['requests']}, 5xx {figures['5xx']}, stale reads {figures['stale']}, "
        f"revision lag p99 {_lag(figures, 'lag_edits', 0.99)} edits / "
        f"{_lag(figures, 'lag_ms', 0.99):.1f} ms (max {_lag(figures, 'lag_edits', 1.0)} / "
        f"{_lag(figures, 'lag_ms', 1.0):.1f} ms; {len(figures['lag_ms'])} requests measured), "
        f"{figures['seconds']:.0f} s"
    )
    return 1 if figures["stale"] or figures["5xx"] or figures["errors"] else 0


def _replica_note(replica: str | None, figures: dict) -> str:
    if not replica:
        return ""
    kind = "same database" if replica == "same" else "streaming replica"
    return f", replica router on ({kind}): {figures['from_replica']} listings read from it"


def _lag(figures: dict, name: str, fraction: float):
    """Nearest-rank percentile of one lag series (0 when nothing was measured)."""
    values = sorted(figures[name])
    return values[round(fraction * (len(values) - 1))] if values else 0


def _replica_url(replica: str | None, database_url: str) -> str:
    if replica in (None, "same"):
        return database_url
    return urlunsplit(urlsplit(replica)._replace(path=urlsplit(database_url).path))


def _server(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def _create_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(_server(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


def _drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_server(server), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _soak(args, database_url: str, var_dir: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_URL"))}
    env.update(
        DATABASE_URL=database_url,
        CACHE_URL=args.redis_url,
        DJANGO_SETTINGS_MODULE="fanarchive.site.settings",
        FANARCHIVE_PAGE_CACHE_SECONDS="60",
        FANARCHIVE_VAR_DIR=var_dir,
        PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO), env.get("PYTHONPATH", "")]),
    )
    migrated = subprocess.run(
        [sys.executable, "-m", "fanarchive.cli", "migrate"], env=env, capture_output=True
    )
    if migrated.returncode:
        raise SystemExit(migrated.stderr.decode()[-2000:])
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "CACHE_URL", "FANARCHIVE_VAR_DIR")})
    os.environ.update(DJANGO_SETTINGS_MODULE="fanarchive.site.settings")
    os.environ.update(FANARCHIVE_PAGE_CACHE_SECONDS="60")
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    sys.path.insert(0, str(REPO))  # the tests' work builder, as the tests post works
    from tests.works.helpers import posted_work

    author = get_user_model().objects.create_user("soak", password="a-long-soak-pass-42")
    works = [posted_work(author, title=f"Soak zq{n}x") for n in range(args.works)]
    nodes: list = []
    try:
        for number in range(args.nodes):
            node_env = dict(env, FANARCHIVE_REPLICA_URL=_replica_url(args.replica, database_url))
            node_env = node_env if args.replica else env
            nodes.append(_start_node(node_env, _free_port(), f"{var_dir}/node{number}", nodes))
        return _run_writers(args, works, [port for port, _ in nodes])
    finally:
        for _, process in nodes:
            process.terminate()
            process.wait(30)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_node(env: dict, port: int, var_dir: str, started: list):
    import requests

    Path(var_dir).mkdir(parents=True, exist_ok=True)
    log = open(f"{var_dir}/gunicorn.log", "w")  # noqa: SIM115 (the node's lifetime)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "fanarchive.site.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", "2", "--threads", "2"],
        env=dict(env, FANARCHIVE_VAR_DIR=var_dir), stdout=log, stderr=log,
    )  # fmt: skip
    started.append((port, process))  # stopped by the caller, whatever happens next
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).ok:
                return started.pop()
        except requests.RequestException:
            time.sleep(0.2)
    raise SystemExit(f"node on port {port} did not start; see {var_dir}/gunicorn.log")


def _run_writers(args, works, ports: list[int]) -> dict:
    import requests
    from django.db import connection
    from django.urls import reverse

    from fanarchive.browse.models import WorkIndex
    from fanarchive.browse.service import latest_revision
    from fanarchive.works.models import Work

    lock = threading.Lock()
    figures = {"requests": 0, "edits": 0, "stale": 0, "5xx": 0, "errors": 0}
    figures.update(lag_edits=[], lag_ms=[], from_replica=0)
    committed: list[int] = []  # browse revisions of the soak's edits, as they committed
    deadline = time.monotonic() + args.seconds if args.seconds else float("inf")
    state = {work.id: (0, False) for work in works}  # (changes, restricted), as committed
    token = {work.id: f"zq{n}x" for n, work in enumerate(works)}

    listing = reverse("browse:works")

    def listed(port: int, work_id: int) -> bool:
        newest = latest_revision()  # committed before the request was sent
        response = requests.get(
            f"http://127.0.0.1:{port}{listing}", params={"q": token[work_id]}, timeout=60
        )
        served = int(response.headers.get("X-Browse-Revision") or 0)
        with lock:
            figures["requests"] += 1
            figures["5xx"] += response.status_code >= 500
            figures["from_replica"] += response.headers.get("X-Browse-Read-From") == "replica"
            if served:
                behind = bisect.bisect_right(committed, newest) - bisect.bisect_right(
                    committed, served
                )
                figures["lag_edits"].append(max(0, behind))
                figures["lag_ms"].append(max(0, newest - served) / 1000)
        return str(work_id) in re.findall(r'data-work-id="(\d+)"', response.text)

    def writer(number: int) -> None:
        own, pick = works[number :: args.writers], random.Random(number)
        try:
            for _ in range(args.edits // args.writers):
                if time.monotonic() > deadline:
                    break
                work = Work.objects.get(pk=pick.choice(own).pk)
                work.restricted = not work.restricted
                work.save()  # committed; its browse flush and page-cache bumps are done
                revision = WorkIndex.objects.get(work_id=work.id).revision  # only we edit it
                with lock:
                    bisect.insort(committed, revision)
                    state[work.id] = (state[work.id][0] + 1, work.restricted)
                    figures["edits"] += 1
                for port in ports:
                    for work_id in list(state):
                        with lock:
                            before = state[work_id]
                        shown = listed(port, work_id)
                        with lock:
                            if state[work_id] == before and shown == before[1]:
                                figures["stale"] += 1
                                print(f"stale: node {port}, work {work_id}, {before}", flush=True)
        except Exception as error:  # counted and shown, so the soak reports it
            with lock:
                figures["errors"] += 1
            print(f"writer {number}: {error!r}", flush=True)
        finally:
            connection.close()

    if not all(listed(port, work_id) for port in ports for work_id in state):
        raise SystemExit(f"{listing}?q=<title word> does not find the works: fix the probe")
    started = time.monotonic()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(args.writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    figures["seconds"] = time.monotonic() - started
    return figures


if __name__ == "__main__":
    sys.exit(main())
