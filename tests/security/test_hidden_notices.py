"""Finding 8: subscribers got inbox notices (title, chapter title, link) for new chapters of a
work an admin had hidden. No notice now reaches a reader who cannot read the work: hidden
works, drafts, restricted works for accounts that may not log in; and the inbox no longer
shows notices of works that became unreadable since."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fanarchive.readers.models import InboxItem, Series, Subscription
from fanarchive.readers.services import add_to_series
from fanarchive.works.models import Work
from fanarchive.works.services import add_chapter
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def watched(author, other_user):
    """A posted work the outsider subscribes to, both to the work and to its author."""
    work = posted_work(author, title="Watched Work")
    Subscription.objects.create(user=other_user, work=work)
    Subscription.objects.create(user=other_user, author=author)
    return work


def notices(user) -> list[str]:
    return list(InboxItem.objects.filter(user=user).values_list("message", flat=True))


def test_a_new_chapter_of_a_hidden_work_sends_no_notice(watched, other_user):
    Work.objects.filter(pk=watched.pk).update(hidden_by_admin=True)
    add_chapter(watched, "Secret Chapter", "<p>More.</p>")  # `watched` still says not hidden
    assert notices(other_user) == []


def test_a_new_chapter_of_a_visible_work_still_sends_one(watched, other_user):
    add_chapter(watched, "Open Chapter", "<p>More.</p>")
    assert len(notices(other_user)) == 1 and "Open Chapter" in notices(other_user)[0]


def test_a_new_chapter_of_a_draft_sends_no_notice(watched, other_user):
    Work.objects.filter(pk=watched.pk).update(posted=False)
    add_chapter(watched, "Draft Chapter", "<p>More.</p>")
    assert notices(other_user) == []


def test_a_restricted_work_reaches_no_deactivated_account(watched, other_user, django_user_model):
    Work.objects.filter(pk=watched.pk).update(restricted=True)
    active = django_user_model.objects.create_user("reader2", password="pw-long-enough-1")
    Subscription.objects.create(user=active, work=watched)
    django_user_model.objects.filter(pk=other_user.pk).update(is_active=False)
    add_chapter(watched, "Members Only", "<p>More.</p>")
    assert notices(other_user) == []
    assert len(notices(active)) == 1


def test_a_hidden_work_added_to_a_series_sends_no_notice(author, other_user):
    work = posted_work(author, title="Hidden Part")
    series = Series.objects.create(owner=author, title="The Saga")
    Subscription.objects.create(user=other_user, series=series)
    Work.objects.filter(pk=work.pk).update(hidden_by_admin=True)
    work.refresh_from_db()
    work.hidden_by_admin = False  # a stale copy, as a view holds one
    add_to_series(series, work)
    assert notices(other_user) == []


def test_the_inbox_drops_notices_of_works_hidden_since(client, watched, other_user):
    add_chapter(watched, "Before Hiding", "<p>More.</p>")
    client.force_login(other_user)
    assert "Before Hiding" in client.get(reverse("readers:inbox")).content.decode()
    Work.objects.filter(pk=watched.pk).update(hidden_by_admin=True)
    page = client.get(reverse("readers:inbox")).content.decode()
    assert "Before Hiding" not in page and "Watched Work" not in page
