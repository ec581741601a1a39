"""Finding 10: two quick submits of "new chapter" (a double click) both read the same last
chapter number; the second insert broke the unique (work, position) constraint: a 500, and
that chapter's text was lost. Numbering now happens under a lock on the work (PostgreSQL) or
in one write transaction at a time (SQLite, IMMEDIATE), with a retry should a number still be
taken; the same form arriving twice is recognised as one chapter."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing, suppress

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from fanarchive.works.models import Chapter, Work
from fanarchive.works.services import add_chapter
from tests.works.helpers import posted_work


def chapter_url(work) -> str:
    return reverse("works:chapter_new", args=[work.pk])


@pytest.mark.django_db
def test_a_number_taken_meanwhile_is_counted_again(author, monkeypatch):
    """The race, replayed: the number read is already taken when the insert comes."""
    work = posted_work(author)  # chapter 1
    real_next = Work.next_position
    stale = iter([1])  # the first count returns the number the other request already took

    def next_position(self):
        return next(stale, None) or real_next(self)

    monkeypatch.setattr(Work, "next_position", next_position)
    chapter = add_chapter(work, "Second", "<p>Text that must not be lost.</p>")
    assert chapter.position == 2
    assert "must not be lost" in Chapter.objects.get(work=work, position=2).body


@pytest.mark.django_db
def test_the_same_form_twice_makes_one_chapter(author_client, author):
    work = posted_work(author)
    form = {"title": "Two", "body": "<p>The second chapter.</p>"}
    first = author_client.post(chapter_url(work), form)
    second = author_client.post(chapter_url(work), form, follow=True)
    assert first.status_code == 302 and second.status_code == 200
    assert "was already added" in second.content.decode()
    assert list(work.chapters.values_list("position", "title")) == [(1, "Start"), (2, "Two")]


@pytest.mark.django_db
def test_two_different_chapters_in_a_row_are_both_kept(author_client, author):
    work = posted_work(author)
    for title in ("Two", "Three"):
        author_client.post(chapter_url(work), {"title": title, "body": f"<p>{title}.</p>"})
    assert list(work.chapters.values_list("position", "title")) == [
        (1, "Start"),
        (2, "Two"),
        (3, "Three"),
    ]


@pytest.fixture
def share_database(tmp_path, monkeypatch):
    """Call it once the test's rows exist: it returns a reader of the rows threads write.
    PostgreSQL: the test database itself. SQLite: the in-memory test database uses
    shared-cache table locks that fail at once where a real file waits (timeout=20, IMMEDIATE
    transactions, as the archive runs it), so the threads work on a file copy of it, reached
    through the same settings; this thread's connection stays on the memory copy."""

    def share():
        if connection.vendor != "sqlite":

            def rows(sql: str) -> list[tuple]:
                with connection.cursor() as cursor:
                    cursor.execute(sql)
                    return cursor.fetchall()

            return rows
        copy = tmp_path / "concurrent.sqlite3"
        connection.ensure_connection()
        with closing(sqlite3.connect(copy)) as target:
            connection.connection.backup(target)
            # The archive's database file is in WAL mode from its first connection on; a fresh
            # copy is not, and two threads switching it at once made one fail ("database is
            # locked" from the connection's PRAGMA, a flaky failure seen in CI).
            target.execute("PRAGMA journal_mode=WAL")
        monkeypatch.setitem(connections.settings["default"], "NAME", str(copy))

        def rows(sql: str) -> list[tuple]:
            with closing(sqlite3.connect(copy)) as database:
                return database.execute(sql).fetchall()

        return rows

    return share


def _submit_together(work, author, bodies: list[str], monkeypatch) -> list[int]:
    """Post one chapter form per body from as many threads, all of them having read the last
    chapter number before any inserts (when the database lets them: with the lock, the others
    wait for the first and the rendezvous gives up after a second)."""
    rendezvous = threading.Barrier(len(bodies))
    real_next = Work.next_position

    def next_position(self):
        number = real_next(self)
        with suppress(threading.BrokenBarrierError):  # serialised: nobody else can read now
            rendezvous.wait(timeout=1)
        return number

    monkeypatch.setattr(Work, "next_position", next_position)
    statuses: list[int] = []

    def submit(body: str) -> None:
        client = Client(raise_request_exception=False)
        client.force_login(author)
        try:
            statuses.append(client.post(chapter_url(work), {"title": "", "body": body}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def chapters_sql(work) -> str:
    return f"SELECT position, body FROM {Chapter._meta.db_table} WHERE work_id = {work.pk} ORDER BY position"


@pytest.mark.django_db(transaction=True)
def test_a_double_click_with_two_texts_keeps_both(author, monkeypatch, share_database):
    work = posted_work(author)
    shared_database = share_database()
    statuses = _submit_together(work, author, ["<p>Text A.</p>", "<p>Text B.</p>"], monkeypatch)
    assert statuses == [302, 302]
    chapters = shared_database(chapters_sql(work))
    assert [position for position, _ in chapters] == [1, 2, 3]
    assert sorted(body for _, body in chapters[1:]) == ["<p>Text A.</p>", "<p>Text B.</p>"]


@pytest.mark.django_db(transaction=True)
def test_a_double_click_with_one_text_makes_one_chapter(author, monkeypatch, share_database):
    work = posted_work(author)
    shared_database = share_database()
    statuses = _submit_together(work, author, ["<p>Same.</p>", "<p>Same.</p>"], monkeypatch)
    assert statuses == [302, 302]
    assert shared_database(chapters_sql(work))[1:] == [(2, "<p>Same.</p>")]


@pytest.mark.django_db
def test_two_editors_the_later_save_is_refused_and_keeps_its_text(author_client, author):
    """Two windows (or two co-authors) open the same chapter; the first saves. The second save
    would silently replace the first one's text: it is refused, with its own text still in
    the form."""
    work = posted_work(author)
    chapter = work.chapters.get()
    url = reverse("works:chapter_edit", args=[work.pk, chapter.pk])
    first, second = author_client.get(url), author_client.get(url)
    revision = second.context["form"]["revision"].value()
    assert revision and first.context["form"]["revision"].value() == revision
    saved = author_client.post(
        url, {"title": "", "body": "<p>First editor.</p>", "revision": revision}
    )
    assert saved.status_code == 302
    refused = author_client.post(
        url, {"title": "", "body": "<p>Second editor.</p>", "revision": revision}
    )
    assert refused.status_code == 409
    assert "Second editor." in refused.content.decode()  # the typed text is not lost
    assert "saved from another window" in refused.content.decode()
    chapter.refresh_from_db()
    assert chapter.body == "<p>First editor.</p>"


@pytest.mark.django_db
def test_an_editor_saving_twice_in_a_row_is_not_refused(author_client, author):
    work = posted_work(author)
    chapter = work.chapters.get()
    url = reverse("works:chapter_edit", args=[work.pk, chapter.pk])
    for text in ("One.", "Two."):
        revision = author_client.get(url).context["form"]["revision"].value()
        body = f"<p>{text}</p>"
        response = author_client.post(url, {"title": "", "body": body, "revision": revision})
        assert response.status_code == 302
    chapter.refresh_from_db()
    assert chapter.body == "<p>Two.</p>"
