"""Celery tasks of readers: the email notices of a comment and of a collection submission.

Notices are queued once the transaction that made them commits (readers/notifications.py),
so a slow or unreachable mail server never holds up the page that caused them. With a broker
a worker sends them, and a mail the server refused or could not take (an SMTP error, a
connection that failed) is tried again later, for those recipients only, with backoff: after
1, 2, 4, ... 32 minutes (about an hour in all), then it is logged and given up. Without a
broker (`make serve`, tests) the task runs in-process when the transaction commits, as Celery
runs every task then, and a failed mail is only logged.
"""

from __future__ import annotations

import logging
import os

from fanarchive.site.celery import app, queue_configured

log = logging.getLogger(__name__)
SMTP_RETRIES = 6
# Seconds before the first retry, doubled on each; FANARCHIVE_MAIL_RETRY_SECONDS changes it
# (the worker test uses 1 s).
SMTP_FIRST_RETRY = int(os.environ.get("FANARCHIVE_MAIL_RETRY_SECONDS", "").strip() or 60)
SMTP_RETRY_MAX = 1800


@app.task(name="readers.mail_comment_notices", bind=True)
def mail_comment_notices(self, comment_id: int, kinds: list[list]) -> int:
    """Mail a comment's notices; `kinds`: [user id, notice kind] pairs (JSON has no int keys)."""
    from fanarchive.readers.emails import comment_notices

    wanted = {int(user_id): kind for user_id, kind in kinds}
    mailed = comment_notices(comment_id, wanted)
    if mailed.failed:
        again = [[user_id, wanted[user_id]] for user_id in mailed.failed]
        _retry(self, (comment_id, again))
    return mailed.sent


@app.task(name="readers.mail_collection_notices", bind=True)
def mail_collection_notices(self, work_id: int, collection_id: int, user_ids: list[int]) -> int:
    """Mail a collection's owner and moderators that a work waits for their approval."""
    from fanarchive.readers.emails import collection_notices

    mailed = collection_notices(work_id, collection_id, user_ids)
    if mailed.failed:
        _retry(self, (work_id, collection_id, mailed.failed))
    return mailed.sent


def _retry(task, args: tuple) -> None:
    """On a worker, try the failed recipients again later; in-process the failure is logged
    (emails.send) and the request goes on."""
    request = task.request
    if request.is_eager or request.called_directly:
        return
    if request.retries >= SMTP_RETRIES:
        log.warning("%s: giving up on %s after %d tries", task.name, args, request.retries + 1)
        return
    countdown = min(SMTP_RETRY_MAX, SMTP_FIRST_RETRY * 2**request.retries)
    raise task.retry(args=args, countdown=countdown, max_retries=SMTP_RETRIES)


def queue(task, *args) -> None:
    """Queue a mail task (call it once the transaction commits). A broker that cannot be
    reached loses no mail: the task then runs in-process, and this is logged."""
    try:
        task.delay(*args)
    except Exception:
        if not queue_configured():
            raise  # the task itself failed in-process: on_commit(robust=True) logs it
        log.warning("could not queue %s; mailing in-process", task.name, exc_info=True)
        task.apply(args=args)
