"""A reader's saved exclusions (tags, creators) and mutes on the listings beyond Browse: the
front page's recent works, bookmark listings and bookmark search (a muted user's bookmarks
are hidden too, as AO3's mute does), someone else's series page and a collection's works.
Guests and the other listings' owners see everything; the cost does not grow with the
number of works hidden."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.accounts.models import Preference
from fanarchive.collections import services as collections
from fanarchive.readers.models import Bookmark, Mute
from fanarchive.readers.services import add_to_series
from fanarchive.tags.models import Tag, TagType
from fanarchive.works.series import create_series
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(author, other_user, django_user_model):
    """author wrote "Kept" and "Grey Rain" (tagged with a synonym of the excluded Angst);
    outsider (muted by the reader) wrote "Paper Moons"."""
    reader = django_user_model.objects.create_user("fan", "fan@example.org", "pw-fan-98765")
    angst = Tag.objects.create(name="Angst", type=TagType.FREEFORM, canonical=True)
    angsty = Tag.objects.create(name="Angsty", type=TagType.FREEFORM, merger=angst)
    kept = posted_work(author, title="Kept Promise")
    sad = posted_work(author, title="Grey Rain")
    sad.add_tags([angsty])
    muted = posted_work(other_user, title="Paper Moons")
    Preference.objects.create(user=reader).excluded_tags.add(angst)
    Mute.objects.create(user=reader, muted=other_user)
    client = Client()
    client.force_login(reader)
    return {"reader": reader, "client": client, "kept": kept, "sad": sad, "muted": muted}


def titles(response) -> set[str]:
    text = response.content.decode()
    return {t for t in ("Kept Promise", "Grey Rain", "Paper Moons") if t in text}


ALL = {"Kept Promise", "Grey Rain", "Paper Moons"}


def test_front_page_leaves_out_excluded_and_muted_works(shelf):
    assert titles(shelf["client"].get(reverse("works:home"))) == {"Kept Promise"}
    assert titles(Client().get(reverse("works:home"))) == ALL


def test_bookmark_listings_leave_out_excluded_works_and_muted_bookmarkers(
    shelf, author, other_user
):
    for work in (shelf["kept"], shelf["sad"], shelf["muted"]):
        Bookmark.objects.create(user=author, work=work)
        Bookmark.objects.create(user=shelf["reader"], work=work)
    Bookmark.objects.create(user=other_user, work=shelf["kept"], notes="<p>by the muted</p>")
    reader, guest = shelf["client"], Client()
    author_page = reverse("readers:user_bookmarks", args=["author"])
    assert titles(reader.get(author_page)) == {"Kept Promise"}
    assert titles(guest.get(author_page)) == ALL
    # The muted user's own bookmarks are hidden, even of a work the reader would see.
    muted_page = reader.get(reverse("readers:user_bookmarks", args=["outsider"]))
    assert titles(muted_page) == set() and b"by the muted" not in muted_page.content
    assert (
        b"by the muted" in guest.get(reverse("readers:user_bookmarks", args=["outsider"])).content
    )
    own = reader.get(reverse("readers:bookmarks"))
    assert titles(own) == {"Kept Promise"}
    assert (
        "Bookmarks matching your preferences (1 excluded tag, 1 muted user)" in own.content.decode()
    )

    search = reverse("search:bookmarks") + "?bookmark_search[query]="
    found = reader.get(search)
    assert titles(found) == {"Kept Promise"} and b"by the muted" not in found.content
    assert b"2 Found" in found.content  # the author's and the reader's own bookmark of it
    assert titles(guest.get(search)) == ALL


def test_someone_elses_series_leaves_out_excluded_parts(shelf, author):
    series = create_series(author, "Seasons", work=shelf["kept"])
    add_to_series(series, shelf["sad"])
    url = reverse("readers:series", args=[series.pk])
    assert titles(shelf["client"].get(url)) == {"Kept Promise"}
    owner = Client()
    owner.force_login(author)
    assert titles(owner.get(url)) == {"Kept Promise", "Grey Rain"}


def test_collection_works_leave_out_excluded_and_muted_works(shelf, author, other_user):
    rare = collections.create_collection(author, "rare", "Rare Pairs")
    collections.add_work(rare, shelf["kept"], author)
    collections.add_work(rare, shelf["sad"], author)
    collections.join(rare, other_user)
    collections.add_work(rare, shelf["muted"], other_user)
    url = reverse("collections:detail", args=["rare"])
    page = shelf["client"].get(url)
    assert titles(page) == {"Kept Promise"}
    assert "Works matching your preferences (1 excluded tag, 1 muted user)" in page.content.decode()
    assert titles(Client().get(url)) == ALL


@pytest.mark.parametrize("name", ["works:home", "readers:bookmarks"])
def test_the_exclusions_cost_the_same_for_two_or_twenty_hidden_works(shelf, other_user, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert shelf["client"].get(reverse(name)).status_code == 200
        return len(captured)

    def more_hidden(count: int) -> None:
        for number in range(count):
            work = posted_work(other_user, title=f"Muted {number}")
            Bookmark.objects.create(user=shelf["reader"], work=work)

    more_hidden(1)
    few = queries()
    more_hidden(19)
    assert queries() == few


def test_front_page_and_series_page_say_that_works_are_not_listed(shelf, author):
    """As the collection, bookmark and search listings do (search/_exclusion_note.html)."""
    series = create_series(author, "Weather", work=shelf["kept"])
    add_to_series(series, shelf["sad"])
    note = "Works matching your preferences"
    for url in (reverse("works:home"), reverse("readers:series", args=[series.pk])):
        assert note in shelf["client"].get(url).content.decode(), url
        assert note not in Client().get(url).content.decode(), url
    owner = Client()
    owner.force_login(author)
    assert note not in owner.get(reverse("readers:series", args=[series.pk])).content.decode()


def test_gifts_page_leaves_out_excluded_works_and_says_so(shelf, author, django_user_model):
    from fanarchive.accounts.models import Pseud
    from fanarchive.works.models import Gift

    friend = django_user_model.objects.create_user("friend", "f@example.org", "pw-friend-9876")
    for work in (shelf["kept"], shelf["sad"]):
        Gift.objects.create(work=work, recipient_name="friend", pseud=Pseud.default_for(friend))
    url = reverse("works:user_gifts", args=["friend"])
    page = shelf["client"].get(url).content.decode()
    assert "Kept Promise" in page and "Grey Rain" not in page
    assert "Works matching your preferences" in page
    assert "Works matching your preferences" not in Client().get(url).content.decode()
