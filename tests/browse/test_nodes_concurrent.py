"""Several writers at once, each with its own node (index holder), on PostgreSQL: after every
commit, no node lists a work to logged-out visitors that the last committed change restricted,
nor hides one it opened (issue 19: "no stale reads").

Each writer toggles its own works' restriction; after its save has returned (the browse flush
committed too) it records the new state, refreshes its node and checks every work whose state
did not change while it looked. Before revisions followed commits, a node that refreshed
between two writers' flushes skipped the slower one's change for good (this test found stale
reads in 2 of 3 runs of that code; the deterministic interleaving is test_commit_order.py)."""

from __future__ import annotations

import random
import threading

import pytest
from django.db import connection

from fanarchive.browse.bitmaps import Selection
from fanarchive.browse.service import IndexHolder
from fanarchive.works.models import Work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db(transaction=True)
WRITERS, WORKS_EACH, EDITS_EACH = 3, 2, 25


class Ledger:
    """The committed restriction of every work, with a change counter per work."""

    def __init__(self, work_ids: list[int]) -> None:
        self.lock = threading.Lock()
        self.state = {work_id: (0, False) for work_id in work_ids}  # (changes, restricted)

    def record(self, work_id: int, restricted: bool) -> None:
        with self.lock:
            self.state[work_id] = (self.state[work_id][0] + 1, restricted)

    def snapshot(self) -> dict[int, tuple[int, bool]]:
        with self.lock:
            return dict(self.state)


def stale_reads(node: IndexHolder, ledger: Ledger) -> list[tuple[int, bool]]:
    before = ledger.snapshot()
    public = set(node.current().matches(Selection(exclude=["restricted"])))
    after = ledger.snapshot()
    return [
        (work_id, restricted)
        for work_id, (changes, restricted) in before.items()
        if after[work_id][0] == changes and (work_id in public) == restricted
    ]


def test_no_node_serves_a_stale_restriction_while_writers_commit_at_once(author, settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time")
    settings.VAR_DIR = None
    works = [posted_work(author, title=f"Work {n}") for n in range(WRITERS * WORKS_EACH)]
    ledger = Ledger([work.id for work in works])
    stale: list = []
    errors: list = []

    def writer(number: int) -> None:
        try:
            own = works[number * WORKS_EACH : (number + 1) * WORKS_EACH]
            node = IndexHolder()
            pick = random.Random(number)
            for _ in range(EDITS_EACH):
                work = Work.objects.get(pk=pick.choice(own).pk)
                work.restricted = not work.restricted
                work.save()  # autocommit: the browse flush has committed when this returns
                ledger.record(work.id, work.restricted)
                stale.extend(stale_reads(node, ledger))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    assert errors == []
    assert stale == []
    assert stale_reads(IndexHolder(), ledger) == []
