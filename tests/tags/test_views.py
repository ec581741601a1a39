"""Tag pages and the wrangling queue."""

import pytest
from django.urls import reverse

from fanarchive.tags.models import Tag, TagType
from fanarchive.tags.services import seed_from_packs
from fanarchive.tags.views import TAGS_PER_PAGE
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def unwrangled():
    seed_from_packs()
    return Tag.objects.create(name="Naruto-kun", type=TagType.CHARACTER)


def test_wrangling_is_for_wranglers_only(client, other_user, unwrangled):
    url = reverse("tags:wrangling")
    assert client.get(url).status_code == 302
    client.force_login(other_user)
    assert client.get(url).status_code == 403
    response = client.post(reverse("tags:wrangle", args=[unwrangled.pk]), {"action": "canonical"})
    assert response.status_code == 403
    unwrangled.refresh_from_db()
    assert not unwrangled.canonical


def test_queue_lists_unwrangled_tags(client, wrangler, unwrangled):
    client.force_login(wrangler)
    page = client.get(reverse("tags:wrangling")).content.decode()
    assert "Naruto-kun" in page and "Uzumaki Naruto" not in page
    page = client.get(reverse("tags:wrangling") + "?type=freeform").content.decode()
    assert "Naruto-kun" not in page


def test_wrangler_makes_a_synonym(client, wrangler, unwrangled):
    client.force_login(wrangler)
    response = client.post(
        reverse("tags:wrangle", args=[unwrangled.pk]),
        {"action": "synonym", "target": "uzumaki naruto", "next": reverse("tags:wrangling")},
    )
    assert response.status_code == 302 and response["Location"] == reverse("tags:wrangling")
    unwrangled.refresh_from_db()
    assert unwrangled.merger == Tag.objects.named("Uzumaki Naruto")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "synonym", "target": ""}, "Name the tag"),
        ({"action": "synonym", "target": "No Such Tag"}, "There is no tag named"),
        ({"action": "synonym", "target": "Naruto"}, "is a Fandom tag"),
        ({"action": "meta", "target": "Gaara"}, "must both be canonical"),
    ],
)
def test_wrangling_mistakes_come_back_as_messages(client, wrangler, unwrangled, data, message):
    client.force_login(wrangler)
    response = client.post(reverse("tags:wrangle", args=[unwrangled.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_wrangler_adds_a_fandom_parent_and_makes_canonical(client, wrangler, unwrangled):
    client.force_login(wrangler)
    client.post(
        reverse("tags:wrangle", args=[unwrangled.pk]), {"action": "parent", "target": "Naruto"}
    )
    client.post(reverse("tags:wrangle", args=[unwrangled.pk]), {"action": "canonical"})
    unwrangled.refresh_from_db()
    assert unwrangled.canonical and [t.name for t in unwrangled.fandoms()] == ["Naruto"]
    assert not Tag.objects.unwrangled().exists()


def test_tag_page_lists_works_tagged_with_its_synonyms(client, author, unwrangled):
    work = posted_work(author)
    work.add_tags([unwrangled])
    canonical = Tag.objects.named("Uzumaki Naruto")
    unwrangled.make_synonym_of(canonical)
    page = client.get(reverse("tags:detail", args=[canonical.pk])).content.decode()
    assert "The River" in page and "Naruto-kun" in page


def test_admin_lists_tags_for_staff(admin_client, unwrangled):
    page = admin_client.get(reverse("admin:tags_tag_changelist") + "?q=kun").content.decode()
    assert "Naruto-kun" in page
    assert (
        admin_client.get(reverse("admin:tags_tag_change", args=[unwrangled.pk])).status_code == 200
    )


def test_the_queues_page_links_keep_its_type_filter(client, wrangler):
    """Page 2 of the characters to wrangle is still characters (the shared pagination keeps
    the page's other parameters)."""
    Tag.objects.bulk_create(
        Tag(name=f"Someone {n:02}", type=TagType.CHARACTER) for n in range(TAGS_PER_PAGE + 1)
    )
    client.force_login(wrangler)
    page = client.get(reverse("tags:wrangling") + "?type=character").content.decode()
    assert 'href="?type=character&amp;page=2"' in page
