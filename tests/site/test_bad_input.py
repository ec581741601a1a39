"""Every form answers bad input with a message on the form and keeps what was typed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fanarchive.tags.models import Tag, TagType
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db
LONG = "x" * 10_000


def assert_form_error(response, *kept):
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error"' in page or 'class="errorlist' in page
    for value in kept:
        assert value in page


def test_signup_with_a_huge_username(client):
    response = client.post(
        reverse("accounts:signup"),
        {"username": LONG, "password1": "correct-horse-42", "password2": "correct-horse-42"},
    )
    assert_form_error(response, "at most 150 characters")


def test_login_with_a_huge_username(client):
    response = client.post(reverse("accounts:login"), {"username": LONG, "password": "x"})
    assert (
        response.status_code == 200 and "correct username and password" in response.content.decode()
    )


def test_chapter_with_huge_title_and_binary_upload(author_client, author):
    work = posted_work(author)
    url = reverse("works:chapter_new", args=[work.pk])
    response = author_client.post(url, {"title": LONG, "summary": "kept summary", "body": "text"})
    assert_form_error(response, "at most 255 characters", "kept summary")
    response = author_client.post(
        url,
        {
            "title": "Two",
            "upload": SimpleUploadedFile("c.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
            "notes": "kept note",
        },
    )
    assert_form_error(response, "kept note", 'value="Two"')
    assert work.chapters.count() == 1


def test_edit_work_with_a_huge_title(author_client, author):
    work = posted_work(author)
    response = author_client.post(
        reverse("works:edit", args=[work.pk]),
        {"title": LONG, "fandoms": "Naruto", "summary": "kept", "language": "English",
         "rating": Tag.objects.fixed(TagType.RATING)[0].pk, "warnings": [Tag.objects.fixed(TagType.WARNING)[0].pk]},
    )  # fmt: skip
    assert_form_error(response, "at most 255 characters", LONG)
    work.refresh_from_db()
    assert work.title == "The River"


def test_wrangling_with_a_huge_name(client, wrangler):
    tag = Tag.objects.create(name="Kashi", type=TagType.CHARACTER)
    client.force_login(wrangler)
    response = client.post(
        reverse("tags:wrangle", args=[tag.pk]), {"action": "synonym", "target": LONG}
    )
    assert_form_error(response, "at most 150 characters")


def test_tag_names_with_markup_or_too_long(author_client):
    from tests.works.helpers import work_form_data

    response = author_client.post(
        reverse("works:new"), work_form_data(freeforms="<b>bold</b>, " + "y" * 200, summary="kept")
    )
    assert_form_error(response, "cannot use", "at most 150 characters", "kept")


def test_unknown_pages_are_404_not_500(client):
    assert client.get("/works/999999").status_code == 404
    assert client.get("/tags/999999").status_code == 404
    assert client.get("/works/999999/analysis").status_code == 404
    # The old addresses with a trailing slash move for good, then answer the same.
    assert client.get("/works/999999/", follow=True).status_code == 404
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/?page=notanumber").status_code == 200
