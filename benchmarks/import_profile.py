"""Where an imported work's time goes: SQL queries and CPU per work in the import path.

Runs the Celery task `imports.import_works` in-process (what a worker runs for each chunk of
files, as many per chunk as `fanarchive import` sends) on
generated works of typical size (the import_scale.py size distribution without its
200,000-word novels), on a fresh database, and prints per work: queries (counted with
django.test.utils.CaptureQueriesContext), CPU of this process and of the analysis alone, and
on PostgreSQL the CPU of its server process for this connection. With --profile, the cProfile
functions that take the most time.

examples:
  python benchmarks/import_profile.py --works 200                      # SQLite file
  python benchmarks/import_profile.py --works 200 \\
      --postgres-url postgres://postgres@127.0.0.1:5433/fanarchive      # a fresh database
  python benchmarks/import_profile.py --works 200 --profile --sort tottime
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import os
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from import_scale import fresh_postgres, process_cpu, work_sizes, work_text  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=200)
    parser.add_argument("--postgres-url", default="", help="default: a SQLite file")
    parser.add_argument(
        "--chunk", type=int, default=0, help="works per task (default: as `fanarchive import`)"
    )
    parser.add_argument("--profile", action="store_true", help="print the cProfile top 40")
    parser.add_argument("--sort", default="cumulative", help="cProfile sort key")
    parser.add_argument("--queries", type=int, default=30, help="most frequent queries shown")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="fanarchive-import-profile-"))
    os.environ["DATABASE_URL"] = (
        fresh_postgres(args.postgres_url, "fanarchive_import_profile")
        if args.postgres_url
        else f"sqlite:///{scratch / 'profile.sqlite3'}"
    )
    os.environ["FANARCHIVE_VAR_DIR"] = str(scratch)
    os.environ["DJANGO_SETTINGS_MODULE"] = "fanarchive.site.settings"
    os.environ.pop("CELERY_BROKER_URL", None)
    import django

    django.setup()
    run(args)
    return 0


def payloads(count: int) -> list[tuple[dict, str]]:
    from fanarchive.imports.sources import bytes_digest
    from fanarchive.imports.tasks import file_payload

    sizes = [size for size in work_sizes(count * 2, seed=7) if size < 200_000][:count]
    rng = random.Random(3)
    items = []
    for index, size in enumerate(sizes):
        data = work_text(index, size, rng).encode("utf-8")
        items.append((file_payload(f"work-{index}.txt", f"work-{index}", data), bytes_digest(data)))
    return items


class AnalysisClock:
    """CPU seconds spent inside analyze_document (the analysis engine itself)."""

    def __init__(self):
        import fanarchive.insights.services as services

        self.seconds, self.original = 0.0, services.analyze_document
        services.analyze_document = self

    def __call__(self, *args, **kwargs):
        began = time.process_time()
        try:
            return self.original(*args, **kwargs)
        finally:
            self.seconds += time.process_time() - began


def server_cpu(connection) -> float:
    """CPU seconds of the PostgreSQL process serving this connection (0 on SQLite)."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    return process_cpu(pid)


def run(args) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fanarchive.imports.importer import CHUNK_WORKS
    from fanarchive.imports.tasks import import_works

    chunk = args.chunk or CHUNK_WORKS

    call_command("migrate", verbosity=0)
    items = payloads(args.works + 1)
    import_works.run([items.pop(0)])  # imports, caches, the fixed tags
    words = sum(len(payload["data"]) for payload, _ in items) * 3 // 4 // 6  # ~6 bytes/word
    clock, profiler = AnalysisClock(), cProfile.Profile()
    connection.ensure_connection()
    connection.queries_log = collections.deque(maxlen=None)  # count them all
    with CaptureQueriesContext(connection) as queries:
        server_began, cpu_began, wall_began = (
            server_cpu(connection),
            time.process_time(),
            time.perf_counter(),
        )
        if args.profile:
            profiler.enable()
        for start in range(0, len(items), chunk):
            import_works.run(items[start : start + chunk])
        if args.profile:
            profiler.disable()
        cpu, wall = time.process_time() - cpu_began, time.perf_counter() - wall_began
        server = server_cpu(connection) - server_began
    count = len(items)
    print(f"{connection.vendor}: {count} works, ~{words // count:,} words each on average")
    print(f"  SQL queries per work      {len(queries) / count:6.1f}")
    print(
        f"  CPU ms per work           {cpu / count * 1000:6.1f}  (wall {wall / count * 1000:.1f})"
    )
    print(f"    of which the analysis   {clock.seconds / count * 1000:6.1f}")
    print(f"    the rest                {(cpu - clock.seconds) / count * 1000:6.1f}")
    if connection.vendor == "postgresql":
        print(f"  PostgreSQL server CPU ms  {server / count * 1000:6.1f}")
    print("  most frequent queries (per work):")
    shapes = collections.Counter(query["sql"][:100] for query in queries.captured_queries)
    for sql, times in shapes.most_common(args.queries):
        print(f"    {times / count:5.2f}  {sql}")
    if args.profile:
        stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats(args.sort)
        stats.print_stats(40)


if __name__ == "__main__":
    sys.exit(main())
