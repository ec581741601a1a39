"""Inbox notices for authors and commenters: comments, replies, guest comments waiting for
moderation, kudos; none for hidden works or from blocked users; account pages in the menu."""

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.readers.models import Block, Comment, InboxItem
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def comment_on(client, work, body, **extra):
    return client.post(reverse("readers:comment", args=[work.pk]), {"body": body, **extra})


def inbox_of(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("readers:inbox")).content.decode()


def test_comment_and_reply_notify_authors_and_parent_commenter(
    client, author, other_user, django_user_model
):
    work = posted_work(author)
    client.force_login(other_user)
    comment_on(client, work, "Lovely work")
    top = Comment.objects.get()
    third = django_user_model.objects.create_user("third", password="x-pass-123456")
    client.force_login(third)
    comment_on(client, work, "Agreed!", parent=top.pk)
    reply = Comment.objects.get(parent=top)
    page = inbox_of(client, author)
    assert "outsider left a comment on" in page and "third left a comment on" in page
    assert f"#comment_{top.pk}" in page
    page = inbox_of(client, other_user)
    assert "third replied to your comment on" in page and f"#comment_{reply.pk}" in page
    # Nobody hears of their own comment.
    assert not InboxItem.objects.filter(user=third).exists()


def test_guest_comment_notifies_authors_with_a_link_to_the_queue(author):
    work = posted_work(author)
    comment_on(Client(), work, "From a guest", name="Visitor")
    page = inbox_of(Client(), author)
    assert "A guest comment by Visitor (guest) on" in page and "waiting for your approval" in page
    assert f'href="{reverse("readers:moderation")}"' in page


def test_kudos_notices_are_batched_per_work_while_unread(author, other_user, django_user_model):
    work = posted_work(author)
    for reader in (other_user, django_user_model.objects.create_user("r2", password="pw-r2-9876")):
        client = Client()
        client.force_login(reader)
        client.post(reverse("readers:kudos", args=[work.pk]))
    Client().post(reverse("readers:kudos", args=[work.pk]), REMOTE_ADDR="10.0.0.9")
    item = InboxItem.objects.get(user=author)
    assert item.kind == InboxItem.Kind.KUDOS and item.count == 3
    assert "You got 3 kudos on" in inbox_of(Client(), author)
    item.read = True
    item.save()
    Client().post(reverse("readers:kudos", args=[work.pk]), REMOTE_ADDR="10.0.0.10")
    assert InboxItem.objects.filter(user=author, read=False).get().count == 1


def test_no_notice_for_a_hidden_work(author, other_user):
    work = posted_work(author)
    client = Client()
    client.force_login(other_user)
    comment_on(client, work, "Before hiding")
    work.hidden_by_admin = True
    work.save()
    comment_on(client, work, "After hiding")
    assert InboxItem.objects.filter(user=author).count() <= 1
    assert "left a comment" not in inbox_of(Client(), author)


def test_no_notice_from_a_blocked_user(author, other_user, django_user_model):
    work = posted_work(other_user)
    client = Client()
    client.force_login(author)
    comment_on(client, work, "Mine")
    top = Comment.objects.get()
    Block.objects.create(user=author, blocked=other_user)
    client.force_login(other_user)
    comment_on(client, work, "A reply from someone blocked", parent=top.pk)
    assert not InboxItem.objects.filter(user=author).exists()


def test_notices_from_a_user_blocked_later_leave_the_inbox(author, other_user):
    work = posted_work(author)
    client = Client()
    client.force_login(other_user)
    comment_on(client, work, "Hello")
    assert "outsider left a comment" in inbox_of(Client(), author)
    Block.objects.create(user=author, blocked=other_user)
    assert "outsider left a comment" not in inbox_of(Client(), author)


def test_menu_links_the_moderation_queue_blocked_users_and_account_deletion(author_client):
    page = author_client.get(reverse("works:dashboard")).content.decode()
    for name in ("readers:moderation", "readers:blocked", "readers:delete_account"):
        assert f'href="{reverse(name)}"' in page


def test_an_approved_guest_reply_tells_the_parent_commenter(author, other_user):
    work = posted_work(author)
    client = Client()
    client.force_login(other_user)
    comment_on(client, work, "First!")
    top = Comment.objects.get()
    comment_on(Client(), work, "A guest answers", parent=top.pk, name="Visitor")
    guest_reply = Comment.objects.get(parent=top)
    assert not InboxItem.objects.filter(user=other_user).exists()  # not until approved
    client.force_login(author)
    client.post(reverse("readers:comment_approve", args=[guest_reply.pk]))
    page = inbox_of(client, other_user)
    assert "Visitor (guest) replied to your comment on" in page
    moderation = InboxItem.objects.get(user=author, kind=InboxItem.Kind.MODERATION)
    assert moderation.read


def test_empty_inbox_says_what_arrives_and_links_email_preferences(author):
    page = inbox_of(Client(), author)
    assert "works submitted to collections you moderate" in page
    assert 'href="/users/author/preferences/email"' in page
