"""`fanarchive analyze`: collect work files, analyse them (in parallel with --workers), print.

Each work is analysed independently, in a worker process when --workers > 1; results are
printed in the order the inputs were given. One unreadable work never stops the others.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.reading import ALL_SUFFIXES

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_BAD_INPUT = 0, 1, 2, 3


@dataclass(frozen=True)
class Job:
    path: str
    fmt: str
    with_text: bool
    width: int
    color: bool


@dataclass(frozen=True)
class Outcome:
    path: str
    status: int
    output: str = ""
    message: str = ""


def collect(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files named directly are taken whatever their suffix (the reader decides); folders are
    searched recursively for supported work files, hidden folders skipped."""
    files: list[Path] = []
    problems: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            try:
                found = _work_files(path)
            except OSError as error:
                problems.append(f"{path}: cannot be listed ({error.strerror or error})")
                continue
            if not found:
                suffixes = " ".join(sorted(ALL_SUFFIXES))
                problems.append(f"{path}: no work files ({suffixes}) in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    return files, problems


def _work_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in ALL_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.is_file()
    )


def analyse_job(job: Job) -> Outcome:
    """Read and analyse one work; never raises (errors become the outcome's message)."""
    from fanarchive.analysis.pipeline import analyze_document
    from fanarchive.analysis.reading import read_path

    try:
        document = read_path(job.path)
        result = {"source": job.path, **analyze_document(document).to_dict()}
        if job.with_text:
            result["text"] = document.text
        return Outcome(job.path, EXIT_OK, _format(result, document.text, job))
    except AnalysisError as error:
        return Outcome(job.path, EXIT_BAD_INPUT, message=str(error))
    except MemoryError:
        return Outcome(job.path, EXIT_BAD_INPUT, message=f"{job.path}: too large to analyse")
    except Exception as error:  # a bug must not lose the other works' results
        return Outcome(
            job.path,
            EXIT_ERROR,
            message=f"internal error while analysing {job.path}: {type(error).__name__}: {error}",
        )


def _format(result: dict, text: str, job: Job) -> str:
    if job.fmt == "text":
        from fanarchive.cli_report import render_report

        return render_report(result, text, job.path, width=job.width, color=job.color)
    if job.fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=2)
    return json.dumps(result, ensure_ascii=False)


def run(paths: list[str], fmt: str = "text", workers: int = 1, with_text: bool = False) -> int:
    files, problems = collect(paths)
    for problem in problems:
        print(f"fanarchive: {problem}", file=sys.stderr)
    width, color = _terminal()
    jobs = [Job(str(f), fmt, with_text, width, color) for f in files]
    statuses = [EXIT_BAD_INPUT] * len(problems)
    as_array = fmt == "json" and len(jobs) > 1
    if as_array:
        sys.stdout.write("[\n")
    for index, outcome in enumerate(_outcomes(jobs, workers)):
        statuses.append(outcome.status)
        if outcome.message:
            print(f"fanarchive: {outcome.message}", file=sys.stderr)
        if outcome.output:
            if as_array and index:
                sys.stdout.write(",\n")
            sys.stdout.write(outcome.output + ("" if as_array else "\n"))
        sys.stdout.flush()
    if as_array:
        sys.stdout.write("\n]\n")
    return _exit_status(statuses)


def _exit_status(statuses: list[int]) -> int:
    if EXIT_ERROR in statuses:
        return EXIT_ERROR
    return EXIT_BAD_INPUT if EXIT_BAD_INPUT in statuses else EXIT_OK


def _outcomes(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    """Outcomes in input order, with a progress bar on stderr when there are several works."""
    if len(jobs) <= 1:
        yield from map(analyse_job, jobs)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("[bold]analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("works"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    with progress:
        task = progress.add_task("analyse", total=len(jobs))
        if workers <= 1:
            results = map(analyse_job, jobs)
            for outcome in results:
                progress.advance(task)
                yield outcome
            return
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        with context.Pool(min(workers, len(jobs))) as pool:
            for outcome in pool.imap(analyse_job, jobs, chunksize=1):
                progress.advance(task)
                yield outcome


def _terminal() -> tuple[int, bool]:
    if sys.stdout.isatty():
        from rich.console import Console

        return Console().width, "NO_COLOR" not in os.environ
    return 100, False
