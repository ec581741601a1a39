"""Listings read from a PostgreSQL streaming replica, but only when it has caught up.

With `FANARCHIVE_REPLICA_URL` set, the settings add a `replica` database alias and the router
`site.routers.ReplicaRouter`. A listing (`service.browse`) first reads the newest browse
revisions and epoch on the primary, as every listing does (one indexed query), then the same
on the replica. Only when the replica has applied at least those revisions, under the same
epoch, does the listing read from it: the index refresh (changed rows, tag names, a rebuild),
full-text look-ups and the page's rows. Otherwise everything is read from the primary, so a
lagging replica can never make a node list what the primary has already changed (a
restricted work stays unlisted to logged-out visitors from the commit on). Writes, and every
read outside a listing, always go to the primary. A replica that cannot be reached, or that
cancels a read (a conflict with recovery), is left alone for a few seconds (logged), and the
listing is answered from the primary.

Inert on SQLite, and when no replica is configured (`make serve`, the tests).
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

log = logging.getLogger(__name__)
REPLICA = "replica"
RETRY_AFTER_SECONDS = 5.0  # a replica that failed is not asked again before this

_local = threading.local()  # per request thread: is a listing running, and where it reads
_down_until = [0.0]


def configured() -> bool:
    """A replica alias exists and both it and the primary are PostgreSQL."""
    if REPLICA not in connections.settings:
        return False
    engines = (connections.settings[a]["ENGINE"] for a in (DEFAULT_DB_ALIAS, REPLICA))
    return all(engine.endswith("postgresql") for engine in engines)


def read_alias() -> str | None:
    """The alias a listing reads from right now (None outside a listing: the primary)."""
    return getattr(_local, "alias", None)


def read_connection():
    return connections[read_alias() or DEFAULT_DB_ALIAS]


@contextmanager
def listing() -> Iterator[None]:
    """The scope of one listing: the index refresh inside it may choose the replica, and the
    choice holds for the listing's remaining reads; outside it everything reads the primary."""
    outer = getattr(_local, "listing", False), read_alias()
    _local.listing, _local.alias = True, None
    try:
        yield
    finally:
        _local.listing, _local.alias = outer


def in_listing(function):
    """Decorator: the function is one listing (see `listing`). A listing whose replica read
    failed (the replica went away, or cancelled the query in a conflict with recovery) is
    answered again from the primary, and the replica is left alone for a while."""

    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        with listing():
            try:
                return function(*args, **kwargs)
            except DatabaseError as error:
                if read_alias() != REPLICA:
                    raise
                _set_aside(error)
        with listing():
            return function(*args, **kwargs)

    return wrapped


def _set_aside(error: Exception) -> None:
    _down_until[0] = time.monotonic() + RETRY_AFTER_SECONDS
    log.warning("replica read failed (%s); listings read the primary for a while", error)
    connections[REPLICA].close()


def choose(primary_state: tuple[int, int, int], state_of) -> tuple[str, tuple[int, int, int]]:
    """(alias, state) a listing reads from: the replica with its own state when it is at
    least `primary_state` (newest work revision, newest tag revision, epoch), else the
    primary with `primary_state`. `state_of(alias)` reads an alias's state. Sets the alias
    for the rest of the listing; outside a listing, always the primary."""
    alias, state = DEFAULT_DB_ALIAS, primary_state
    if getattr(_local, "listing", False) and configured() and time.monotonic() >= _down_until[0]:
        try:
            replica_state = state_of(REPLICA)
        except DatabaseError as error:
            _set_aside(error)
        else:
            if caught_up(replica_state, primary_state):
                alias, state = REPLICA, replica_state
    _local.alias = alias if alias != DEFAULT_DB_ALIAS else None
    return alias, state


def caught_up(replica: tuple[int, int, int], primary: tuple[int, int, int]) -> bool:
    """The replica has applied every browse change the primary had committed when read.

    Revisions are committed in the order they are taken (browse.sync.take_revision) and a
    replica replays commits in the primary's order, so a replica whose newest revision is R
    holds every change numbered up to R."""
    work, tag, epoch = replica
    return epoch == primary[2] and work >= primary[0] and tag >= primary[1]


__all__ = [
    "REPLICA", "configured", "listing", "in_listing", "choose", "caught_up", "read_connection",
]  # fmt: skip
