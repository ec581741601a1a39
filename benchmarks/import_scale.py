"""Import generated works with their analysis, and report works/second.

Modes (each on a fresh database, the same generated files):
  sqlite       `fanarchive import` in-process on a SQLite file (the default set-up)
  pg-eager     in-process on PostgreSQL (no broker), for reference
  pg-1w/pg-2w  `fanarchive import` queueing to 1 / 2 Celery worker processes (Redis broker)

Work sizes are log-normal around a 3,000-word median with a long tail capped at 200,000
words (one work in every 500 is a 200,000-word novel). Text has narration and attributed
dialogue among a few named characters, so the analysis has real work to do.

examples:
  python benchmarks/import_scale.py --works 2000
  python benchmarks/import_scale.py --works 100000 --modes sqlite,pg-1w,pg-2w
Needs PostgreSQL (--postgres-url, default $FANARCHIVE_TEST_POSTGRES_URL) and Redis
(--redis-url, default $FANARCHIVE_TEST_REDIS_URL) for the pg-* modes; they are skipped without.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
MEDIAN_WORDS, SIGMA, MAX_WORDS, NOVEL_EVERY = 3000, 0.9, 200_000, 500
NAMES = re.findall(
    r"\w+",
    "Mira Tom Aiden Sarah Kenji Lucia Oren Bea Hugo Ines Malik Rosa Theo Yara Felix Nadia "
    "Omar Clara Ivo Juno Sasha Priya Leon Greta Ravi Elsa Tariq Noor Wren Dante",
)
VOCAB = re.findall(
    r"\w+",
    "the rain fell on the roof while she waited by the door and he said nothing at all about "
    "the letter they had found under the stairs in the old house by the river it was late "
    "and cold and the lamps along the street had gone out one by one so that only the moon "
    "showed the way home through the square past the bakery and the shuttered shops where "
    "nobody remembered their names anymore except the woman who kept the keys",
)
VERBS = ["said", "asked", "whispered", "replied", "muttered", "called", "answered"]


@dataclass
class Result:
    mode: str
    works: int
    words: int
    seconds: float
    detail: str = ""
    cpu_seconds: float = 0.0  # of the import command and the workers (PostgreSQL not counted)
    worker_cpu_seconds: float = 0.0  # of the workers alone (the rest is the command's)
    postgres_cpu_seconds: float | None = None  # of the PostgreSQL server, when it is local

    @property
    def rate(self) -> float:
        return self.works / self.seconds if self.seconds else 0.0

    @property
    def per_cpu_second(self) -> float:
        """Works per CPU-second: what one idle core would do, whatever else the machine runs."""
        return self.works / self.cpu_seconds if self.cpu_seconds else 0.0


def work_sizes(count: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    sizes = []
    for index in range(count):
        if index % NOVEL_EVERY == NOVEL_EVERY - 1:
            sizes.append(MAX_WORDS)
        else:
            size = rng.lognormvariate(math.log(MEDIAN_WORDS), SIGMA)
            sizes.append(int(min(MAX_WORDS, max(150, size))))
    return sizes


def work_text(index: int, words: int, rng: random.Random) -> str:
    cast = rng.sample(NAMES, rng.randint(2, 5))
    paragraphs, written = [f"Work {index}"], 0
    while written < words:
        if rng.random() < 0.4:
            line = " ".join(rng.choices(VOCAB, k=rng.randint(5, 15))).capitalize()
            paragraphs.append(f'"{line}," {rng.choice(VERBS)} {rng.choice(cast)}.')
            written += len(line.split()) + 2
        else:
            sentences = []
            for _ in range(rng.randint(2, 5)):
                who = rng.choice(cast)
                body = " ".join(rng.choices(VOCAB, k=rng.randint(8, 20)))
                sentences.append(f"{who} {body}.")
                written += len(body.split()) + 1
            paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def generate(folder: Path, count: int, seed: int) -> int:
    """Write the works (once per size and seed); returns the total number of words."""
    sizes = work_sizes(count, seed)
    stamp = folder / f".complete-{count}-{seed}"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        rng = random.Random(seed)
        for index, size in enumerate(sizes):
            sub = folder / f"{index // 1000:03d}"
            sub.mkdir(exist_ok=True)
            (sub / f"work-{index:06d}.txt").write_text(work_text(index, size, rng), "utf-8")
        stamp.touch()
    return sum(sizes)


def environment(database_url: str, var_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env.update(
        DATABASE_URL=database_url,
        FANARCHIVE_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="fanarchive.site.settings",
        PYTHONPATH=os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")]),
        COLUMNS="200",
    )
    env.update(extra)
    return env


def run_command(args: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fanarchive.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        **kwargs,
    )


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu(pid: int, with_children: bool = False) -> float:
    """CPU seconds a running process has used so far (Linux /proc); `with_children`: plus
    those of its children that have exited."""
    return _cpu_seconds(_stat_fields(Path(f"/proc/{pid}/stat").read_text()), with_children)


def _stat_fields(stat: str) -> list[str]:
    """The fields after the command name of a /proc/<pid>/stat line (state first)."""
    return stat.rsplit(")", 1)[1].split()


def _cpu_seconds(fields: list[str], with_children: bool = False) -> float:
    ticks = int(fields[11]) + int(fields[12])
    if with_children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_cpu() -> float | None:
    """CPU seconds of every PostgreSQL server process on this machine so far (the server of a
    loopback --postgres-url), those that exited included; None when there is none."""
    stats = {}
    for path in Path("/proc").glob("[0-9]*/stat"):
        try:
            stats[int(path.parent.name)] = path.read_text()
        except OSError:  # the process exited meanwhile
            continue
    servers = {pid: _stat_fields(text) for pid, text in stats.items() if "(postgres)" in text}
    # The postmaster's parent is not PostgreSQL; its exited children (connections) count too.
    return (
        sum(_cpu_seconds(f, with_children=int(f[1]) not in servers) for f in servers.values())
        if servers
        else None
    )


def timed_import(folder: Path, env: dict, expected: int) -> tuple[float, str, float, float | None]:
    """(seconds, the command's totals, its CPU seconds, the PostgreSQL server's CPU seconds)."""
    migrate = run_command(["migrate"], {k: v for k, v in env.items() if k != "CELERY_BROKER_URL"})
    if migrate.returncode:
        raise SystemExit(f"migrate failed:\n{migrate.stderr}")
    began, cpu, server = time.perf_counter(), children_cpu(), postgres_cpu()
    result = run_command(["import", str(folder), "--no-progress"], env)
    seconds, cpu = time.perf_counter() - began, children_cpu() - cpu
    if server is not None and env["DATABASE_URL"].startswith("postgres"):
        server = postgres_cpu() - server
    else:
        server = None
    totals = result.stderr.strip().splitlines()[-3:]
    if result.returncode or f"imported {expected}," not in result.stderr:
        raise SystemExit(f"import did not bring in {expected} works:\n{result.stderr[-3000:]}")
    return seconds, " ".join(totals), cpu, server


def fresh_postgres(url: str, name: str) -> str:
    """Drop and create database `name` on the server of `url`; returns its URL."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def start_workers(count: int, env: dict, log_dir: Path) -> list[subprocess.Popen]:
    workers = []
    for index in range(count):
        log = open(log_dir / f"worker-{index}.log", "w")  # noqa: SIM115 (closed with the process)
        workers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "fanarchive.site.celery",
                    "worker",
                    "--pool=solo",
                    "--loglevel=WARNING",
                    "-Q",
                    env["CELERY_QUEUE"],
                    "-n",
                    f"bench{index}@%h",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                ],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        )
    time.sleep(3)  # workers connect to the broker before the first task is queued
    for worker in workers:
        if worker.poll() is not None:
            raise SystemExit(f"a worker exited at start; see {log_dir}")
    return workers


