"""Email that really sends: Django's SMTP backend, configured from the environment
(accounts/mailconfig.py), delivering to a real SMTP server (aiosmtpd) on 127.0.0.1 — password
reset, comment, reply and moderation notices, collection submissions, the daily digest —
each kind switched off by its own email preference."""

from __future__ import annotations

import email
import json
import re
import smtplib
import socket
from datetime import timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fanarchive.accounts.mailconfig import email_settings
from fanarchive.collections import services as collections
from fanarchive.collections.models import Participant, Role
from fanarchive.readers import emails
from fanarchive.readers.models import Comment, EmailPreference, InboxItem, Kudos
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


class Inbox:
    """aiosmtpd handler keeping every delivered message."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if address in m["X-Envelope-To"]]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1; the site's mail settings point at it as an operator
    would: EMAIL_URL=smtp://127.0.0.1:PORT."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    for name, value in email_settings({"EMAIL_URL": f"smtp://127.0.0.1:{port}"}).items():
        setattr(settings, name, value)
    settings.FANARCHIVE_SITE_URL = "https://archive.example.org"
    yield inbox
    controller.stop()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit (the mail), as a real request would."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def body(message) -> str:
    return message.get_content()


def comment_as(user, work, text, commit, **extra):
    client = Client()
    if user is not None:
        client.force_login(user)
    url = reverse("readers:comment", args=[work.pk])
    return commit(lambda: client.post(url, {"body": text, **extra}))


def test_the_smtp_backend_is_configured_from_the_environment(smtp, settings):
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"


def test_password_reset_mail_arrives_over_smtp(smtp, author):
    Client().post("/users/password/new", {"email": "author@example.org"})
    (message,) = smtp.to("author@example.org")
    assert "Reset your password" in message["Subject"]
    link = re.search(r"https?://\S+(/users/password/edit/\S+)", body(message)).group(1)
    page = Client().get(link, follow=True)
    assert b"New password" in page.content


def test_comment_and_reply_are_mailed(smtp, commit, author, other_user):
    work = posted_work(author, title="The River")
    comment_as(other_user, work, "<p>Lovely &amp; sad</p>", commit)
    (mail,) = smtp.to("author@example.org")
    assert mail["Subject"] == "[fanarchive] Comment on The River"
    comment = Comment.objects.get()
    text = body(mail)
    assert "outsider left a comment on your work “The River”" in text
    assert "> Lovely & sad" in text
    assert f"https://archive.example.org/works/{work.pk}#comment_{comment.pk}" in text
    assert "https://archive.example.org/users/author/preferences/email" in text
    comment_as(author, work, "Thank you!", commit, parent=comment.pk)
    (reply,) = smtp.to("outsider@example.org")
    assert reply["Subject"] == "[fanarchive] Reply to your comment on The River"
    assert "author replied to your comment" in body(reply)
    assert len(smtp.to("author@example.org")) == 1  # nobody is mailed their own comment


def test_guest_comment_waiting_is_mailed_with_the_queue(smtp, commit, author):
    work = posted_work(author, title="The River")
    comment_as(None, work, "From a guest", commit, name="Visitor")
    (mail,) = smtp.messages
    assert mail["Subject"] == "[fanarchive] Comment awaiting approval on The River"
    assert "A guest comment by Visitor (guest)" in body(mail)
    assert "https://archive.example.org/moderation" in body(mail)


def test_approved_guest_reply_is_mailed_to_the_parent_commenter(smtp, commit, author, other_user):
    work = posted_work(author)
    comment_as(other_user, work, "First!", commit)
    parent = Comment.objects.get()
    comment_as(None, work, "A guest's reply", commit, name="Visitor", parent=parent.pk)
    assert smtp.to("outsider@example.org") == []  # waiting: not yet
    pending = Comment.objects.get(status=Comment.Status.PENDING)
    client = Client()
    client.force_login(author)
    commit(lambda: client.post(reverse("readers:comment_approve", args=[pending.pk])))
    (mail,) = smtp.to("outsider@example.org")
    assert "Visitor (guest) replied to your comment" in body(mail)


def test_turning_off_comment_emails_keeps_the_inbox_notice(smtp, commit, author, other_user):
    EmailPreference.objects.create(user=author, comment_emails_off=True)
    work = posted_work(author)
    comment_as(other_user, work, "Lovely", commit)
    comment_as(None, work, "Guest", commit, name="G")
    assert smtp.messages == []
    assert InboxItem.objects.filter(user=author).count() == 2


def test_no_mail_without_an_address_or_to_a_blocker(smtp, commit, author, other_user):
    from fanarchive.readers.models import Block

    work = posted_work(author)
    Block.objects.create(user=author, blocked=other_user)
    comment_as(other_user, work, "Blocked", commit)
    author.email = ""
    author.save()
    comment_as(None, work, "Guest", commit, name="G")
    assert smtp.messages == []


def test_a_failing_mail_server_loses_no_comment(settings, commit, author, other_user, caplog):
    for name, value in email_settings({"EMAIL_URL": f"smtp://127.0.0.1:{free_port()}"}).items():
        setattr(settings, name, value)
    work = posted_work(author)
    response = comment_as(other_user, work, "Still here", commit)
    assert response.status_code == 302
    assert Comment.objects.filter(body__contains="Still here").exists()
    assert "email to user" in caplog.text


def test_collection_submission_is_mailed_to_its_moderators(
    smtp, commit, author, other_user, django_user_model
):
    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "pw-mod-98765")
    rare = collections.create_collection(other_user, "rare", "Rare Pairs", moderated=True)
    Participant.objects.create(collection=rare, user=moderator, role=Role.MODERATOR)
    work = posted_work(author, title="The River")
    commit(lambda: collections.add_work(rare, work, author))
    assert sorted(m["X-Envelope-To"] for m in smtp.messages) == [
        "mod@example.org",
        "outsider@example.org",
    ]
    mail = smtp.to("mod@example.org")[0]
    assert mail["Subject"] == "[fanarchive] Work submitted to Rare Pairs"
    assert "https://archive.example.org/collections/rare/manage" in body(mail)
    client = Client()
    client.force_login(moderator)
    inbox = client.get(reverse("readers:inbox")).content.decode()
    assert "was submitted to “Rare Pairs” and awaits your approval" in inbox
    assert 'href="/collections/rare/manage"' in inbox
    item = rare.items.get()
    collections.review_item(item, moderator, approve=True)
    assert not InboxItem.objects.filter(kind=InboxItem.Kind.COLLECTION, read=False).exists()


def test_collection_emails_can_be_turned_off(smtp, commit, author, other_user):
    EmailPreference.objects.create(user=other_user, collection_emails_off=True)
    rare = collections.create_collection(other_user, "rare", "Rare Pairs", moderated=True)
    commit(lambda: collections.add_work(rare, posted_work(author), author))
    assert smtp.messages == []


# --- the daily digest ---------------------------------------------------------------------
@pytest.fixture
def news(author, other_user, django_user_model):
    """The author's work got kudos (two accounts, two guests); the outsider subscribes to
    the author, who posts a new work."""
    from fanarchive.readers.models import Subscription

    river = posted_work(author, title="The River")
    second = django_user_model.objects.create_user("second", "second@example.org", "pw-2nd-987")
    for giver in (other_user, second):
        Kudos.objects.create(work=river, user=giver)
    Kudos.objects.create(work=river, guest_session="s1")
    Kudos.objects.create(work=river, guest_session="s2")
    Subscription.objects.create(user=other_user, author=author)
    road = posted_work(author, title="Long Road")
    return river, road


def test_daily_digest_batches_kudos_and_updates_once_a_day(smtp, news, capsys):
    river, road = news
    call_command("send_digests")
    assert "Sent 2 digests" in capsys.readouterr().out
    (kudos_mail,) = smtp.to("author@example.org")
    assert kudos_mail["Subject"] == "[fanarchive] Your daily digest"
    assert "outsider, second and 2 guests left kudos on “The River”." in body(kudos_mail)
    assert f"https://archive.example.org/works/{river.pk}" in body(kudos_mail)
    (update_mail,) = smtp.to("outsider@example.org")
    assert "New work posted: “Long Road”" in body(update_mail)
    assert f"https://archive.example.org/works/{road.pk}" in body(update_mail)
    # Run again the same day: nothing more is sent, even with new kudos.
    Kudos.objects.create(work=river, guest_session="s3")
    call_command("send_digests")
    assert len(smtp.messages) == 2
    assert "2 not due" in capsys.readouterr().out


def test_next_digest_tells_only_what_is_new(smtp, news, author):
    river, _ = news
    call_command("send_digests")
    day_ago = timezone.now() - timedelta(days=1)
    EmailPreference.objects.filter(user=author).update(last_digest_at=day_ago)
    Kudos.objects.filter(work=river).update(created_at=day_ago - timedelta(hours=1))
    Kudos.objects.create(work=river, guest_session="new")
    call_command("send_digests")
    latest = smtp.to("author@example.org")[-1]
    assert "a guest left kudos on “The River”." in body(latest)
    assert "outsider" not in body(latest).split("--")[0]


def test_digest_preferences(smtp, news, author, other_user):
    EmailPreference.objects.create(user=author, kudos_emails_off=True)
    EmailPreference.objects.create(user=other_user, subscription_emails_off=True)
    call_command("send_digests")
    assert smtp.messages == []


def test_digest_leaves_out_a_work_hidden_since(smtp, news, other_user):
    _, road = news
    road.hidden_by_admin = True
    road.save()
    call_command("send_digests")
    assert smtp.to("outsider@example.org") == []


def test_a_failed_digest_is_tried_again(settings, news, author):
    for name, value in email_settings({"EMAIL_URL": f"smtp://127.0.0.1:{free_port()}"}).items():
        setattr(settings, name, value)
    report = emails.send_digests()
    assert report["failed"] == 2 and report["sent"] == 0
    assert not EmailPreference.objects.filter(last_digest_at__isnull=False).exists()


# --- the preferences page -----------------------------------------------------------------
def test_email_preferences_page(author_client, author):
    url = reverse("readers:email_preferences", args=["author"])
    assert url == "/users/author/preferences/email"
    page = author_client.get(url).content.decode()
    for label in (
        "Turn off emails about comments",
        "Turn off emails about kudos",
        "Turn off subscription emails",
        "Turn off emails from collections",
    ):
        assert label in page
    response = author_client.post(url, {"kudos_emails_off": "on"})
    assert response.status_code == 302
    saved = EmailPreference.objects.get(user=author)
    assert saved.kudos_emails_off and not saved.comment_emails_off
    menu = author_client.get(reverse("readers:inbox")).content.decode()
    assert f'href="{url}"' in menu


def test_nobody_else_sees_or_changes_them(client, author, other_user):
    client.force_login(other_user)
    url = reverse("readers:email_preferences", args=["author"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"kudos_emails_off": "on"}).status_code == 404
    assert not EmailPreference.objects.exists()


def test_site_url_must_be_an_address():
    from fanarchive.site.env import ConfigError

    assert email_settings({})["FANARCHIVE_SITE_URL"] == "http://127.0.0.1:8000"
    given = {"FANARCHIVE_SITE_URL": "https://a.example.org/"}
    assert email_settings(given)["FANARCHIVE_SITE_URL"] == "https://a.example.org"
    with pytest.raises(ConfigError, match="FANARCHIVE_SITE_URL"):
        email_settings({"FANARCHIVE_SITE_URL": "archive.example.org"})


# --- through the task queue ------------------------------------------------------------------
@pytest.fixture
def queue_on():
    """Tasks go to a broker (and workers) instead of running in-process."""
    from fanarchive.site.celery import app

    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True


@pytest.fixture
def broker(monkeypatch, queue_on):
    """A broker configured (tasks no longer run in-process); what reaches it is kept, as the
    JSON a worker would read, instead of being sent."""
    from fanarchive.readers import tasks

    queued = []

    def keep(task):
        def apply_async(args=(), kwargs=None, **options):
            queued.append((task, json.loads(json.dumps(args))))

        return apply_async

    for task in (tasks.mail_comment_notices, tasks.mail_collection_notices):
        monkeypatch.setattr(task, "apply_async", keep(task))
    return queued


def test_with_a_broker_the_comment_page_only_queues_its_mail(smtp, commit, broker, author):
    """A slow mail server held the comment page: the mail is now a task, queued once the
    comment is committed, and a worker sends it."""
    from fanarchive.readers.tasks import mail_comment_notices

    work = posted_work(author, title="The River")
    response = comment_as(None, work, "From a guest", commit, name="Visitor")
    assert response.status_code == 302
    assert smtp.messages == []  # nothing sent by the request
    comment = Comment.objects.get()
    assert broker == [(mail_comment_notices, [comment.pk, [[author.pk, "moderation"]]])]
    task, args = broker[0]
    assert task.apply(args=args).get() == 1  # the worker's run
    (mail,) = smtp.to("author@example.org")
    assert mail["Subject"] == "[fanarchive] Comment awaiting approval on The River"


def test_a_broker_that_cannot_be_reached_loses_no_mail(
    smtp, commit, queue_on, monkeypatch, author, caplog
):
    from kombu.exceptions import OperationalError

    from fanarchive.readers.tasks import mail_comment_notices

    def down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6390. Connection refused.")

    monkeypatch.setattr(mail_comment_notices, "apply_async", down)
    comment_as(None, posted_work(author), "From a guest", commit, name="Visitor")
    assert len(smtp.to("author@example.org")) == 1
    assert "could not queue readers.mail_comment_notices" in caplog.text


def run_on_a_worker(task, *args, retries=0):
    """Run a task's body as a worker's try number `retries` (not in-process)."""
    task.push_request(is_eager=False, called_directly=False, retries=retries, args=args)
    try:
        return task.run(*args)
    finally:
        task.pop_request()


def test_a_worker_tries_again_only_the_mails_that_failed(
    settings, smtp, monkeypatch, author, other_user, django_user_model
):
    from celery.exceptions import Retry

    from fanarchive.readers.tasks import mail_comment_notices

    third = django_user_model.objects.create_user("third", "third@example.org", "pw-third-9876")
    work = posted_work(author)
    comment = Comment.objects.create(work=work, user=third, body="<p>Hi</p>", status="published")
    kinds = [[author.pk, "comment"], [other_user.pk, "reply"]]
    refused = {"author@example.org"}
    real_send = emails.EmailMessage.send

    def flaky(message, *args, **kwargs):
        if set(message.to) & refused:
            raise smtplib.SMTPRecipientsRefused({message.to[0]: (451, b"try again later")})
        return real_send(message, *args, **kwargs)

    retried = []

    def retry(args, countdown, max_retries):
        retried.append((args, countdown))
        return Retry("again", when=countdown)

    monkeypatch.setattr(emails.EmailMessage, "send", flaky)
    monkeypatch.setattr(mail_comment_notices, "retry", retry)
    with pytest.raises(Retry):
        run_on_a_worker(mail_comment_notices, comment.pk, kinds)
    assert [m["X-Envelope-To"] for m in smtp.messages] == ["outsider@example.org"]
    assert retried == [((comment.pk, [[author.pk, "comment"]]), 60)]
    # The last try gives up (logged) instead of retrying for ever.
    assert run_on_a_worker(mail_comment_notices, comment.pk, retried[0][0][1], retries=6) == 0
    refused.clear()
    assert run_on_a_worker(mail_comment_notices, comment.pk, retried[0][0][1], retries=1) == 1
    assert len(smtp.to("author@example.org")) == 1
