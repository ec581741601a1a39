"""A listing says which browse revision the node's index answered at (X-Browse-Revision), so
benchmarks/nodes.py can measure how far behind the newest commit a node served (issue 19)."""

import pytest
from django.urls import reverse

from fanarchive.browse.service import HOLDER, latest_revision
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def served_revision(client, **params) -> int:
    response = client.get(reverse("browse:works"), params)
    assert response.status_code == 200
    return int(response["X-Browse-Revision"])


def test_a_listing_names_the_revision_it_answered_at(
    client, author, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="First")
    first = served_revision(client)
    assert first == latest_revision() == HOLDER.index.revision > 0

    with django_capture_on_commit_callbacks(execute=True):
        work.title = "Renamed"
        work.save()
    assert served_revision(client, sort="title") == latest_revision() > first
