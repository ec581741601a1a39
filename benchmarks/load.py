"""Load test: gunicorn on 127.0.0.1 serving work pages, filtered listings and posting, driven by
wrk (Debian's `wrk`) for a bounded time; reports requests/second, p50/p99 latency and errors.

Scenarios, one after the other, each for --seconds / 4 (default 300 s in total):
  work pages   anonymous readers opening random works (whole-page cache on)
  listings     anonymous readers paging the home listing and tag (fandom) listings
  filtered     anonymous readers of Browse & Search: include/exclude tags, word counts, sorts
  posting      a logged-in author posting new works (form POST with CSRF). Without --broker-url
               the queued analysis runs in the request (in-process, as `make serve`); with it,
               one Celery worker analyses the posted works in the background

The database (SQLite file by default, or --database-url) is made fresh: migrate, seed the tags,
import --works generated works, tag them with fandoms and additional tags, create the author.
With --cache-url redis://... the page cache is shared by the gunicorn workers (production set-up).

examples:
  python benchmarks/load.py --seconds 60
  python benchmarks/load.py --seconds 300 --cache-url redis://127.0.0.1:6390/1
  python benchmarks/load.py --seconds 300 --cache-url redis://127.0.0.1:6390/7 \
      --broker-url redis://127.0.0.1:6390/6
Target: no 5xx at all, work pages above 300 requests/second.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "load-test-password-42"

LUA_COMMON = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) s5xx = 0; s4xx = 0; math.randomseed(os.time() + math.random(1000)) end
function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1 elseif status >= 400 then s4xx = s4xx + 1 end
end
function done(summary, latency, requests)
  local f5, f4 = 0, 0
  for _, t in ipairs(threads) do f5 = f5 + t:get("s5xx"); f4 = f4 + t:get("s4xx") end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"s5xx": %d, "s4xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    f5, f4, e.connect + e.read + e.write + e.timeout))
end
"""


def lua_paths(paths: list[str]) -> str:
    listed = ", ".join(json.dumps(p) for p in paths)
    return (
        LUA_COMMON
        + f"""
local paths = {{{listed}}}
function request() return wrk.format("GET", paths[math.random(#paths)]) end
"""
    )


def lua_post(path: str, cookie: str, token: str, form: dict) -> str:
    body = urllib.parse.urlencode(form, doseq=True)
    return (
        LUA_COMMON
        + f"""
wrk.method = "POST"
wrk.body = {json.dumps(body)}
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = {json.dumps(cookie)}
wrk.headers["X-CSRFToken"] = {json.dumps(token)}
wrk.headers["Referer"] = "http://127.0.0.1/"
function request() return wrk.format(nil, {json.dumps(path)}) end
"""
    )


# --- database set-up (runs in a child process with the benchmark's environment) -----------


