"""Celery tasks of imports: read, store and analyse a chunk of works; finish an interrupted
analysis.

A task never raises for one bad work: it records a problem on its batch, so the batch goes on
(and the command, counting outcomes on the batch row, sees it finish). Works travel in chunks
so that a worker commits, and updates the browse index, once per chunk rather than per work.

`payload` is {"draft": Draft.to_dict()} for works already parsed (eFiction dumps), or
{"file": name, "label": source, "data": base64 bytes} for files, which the worker reads: the
command only hashes bytes, so the parsing is spread over the workers too.
"""

from __future__ import annotations

import base64
import logging

from fanarchive.site.celery import app, queue_configured, transient_database_error

log = logging.getLogger("fanarchive.imports")


def file_payload(name: str, label: str, data: bytes) -> dict:
    return {"file": name, "label": label, "data": base64.b64encode(data).decode("ascii")}


@app.task(name="imports.import_works")
def import_works(
    items: list[tuple[dict, str | None]],
    batch_id: int | None = None,
    author_map: dict[str, int] | None = None,
) -> list:
    """Read, store and analyse a chunk of works, (payload, content hash) each, in one
    transaction; returns the work ids of those that could be read (None where storing
    failed); the others are reported on the batch. `author_map`: {byline key: user id} of
    the bylines the admin mapped to accounts (imports.authors)."""
    from fanarchive.imports.drafts import Draft, Problem
    from fanarchive.imports.sources import parse

    drafts = []
    for payload, digest in items:
        if "draft" in payload:
            item = Draft.from_dict(payload["draft"])
        else:
            item = parse(payload["file"], base64.b64decode(payload["data"]), payload["label"])
        if isinstance(item, Problem):
            _problem(batch_id, item.source, item.message)
        else:
            drafts.append((item, digest))
    return [stored.work_id for stored in _import(drafts, batch_id, author_map)] if drafts else []


def _import(drafts: list, batch_id: int | None, author_map: dict[str, int] | None = None) -> list:
    """import_drafts; when the chunk's transaction itself fails (the database refused the
    commit, or the connection broke), each draft again on its own, so one bad draft costs
    only itself and every draft ends counted."""
    from fanarchive.imports.store import (
        Outcome,
        Stored,
        forget_cached_rows,
        import_drafts,
        problem_message,
    )

    try:
        return import_drafts(drafts, batch_id, author_map)
    except Exception as error:
        forget_cached_rows()
        if queue_configured() and transient_database_error(error):
            raise  # no draft is at fault (the database restarted): the task retries the chunk
        if len(drafts) > 1:
            log.warning("a chunk of %d works failed; importing them one by one", len(drafts))
            return [stored for draft in drafts for stored in _import([draft], batch_id, author_map)]
        failed = Stored(drafts[0][0].source, Outcome.FAILED, error=error)
        log.exception("%s: import failed", failed.source)
        _problem(batch_id, failed.source, problem_message(failed))
        return [failed]


def _problem(batch_id: int | None, source: str, message: str) -> None:
    """A work that could not be imported: logged, and counted as failed on its batch."""
    from fanarchive.imports.models import ImportBatch, ImportProblem

    log.warning("%s: %s", source, message)
    if batch_id is not None:
        ImportProblem.objects.create(batch_id=batch_id, source=source, message=message[:2000])
        ImportBatch.add(batch_id, failed=1)


@app.task(name="imports.analyse_imported_work")
def analyse_imported_work(work_id: int) -> None:
    from fanarchive.imports.store import finish_analysis

    finish_analysis(work_id)
