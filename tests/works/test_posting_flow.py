"""AO3's posting flow: Preview then Post, pasted chapters and author's notes, the chapter
editor, Manage Chapter Order."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from fanarchive.works.models import Work
from fanarchive.works.posting import reorder_chapters
from fanarchive.works.services import parts_from_pasted
from tests.works.helpers import posted_work, work_form_data

pytestmark = pytest.mark.django_db

PASTED = """Author's Note: Thanks to my beta, Rin!

Chapter 1: The Start

It was a <em>dark</em> night on the river. "Hello," she said, and waited.

He did not answer for a long while; the water said enough.

A/N: Next chapter soon, I promise.

Chapter 2: The River

The river ran fast that spring. He waded in up to his knees.

She followed him, laughing, and the cold took her breath away.

Author's Note: Please leave a comment!
"""


def test_preview_saves_the_draft_and_shows_it_as_it_will_look(author_client):
    response = author_client.post(reverse("works:new"), work_form_data(preview="1"))
    work = Work.objects.get()
    assert response["Location"] == reverse("works:preview", args=[work.pk])
    page = author_client.get(response["Location"]).content.decode()
    assert '<h2 class="heading">Preview</h2>' in page
    assert "Kakashi smiled at Gai and ran." in page and not work.posted
    assert f'action="{reverse("works:post", args=[work.pk])}"' in page  # Post
    assert f'href="{reverse("works:edit", args=[work.pk])}"' in page  # Edit


def test_post_from_the_preview_publishes_the_draft(
    author_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the analysis runs
        author_client.post(reverse("works:new"), work_form_data(preview="1"))
    work = Work.objects.get()
    work.tag_suggestions.all().delete()  # nothing left for the author to decide
    response = author_client.post(reverse("works:post", args=[work.pk]))
    work.refresh_from_db()
    assert response["Location"] == reverse("works:detail", args=[work.pk])
    assert work.posted and work.published_at is not None


def test_post_waits_for_the_author_to_see_suggested_warnings(
    author_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        author_client.post(reverse("works:new"), work_form_data(preview="1"))
    work = Work.objects.get()
    work.tag_suggestions.create(kind="archive_warning", name="Graphic Depictions Of Violence")
    response = author_client.post(reverse("works:post", args=[work.pk]))
    work.refresh_from_db()
    assert response["Location"] == reverse("insights:suggestions", args=[work.pk])
    assert not work.posted


def test_another_user_cannot_preview_or_post_a_draft(author_client, author, client, other_user):
    author_client.post(reverse("works:new"), work_form_data(preview="1"))
    work = Work.objects.get()
    client.force_login(other_user)
    assert client.get(reverse("works:preview", args=[work.pk])).status_code == 404
    assert client.post(reverse("works:post", args=[work.pk])).status_code == 404
    assert not Work.objects.get().posted


def test_pasted_chapter_headings_make_chapters_and_notes_move_to_the_notes(author_client):
    response = author_client.post(reverse("works:new"), work_form_data(body=PASTED))
    work = Work.objects.get()
    chapters = list(work.chapters.order_by("position"))
    assert response.status_code == 302
    assert [c.title for c in chapters] == ["The Start", "The River"]
    assert "Thanks to my beta, Rin!" in work.notes and "Author's Note" not in work.notes
    assert "Next chapter soon" in chapters[0].endnotes and "A/N" not in chapters[0].endnotes
    assert "Please leave a comment!" in chapters[1].endnotes
    assert "Chapter 2" not in chapters[0].body and "A/N" not in chapters[0].body
    assert "<em>dark</em>" in chapters[0].body  # inline markup typed in plain text kept
    assert "Please leave" not in chapters[1].body


def test_pasted_text_without_headings_or_notes_stays_one_chapter_as_typed():
    assert parts_from_pasted("Just a story.\n\nAnother paragraph of it.") is None
    assert parts_from_pasted("<p>Chapter 1: Start</p><p>Text.</p>") is None  # HTML kept


def test_a_new_chapter_pasted_with_an_authors_note_gets_it_in_its_notes(author_client, author):
    work = posted_work(author)
    body = (
        "A/N: Sorry this took so long!\n\nThe boat drifted on, and nobody rowed.\n\n"
        "They reached the far bank by evening, tired and quiet."
    )
    author_client.post(
        reverse("works:chapter_new", args=[work.pk]),
        {"title": "Crossing", "body": body, "summary": "", "notes": "", "endnotes": ""},
    )
    chapter = work.chapters.get(position=2)
    assert "Sorry this took so long!" in chapter.notes
    assert "Sorry" not in chapter.body and "The boat drifted on" in chapter.body


def test_the_chapter_editor_offers_rich_text_from_a_local_script(author_client, author):
    work = posted_work(author)
    chapter = work.chapters.get()
    page = author_client.get(reverse("works:chapter_edit", args=[work.pk, chapter.pk]))
    html = page.content.decode()
    assert 'data-editor="rich"' in html and "/static/works/chapter_editor.js" in html
    assert "cdn" not in html.lower()
    script = Path(finders.find("works/chapter_editor.js")).read_text(encoding="utf-8")
    assert "contentEditable" in script and '"Rich Text", "HTML"' in script


def test_manage_chapter_order_reorders_the_chapters(author_client, author):
    work = posted_work(author, chapters=3)
    first, second, third = work.chapters.order_by("position")
    page = author_client.get(reverse("works:manage_chapters", args=[work.pk]))
    assert "Manage Chapter Order" in page.content.decode()
    response = author_client.post(
        reverse("works:manage_chapters", args=[work.pk]),
        {f"position_{third.pk}": "1", f"position_{first.pk}": "2", f"position_{second.pk}": "3"},
    )
    assert response.status_code == 302
    order = list(work.chapters.order_by("position").values_list("pk", flat=True))
    assert order == [third.pk, first.pk, second.pk]
    shown = author_client.get(reverse("works:detail", args=[work.pk]) + "?view_full_work=true")
    text = shown.content.decode()
    assert text.index(f"Chapter {1}</a>: {third.title}") < text.index(f": {first.title}")


@pytest.mark.parametrize(
    "numbers", [("1", "1", "2"), ("1", "2", "4"), ("1", "2", ""), ("1", "2", "x"), ("1", "2", "²")]
)
def test_manage_chapter_order_refuses_numbers_that_are_not_one_each(author_client, author, numbers):
    work = posted_work(author, chapters=3)
    chapters = list(work.chapters.order_by("position"))
    data = {f"position_{c.pk}": n for c, n in zip(chapters, numbers, strict=True)}
    response = author_client.post(reverse("works:manage_chapters", args=[work.pk]), data)
    assert response.status_code == 200
    assert "Give each chapter a different number" in response.content.decode()
    assert list(work.chapters.order_by("position")) == chapters


def test_a_visitor_sees_the_new_chapter_order_at_once(author, django_capture_on_commit_callbacks):
    from django.test import Client

    work = posted_work(author, chapters=2)
    first, second = work.chapters.order_by("position")
    visitor, url = Client(), reverse("works:detail", args=[work.pk]) + "?view_full_work=true"
    before = visitor.get(url).content.decode()  # now in the visitors' page cache
    assert before.index(f": {first.title}") < before.index(f": {second.title}")
    with django_capture_on_commit_callbacks(execute=True):
        reorder_chapters(work, [second.pk, first.pk])
    after = visitor.get(url).content.decode()
    assert after.index(f": {second.title}") < after.index(f": {first.title}")


def test_reorder_chapters_needs_every_chapter_once(author):
    work = posted_work(author, chapters=2)
    ids = list(work.chapters.values_list("pk", flat=True))
    with pytest.raises(ValueError):
        reorder_chapters(work, ids[:1])


def test_manage_chapter_order_is_the_authors_only(client, other_user, author):
    work = posted_work(author, chapters=2)
    client.force_login(other_user)
    assert client.get(reverse("works:manage_chapters", args=[work.pk])).status_code == 403


def test_a_new_chapter_previewed_stays_a_draft_until_posted(author_client, author, other_user):
    from django.test import Client

    from fanarchive.insights.services import compose_work_text
    from fanarchive.readers.models import InboxItem, Subscription

    work = posted_work(author)
    Subscription.objects.create(user=other_user, work=work)
    revised = work.revised_at
    response = author_client.post(
        reverse("works:chapter_new", args=[work.pk]),
        {"title": "Later", "body": "The boat came back.", "preview": "1"},
    )
    chapter = work.chapters.get(position=2)
    assert response["Location"] == reverse("works:chapter_preview", args=[work.pk, chapter.pk])
    assert not chapter.posted
    work.refresh_from_db()
    assert work.revised_at == revised and work.chapters_display == "1/?"
    assert not InboxItem.objects.filter(user=other_user).exists()
    preview = author_client.get(response["Location"]).content.decode()
    assert "The boat came back." in preview and "This is a draft chapter" in preview
    client = Client()
    client.force_login(other_user)
    chapter_url = reverse("works:chapter", args=[work.pk, chapter.pk])
    assert client.get(chapter_url).status_code == 404
    assert (
        "The boat came back."
        not in client.get(reverse("works:detail", args=[work.pk])).content.decode()
    )
    assert client.get(response["Location"]).status_code == 403
    assert "The boat came back" not in compose_work_text(work).text  # the public analysis

    author_client.post(reverse("works:chapter_post", args=[work.pk, chapter.pk]))
    chapter.refresh_from_db()
    work.refresh_from_db()
    assert chapter.posted and work.revised_at > revised and work.chapters_display == "2/?"
    assert "New chapter" in InboxItem.objects.get(user=other_user).message
    assert client.get(chapter_url).status_code == 200
