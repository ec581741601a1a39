"""Random sequences of edits against two nodes (two index holders): after every commit, what
either node lists to a logged-out or logged-in visitor is what the database says, and every
listed row names the work's current authors (issue 19: "filters match the database").

The edits are the write paths that change what a listing may show: posting, restricting,
hiding, unposting, deleting, retitling, orphaning, a co-author added. Node B refreshes only
when Hypothesis says so, so it also catches up over several commits at once."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fanarchive.accounts.models import Pseud
from fanarchive.browse.bitmaps import Selection
from fanarchive.browse.models import WorkIndex
from fanarchive.browse.service import IndexHolder
from fanarchive.readers.services import orphan_work
from fanarchive.works.models import Work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db
EDITS = ["post", "restrict", "unrestrict", "hide", "unhide", "unpost", "delete", "retitle",
         "orphan", "coauthor"]  # fmt: skip


def edit(kind: str, pick: int, users) -> None:
    works = list(Work.objects.order_by("id"))
    if kind == "post" or not works:
        posted_work(users[pick % len(users)], title=f"Work {len(works)}")
        return
    work = works[pick % len(works)]
    if kind in ("restrict", "unrestrict"):
        work.restricted = kind == "restrict"
    elif kind in ("hide", "unhide"):
        work.hidden_by_admin = kind == "hide"
    elif kind == "unpost":
        work.posted = False
    elif kind == "delete":
        work.delete()
        return
    elif kind == "retitle":
        work.title = f"{work.title} again"
    elif kind == "orphan":
        owner = work.pseuds.exclude(user__username="orphan_account").first()
        if owner is not None:
            orphan_work(work, owner.user)
        return
    elif kind == "coauthor":
        work.pseuds.add(Pseud.default_for(users[(pick + 1) % len(users)]))
        return
    work.save()


def truth() -> tuple[set[int], set[int]]:
    listed = Work.objects.filter(posted=True, hidden_by_admin=False)
    public = set(listed.filter(restricted=False).values_list("id", flat=True))
    return public, set(listed.values_list("id", flat=True))


def check(node: IndexHolder) -> None:
    index = node.current()
    public, members = truth()
    assert set(index.matches(Selection(exclude=["restricted"]))) == public
    assert set(index.matches(Selection())) == members
    for work in Work.objects.filter(id__in=members).prefetch_related("pseuds"):
        names = ", ".join(pseud.name for pseud in work.pseuds.all())
        assert WorkIndex.objects.get(work_id=work.id).authors == names


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(EDITS), st.integers(0, 20), st.booleans()),
        min_size=1,
        max_size=12,
    )
)
def test_both_nodes_list_what_the_database_says_after_every_commit(
    steps, author, other_user, django_capture_on_commit_callbacks, settings_fixture
):
    settings_fixture.VAR_DIR = None  # both nodes build from the database
    node_a, node_b = IndexHolder(), IndexHolder()
    for kind, pick, refresh_b in steps:
        with django_capture_on_commit_callbacks(execute=True):  # one commit per edit
            edit(kind, pick, [author, other_user])
        check(node_a)
        if refresh_b:
            check(node_b)
    check(node_b)


@pytest.fixture
def settings_fixture(settings):
    return settings
