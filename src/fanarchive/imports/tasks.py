"""Celery tasks of imports: read, store and analyse one work; finish an interrupted analysis.

A task never raises for one bad work: it records a problem on its batch, so the batch goes on
(and the command, counting outcomes on the batch row, sees it finish).

`payload` is {"draft": Draft.to_dict()} for works already parsed (eFiction dumps), or
{"file": name, "label": source, "data": base64 bytes} for files, which the worker reads: the
command only hashes bytes, so the parsing is spread over the workers too.
"""

from __future__ import annotations

import base64
import logging

from fanarchive.site.celery import app

log = logging.getLogger("fanarchive.imports")


def file_payload(name: str, label: str, data: bytes) -> dict:
    return {"file": name, "label": label, "data": base64.b64encode(data).decode("ascii")}


@app.task(name="imports.import_work")
def import_work(payload: dict, batch_id: int | None = None, digest: str | None = None):
    from fanarchive.imports.drafts import Draft, Problem
    from fanarchive.imports.sources import parse
    from fanarchive.imports.store import AnalysisFailed, import_draft

    if "draft" in payload:
        item = Draft.from_dict(payload["draft"])
    else:
        item = parse(payload["file"], base64.b64decode(payload["data"]), payload["label"])
    if isinstance(item, Problem):
        _problem(batch_id, item.source, item.message, count=True)
        return None
    try:
        _, work_id = import_draft(item, batch_id, digest)
        return work_id
    except AnalysisFailed as error:  # imported (and counted); the problem is still reported
        log.exception("%s: analysis failed", item.source)
        cause = error.__cause__
        _problem(batch_id, item.source, f"{error}: {type(cause).__name__}: {cause}", count=False)
        return error.work_id
    except Exception as error:  # one work's failure must not stop a batch of thousands
        log.exception("%s: import failed", item.source)
        message = f"import failed: {type(error).__name__}: {error}"
        _problem(batch_id, item.source, message, count=True)
        return None


def _problem(batch_id: int | None, source: str, message: str, count: bool) -> None:
    from fanarchive.imports.models import ImportBatch, ImportProblem

    log.warning("%s: %s", source, message)
    if batch_id is not None:
        ImportProblem.objects.create(batch_id=batch_id, source=source, message=message[:2000])
        if count:
            ImportBatch.count(batch_id, "failed")


@app.task(name="imports.analyse_imported_work")
def analyse_imported_work(work_id: int) -> None:
    from fanarchive.imports.store import finish_analysis

    finish_analysis(work_id)
