"""No phantom works after `restore`: a running web process, and an index snapshot saved before
the restore, must not go on listing a work the backup does not hold.

A restore replaces the browse rows wholesale: the work posted after the backup leaves no row,
hence no newer revision, behind. The restored rows' revisions are above the old index's, so a
running process used to patch its old index (keeping the vanished work), and a saved snapshot
passed the revision check at a cold start. The restore now starts a new browse epoch, which
every index holder checks, and deletes the snapshots under VAR_DIR/browse-index/."""

from __future__ import annotations

import shutil

import pytest
from django.core.management import call_command

from fanarchive.browse.bitmaps import Selection
from fanarchive.browse.models import SyncMark
from fanarchive.browse.service import EPOCH_MARK, IndexHolder, current_epoch, new_epoch
from fanarchive.site.backup import backup, restore
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db(transaction=True)


def listed(holder: IndexHolder) -> set[int]:
    return set(holder.current().matches(Selection()))


def test_restore_leaves_no_phantom_in_a_running_node_or_an_old_snapshot(
    django_user_model, settings, tmp_path
):
    settings.VAR_DIR = tmp_path / "var"
    # As `fanarchive migrate` leaves a database (ids from 1): the restore's flush recreates the
    # archive's fixed rows (wrangler group, required tags) with these ids, as the backup has.
    call_command("flush", interactive=False, verbosity=0)
    author = django_user_model.objects.create_user("author", "a@example.org", "pw-long-12345")
    kept = posted_work(author, title="Kept")
    saved = tmp_path / "backup.json"
    backup(saved)
    phantom = posted_work(author, title="Posted after the backup")

    running = IndexHolder()
    assert listed(running) == {kept.id, phantom.id}
    snapshot = running.save_snapshot()
    elsewhere = shutil.copy(snapshot, tmp_path / "other-machine.pickle")

    restore(saved, replace=True)

    assert not snapshot.exists()  # this machine's snapshot is gone
    assert listed(running) == {kept.id}
    # Another machine's snapshot, made before the restore, is refused at a cold start.
    shutil.copy(elsewhere, snapshot)
    assert listed(IndexHolder()) == {kept.id}


def test_a_snapshot_of_the_current_epoch_is_still_used(author, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    work = posted_work(author)
    node = IndexHolder()
    assert listed(node) == {work.id}
    node.save_snapshot()
    cold = IndexHolder()
    cold.current()
    assert cold.epoch == current_epoch()
    assert listed(cold) == {work.id}


def test_a_new_epoch_makes_a_running_node_rebuild(author, settings):
    settings.VAR_DIR = None
    posted_work(author)
    node = IndexHolder()
    first = node.current()
    assert node.current() is first  # nothing changed: the same index
    assert new_epoch() > 0
    assert node.current() is not first and node.epoch == current_epoch()


def test_a_snapshot_is_not_loaded_into_another_database_of_the_same_name(
    author, settings, tmp_path
):
    """A database made again under the same name (the SQLite file deleted and migrated, a
    test database created anew) starts at epoch 0 with revisions from 1: a snapshot of the
    old one, whose revisions are no higher, used to be loaded and list its works."""
    settings.VAR_DIR = tmp_path / "var"
    old = posted_work(author, title="In the old database")
    node = IndexHolder()
    assert listed(node) == {old.id}
    node.save_snapshot()
    assert node.epoch == current_epoch() > 0  # saving named this database's tables
    SyncMark.objects.filter(name=EPOCH_MARK).delete()  # the new database: no epoch yet
    old.delete()
    assert listed(IndexHolder()) == set()
