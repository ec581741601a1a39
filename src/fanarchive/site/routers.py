"""Database routing: Browse & Search listings may read a caught-up replica; all else, the
primary.

Installed always, inert unless `FANARCHIVE_REPLICA_URL` adds a `replica` database (and the
primary is PostgreSQL). The decision is made per listing by `browse.replica.choose`, which
compares the replica's browse revisions with the primary's; this router only carries it out
for the browse tables' reads within that listing (docs/deploy.md, "Read replicas").
"""

from __future__ import annotations

from fanarchive.browse import replica

BROWSE_APP = "browse"


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        if model._meta.app_label == BROWSE_APP:
            return replica.read_alias()  # None: the primary (Django's default)
        return None

    def db_for_write(self, model, **hints) -> str | None:
        return None  # always the primary

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool | None:
        # A streaming replica receives the schema from the primary; it cannot be written.
        return False if db == replica.REPLICA else None
