"""Reader preferences beyond the adult gate: AO3's "Hide warnings" and "Hide additional tags",
a saved exclude filter (tags, creators) and muting, applied to every listing server-side, so
totals and pages are those of what the reader sees; the author's Subscribe button."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from fanarchive.accounts.models import Preference
from fanarchive.readers.models import Mute, Subscription
from fanarchive.tags.models import Tag, TagType
from fanarchive.works.services import set_required_tags
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db
WARNING = "Graphic Depictions Of Violence"


@pytest.fixture
def shelf(author, other_user, django_user_model, password):
    """Three works: 'Angst' by author, 'Angsty' (a synonym) by author, 'Light' by a third
    writer; the reader is other_user."""
    writer = django_user_model.objects.create_user("writer", password=password)
    angst = Tag.objects.create(name="Angst", type=TagType.FREEFORM, canonical=True)
    synonym = Tag.objects.create(name="Angsty", type=TagType.FREEFORM, merger=angst)
    fluff = Tag.objects.create(name="Fluff", type=TagType.FREEFORM, canonical=True)
    dark = posted_work(author, title="Dark Water")
    dark.add_tags([angst])
    echo = posted_work(author, title="Echo Chamber")
    echo.add_tags([synonym])
    light = posted_work(writer, title="Light Morning")
    light.add_tags([fluff])
    warning = Tag.objects.get(type=TagType.WARNING, name=WARNING)
    set_required_tags(light, light.rating, [warning], [])
    return {"dark": dark, "echo": echo, "light": light, "writer": writer}


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def titles(client, url) -> set[str]:
    html = client.get(url).content.decode()
    return {t for t in ("Dark Water", "Echo Chamber", "Light Morning") if f">{t}</a>" in html}


def prefs_url(user) -> str:
    return reverse("accounts:preferences", args=[user.get_username()])


def save(client, user, **fields):
    data = {"excluded_tag_names": "", "excluded_author_names": "", **fields}
    return client.post(prefs_url(user), data)


def test_the_preferences_page_has_ao3s_display_choices_and_the_saved_filter(other_user):
    html = logged_in(other_user).get(prefs_url(other_user)).content.decode()
    for label in (
        "Show me adult content without checking.",
        "Hide warnings (you can still choose to show them).",
        "Hide additional tags (you can still choose to show them).",
        "Tags to exclude",
        "Creators to exclude",
    ):
        assert label in html
    assert reverse("readers:blocked") in html  # AO3 links blocked and muted users from here


def test_excluded_tags_leave_browse_search_and_tag_listings_with_their_counts(shelf, other_user):
    client = logged_in(other_user)
    assert titles(client, "/works") == {"Dark Water", "Echo Chamber", "Light Morning"}
    response = save(client, other_user, excluded_tag_names="angst")  # any case
    assert response.status_code == 302
    assert set(
        Preference.objects.get(user=other_user).excluded_tags.values_list("name", flat=True)
    ) == {"Angst"}
    # The synonym's work goes too: the filter is on the canonical tag, as browse files it.
    assert titles(client, "/works") == {"Light Morning"}
    assert titles(client, "/works/search?q=Kakashi") == {"Light Morning"}
    listing = client.get("/works").content.decode()
    assert "1 - 1 of 1 Works" in listing and "1 excluded tag" in listing
    assert client.get("/tags/Angst/works").status_code == 200
    assert titles(client, "/tags/Angst/works") == set()
    assert titles(client, "/users/author/works") == set()
    assert "0 of 0 Works by author" in client.get("/users/author/works").content.decode()
    # The form shows what is saved; clearing it lists everything again.
    assert "Angst</textarea>" in client.get(prefs_url(other_user)).content.decode()
    save(client, other_user)
    assert len(titles(client, "/works")) == 3


def test_other_readers_and_guests_are_not_filtered_and_no_cached_page_crosses(
    shelf, other_user, author
):
    reader = logged_in(other_user)
    save(reader, other_user, excluded_author_names="Writer")
    guest = Client()
    with override_settings(FANARCHIVE_PAGE_CACHE_SECONDS=60):
        assert titles(guest, "/works") == {"Dark Water", "Echo Chamber", "Light Morning"}
        assert guest.get("/works").headers.get("X-Page-Cache") == "hit"
        assert titles(reader, "/works") == {"Dark Water", "Echo Chamber"}
        assert titles(logged_in(author), "/works") == {
            "Dark Water",
            "Echo Chamber",
            "Light Morning",
        }
        assert titles(guest, "/works") == {"Dark Water", "Echo Chamber", "Light Morning"}


def test_excluded_creators_and_muted_users_lose_their_works_from_listings(shelf, other_user):
    client = logged_in(other_user)
    save(client, other_user, excluded_author_names="writer")
    assert titles(client, "/works") == {"Dark Water", "Echo Chamber"}
    assert titles(client, "/users/writer/works") == set()
    html = client.get("/users/writer/works").content.decode()
    assert "1 work by writer is not listed" in html and "No works yet" not in html
    save(client, other_user)
    Mute.objects.create(user=other_user, muted=shelf["writer"])  # AO3's mute hides works
    assert titles(client, "/works") == {"Dark Water", "Echo Chamber"}
    assert "1 muted user" in client.get("/works").content.decode()
    assert "nor their works in Browse" in client.get(reverse("readers:blocked")).content.decode()
    # The work itself still opens from its address.
    assert "Light Morning" in client.get(f"/works/{shelf['light'].pk}").content.decode()


def test_a_readers_own_works_are_never_hidden_as_a_creators(shelf, author, other_user):
    shelf["light"].pseuds.add(author.pseuds.get())  # co-written by author and writer
    client = logged_in(author)
    Mute.objects.create(user=author, muted=shelf["writer"])
    assert "Light Morning" in titles(client, "/works")
    Mute.objects.create(user=other_user, muted=shelf["writer"])
    assert titles(logged_in(other_user), "/users/author/works") == {"Dark Water", "Echo Chamber"}


def test_unknown_names_are_refused_and_nothing_is_saved(shelf, other_user):
    client = logged_in(other_user)
    response = save(client, other_user, excluded_tag_names="Angst, Nope", hide_warnings="on")
    html = response.content.decode()
    assert response.status_code == 200 and "No tag is called “Nope”." in html
    assert not Preference.objects.filter(user=other_user).exists()
    html = save(client, other_user, excluded_author_names="nobody").content.decode()
    assert "No user is called “nobody”." in html
    html = save(client, other_user, excluded_author_names="outsider").content.decode()
    assert "Your own works are always listed for you." in html


def test_hide_warnings_and_additional_tags_fold_them_behind_show_links(shelf, other_user, author):
    client = logged_in(other_user)
    light = shelf["light"]
    work_url = reverse("works:detail", args=[light.pk])
    assert "Show warnings" not in client.get(work_url).content.decode()
    save(client, other_user, hide_warnings="on", hide_freeform="on")
    for url in (work_url, "/works", "/users/writer/works"):
        html = client.get(url).content.decode()
        assert re.search(r'<summary class="warnings"[^>]*>Show warnings</summary>', html), url
        assert re.search(r'<summary class="freeforms"[^>]*>Show additional tags</summary>', html)
        # Folded, not removed: the tags are one click away (and still in the page for tools).
        folded = re.search(r'<details class="hidden-tags warnings".*?</details>', html, re.S)
        assert folded and WARNING in folded.group(0), url
    # Nor does the warning square of a blurb name them.
    front = client.get("/users/writer/works").content.decode()
    assert "Warnings hidden by your preferences" in front
    assert f'title="{WARNING}"' not in front
    # Authors always see their own work's tags; other readers are not affected.
    assert "Show warnings" not in logged_in(shelf["writer"]).get(work_url).content.decode()
    assert "Show warnings" not in logged_in(author).get("/works").content.decode()
    assert "Show warnings" not in Client().get("/works").content.decode()


def test_subscribe_button_on_an_authors_profile_and_works_page(shelf, other_user):
    client = logged_in(other_user)
    for url in ("/users/writer", "/users/writer/works"):
        html = client.get(url).content.decode()
        action = reverse("readers:subscribe_author", args=["writer"])
        assert f'action="{action}"' in html and ">Subscribe</button>" in html, url
    client.post(reverse("readers:subscribe_author", args=["writer"]))
    assert Subscription.objects.filter(user=other_user, author=shelf["writer"]).exists()
    assert ">Unsubscribe</button>" in client.get("/users/writer").content.decode()
    # Not offered to guests (their cached page carries no form) nor on one's own page.
    assert "Subscribe</button>" not in Client().get("/users/writer").content.decode()
    assert (
        "Subscribe</button>" not in logged_in(shelf["writer"]).get("/users/writer").content.decode()
    )
