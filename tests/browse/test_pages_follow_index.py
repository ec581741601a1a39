"""Cached listings expire after the browse tables they are read from have committed, not only
after the archive's own change (found by a soak with two gunicorn nodes: the page cache's
version was bumped before the browse flush committed, so a node rendering a listing in between
cached the old one under the new version, and kept serving a restricted work to logged-out
visitors for up to a minute)."""

import re

import pytest
from django.urls import reverse

from fanarchive.browse import sync
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def listed(client) -> list[int]:
    response = client.get(reverse("browse:works"))
    assert response.status_code == 200
    return [int(i) for i in re.findall(r'data-work-id="(\d+)"', response.content.decode())]


def test_a_listing_rendered_before_the_flush_commits_is_not_served_after_it(
    client, author, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Soon Restricted")
    assert listed(client) == [work.id]
    real_sync_works = sync._sync_works

    def another_node_renders_first(work_ids, revision):
        # The archive's change has committed and expired the cache; the browse rows have not
        # been written yet: a node rendering the listing now caches the old one.
        assert listed(client) == [work.id]
        real_sync_works(work_ids, revision)

    monkeypatch.setattr(sync, "_sync_works", another_node_renders_first)
    with django_capture_on_commit_callbacks(execute=True):
        work.restricted = True
        work.save()
    monkeypatch.undo()
    assert listed(client) == []
