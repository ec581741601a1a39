"""Every state-changing request is refused without a CSRF token."""

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.tags.models import Tag, TagType
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db

WORK_POSTS = [
    ("works:edit", {"title": "Changed"}),
    ("works:delete", {}),
    ("works:set_complete", {"complete": "1"}),
    ("works:chapter_new", {"body": "New chapter."}),
    ("insights:suggestions", {"publish": "1"}),
    ("insights:confirm_warnings", {"then": "publish"}),
]


@pytest.mark.parametrize(("name", "data"), WORK_POSTS)
def test_work_actions_need_a_csrf_token(author, name, data):
    work = posted_work(author)
    work.posted = False
    work.save()
    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    assert client.post(reverse(name, args=[work.pk]), data).status_code == 403
    work.refresh_from_db()
    assert (work.title, work.complete, work.posted, work.chapters.count()) == (
        "The River",
        False,
        False,
        1,
    )


@pytest.mark.parametrize("name", ["works:chapter_edit", "works:chapter_delete"])
def test_chapter_actions_need_a_csrf_token(author, name):
    work = posted_work(author, chapters=2)
    chapter = work.chapters.first()
    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    assert client.post(reverse(name, args=[work.pk, chapter.pk]), {"body": "x"}).status_code == 403
    assert work.chapters.count() == 2


def test_wrangling_needs_a_csrf_token(wrangler):
    tag = Tag.objects.create(name="Kashi", type=TagType.CHARACTER)
    client = Client(enforce_csrf_checks=True)
    client.force_login(wrangler)
    assert (
        client.post(reverse("tags:wrangle", args=[tag.pk]), {"action": "canonical"}).status_code
        == 403
    )
    tag.refresh_from_db()
    assert not tag.canonical


def test_logout_needs_a_csrf_token(author):
    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    assert client.post(reverse("accounts:logout")).status_code == 403
    assert "Hi, author" in client.get(reverse("works:dashboard")).content.decode()


def test_every_form_carries_a_token(author_client, author):
    work = posted_work(author)
    for url in (
        reverse("works:new"),
        reverse("works:edit", args=[work.pk]),
        reverse("works:delete", args=[work.pk]),
    ):
        assert 'name="csrfmiddlewaretoken"' in author_client.get(url).content.decode()
