import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.readers.models import Comment
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def post_comment(client, work, body, **extra):
    return client.post(reverse("readers:comment", args=[work.pk]), {"body": body, **extra})


def page_of(client, work):
    return client.get(reverse("works:detail", args=[work.pk])).content.decode()


def test_threaded_comments_on_works_and_chapters(client, author, other_user):
    work = posted_work(author, chapters=2)
    chapter = work.chapters.get(position=2)
    client.force_login(other_user)
    post_comment(client, work, "Loved <em>this</em>!<script>alert(1)</script>")
    top = Comment.objects.get()
    post_comment(client, work, "On chapter two", chapter=chapter.pk)
    client.force_login(author)
    post_comment(client, work, "Thank you!", parent=top.pk)
    reply = Comment.objects.get(parent=top)
    assert reply.user == author and top.body == "<p>Loved <em>this</em>!</p>"
    page = page_of(client, work)
    assert page.index("Loved") < page.index("Thank you!") and "on Chapter 2" in page
    assert "alert(1)" not in page
    work.refresh_from_db()
    assert work.comments_count == 3


def test_guest_comments_wait_for_the_author(author, other_user, django_capture_on_commit_callbacks):
    work = posted_work(author)
    guest = Client()
    post_comment(guest, work, "A guest's words", name="Wanderer")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert "A guest&#x27;s words" not in page_of(Client(), work)
    outsider = Client()
    outsider.force_login(other_user)
    assert outsider.post(reverse("readers:comment_approve", args=[comment.pk])).status_code == 403
    owner = Client()
    owner.force_login(author)
    assert "Wanderer (guest)" in owner.get(reverse("readers:moderation")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # cached pages expire on commit
        owner.post(reverse("readers:comment_approve", args=[comment.pk]))
    assert "Wanderer (guest)" in page_of(Client(), work)


def test_authors_delete_comments_on_their_works_others_cannot(client, author, other_user):
    work = posted_work(author)
    client.force_login(other_user)
    post_comment(client, work, "Nice")
    comment = Comment.objects.get()
    stranger = Client()
    stranger.force_login(author.__class__.objects.create_user("third", password="x-long-pass-1"))
    assert stranger.post(reverse("readers:comment_delete", args=[comment.pk])).status_code == 403
    client.force_login(author)
    client.post(reverse("readers:comment_delete", args=[comment.pk]))
    assert not Comment.objects.exists()


def test_empty_comment_is_refused_with_a_message(client, author, other_user):
    work = posted_work(author)
    client.force_login(other_user)
    response = post_comment(client, work, "   ", follow=True)
    assert not Comment.objects.exists()
    assert "The comment was not posted" in page_of(client, work) or response.status_code == 302
