"""Two web nodes (two index holders in one process) cannot miss a committed change, whatever
order the browse flushes of concurrent transactions commit in (issue 19 A).

A slow flush (work 1 restricted) is held open while a fast one (work 2 retitled) runs and a
node refreshes its index in between. Revisions used to be taken when a flush started, so the
slow flush committed a revision below the one the node had already read, and the node kept
listing the restricted work to logged-out visitors until a full re-index."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from fanarchive.browse import sync
from fanarchive.browse.bitmaps import Selection
from fanarchive.browse.models import WorkIndex
from fanarchive.browse.service import IndexHolder
from tests.browse.threads import in_thread
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db(transaction=True)
WAIT = 60  # seconds: only a safety net so a broken run fails instead of hanging


def anonymous_listing(holder: IndexHolder) -> set[int]:
    """What a logged-out visitor's Browse page may list, as the node's index says."""
    return set(holder.current().matches(Selection(exclude=["restricted"])))


def waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )
        return cursor.fetchone()[0] > 0


def settle(thread: threading.Thread) -> None:
    """Until the fast writer has committed or is queued behind the slow one's lock."""
    for _ in range(WAIT * 20):
        thread.join(0.05)
        if not thread.is_alive() or waiting_on_a_lock():
            return
    pytest.fail("the second writer neither finished nor waited on a lock")


def test_a_node_never_skips_a_flush_that_commits_after_a_later_one(author, monkeypatch, settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers at BEGIN (IMMEDIATE): no interleaving to test")
    settings.VAR_DIR = None  # both nodes build their index from the database, not a snapshot
    slow, fast = posted_work(author, title="Slow"), posted_work(author, title="Fast")
    node_a, node_b = IndexHolder(), IndexHolder()
    assert anonymous_listing(node_a) == anonymous_listing(node_b) == {slow.id, fast.id}

    inside_slow_flush, release_slow_flush = threading.Event(), threading.Event()
    real_document = sync._document

    def document(work):  # the slow flush stops here, its transaction open
        if work.id == slow.id and work.restricted:
            inside_slow_flush.set()
            assert release_slow_flush.wait(WAIT)
        return real_document(work)

    monkeypatch.setattr(sync, "_document", document)

    def restrict():
        slow.restricted = True
        slow.save()  # autocommit: the browse flush runs at once, in its own transaction

    def retitle():
        fast.title = "Fast, renamed"
        fast.save()

    slow_writer, slow_errors = in_thread(restrict)
    assert inside_slow_flush.wait(WAIT)
    fast_writer, fast_errors = in_thread(retitle)
    settle(fast_writer)
    node_b.current()  # node B refreshes while the slow flush is still open
    release_slow_flush.set()
    for writer in (slow_writer, fast_writer):
        writer.join(WAIT)
        assert not writer.is_alive()
    assert slow_errors == fast_errors == []

    assert WorkIndex.objects.get(work_id=slow.id).filter_keys.split().count("restricted") == 1
    assert anonymous_listing(node_b) == {fast.id}  # was {slow, fast}: the restriction skipped
    assert anonymous_listing(node_a) == {fast.id}
    assert WorkIndex.objects.get(work_id=fast.id).title == "Fast, renamed"


def test_revisions_are_taken_inside_a_transaction_and_always_grow(db):
    from django.db import transaction

    with pytest.raises(RuntimeError):
        sync.take_revision()
    with transaction.atomic():
        first = sync.take_revision()
        second = sync.take_revision()
    with transaction.atomic():
        third = sync.take_revision()
    assert first < second < third
