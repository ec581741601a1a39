"""Finding 11: 500s on `POST /works/N/series/ series=abc`, on `accept=²` ("²".isdigit() is
true, int("²") fails) and, on PostgreSQL, on NUL bytes in names (`/users/%00/works/`,
`/collections/%00/`, `?username=%00`): PostgreSQL refuses NUL in a string. Every such input
is now a 404 or a form message. The NUL cases fail on the old code on PostgreSQL only (SQLite
stores NUL); `make test` runs this file on both."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fanarchive.readers.models import Series
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db

NAMES_WITH_NUL = ["%00", "a%00b", "author%00"]


@pytest.fixture
def series_of_author(author):
    return Series.objects.create(owner=author, title="The Saga")


@pytest.mark.parametrize("value", ["abc", "²", "١", "1.5", "", "-3", "9" * 30, "1\x00"])
def test_adding_to_a_series_with_a_bad_id_is_a_404(author_client, author, value):
    work = posted_work(author)
    response = author_client.post(reverse("readers:series_add", args=[work.pk]), {"series": value})
    assert response.status_code == 404


def test_adding_to_a_series_still_works(author_client, author, series_of_author):
    work = posted_work(author)
    url = reverse("readers:series_add", args=[work.pk])
    response = author_client.post(url, {"series": str(series_of_author.pk)})
    assert response.status_code == 302
    assert series_of_author.parts.filter(work=work).exists()


def test_someone_elses_series_is_a_404(client, author, other_user, series_of_author):
    work = posted_work(other_user)
    client.force_login(other_user)
    url = reverse("readers:series_add", args=[work.pk])
    assert client.post(url, {"series": str(series_of_author.pk)}).status_code == 404


@pytest.mark.parametrize("value", ["²", "³⁴"])
def test_accepting_a_suggestion_with_a_non_ascii_digit_is_no_500(author_client, author, value):
    work = posted_work(author)
    url = reverse("insights:suggestions", args=[work.pk])
    response = author_client.post(url, {"accept": [value]})
    assert response.status_code < 500


@pytest.mark.parametrize("name", NAMES_WITH_NUL)
@pytest.mark.parametrize(
    "path",
    [
        "/users/{}/works/",
        "/users/{}/bookmarks/",
        "/collections/{}/",
        "/collections/{}/manage/",
    ],
)
def test_a_nul_in_a_name_in_the_path_is_a_404(client, other_user, name, path):
    client.force_login(other_user)
    # follow: the same answer whether the URL scheme ends paths in "/" or redirects to it
    assert client.get(path.format(name), follow=True).status_code == 404


@pytest.mark.parametrize("name", NAMES_WITH_NUL)
@pytest.mark.parametrize(
    "path", ["/users/{}/subscribe/", "/users/{}/block/", "/users/{}/mute/", "/collections/{}/join/"]
)
def test_a_nul_in_a_name_posted_to_is_a_404(client, other_user, name, path):
    client.force_login(other_user)
    assert client.post(path.format(name), follow=True).status_code == 404


def test_a_nul_in_the_username_query_is_a_message(client, other_user):
    client.force_login(other_user)
    response = client.get(reverse("readers:blocked") + "?username=au%00thor", follow=True)
    assert response.status_code == 200
    assert "Null characters are not allowed" in response.content.decode()


def test_the_username_query_still_finds_people(client, other_user, author):
    client.force_login(other_user)
    response = client.get(reverse("readers:blocked") + "?username=author", follow=True)
    assert "Block author" in response.content.decode()


def test_names_in_urls_still_resolve(client, author):
    posted_work(author, title="Findable")
    url = reverse("works:user_works", args=["author"])
    assert url.startswith("/users/author/works")
    assert "Findable" in client.get(url).content.decode()
