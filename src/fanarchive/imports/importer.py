"""`fanarchive import`: plan the units, read each into a Draft, skip known content hashes,
import the rest in-process or on Celery workers, with a rich progress bar, a log file and a
summary table of what could not be read.

With a broker configured (CELERY_BROKER_URL) the command reads and hashes the files and
queues the drafts; workers store and analyse them and count their outcomes on the batch row,
which the command polls for its progress bar. A bounded number of drafts is in flight at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from fanarchive.accounts.system import ARCHIVIST, ORPHAN, system_user
from fanarchive.browse.fulltext import bulk_load
from fanarchive.imports.authors import resolve_author_map
from fanarchive.imports.drafts import Problem
from fanarchive.imports.models import ImportBatch, ImportedWork, ImportProblem
from fanarchive.imports.sources import Unit, bytes_digest, plan, read_unit
from fanarchive.imports.tasks import analyse_imported_work, file_payload, import_works

POLL_SECONDS = 0.25
# Works are queued in chunks: a worker commits and updates the browse index once per chunk.
# Small enough that two workers share a batch evenly and a crash re-does little.
CHUNK_WORKS = 16
CHUNK_BYTES = 2_000_000
STALL_SECONDS = 60
MAX_PROBLEMS_SHOWN = 50
log = logging.getLogger("fanarchive.imports")


@dataclass
class ImportReport:
    batch_id: int
    planned: int = 0
    imported: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    log_path: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def works_per_second(self) -> float:
        return self.imported / self.seconds if self.seconds else 0.0


class RateColumn(ProgressColumn):
    """Works per second over the whole run (rich's speed column is for bytes)."""

    def render(self, task) -> Text:
        speed = task.completed / task.elapsed if task.elapsed else 0
        return Text(f"{speed:,.1f} works/s", style="progress.data.speed")


def run_import(
    paths: Iterable[str | Path],
    *,
    console: Console | None = None,
    log_path: str | Path | None = None,
    use_queue: bool | None = None,
    window: int = 96,
    show_progress: bool = True,
    author_map: dict[str, str] | None = None,
) -> ImportReport:
    """Import `paths`; `author_map` ({byline: username}, imports.authors.read_author_map)
    gives the bylines that belong to accounts here: every other byline goes to the archivist.
    Raises AuthorMapError for a map naming no account, SystemAccountUnavailable when a person
    holds a system account's name, before anything is imported."""
    from fanarchive.site.celery import queue_configured

    authors = resolve_author_map(author_map or {})
    for kind in (ARCHIVIST, ORPHAN):
        system_user(kind)  # refuse now, not once per work, when a person holds the name
    console = console or Console(stderr=True)
    use_queue = queue_configured() if use_queue is None else use_queue
    paths = [str(p) for p in paths]
    began = time.perf_counter()
    units, problems = plan(paths)
    batch = ImportBatch.objects.create(paths=paths, planned=len(units) + len(problems))
    log_file = _open_log(batch, log_path)
    try:
        run = _Run(batch, use_queue, window, console, authors)
        for problem in problems:
            run.handled += 1
            run.fail(problem)
        with bulk_load(), _progress(console, show_progress) as progress:
            task = progress.add_task("importing", total=len(units) + len(problems))
            progress.update(task, completed=len(problems))
            for unit in units:
                run.handle(unit)
                run.wait(lambda done: progress.update(task, completed=done))
            run.drain(lambda done: progress.update(task, completed=done))
    finally:
        log.removeHandler(log_file)
        log_file.close()
    batch.refresh_from_db()
    batch.finished_at = timezone.now()
    batch.save(update_fields=["finished_at"])
    return ImportReport(
        batch_id=batch.pk,
        planned=batch.planned,
        imported=batch.imported,
        skipped=batch.skipped,
        failed=batch.failed,
        seconds=time.perf_counter() - began,
        log_path=batch.log_path,
        problems=[Problem(p.source, p.message) for p in batch.problems.all()],
    )


class _Run:
    """The per-unit decisions; counts what it finishes itself on the batch row."""

    def __init__(
        self,
        batch: ImportBatch,
        use_queue: bool,
        window: int,
        console: Console,
        author_map: dict[str, int],
    ):
        self.batch, self.use_queue, self.window = batch, use_queue, max(1, window)
        self.author_map = author_map
        self.console, self.progress_at, self.warned = console, time.monotonic(), False
        records = list(ImportedWork.objects.values_list("content_hash", "analysed", "work_id"))
        self.known = {digest for digest, _, _ in records}
        self.unanalysed = {digest: work for digest, analysed, work in records if not analysed}
        self.handled = 0
        self.last_done, self.polled = 0, 0.0
        self.chunk: list[tuple[dict, str]] = []
        self.chunk_bytes = 0

    def handle(self, unit: Unit) -> None:
        """Hash the unit's bytes (or its parsed draft); queue it unless already imported."""
        self.handled += 1
        if unit.draft is not None:
            digest, payload = unit.draft.content_hash, {"draft": unit.draft.to_dict()}
        else:
            content = read_unit(unit)
            if isinstance(content, Problem):
                self.fail(content)
                return
            name, data = content
            digest, payload = bytes_digest(data), file_payload(name, unit.label, data)
        if digest in self.known:
            self.skip(unit.label, digest)
        else:
            self.known.add(digest)
            log.info("%s: importing", unit.label)
            self.add_to_chunk(payload, digest)

    def add_to_chunk(self, payload: dict, digest: str) -> None:
        self.chunk.append((payload, digest))
        self.chunk_bytes += len(payload.get("data", ""))
        if len(self.chunk) >= CHUNK_WORKS or self.chunk_bytes >= CHUNK_BYTES:
            self.send_chunk()

    def send_chunk(self) -> None:
        if self.chunk:
            import_works.delay(self.chunk, self.batch.pk, self.author_map)
            self.chunk, self.chunk_bytes = [], 0

    def fail(self, problem: Problem) -> None:
        log.warning("%s: %s", problem.source, problem.message)
        ImportProblem.objects.create(
            batch=self.batch, source=problem.source, message=problem.message
        )
        ImportBatch.add(self.batch.pk, failed=1)

    def skip(self, label: str, digest: str) -> None:
        work_id = self.unanalysed.pop(digest, None)
        if work_id is not None:  # stored by an interrupted run, analysis never finished
            log.info("%s: already imported; finishing its analysis", label)
            analyse_imported_work.delay(work_id)
        else:
            log.info("%s: already imported", label)
        ImportBatch.add(self.batch.pk, skipped=1)

    def done(self) -> int:
        """Units finished: by this command in eager mode, else as counted on the batch row."""
        if not self.use_queue:
            return self.handled - len(self.chunk)
        counts = ImportBatch.objects.filter(pk=self.batch.pk).values_list(
            "imported", "skipped", "failed"
        )
        done = sum(counts.get())
        self._notice_stalls(done)
        return done

    def _notice_stalls(self, done: int) -> None:
        if done != self.last_done:
            self.progress_at = time.monotonic()
        elif not self.warned and time.monotonic() - self.progress_at > STALL_SECONDS:
            self.warned = True
            self.console.print(
                f"[yellow]No work finished for {STALL_SECONDS} s: is a Celery worker running "
                f"on this broker and queue? (celery -A fanarchive.site.celery worker). "
                f"Ctrl-C is safe: run the same command again to resume.[/yellow]"
            )

    def wait(self, report) -> None:
        """Keep at most `window` works queued ahead of the workers (eager mode never waits)."""
        recent = time.monotonic() - self.polled < POLL_SECONDS
        if self.use_queue and recent and self.queued(self.last_done) < self.window:
            return  # the database is asked a few times a second, not once per work
        done = self.last_done = self.done()
        self.polled = time.monotonic()
        report(done)
        while self.use_queue and self.queued(done) >= self.window:
            time.sleep(POLL_SECONDS)
            done = self.last_done = self.done()
            report(done)

    def queued(self, done: int) -> int:
        """Works sent to the workers and not finished yet (the open chunk is not sent)."""
        return self.handled - len(self.chunk) - done

    def drain(self, report) -> None:
        self.send_chunk()
        done = self.last_done = self.done()
        report(done)
        while self.use_queue and done < self.handled:
            time.sleep(POLL_SECONDS)
            done = self.last_done = self.done()
            report(done)


def _progress(console: Console, show: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        disable=not show,
        refresh_per_second=4,
    )


def _open_log(batch: ImportBatch, log_path: str | Path | None) -> logging.Handler:
    if log_path is None:
        var_dir = Path(getattr(settings, "VAR_DIR", Path.cwd()))
        log_path = var_dir / "imports" / f"import-{batch.pk}.log"
    log_path = Path(log_path)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    batch.log_path = str(log_path)
    batch.save(update_fields=["log_path"])
    return handler


def summary_table(report: ImportReport) -> Table:
    table = Table(title=f"Import {report.batch_id}: problems ({report.failed})", show_lines=False)
    table.add_column("source", overflow="fold")
    table.add_column("problem", overflow="fold")
    for problem in report.problems[:MAX_PROBLEMS_SHOWN]:
        table.add_row(problem.source, problem.message)
    if len(report.problems) > MAX_PROBLEMS_SHOWN:
        table.add_row(f"… {len(report.problems) - MAX_PROBLEMS_SHOWN} more", "see the log file")
    return table


def totals_line(report: ImportReport) -> str:
    return (
        f"imported {report.imported}, already there {report.skipped}, failed {report.failed} "
        f"of {report.planned} in {report.seconds:.1f} s ({report.works_per_second:.1f} works/s); "
        f"log: {report.log_path}"
    )
