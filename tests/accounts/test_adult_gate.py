"""AO3's adult-content gate: Mature, Explicit and Not Rated works warn first; proceeding,
the preference, the session flag; and the page cache never mixes the gate and the work."""

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.accounts.models import Preference
from fanarchive.tags.models import Tag, TagType
from fanarchive.works.services import set_required_tags
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db
WARNING = "This work could have adult content. If you proceed you have agreed"


def rated(work, name):
    rating = next(t for t in Tag.objects.fixed(TagType.RATING) if t.name == name)
    set_required_tags(work, rating, list(work.tags_of(TagType.WARNING)), [])
    return work


@pytest.fixture
def explicit_work(author):
    return rated(posted_work(author, title="Heat"), "Explicit")


def page(client, url) -> str:
    return client.get(url).content.decode()


@pytest.mark.parametrize("rating", ["Explicit", "Mature", "Not Rated"])
def test_adult_ratings_show_the_warning_first_and_yes_continue_opens_the_work(author, rating):
    work = rated(posted_work(author), rating)
    url = reverse("works:detail", args=[work.pk])
    client = Client()
    gate = client.get(url)
    text = gate.content.decode()
    assert WARNING in text and "Yes, Continue" in text and "Kakashi smiled" not in text
    assert f'href="{url}?view_adult=true"' in text
    assert "no-store" in gate["Cache-Control"]
    assert "Kakashi smiled" in page(client, f"{url}?view_adult=true")
    # The guest's session remembers it, on every chapter address too.
    assert "Kakashi smiled" in page(client, url)


def test_general_and_teen_works_open_straight_away(author):
    for rating in ("General Audiences", "Teen And Up Audiences"):
        work = rated(posted_work(author, title=rating), rating)
        assert WARNING not in page(Client(), reverse("works:detail", args=[work.pk]))


def test_authors_and_readers_with_the_preference_skip_the_warning(
    explicit_work, author, other_user
):
    url = reverse("works:detail", args=[explicit_work.pk])
    client = Client()
    client.force_login(author)
    assert WARNING not in page(client, url)
    client.force_login(other_user)
    assert WARNING in page(client, url)
    prefs = reverse("accounts:preferences", args=[other_user.username])
    assert "Show me adult content without checking." in page(client, prefs)
    assert client.post(prefs, {"view_adult": "on"}).status_code == 302
    assert Preference.objects.get(user=other_user).view_adult
    assert WARNING not in page(client, url)
    client.post(prefs, {})
    assert WARNING in page(client, url)


def test_preferences_are_the_owners_only(author, other_user):
    client = Client()
    client.force_login(other_user)
    assert client.get(reverse("accounts:preferences", args=[author.username])).status_code == 404
    response = client.post(
        reverse("accounts:preferences", args=[author.username]), {"view_adult": "on"}
    )
    assert response.status_code == 404 and not Preference.objects.filter(user=author).exists()


def test_page_cache_never_serves_the_gate_as_the_work_or_the_work_as_the_gate(
    explicit_work, settings
):
    settings.FANARCHIVE_PAGE_CACHE_SECONDS = 60
    url = reverse("works:detail", args=[explicit_work.pk])
    first, second = Client(), Client()
    assert WARNING in page(first, url)
    gate = second.get(url)
    assert WARNING in gate.content.decode() and gate.get("X-Page-Cache") != "hit"
    accepted = first.get(f"{url}?view_adult=true")
    assert "Kakashi smiled" in accepted.content.decode() and accepted.cookies
    assert "Kakashi smiled" in page(first, url)
    # A new guest still gets the warning, from the cache or not.
    assert WARNING in page(Client(), url) and WARNING in page(Client(), f"{url}")
    # A guest who accepted is never handed a cached gate.
    assert WARNING not in page(first, url)
