"""Rows a test module builds once and all its tests read, as Django's `TestCase.setUpTestData`
does: built inside a transaction that stays open for the module and is rolled back after its
last test, while each test still runs in its own savepoint and leaves the rows as it found
them. For modules whose every test needs the same expensive world of users and works."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def rows_for_the_module(django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
