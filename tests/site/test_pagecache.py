"""Anonymous readers get cached pages; logged-in users never; a change shows at once."""

import pytest
from django.urls import reverse

from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def test_anonymous_work_page_is_served_from_the_cache_until_the_work_changes(client, author):
    work = posted_work(author)
    url = reverse("works:detail", args=[work.pk])
    first, second = client.get(url), client.get(url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"].startswith("text/html")
    work.title = "The Renamed River"
    work.save()
    third = client.get(url)
    assert third["X-Page-Cache"] == "miss" and b"The Renamed River" in third.content


def test_logged_in_pages_are_never_cached(author_client, author):
    work = posted_work(author)
    url = reverse("works:detail", args=[work.pk])
    author_client.get(url)
    response = author_client.get(url)
    assert "X-Page-Cache" not in response
    assert b"Log out" in response.content or b"logout" in response.content


def test_not_found_and_posts_are_not_cached(client, author):
    assert "X-Page-Cache" not in client.get("/works/999999/")
    assert "X-Page-Cache" not in client.post("/", {})
