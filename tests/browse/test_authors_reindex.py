"""Orphaning a work and deleting an account re-file the work in Browse & Search: the byline and
the author sort no longer name the former author (security finding 6, issue 16), and an
orphaned work leaves its former author's series."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from fanarchive.accounts.models import Pseud
from fanarchive.browse.models import WorkIndex
from fanarchive.readers.models import Series, SeriesPart
from fanarchive.readers.services import add_to_series, delete_account, orphan_work
from fanarchive.works.models import Work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user(username="alice", password="a-long-pass-42")


def index_row(work) -> WorkIndex:
    return WorkIndex.objects.get(work_id=work.id)


def test_an_orphaned_work_loses_its_byline_author_sort_and_series(
    alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(alice, title="Left Behind")
        series = Series.objects.create(owner=alice, title="Alice's Saga")
        add_to_series(series, work)
    assert (index_row(work).authors, index_row(work).author_key) == ("alice", "alice")
    with django_capture_on_commit_callbacks(execute=True):
        orphan_work(work, alice)
    row = index_row(work)
    assert (row.authors, row.author_key) == ("orphan_account", "orphan_account")
    assert "alice" not in Client().get(reverse("browse:works")).content.decode()
    assert not SeriesPart.objects.filter(series=series, work=work).exists()
    alice_client = Client()
    alice_client.force_login(alice)
    series_page = alice_client.get(reverse("readers:series", args=[series.pk])).content
    assert b"Left Behind" not in series_page


def test_deleting_an_account_refiles_its_kept_and_shared_works(
    alice, author, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        kept = posted_work(alice, title="Kept After Leaving")
        shared = posted_work(author, title="Written Together")
        shared.pseuds.add(Pseud.default_for(alice))
    assert index_row(shared).authors == "alice, author"
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(alice, keep_works=True)
    assert not get_user_model().objects.filter(username="alice").exists()
    assert index_row(kept).authors == "orphan_account"
    assert index_row(shared).authors == "author"
    assert "alice" not in Client().get(reverse("browse:works")).content.decode()


def test_a_renamed_pseud_is_refiled(alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(alice)
    pseud = Pseud.default_for(alice)
    with django_capture_on_commit_callbacks(execute=True):
        pseud.name = "Zed"
        pseud.save()
    assert (index_row(work).authors, index_row(work).author_key) == ("Zed", "zed")
    assert Work.objects.get(pk=work.pk).pseuds.get().name == "Zed"
