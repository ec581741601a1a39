"""Imports add works with the full-text index set up for writing, and leave it set up for
searching however they end; browse_warm repairs an import that was killed."""

import pytest
from django.core.management import call_command
from django.db import connection

from fanarchive.browse.fulltext import BULK_PENDING_KB, TERMS_INDEX, backend_for, bulk_load
from fanarchive.browse.sync import sync_works
from fanarchive.browse.textquery import parse_text_query
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def index_options() -> list[str] | None:
    """The terms index's storage options (None on SQLite, which has no such index)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [TERMS_INDEX])
        return cursor.fetchone()[0] or []


def fast_update() -> bool | None:
    options = index_options()
    return None if options is None else "fastupdate=on" in options


def found(words: str) -> set[int]:
    within, _ = backend_for().search(parse_text_query(words))
    return set(within or [])


def test_works_added_during_a_bulk_load_are_found_during_and_after_it(author):
    expected_during = True if connection.vendor == "postgresql" else None
    with bulk_load():
        assert fast_update() is expected_during
        if expected_during:  # a small pending list: searches during an import stay quick
            assert f"gin_pending_list_limit={BULK_PENDING_KB}" in index_options()
        work = posted_work(author, title="Lanterns")
        sync_works([work.id])
        assert work.id in found("lanterns")
    assert fast_update() in (False, None)
    assert not any("gin_pending_list_limit" in option for option in index_options() or [])
    assert work.id in found("lanterns")


def test_the_index_is_set_back_when_the_import_fails():
    with pytest.raises(RuntimeError), bulk_load():
        raise RuntimeError("the import broke")
    assert fast_update() in (False, None)


def test_browse_warm_finishes_a_bulk_load_that_was_killed(tmp_path, settings):
    settings.VAR_DIR = tmp_path  # the snapshot goes there
    backend_for().begin_bulk_load()  # as an import killed with -9 leaves it
    call_command("browse_warm")
    assert fast_update() in (False, None)
