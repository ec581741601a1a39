"""Email notices through the queue for real: a comment saved in one process queues its mail
on Redis once committed; a `celery worker` process sends it to a real SMTP server (aiosmtpd),
and tries again a recipient the server refused for the moment (451), only that one.

Needs Redis: FANARCHIVE_TEST_REDIS_URL (set by .ci/run); skipped without it. Runs on a SQLite
file, and on a fresh PostgreSQL database when FANARCHIVE_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import subprocess
import sys

import pytest
from aiosmtpd.controller import Controller

from tests.readers.test_emails import Inbox, free_port
from tests.tasks.test_celery_worker import (  # noqa: F401
    REDIS_URL,
    _wait_for,
    queue_env,
    running_worker,
)

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="FANARCHIVE_TEST_REDIS_URL is not set")


class BusyForOne(Inbox):
    """Refuses one address once with a temporary error (451), as a busy server does."""

    def __init__(self, busy: str) -> None:
        super().__init__()
        self.busy, self.refused = busy, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.busy and not self.refused:
            self.refused += 1
            return "451 4.3.2 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = BusyForOne("outsider@example.org")
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.url = f"smtp://127.0.0.1:{port}"
    yield inbox
    controller.stop()


@pytest.fixture
def mail_worker(queue_env, smtp, tmp_path):  # noqa: F811
    _, env = queue_env
    env.update(EMAIL_URL=smtp.url, FANARCHIVE_MAIL_RETRY_SECONDS="1")
    log = tmp_path / "worker.log"
    with running_worker(env, log):
        yield env, log


SCRIPT = """
import django; django.setup()
from django.contrib.auth import get_user_model
from django.db import transaction
from fanarchive.accounts.models import Pseud
from fanarchive.readers.models import Comment
from fanarchive.readers.notifications import comment_posted
from fanarchive.works.services import WorkParts, create_work
users = get_user_model().objects
author = users.create_user("author", "author@example.org", "pw-author-9876")
outsider = users.create_user("outsider", "outsider@example.org", "pw-outsider-9876")
work = create_work(Pseud.default_for(author), "The River", WorkParts(chapters=[("", "<p>Hi</p>")]))
work.publish()
with transaction.atomic():  # as the comment view: queued once this commits
    first = Comment.objects.create(work=work, user=outsider, body="<p>Lovely</p>")
    comment_posted(first)
with transaction.atomic():
    reply = Comment.objects.create(work=work, user=author, parent=first, body="<p>Thanks</p>")
    comment_posted(reply)
print("queued")
"""


def test_a_worker_mails_comment_notices_and_retries_a_busy_recipient(mail_worker, smtp):
    env, log = mail_worker
    posted = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60
    )
    assert posted.returncode == 0, posted.stderr

    def delivered() -> bool:
        return len(smtp.to("author@example.org")) == 1 and len(smtp.to("outsider@example.org")) == 1

    _wait_for(delivered, 60, "the notices were not mailed", log)
    assert smtp.to("author@example.org")[0]["Subject"] == "[fanarchive] Comment on The River"
    reply = smtp.to("outsider@example.org")[0]
    assert reply["Subject"] == "[fanarchive] Reply to your comment on The River"
    assert smtp.refused == 1  # refused once, then delivered by the retry
    text = log.read_text()  # the worker, not the process that saved the comments, sent them
    assert text.count("Task readers.mail_comment_notices") >= 3  # two notices, one retry
    assert "retry" in text.lower()
