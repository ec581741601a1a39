"""A query in one gunicorn thread never sees a batch of changes half applied by another.

`apply_changes` re-files works in the shared index in place. The reader below takes the index,
pauses, and searches while a writer thread is held after re-filing the first of many restricted
works. Before the read/write lock the reader counted a listing that was neither the old one nor
the new one (one work restricted, the rest not)."""

from __future__ import annotations

import threading

import pytest

from fanarchive.browse import service
from fanarchive.browse.bitmaps import BrowseIndex
from fanarchive.browse.filters import BrowseQuery
from fanarchive.browse.models import WorkIndex
from fanarchive.browse.service import HOLDER, run_query
from tests.browse import corpus
from tests.browse.threads import in_thread

pytestmark = pytest.mark.django_db(transaction=True)
WAIT = 30  # seconds: a safety net so a broken run fails instead of hanging
PAUSE = 1  # seconds a paused thread gives the other one to run into the half-applied state


def anonymous_total() -> int:
    return run_query(BrowseQuery(), signed_in=False)[0].total


def restrict_every_work() -> int:
    rows = list(WorkIndex.objects.exclude(filter_keys__contains="restricted"))
    for row in rows:
        row.filter_keys += " restricted"
        row.revision = 2
    WorkIndex.objects.bulk_update(rows, ["filter_keys", "revision"])
    return len(rows)


def test_a_query_sees_the_old_or_the_new_index_never_half(monkeypatch):
    corpus.load(generated=40)
    before = anonymous_total()
    assert before > 2
    assert restrict_every_work() == before

    reader_holds, writer_midway, reader_done = (threading.Event() for _ in range(3))
    seen: list[int] = []
    resolve_tags, upsert = service.resolve_tags, BrowseIndex.upsert

    def paused_resolve(*args, **kwargs):  # runs after the reader has taken the index
        result = resolve_tags(*args, **kwargs)
        if threading.current_thread().name == "reader":
            reader_holds.set()
            writer_midway.wait(PAUSE)
        return result

    def paused_upsert(self, entry):
        upsert(self, entry)
        if not writer_midway.is_set():
            writer_midway.set()
            reader_done.wait(PAUSE)

    monkeypatch.setattr(service, "resolve_tags", paused_resolve)
    monkeypatch.setattr(BrowseIndex, "upsert", paused_upsert)

    def read():
        try:
            seen.append(anonymous_total())
        finally:
            reader_done.set()

    # The holder has read revision 1; it learns of revision 2 only once the reader holds its
    # index, so the writer thread is the one applying the batch.
    monkeypatch.setattr(service, "database_state", lambda *alias: (1, 1, 0))
    reader, reader_errors = in_thread(read, "reader")
    assert reader_holds.wait(WAIT)
    monkeypatch.setattr(service, "database_state", lambda *alias: (2, 1, 0))
    writer, writer_errors = in_thread(HOLDER.current, "writer")
    for thread in (reader, writer):
        thread.join(WAIT)
        assert not thread.is_alive()
    assert not reader_errors and not writer_errors, reader_errors + writer_errors
    assert writer_midway.is_set()  # the writer did re-file works one by one
    assert seen in ([before], [0]), f"a half-applied index: {seen[0]} of {before} listed"
    assert anonymous_total() == 0


def test_a_reset_between_refresh_and_query_loads_the_index_again(monkeypatch):
    """browse_warm resets the holder; a query caught in between loads the index again."""
    corpus.load(generated=5)
    real_current, calls = HOLDER.current, []

    def current_then_reset():
        index = real_current()
        if not calls:
            HOLDER.reset()
        calls.append(index)
        return index

    monkeypatch.setattr(HOLDER, "current", current_then_reset)
    assert anonymous_total() > 0 and len(calls) == 2
