"""Browse benchmark: a synthetic archive of N works, then 20 representative queries timed.

    python benchmarks/browse.py --works 100000 --backend sqlite
    python benchmarks/browse.py --works 1000000 --backend postgresql

The archive is written once into a scratch database (SQLite under var/bench/, or the database
`fanarchive_browse_<N>` next to DATABASE_URL's on PostgreSQL) and reused by later runs with the
same size. Each query goes through the same code the listing view uses (filter validation,
full-text, bitmap index, facets, fetching the page's rows), and prints one line:
`<name> ... total=<matches> p50=<ms> p95=<ms>`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5433/fanarchive"


def configure(backend: str, works: int, scratch: Path) -> None:
    from fanarchive.browse.standalone import configure as configure_django
    from fanarchive.browse.standalone import database_settings

    if backend == "sqlite":
        database = database_settings(f"sqlite:///{scratch / f'browse-{works}.sqlite3'}")
    else:
        url = os.environ.get("DATABASE_URL", "")
        database = database_settings(
            url if url.startswith("postgres") else DEFAULT_POSTGRES, f"fanarchive_browse_{works}"
        )
    configure_django(database, scratch)


def prepare(works: int, seed: int):
    from django.core.management import call_command
    from django.db import connection

    from fanarchive.browse.models import WorkIndex
    from fanarchive.browse.synthetic import SyntheticArchive, populate

    call_command("migrate", "browse", verbosity=0)
    archive = SyntheticArchive(works, seed)
    present = WorkIndex.objects.count()
    if present == works:
        print(
            f"reusing the synthetic archive of {works:,} works in {connection.settings_dict['NAME']}"
        )
        return archive
    if present:
        call_command("migrate", "browse", "zero", verbosity=0)
        call_command("migrate", "browse", verbosity=0)
    print(
        f"generating {works:,} works into {connection.vendor}:{connection.settings_dict['NAME']} ..."
    )
    started = time.perf_counter()
    with connection.cursor():
        pass
    from django.db import transaction

    with transaction.atomic():
        timings = populate(connection, archive)
    print(
        f"generated in {time.perf_counter() - started:.1f} s ({', '.join(f'{k} {v:.1f} s' for k, v in timings.items())})"
    )
    return archive


def representative_queries(archive) -> list[tuple[str, dict, int | None]]:
    """(name, GET parameters, tag page id) for 20 queries a reader of a big archive makes."""
    big = archive.fandoms[0]
    small = archive.fandoms[-1]
    lead, second = big.characters[0], big.characters[1]
    synonym = next(iter(big.synonyms.values()))
    freeform_top, freeform_2, freeform_mid = (
        archive.freeforms[0],
        archive.freeforms[1],
        archive.freeforms[40],
    )
    rare = archive.freeforms[-1]
    meta = next(t for t in archive.tags if "(Meta 0)" in t.name)
    ship = big.relationships[0]
    explicit = archive.ratings[4]
    vocab = archive.vocabulary
    # A phrase of one common and one middling word (as in "the hatake"), a rarer phrase, and a
    # word found in ~1% of works. Phrases of two very common words ("of the") cost FTS5 more.
    phrase = f'"{vocab[19]} {vocab[250]}"'
    rarer_phrase = f'"{vocab[60]} {vocab[90]}"'
    word = vocab[600]
    return [
        ("all works, updated", {}, None),
        ("big fandom by kudos", {"sort": "kudos"}, big.tag.id),
        ("include 2 + exclude 1", {"include": [lead.id, freeform_top.id], "exclude": [explicit.id]}, big.tag.id),
        ("rare tag", {"include": [rare.id]}, None),
        ("rare fandom tag page", {}, small.tag.id),
        ("synonym id -> canonical", {"include": [synonym.id], "sort": "hits"}, None),
        ("meta tag incl. sub tags", {"include": [meta.id], "sort": "bookmarks"}, None),
        ("FTS phrase + filters", {"q": phrase, "status": "complete"}, big.tag.id),
        ("FTS word, whole archive", {"q": word, "sort": "kudos"}, None),
        ("FTS phrase - word, whole archive", {"q": f"{rarer_phrase} -{vocab[40]}"}, None),
        ("page 500 big fandom kudos", {"sort": "kudos", "page": 500}, big.tag.id),
        ("page 500 all by title", {"sort": "title", "page": 500}, None),
        ("words 10k-50k complete", {"words_from": 10000, "words_to": 50000, "status": "complete"}, big.tag.id),
        ("updated 2024, by hits", {"updated_from": "2024-01-01", "updated_to": "2024-12-31", "sort": "hits"}, None),
        ("language es, by words", {"language": "espanol", "sort": "words"}, None),
        ("crossovers only, bookmarks", {"crossover": "only", "sort": "bookmarks"}, None),
        ("no crossovers, in progress", {"crossover": "exclude", "status": "in_progress", "sort": "comments"}, big.tag.id),
        ("speaks: lead character", {"speaks": lead.id, "include": [second.id]}, big.tag.id),
        ("main pairing, hide note", {"pairing": ship.id, "hide_note": "Minors in a Romantic or Sexual Scene"}, None),
        ("author A-Z page 20, 2 tags", {"sort": "author", "page": 20, "include": [freeform_2.id, freeform_mid.id]}, None),
    ]  # fmt: skip


class Params(dict):
    def getlist(self, key):
        value = self.get(key)
        if value is None:
            return []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    def get(self, key, default=None):
        value = super().get(key, default)
        return str(value) if isinstance(value, int) else value


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[
        min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))
    ]


def timed(params: dict, tag_id: int | None):
    """(page, wall ms, this process's CPU ms) of one browse call."""
    from fanarchive.browse.filters import parse_query
    from fanarchive.browse.service import browse

    query = parse_query(Params(params))
    began, cpu_began = time.perf_counter(), time.process_time()
    page = browse(query, tag_id)
    return page, (time.perf_counter() - began) * 1000, (time.process_time() - cpu_began) * 1000


def run(archive, repeats: int, warm: bool = False) -> None:
    from fanarchive.browse.service import HOLDER, current_index, warm_terms

    started = time.perf_counter()
    HOLDER.reset()
    index = current_index()
    print(
        f"index built in {time.perf_counter() - started:.1f} s: {len(index.all):,} works, {len(index.bitmaps):,} bitmaps"
    )
    if not warm:
        HOLDER.terms.clear()  # a snapshot saved by a --warm-terms run holds cached terms
    elif not len(HOLDER.terms):
        started = time.perf_counter()
        kept = warm_terms()
        print(
            f"cached {kept:,} frequent search terms ({HOLDER.terms.bytes / 1e6:.0f} MB)"
            f" in {time.perf_counter() - started:.1f} s, as `manage.py browse_warm` does"
        )
    HOLDER.save_snapshot()
    print(f"{'query':34} {'total':>9}  p50 / p95 over {repeats} runs after a first, warming run")
    worst = 0.0
    for name, params, tag_id in representative_queries(archive):
        page, first, _ = timed(params, tag_id)  # warms caches (sort orders, cached terms)
        runs = [timed(params, tag_id) for _ in range(repeats)]
        p50, p95 = percentiles([wall for _, wall, _ in runs])
        cpu50, cpu95 = percentiles([cpu for _, _, cpu in runs])
        worst = max(worst, p95)
        flag = "" if not page.query.messages else f"  messages={page.query.messages}"
        print(
            f"{name:34} total={page.total:>9,} shown={len(page.works):>2} p50={p50:.1f} p95={p95:.1f}"
            f"  first={first:.1f}  (this process's CPU: p50={cpu50:.1f} p95={cpu95:.1f}){flag}"
        )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"worst p95={worst:.1f} ms (wall clock; 1-minute load average {load:.1f} on {os.cpu_count()} CPUs)"
    )
    cold_words(archive, repeats)


def cold_words(archive, repeats: int) -> None:
    """A different word of ~1% of works each run: what a word costs the first time it is
    searched (PostgreSQL: before the process has cached its work ids)."""
    runs = [
        timed({"q": archive.vocabulary[620 + 3 * n], "sort": "kudos"}, None) for n in range(repeats)
    ]
    p50, p95 = percentiles([wall for _, wall, _ in runs])
    totals = [page.total for page, _, _ in runs]
    print(
        f"(not one of the 20) a new ~1% word each run: totals {min(totals):,}-{max(totals):,}"
        f" p50={p50:.1f} p95={p95:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--warm-terms",
        action="store_true",
        help="cache frequent search terms before timing (PostgreSQL; see manage.py browse_warm)",
    )
    parser.add_argument(
        "--scratch",
        type=Path,
        default=REPO / "var" / "bench",
        help="folder for the SQLite archive and the index files (default: var/bench)",
    )
    args = parser.parse_args()
    args.scratch.mkdir(parents=True, exist_ok=True)
    configure(args.backend, args.works, args.scratch)
    archive = prepare(args.works, args.seed)
    run(archive, args.repeats, warm=args.warm_terms)


if __name__ == "__main__":
    main()
