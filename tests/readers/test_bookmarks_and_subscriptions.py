import pytest
from django.urls import reverse

from fanarchive.readers.models import Bookmark, InboxItem
from fanarchive.works.services import add_chapter
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def test_bookmark_with_private_notes_and_own_tags(client, author, other_user):
    work = posted_work(author)
    client.force_login(other_user)
    client.post(
        reverse("readers:bookmark", args=[work.pk]),
        {"notes": "Public praise", "private_notes": "secret thought", "tags": "fluff, reread"},
    )
    bookmark = Bookmark.objects.get(user=other_user)
    assert bookmark.tag_list == ["fluff", "reread"]
    mine = client.get(reverse("readers:bookmarks")).content.decode()
    assert "secret thought" in mine and "reread" in mine
    client.force_login(author)
    public = client.get(reverse("readers:user_bookmarks", args=["outsider"])).content.decode()
    assert "Public praise" in public and "secret thought" not in public


def test_private_bookmarks_are_not_listed_to_others(client, author, other_user):
    work = posted_work(author)
    Bookmark.objects.create(user=other_user, work=work, notes="hidden one", private=True)
    page = client.get(reverse("readers:user_bookmarks", args=["outsider"])).content.decode()
    assert "hidden one" not in page


def test_nobody_deletes_anothers_bookmark_by_guessing_its_id(client, author, other_user):
    work = posted_work(author)
    bookmark = Bookmark.objects.create(user=other_user, work=work, private_notes="mine")
    client.force_login(author)
    assert client.post(reverse("readers:bookmark_delete", args=[bookmark.pk])).status_code == 404
    assert Bookmark.objects.filter(pk=bookmark.pk).exists()


def test_a_new_chapter_reaches_subscribers_inboxes(client, author, other_user):
    work = posted_work(author)
    client.force_login(other_user)
    client.post(reverse("readers:subscribe_work", args=[work.pk]))
    add_chapter(work, "The Return", "<p>More.</p>")
    item = InboxItem.objects.get(user=other_user)
    assert "The Return" in item.message
    inbox = client.get(reverse("readers:inbox")).content.decode()
    assert "New chapter of" in inbox
    assert not InboxItem.objects.filter(user=author).exists()


def test_author_subscription_hears_of_new_works(client, author, other_user):
    client.force_login(other_user)
    client.post(reverse("readers:subscribe_author", args=["author"]))
    posted_work(author, title="Brand New")
    assert "Brand New" in InboxItem.objects.get(user=other_user).message


def test_nobody_reads_or_marks_anothers_inbox(client, author, other_user):
    work = posted_work(author)
    item = InboxItem.objects.create(user=other_user, work=work, message="for outsider only")
    client.force_login(author)
    assert "for outsider only" not in client.get(reverse("readers:inbox")).content.decode()
    assert client.post(reverse("readers:inbox_read", args=[item.pk])).status_code == 404
    item.refresh_from_db()
    assert not item.read


def test_history_and_mark_for_later(client, author, other_user):
    work = posted_work(author, title="Later Read")
    client.force_login(other_user)
    client.post(reverse("readers:later", args=[work.pk]))
    later = client.get(reverse("readers:history") + "?later=1").content.decode()
    assert "Later Read" in later
    client.get(reverse("works:detail", args=[work.pk]))
    assert "1 visit" in client.get(reverse("readers:history")).content.decode()


def test_series_parts_reach_subscribers_and_downloads(client, author, other_user):
    from fanarchive.readers.models import Series

    first = posted_work(author, title="Part One")
    second = posted_work(author, title="Part Two")
    client.force_login(author)
    client.post(reverse("readers:series_new"), {"title": "The Saga", "summary": "Long."})
    series = Series.objects.get()
    client.post(reverse("readers:series_add", args=[first.pk]), {"series": series.pk})
    client.force_login(other_user)
    client.post(reverse("readers:series_subscribe", args=[series.pk]))
    assert (
        client.post(
            reverse("readers:series_add", args=[second.pk]), {"series": series.pk}
        ).status_code
        == 403
    )
    client.force_login(author)
    client.post(reverse("readers:series_add", args=[second.pk]), {"series": series.pk})
    assert "“The Saga”: “Part Two”" in InboxItem.objects.get(user=other_user).message
    page = client.get(reverse("readers:series", args=[series.pk])).content.decode()
    assert page.index("Part One") < page.index("Part Two")
    work_page = client.get(reverse("works:detail", args=[second.pk])).content.decode()
    assert "Part 2 of" in work_page
    text = client.get(reverse("readers:download", args=[second.pk, "txt"])).content.decode()
    assert "The Saga" in text