def stop(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()


def run_mode(mode: str, folder: Path, works: int, words: int, args, scratch: Path) -> Result:
    var_dir = scratch / mode
    var_dir.mkdir(parents=True, exist_ok=True)
    if mode == "sqlite":
        env = environment(f"sqlite:///{var_dir / 'bench.sqlite3'}", var_dir)
        return Result(mode, works, words, *timed_import(folder, env, works))
    url = fresh_postgres(args.postgres_url, "fanarchive_bench")
    if mode == "pg-eager":
        return Result(mode, works, words, *timed_import(folder, environment(url, var_dir), works))
    count = int(mode.removeprefix("pg-").removesuffix("w"))
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    env = environment(url, var_dir, CELERY_BROKER_URL=args.redis_url, CELERY_QUEUE=queue)
    migrate = run_command(["migrate"], environment(url, var_dir))
    if migrate.returncode:
        raise SystemExit(migrate.stderr)
    workers = start_workers(count, env, var_dir)
    try:
        started = sum(process_cpu(w.pid) for w in workers)
        seconds, detail, cpu, server_cpu = timed_import(folder, env, works)
        worker_cpu = sum(process_cpu(w.pid) for w in workers) - started
    finally:
        stop(workers)
    return Result(mode, works, words, seconds, detail, cpu + worker_cpu, worker_cpu, server_cpu)


def print_table(results: list[Result]) -> None:
    base = next((r for r in results if r.mode == "pg-1w"), None)
    print(
        f"\n{'mode':<10} {'works':>7} {'words':>12} {'seconds':>9} {'works/s':>9} "
        f"{'speed-up':>9} {'CPU s':>8} {'workers':>8} {'ms/work':>8} {'works/CPU-s':>12} "
        f"{'PG ms/work':>11}"
    )
    for result in results:
        speedup = f"{result.rate / base.rate:.2f}x" if base and result.mode.endswith("w") else ""
        workers = f"{result.worker_cpu_seconds:.1f}" if result.mode.endswith("w") else ""
        per_work = result.cpu_seconds / result.works * 1000 if result.works else 0
        server = result.postgres_cpu_seconds
        server_per_work = f"{server / result.works * 1000:.1f}" if server and result.works else ""
        print(
            f"{result.mode:<10} {result.works:>7} {result.words:>12,} {result.seconds:>9.1f} "
            f"{result.rate:>9.1f} {speedup:>9} {result.cpu_seconds:>8.1f} {workers:>8} "
            f"{per_work:>8.1f} {result.per_cpu_second:>12.1f} {server_per_work:>11}"
        )
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        "CPU s: of the import command and its workers (of which 'workers'); ms/work: that CPU "
        "per work; works/CPU-s: works per CPU-second, what one otherwise idle core sustains. "
        "PostgreSQL's own CPU is not in those: 'PG ms/work' is its server's CPU per work "
        f"(every local PostgreSQL process, background writers included). Load average: {load}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--modes", default="sqlite,pg-eager,pg-1w,pg-2w")
    parser.add_argument(
        "--data", type=Path, default=Path(tempfile.gettempdir()) / "fanarchive-bench"
    )
    parser.add_argument(
        "--postgres-url", default=os.environ.get("FANARCHIVE_TEST_POSTGRES_URL", "")
    )
    parser.add_argument("--redis-url", default=os.environ.get("FANARCHIVE_TEST_REDIS_URL", ""))
    args = parser.parse_args()
    folder = args.data / "works"
    began = time.perf_counter()
    words = generate(folder, args.works, args.seed)
    sizes = sorted(work_sizes(args.works, args.seed))
    print(
        f"{args.works} works, {words:,} words (median {sizes[len(sizes) // 2]:,}, "
        f"max {sizes[-1]:,}); generated in {time.perf_counter() - began:.0f} s"
    )
    results = []
    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        if mode.startswith("pg") and not args.postgres_url:
            print(f"{mode}: skipped (no --postgres-url)")
            continue
        if mode.endswith("w") and not args.redis_url:
            print(f"{mode}: skipped (no --redis-url)")
            continue
        with tempfile.TemporaryDirectory(prefix=f"bench-{mode}-") as scratch:
            result = run_mode(mode, folder, args.works, words, args, Path(scratch))
        print(f"{mode}: {result.rate:.1f} works/s ({result.seconds:.1f} s) — {result.detail}")
        results.append(result)
    print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