def setup_database() -> None:
    """Tag the imported works, create the posting author; print what the load needs as JSON."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from fanarchive.tags.models import NO_WARNINGS_CHOSEN, Tag, TagType
    from fanarchive.works.models import Tagging, Work

    rng = random.Random(3)
    fandoms = [
        Tag.objects.get_or_create(name=f"Load Fandom {i}", type=TagType.FANDOM, canonical=True)[0]
        for i in range(8)
    ]
    freeforms = [
        Tag.objects.get_or_create(name=f"Load Trope {i}", type=TagType.FREEFORM)[0]
        for i in range(30)
    ]
    rows = []
    works = list(Work.objects.values_list("pk", flat=True))
    for work_id in works:
        for tag in [rng.choice(fandoms), *rng.sample(freeforms, 3)]:
            rows.append(Tagging(work_id=work_id, tag=tag))
    Tagging.objects.bulk_create(rows, ignore_conflicts=True)
    get_user_model().objects.create_user("loadauthor", password=PASSWORD)
    print(
        json.dumps(
            {
                "works": works,
                "fandoms": [t.pk for t in fandoms],
                "fandom_names": [t.name for t in fandoms],
                "tropes": [t.pk for t in freeforms],
                "rating": Tag.objects.fixed(TagType.RATING)[1].pk,
                "warning": Tag.objects.get(name=NO_WARNINGS_CHOSEN).pk,
            }
        )
    )


# --- the run ---------------------------------------------------------------------------------


def environment(args, scratch: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env.update(
        DATABASE_URL=args.database_url or f"sqlite:///{scratch / 'load.sqlite3'}",
        FANARCHIVE_VAR_DIR=str(scratch),
        DJANGO_SETTINGS_MODULE="fanarchive.site.settings",
        SECRET_KEY="load-test-secret-key-not-for-production-0123456789",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DEBUG="0",
        PYTHONPATH=os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")]),
    )
    if args.cache_url:
        env["CACHE_URL"] = args.cache_url
    return env


def start_worker(args, env: dict, scratch: Path) -> subprocess.Popen:
    """One Celery worker on a private queue (the web processes queue the analyses to it)."""
    log = open(scratch / "worker.log", "w")  # noqa: SIM115 (lives as long as the worker)
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "fanarchive.site.celery", "worker",
         "--pool=solo", "--loglevel=WARNING", "-Q", env["CELERY_QUEUE"], "-n", "load@%h",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    time.sleep(3)
    if worker.poll() is not None:
        raise SystemExit(f"the Celery worker exited; see {scratch / 'worker.log'}")
    return worker


def check(result: subprocess.CompletedProcess, what: str) -> subprocess.CompletedProcess:
    if result.returncode:
        raise SystemExit(f"{what} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return result


def prepare(args, env: dict, scratch: Path) -> dict:
    sys.path.insert(0, str(Path(__file__).parent))
    from import_scale import generate

    def run(*command):
        return subprocess.run(command, env=env, capture_output=True, text=True)

    check(run(sys.executable, "-m", "fanarchive.cli", "migrate"), "migrate")
    check(run(sys.executable, "-m", "fanarchive.site.manage", "seed_tags"), "seed_tags")
    folder = scratch / "works"
    generate(folder, args.works, seed=11)
    check(
        run(sys.executable, "-m", "fanarchive.cli", "import", str(folder), "--no-progress"),
        "import",
    )
    out = check(run(sys.executable, __file__, "--setup-database"), "database set-up").stdout
    return json.loads(out.strip().splitlines()[-1])


def start_gunicorn(args, env: dict, scratch: Path) -> subprocess.Popen:
    log = open(scratch / "gunicorn.log", "w")  # noqa: SIM115 (lives as long as the server)
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "fanarchive.site.wsgi:application",
         "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers),
         "--threads", str(args.threads), "--timeout", "60", "--graceful-timeout", "5"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/", timeout=2).read()
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {scratch / 'gunicorn.log'}") from None
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer within 60 s")


def login(port: int) -> tuple[str, str]:
    """Log the author in over HTTP: (Cookie header, CSRF token) for posting."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{port}"
    page = opener.open(f"{base}/users/login").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode(
        {"username": "loadauthor", "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    opener.open(urllib.request.Request(f"{base}/users/login", form, headers={"Referer": base}))
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise SystemExit("could not log the load-test author in")
    page = opener.open(f"{base}/works/new").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    cookies = {c.name: c.value for c in jar}
    return "; ".join(f"{k}={v}" for k, v in cookies.items()), token


def run_wrk(args, name: str, script: str, seconds: int, scratch: Path, connections: int) -> dict:
    path = scratch / f"{name.replace(' ', '_')}.lua"
    path.write_text(script)
    result = subprocess.run(
        ["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
         "-s", str(path), f"http://127.0.0.1:{args.port}"],
        capture_output=True, text=True,
    )  # fmt: skip
    match = re.search(r"RESULT (\{.*\})", result.stdout)
    if not match:
        raise SystemExit(f"wrk failed:\n{result.stdout}\n{result.stderr}")
    data = json.loads(match.group(1))
    data["name"] = name
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def filtered_listings(data: dict, pages: int) -> list[str]:
    """Browse & Search URLs as readers filter: a fandom with a trope in or out, word ranges,
    completion, sorts, later pages, and a tag's own listing narrowed further."""
    rng = random.Random(5)
    fandoms, tropes = data["fandoms"], data["tropes"]
    name_of = dict(zip(fandoms, data["fandom_names"], strict=True))
    sorts = ["updated", "kudos", "words", "title", "hits"]
    paths = []
    for _ in range(60):
        fandom, trope, other = rng.choice(fandoms), *rng.sample(tropes, 2)
        query = {
            "include": [fandom, trope],
            "exclude": [other],
            "sort": rng.choice(sorts),
            "page": rng.randint(1, max(1, pages // 8)),
        }
        if rng.random() < 0.5:
            query.update(words_from=rng.choice([500, 1000, 2000]), words_to=20000)
        if rng.random() < 0.3:
            query["status"] = "complete"
        paths.append("/works?" + urllib.parse.urlencode(query, doseq=True))
        paths.append(
            f"{tag_works(name_of[fandom])}?" + urllib.parse.urlencode({"exclude": [trope]})
        )
    return paths


def tag_works(name: str) -> str:
    """A tag's listing with the filter sidebar, at AO3's address."""
    return f"/tags/{urllib.parse.quote(name, safe='')}/works"


def print_table(results: list[dict]) -> None:
    print(f"\n{'scenario':<12} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'5xx':>5} {'4xx':>5} {'socket errors':>14}")  # fmt: skip
    for r in results:
        print(
            f"{r['name']:<12} {r['requests']:>9} {r['rps']:>8.1f} {r['p50_us'] / 1000:>8.1f} "
            f"{r['p99_us'] / 1000:>8.1f} {r['s5xx']:>5} {r['s4xx']:>5} {r['socket_errors']:>14}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=300, help="total, split over 3 scenarios")
    parser.add_argument("--works", type=int, default=300, help="generated works to serve")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (readers)")
    parser.add_argument("--post-connections", type=int, default=2, help="wrk connections (posting)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file")
    parser.add_argument("--cache-url", default="", help="redis://... for a shared page cache")
    parser.add_argument(
        "--broker-url", default="", help="redis://... to analyse posted works on a Celery worker"
    )
    parser.add_argument("--setup-database", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup_database:
        setup_database()
        return 0
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    scratch = Path(tempfile.mkdtemp(prefix="fanarchive-load-"))
    env = environment(args, scratch)
    began = time.perf_counter()
    data = prepare(args, env, scratch)
    print(f"prepared {len(data['works'])} works in {time.perf_counter() - began:.0f} s ({scratch})")
    worker = None
    if args.broker_url:
        env.update(CELERY_BROKER_URL=args.broker_url, CELERY_QUEUE=f"load-{os.getpid()}")
        worker = start_worker(args, env, scratch)
    server = start_gunicorn(args, env, scratch)
    try:
        each = max(1, args.seconds // 4)
        work_paths = [f"/works/{pk}" for pk in data["works"]]
        pages = max(1, len(data["works"]) // 20)
        listing_paths = [f"/?page={n}" for n in range(1, pages + 1)]
        listing_paths += [tag_works(name) for name in data["fandom_names"]]
        filtered_paths = filtered_listings(data, pages)
        cookie, token = login(args.port)
        form = {
            "title": "Load test work", "rating": data["rating"], "warnings": [data["warning"]],
            "fandoms": "Load Fandom 1", "summary": "Posted by the load test.",
            "language": "English", "chapter_title": "",
            "body": '"Are you coming?" Mira asked.\n\n"Race you there!" Tom said, grinning.\n' * 20,
        }  # fmt: skip
        results = [
            run_wrk(args, "work pages", lua_paths(work_paths), each, scratch, args.connections),
            run_wrk(args, "listings", lua_paths(listing_paths), each, scratch, args.connections),
            run_wrk(args, "filtered", lua_paths(filtered_paths), each, scratch, args.connections),
            run_wrk(args, "posting", lua_post("/works/new", cookie, token, form), each, scratch,
                    args.post_connections),
        ]  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
    print_table(results)
    analysis = f"Celery worker on {args.broker_url}" if worker else "in the request (no broker)"
    print(f"\ngunicorn: {args.workers} workers x {args.threads} threads; cache: "
          f"{args.cache_url or 'per-process memory'}; {each} s per scenario; "
          f"analysis of posted works: {analysis}")  # fmt: skip
    return 1 if any(r["s5xx"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
