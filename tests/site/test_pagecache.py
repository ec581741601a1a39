"""Anonymous readers get cached pages; logged-in users never; a change shows at once."""

import pytest
from django.urls import reverse

from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def test_anonymous_work_page_is_served_from_the_cache_until_the_work_changes(
    client, author, django_capture_on_commit_callbacks
):
    work = posted_work(author)
    url = reverse("works:detail", args=[work.pk])
    first, second = client.get(url), client.get(url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"].startswith("text/html")
    with django_capture_on_commit_callbacks(execute=True):  # expired when the change commits
        work.title = "The Renamed River"
        work.save()
    third = client.get(url)
    assert third["X-Page-Cache"] == "miss" and b"The Renamed River" in third.content


def test_logged_in_pages_are_never_cached(author_client, author):
    work = posted_work(author)
    url = reverse("works:detail", args=[work.pk])
    author_client.get(url)
    response = author_client.get(url)
    assert "X-Page-Cache" not in response
    assert b"Log out" in response.content or b"logout" in response.content


def test_not_found_and_posts_are_not_cached(client, author):
    assert "X-Page-Cache" not in client.get("/works/999999/")
    assert "X-Page-Cache" not in client.post("/", {})


def test_a_page_rendered_before_the_commit_is_not_served_after_it(
    client, author, django_capture_on_commit_callbacks
):
    """Issue 19 C: the version used to be bumped in post_save, inside the transaction, so a
    page another process rendered from the committed (old) data in that window was stored
    under the new version and served after the commit."""
    from django.core.cache import cache
    from django.test import RequestFactory

    from fanarchive.site import pagecache

    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Open to All")
    url = reverse("works:detail", args=[work.pk])
    before = client.get(url)
    assert b"Open to All" in before.content
    with django_capture_on_commit_callbacks(execute=True):
        work.title = "Members Only"
        work.save()
        # Another node renders the page now, before the commit, and caches it.
        other_node = pagecache._key(RequestFactory().get(url))
        cache.set(other_node, (200, [("Content-Type", "text/html")], before.content), 60)
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert b"Members Only" in after.content and b"Open to All" not in after.content


def test_a_rolled_back_change_expires_nothing(client, author, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author)
    url = reverse("works:detail", args=[work.pk])
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                work.title = "Never Saved"
                work.save()
                raise RuntimeError
        except RuntimeError:
            pass
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_deleted_comment_is_not_served_from_the_cache(
    client, author, other_user, django_capture_on_commit_callbacks
):
    """Security finding 9: comments (the readers app) did not expire cached pages."""
    from fanarchive.readers.models import Comment
    from fanarchive.readers.services import delete_comment

    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author)
        comment = Comment.objects.create(
            work=work, user=other_user, body="<p>A comment to take back</p>", status="published"
        )
    url = reverse("works:detail", args=[work.pk])
    assert b"A comment to take back" in client.get(url).content
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        delete_comment(comment)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert b"A comment to take back" not in response.content


def test_a_log_in_and_a_readers_history_do_not_expire_cached_pages(
    client, author, other_user, django_capture_on_commit_callbacks
):
    from django.test import Client

    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author)
    url = reverse("works:detail", args=[work.pk])
    client.get(url)
    reader = Client()
    with django_capture_on_commit_callbacks(execute=True):
        reader.force_login(other_user)  # saves last_login: no page shows it
        reader.get(url)  # records a Reading (history): no page a visitor sees changes
    assert client.get(url)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("name", ["works:detail", "readers:download"])
def test_cached_responses_keep_their_headers(client, author, name):
    """Security finding 9: a cached HTML download lost Content-Disposition (and rendered
    inline on the site); cached pages lost Referrer-Policy, Cross-Origin-Opener-Policy and
    Vary: Cookie."""
    work = posted_work(author)
    args = [work.pk] if name == "works:detail" else [work.pk, "html"]
    first = client.get(reverse(name, args=args))
    second = client.get(reverse(name, args=args))
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    wanted = ["Content-Type", "Referrer-Policy", "Cross-Origin-Opener-Policy", "Vary"]
    if name == "readers:download":
        wanted.append("Content-Disposition")
    for header in wanted:
        assert second.get(header) == first.get(header), header
        assert second.get(header), header
    assert "Cookie" in second["Vary"]


def test_a_readers_private_preferences_do_not_expire_cached_pages(
    client, author, other_user, django_capture_on_commit_callbacks
):
    """Saving display preferences and an exclude filter, email preferences, a mute and a block
    changes no page a logged-out visitor sees, so the guest's copy stays in the cache."""
    from django.test import Client

    from fanarchive.tags.models import Tag

    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author)
    Tag.objects.get_or_create(name="Angst", defaults={"type": "freeform", "canonical": True})
    url = reverse("works:detail", args=[work.pk])
    client.get(url)
    reader = Client()
    reader.force_login(other_user)
    name = other_user.get_username()
    with django_capture_on_commit_callbacks(execute=True):
        saved = reader.post(
            reverse("accounts:preferences", args=[name]),
            {"hide_warnings": "on", "excluded_tag_names": "", "excluded_author_names": "author"},
        )
        assert saved.status_code == 302
        emails = reader.post(
            reverse("readers:email_preferences", args=[name]), {"comment_emails_off": "on"}
        )
        assert emails.status_code == 302
        reader.post(reverse("readers:mute", args=[author.get_username()]))
        reader.post(reverse("readers:block", args=[author.get_username()]))
    from fanarchive.readers.models import Block, EmailPreference, Mute

    assert Block.objects.filter(user=other_user).exists()
    assert Mute.objects.filter(user=other_user).exists()
    assert EmailPreference.objects.get(user=other_user).comment_emails_off
    assert client.get(url)["X-Page-Cache"] == "hit"
