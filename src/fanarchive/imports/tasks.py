"""Celery tasks of imports: store-and-analyse one draft; finish an interrupted analysis.

A task never raises for one bad work: it records a problem on its batch, so the batch goes on
(and the command, counting outcomes on the batch row, sees it finish).
"""

from __future__ import annotations

import logging

from fanarchive.site.celery import app

log = logging.getLogger("fanarchive.imports")


@app.task(name="imports.import_work")
def import_work(draft: dict, batch_id: int | None = None) -> int | None:
    from fanarchive.imports.drafts import Draft
    from fanarchive.imports.models import ImportBatch, ImportProblem
    from fanarchive.imports.store import AnalysisFailed, import_draft

    source = draft.get("source", "?")
    try:
        _, work_id = import_draft(Draft.from_dict(draft), batch_id)
        return work_id
    except AnalysisFailed as error:  # imported (and counted); the problem is still reported
        log.exception("%s: analysis failed", source)
        if batch_id is not None:
            message = f"{error}: {type(error.__cause__).__name__}: {error.__cause__}"
            ImportProblem.objects.create(batch_id=batch_id, source=source, message=message[:2000])
        return error.work_id
    except Exception as error:  # one work's failure must not stop a batch of thousands
        log.exception("%s: import failed", source)
        if batch_id is not None:
            message = f"import failed: {type(error).__name__}: {error}"
            ImportProblem.objects.create(batch_id=batch_id, source=source, message=message[:2000])
            ImportBatch.count(batch_id, "failed")
        return None


@app.task(name="imports.analyse_imported_work")
def analyse_imported_work(work_id: int) -> None:
    from fanarchive.imports.store import finish_analysis

    finish_analysis(work_id)
