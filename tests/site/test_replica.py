"""Listings read a PostgreSQL read replica only when it has applied the browse revisions the
node needs (issue 19: "a read-replica router for listings with the revision check on the
replica"); writes and everything else read the primary; the router is inert on SQLite.

A streaming replica is the primary as of some earlier commit. The PostgreSQL test stands one
in with a second connection (alias `replica`) to the test database: inside a REPEATABLE READ
transaction it keeps seeing the snapshot taken when the transaction began, i.e. a replica
lagging behind every later commit; committing that transaction is the replica catching up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.db import OperationalError, connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fanarchive.browse import replica
from fanarchive.browse.filters import BrowseQuery
from fanarchive.browse.models import WorkIndex
from fanarchive.browse.service import HOLDER, browse
from fanarchive.site.env import ConfigError, database_from_url, replica_from_url
from fanarchive.site.routers import ReplicaRouter
from tests.works.helpers import posted_work

POSTGRES = database_from_url("postgres://app@db:5432/archive", Path())
SQLITE = database_from_url("", Path("/tmp/archive.sqlite3"))
STATE_QUERY = "SELECT MAX(revision)"


# ---- settings ------------------------------------------------------------------------------


def test_no_replica_url_means_no_replica():
    assert replica_from_url("", POSTGRES) is None


def test_a_replica_url_is_a_postgres_alias_mirrored_in_tests():
    database = replica_from_url("postgres://reader:pw@replica:5432/archive", POSTGRES)
    assert (database["ENGINE"], database["HOST"], database["USER"]) == (
        "django.db.backends.postgresql", "replica", "reader",
    )  # fmt: skip
    assert database["TEST"] == {"MIRROR": "default"}


@pytest.mark.parametrize(
    ("url", "primary", "message"),
    [
        ("postgres://replica/archive", SQLITE, "DATABASE_URL is not PostgreSQL"),
        ("sqlite:///copy.sqlite3", POSTGRES, "a replica is a PostgreSQL server"),
        ("mysql://replica/archive", POSTGRES, "'mysql' is not supported"),
    ],
)
def test_a_replica_the_archive_cannot_use_stops_start_up_with_a_message(url, primary, message):
    with pytest.raises(ConfigError, match=message):
        replica_from_url(url, primary)


def test_the_router_sends_writes_and_reads_outside_listings_to_the_primary():
    router = ReplicaRouter()
    assert router.db_for_read(WorkIndex) is None and router.db_for_write(WorkIndex) is None
    assert router.allow_migrate("replica", "works") is False
    assert router.allow_migrate("default", "works") is None


# ---- a replica alias beside the test database ----------------------------------------------


@pytest.fixture
def replica_alias():
    """A `replica` alias with the test database's settings, added for one test."""
    connections.settings[replica.REPLICA] = dict(connections.settings["default"])
    database = connections[replica.REPLICA]
    # Django's test case refuses connections to aliases it was not told of when it began;
    # one known by another name counts as created by the test, which this one is.
    database.alias = "replica (added by the test)"
    yield database
    connections[replica.REPLICA].close()
    del connections[replica.REPLICA]
    del connections.settings[replica.REPLICA]


def listed(client, **params) -> list[int]:
    response = client.get(reverse("browse:works"), params)
    assert response.status_code == 200
    listed.read_from = response["X-Browse-Read-From"]
    return [int(i) for i in re.findall(r'data-work-id="(\d+)"', response.content.decode())]


@pytest.mark.django_db
def test_on_sqlite_the_router_is_inert(
    client, author, replica_alias, django_capture_on_commit_callbacks
):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite case")
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Alone")
    with CaptureQueriesContext(replica_alias) as on_replica:
        assert listed(client) == [work.id]
        with replica.listing():
            assert ReplicaRouter().db_for_read(WorkIndex) is None
    assert not replica.configured()
    assert len(on_replica) == 0


# ---- PostgreSQL: lagging and caught up -----------------------------------------------------


def freeze(database) -> None:
    """The replica stops at the current commit (REPEATABLE READ keeps its first snapshot)."""
    with database.cursor() as cursor:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        cursor.execute(f"SELECT count(*) FROM {WorkIndex._meta.db_table}")


