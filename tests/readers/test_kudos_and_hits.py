import pytest
from django.urls import reverse

from fanarchive.readers.models import Kudos, Reading
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def kudos(client, work):
    return client.post(reverse("readers:kudos", args=[work.pk]))


def test_one_kudos_per_account(client, author, other_user):
    work = posted_work(author)
    client.force_login(other_user)
    kudos(client, work)
    kudos(client, work)
    work.refresh_from_db()
    assert work.kudos_count == 1 and Kudos.objects.filter(work=work).count() == 1
    page = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert "outsider" in page and "left kudos on this work" in page


def test_one_kudos_per_guest_session_and_a_new_guest_counts(client, author):
    from django.test import Client

    work = posted_work(author)
    kudos(client, work)
    kudos(client, work)
    kudos(Client(REMOTE_ADDR="192.0.2.7"), work)  # another guest, from another address
    work.refresh_from_db()
    assert work.kudos_count == 2
    assert "sessionid" in client.cookies  # the guest's only identity: the session


def test_authors_cannot_kudos_their_own_work(author_client, author):
    work = posted_work(author)
    kudos(author_client, work)
    work.refresh_from_db()
    assert work.kudos_count == 0


def test_kudos_on_an_invisible_work_is_404(client, author, other_user):
    work = posted_work(author)
    work.posted = False
    work.save()
    client.force_login(other_user)
    assert kudos(client, work).status_code == 404
    assert not Kudos.objects.exists()


def test_hits_once_per_reader_session_and_none_for_the_author(client, author, other_user):
    work = posted_work(author)
    page = reverse("works:detail", args=[work.pk])
    client.force_login(author)
    client.get(page)
    client.force_login(other_user)
    client.get(page)
    client.get(page)
    work.refresh_from_db()
    assert work.hits_count == 1
    reading = Reading.objects.get(user=other_user, work=work)
    assert reading.visits == 2 and reading.last_read_at


def test_anonymous_readers_get_no_cookie_from_reading(client, author):
    work = posted_work(author)
    response = client.get(reverse("works:detail", args=[work.pk]))
    assert not response.cookies
