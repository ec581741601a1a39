"""Finding 12: tag pages showed tags used only by drafts, hidden or restricted works, to anyone
walking the sequential tag ids. A tag's page now exists for a viewer only when the tag is
canonical or on a work the viewer may read; its relations and its count follow the same rule.
(Tag ids stay sequential: the URL scheme is another issue's; docs/security.md says so.)"""

from __future__ import annotations

import pytest
from django.urls import reverse

from fanarchive.tags.models import Tag, TagType
from fanarchive.works.models import Work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def secret_tag(work, name="Secret Twist") -> Tag:
    tag = Tag.objects.create(name=name, type=TagType.FREEFORM)
    work.add_tags([tag])
    return tag


def tag_url(tag) -> str:
    return reverse("tags:detail", args=[tag.pk])


@pytest.mark.parametrize(
    "state",
    [{"posted": False}, {"hidden_by_admin": True}],
    ids=["draft", "hidden"],
)
def test_a_tag_only_on_an_unreadable_work_has_no_page(client, author, other_user, state):
    work = posted_work(author)
    Work.objects.filter(pk=work.pk).update(**state)
    tag = secret_tag(work)
    assert client.get(tag_url(tag)).status_code == 404
    client.force_login(other_user)
    assert client.get(tag_url(tag)).status_code == 404
    client.force_login(author)  # the author sees their own work's tags
    assert client.get(tag_url(tag)).status_code == 200


def test_a_tag_only_on_a_restricted_work_needs_an_account(client, author, other_user):
    work = posted_work(author, restricted=True)
    tag = secret_tag(work)
    assert client.get(tag_url(tag)).status_code == 404
    client.force_login(other_user)
    assert client.get(tag_url(tag)).status_code == 200


def test_a_tag_on_a_posted_work_has_a_page(client, author):
    tag = secret_tag(posted_work(author), "Open Twist")
    response = client.get(tag_url(tag))
    assert response.status_code == 200 and "Open Twist" in response.content.decode()


def test_canonical_tags_are_shown_even_unused(client):
    tag = Tag.objects.create(name="Some Fandom", type=TagType.FANDOM, canonical=True)
    assert client.get(tag_url(tag)).status_code == 200


def test_a_canonical_tag_lists_only_visible_synonyms_and_counts_visible_works(client, author):
    canonical = Tag.objects.create(name="Kakashi", type=TagType.CHARACTER, canonical=True)
    draft = posted_work(author, title="Draft")
    Work.objects.filter(pk=draft.pk).update(posted=False)
    shown = posted_work(author, title="Shown")
    hidden_name = Tag.objects.create(name="Kakashi Draft Name", type=TagType.CHARACTER)
    open_name = Tag.objects.create(name="Kakashi Open Name", type=TagType.CHARACTER)
    draft.add_tags([hidden_name, canonical])
    shown.add_tags([open_name, canonical])
    for synonym in (hidden_name, open_name):
        synonym.make_synonym_of(canonical)
    page = client.get(tag_url(canonical)).content.decode()
    assert "Kakashi Open Name" in page and "Kakashi Draft Name" not in page
    assert "Works (1)" in page and "Shown" in page and ">Draft<" not in page


def test_wranglers_see_every_tag_and_counts_of_readable_works(client, wrangler, author):
    work = posted_work(author)
    Work.objects.filter(pk=work.pk).update(posted=False)
    tag = secret_tag(work)
    client.force_login(wrangler)
    assert client.get(tag_url(tag)).status_code == 200
    row = client.get(reverse("tags:wrangling")).content.decode().split(f'id="tag-{tag.pk}"')[1]
    assert "<td>0</td>" in row.split("</tr>")[0]  # the draft is not counted


def test_the_old_browse_address_does_not_reveal_the_name_of_a_hidden_tag(client, author):
    work = posted_work(author)
    Work.objects.filter(pk=work.pk).update(posted=False)
    tag = secret_tag(work)
    response = client.get(f"/browse/tags/{tag.pk}/", follow=True)
    assert "Secret" not in response.get("Location", "") + str(response.redirect_chain)


def test_a_hidden_tags_name_answers_as_no_tag(client, author):
    """/tags/NAME/works and its feed: a tag used only on drafts is a 404, like no tag."""
    work = posted_work(author)
    Work.objects.filter(pk=work.pk).update(posted=False)
    tag = secret_tag(work)
    client.get("/works")  # files the tags
    assert client.get(f"/tags/{tag.name}/works").status_code == 404
    assert client.get(f"/tags/{tag.name}/feed.atom").status_code == 404
    assert client.get(f"/works?tag_id={tag.name}").status_code == 404