def catch_up(database) -> None:
    with database.cursor() as cursor:
        cursor.execute("COMMIT")


LISTED_TABLES = ("browse_workindex", "browse_filtertag", "browse_fulltext", "browse_textterms")


def row_reads(queries) -> list[str]:
    """Reads of the rows a listing shows (not the revision check) among captured queries.
    (The view's catch-up beforehand reads its marks on the primary: it may write.)"""
    return [
        q["sql"]
        for q in queries
        if any(table in q["sql"] for table in LISTED_TABLES)
        and STATE_QUERY not in q["sql"].replace('"', "")
    ]


def replica_sees(database, work_id: int) -> str:
    with database.cursor() as cursor:
        cursor.execute(
            f"SELECT filter_keys FROM {WorkIndex._meta.db_table} WHERE work_id = %s", [work_id]
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_lagging_replica_is_not_read_and_a_caught_up_one_is(
    client, author, replica_alias, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("streaming replicas are PostgreSQL's")
    settings.VAR_DIR = None  # the node builds its index from the database, not a snapshot
    HOLDER.reset()
    open_work = posted_work(author, title="Open")
    soon_restricted = posted_work(author, title="Soon restricted")
    assert replica.configured()
    assert sorted(listed(client)) == sorted([open_work.id, soon_restricted.id])

    freeze(replica_alias)
    soon_restricted.restricted = True
    soon_restricted.save()  # committed on the primary, with its browse rows
    assert "restricted" not in replica_sees(replica_alias, soon_restricted.id).split()
    # A listing read from the replica now would show the restricted work to visitors.
    with (
        CaptureQueriesContext(replica_alias) as on_replica,
        CaptureQueriesContext(connection) as on_primary,
    ):
        assert listed(client, sort="title") == [open_work.id]
    assert listed.read_from == "primary"
    assert len(on_replica) == 1 and STATE_QUERY in on_replica[0]["sql"].replace('"', "")
    assert row_reads(on_primary)  # the index refresh and the page's rows

    catch_up(replica_alias)
    open_work.title = "Open, renamed"
    open_work.save()  # the replica (no lag now) has it as soon as the primary
    with (
        CaptureQueriesContext(replica_alias) as on_replica,
        CaptureQueriesContext(connection) as on_primary,
    ):
        assert listed(client, sort="words") == [open_work.id]
    assert listed.read_from == "replica"
    assert row_reads(on_replica)  # the changed rows and the page's rows came from the replica
    assert not row_reads(on_primary)
    assert HOLDER.index.revision == WorkIndex.objects.order_by("-revision")[0].revision
    assert browse(BrowseQuery(), signed_in=False).works[0].title == "Open, renamed"


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_replica_leaves_listings_on_the_primary(client, author, replica_alias):
    if connection.vendor != "postgresql":
        pytest.skip("streaming replicas are PostgreSQL's")
    HOLDER.reset()
    work = posted_work(author, title="Still listed")
    connections.settings[replica.REPLICA]["PORT"] = "1"  # nothing listens there
    replica_alias.settings_dict["PORT"] = "1"
    replica_alias.close()
    replica._down_until[0] = 0.0
    try:
        assert listed(client) == [work.id]
        assert replica._down_until[0] > 0  # not asked again for a few seconds
    finally:
        replica._down_until[0] = 0.0


@pytest.mark.django_db(transaction=True)
def test_a_listing_whose_replica_read_fails_is_answered_from_the_primary(
    client, author, replica_alias
):
    if connection.vendor != "postgresql":
        pytest.skip("streaming replicas are PostgreSQL's")
    HOLDER.reset()
    work = posted_work(author, title="Answered anyway")
    failed = []

    def cancelled(execute, sql, params, many, context):  # a hot standby cancelling a read
        if "browse_workindex" in sql and STATE_QUERY not in sql.replace('"', ""):
            failed.append(sql)
            raise OperationalError("canceling statement due to conflict with recovery")
        return execute(sql, params, many, context)

    replica._down_until[0] = 0.0
    try:
        with replica_alias.execute_wrapper(cancelled):
            assert listed(client) == [work.id]
        assert failed and replica._down_until[0] > 0
    finally:
        replica._down_until[0] = 0.0
