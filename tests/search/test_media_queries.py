"""/media and /media/NAME/fandoms cost a fixed number of queries however many canonical
fandoms there are (they ran a query or two per fandom), and still count each fandom's
synonyms' and sub tags' works."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fanarchive.search.models import FandomMedia
from fanarchive.tags.models import Tag, TagType
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db
PAGES = [
    reverse("search:media"),
    reverse("search:media_fandoms", args=["Anime & Manga"]),
    reverse("search:media_fandoms", args=["Uncategorized Fandoms"]),
]


def add_fandoms(works, first: int, count: int) -> None:
    """Fandoms number first..first+count-1: every other one filed under Anime & Manga, each
    with a synonym and a sub tag, the synonym on one work and the sub tag on another."""
    for number in range(first, first + count):
        fandom = Tag.objects.create(name=f"Fandom {number:02}", type=TagType.FANDOM, canonical=True)
        synonym = Tag.objects.create(name=f"Fandom {number:02} (TV)", type=TagType.FANDOM)
        synonym.make_synonym_of(fandom)
        sub = Tag.objects.create(
            name=f"Fandom {number:02} RPF", type=TagType.FANDOM, canonical=True
        )
        sub.meta_tags.add(fandom)
        if number % 2:
            FandomMedia.objects.create(fandom=fandom, media="Anime & Manga")
        works[number % len(works)].tags.add(synonym)
        works[(number + 1) % len(works)].tags.add(sub)


def queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("url", PAGES)
def test_media_pages_cost_the_same_for_1_and_30_fandoms(author, url):
    works = [posted_work(author, title=f"Work {n}") for n in range(3)]
    add_fandoms(works, 1, 1)
    client = Client()  # a visitor (each query string is its own cached page)
    few, _ = queries(client, url + "?one")
    add_fandoms(works, 2, 29)
    many, page = queries(client, url + "?thirty")
    assert many == few, (few, many)
    if url == reverse("search:media_fandoms", args=["Anime & Manga"]):
        # Fandom 03: its synonym on work 0 and its sub tag on work 1: two works.
        assert "Fandom 03</a> (2)" in page


def test_filed_under_each_agrees_with_filed_under_one_at_a_time(author):
    from fanarchive.search.services import filed_under_each
    from fanarchive.tags.services import filed_under

    add_fandoms([posted_work(author)], 1, 4)
    top = Tag.objects.get(name="Fandom 01")
    Tag.objects.get(name="Fandom 02").meta_tags.add(top)  # a sub tag with its own sub tag
    Tag.objects.get(name="Fandom 01 RPF").meta_tags.add(Tag.objects.get(name="Fandom 03"))
    top.meta_tags.add(Tag.objects.get(name="Fandom 02 RPF"))  # a cycle is walked once
    fandoms = list(Tag.objects.filter(type=TagType.FANDOM, canonical=True))
    assert filed_under_each(fandoms) == {tag.pk: filed_under(tag) for tag in fandoms}
