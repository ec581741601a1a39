import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from fanarchive.readers.services import ORPHAN_USERNAME
from fanarchive.works.models import Work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def test_orphaning_keeps_the_work_without_the_author(author_client, author):
    work = posted_work(author)
    author_client.post(reverse("readers:orphan", args=[work.pk]))
    work.refresh_from_db()
    assert [p.user.username for p in work.pseuds.all()] == [ORPHAN_USERNAME]
    assert author_client.get(reverse("works:edit", args=[work.pk])).status_code == 403


def test_orphaning_is_for_authors_only(client, author, other_user):
    work = posted_work(author)
    client.force_login(other_user)
    assert client.post(reverse("readers:orphan", args=[work.pk])).status_code == 403
    assert work.pseuds.get().user == author


@pytest.mark.parametrize(("choice", "kept"), [("orphan", True), ("delete", False)])
def test_deleting_an_account_orphans_or_deletes_its_works(
    author_client, author, password, choice, kept
):
    work = posted_work(author)
    draft = posted_work(author, title="Draft")
    Work.objects.filter(pk=draft.pk).update(posted=False)
    response = author_client.post(
        reverse("readers:delete_account"), {"works": choice, "password": password}
    )
    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="author").exists()
    assert Work.objects.filter(pk=work.pk).exists() is kept
    assert not Work.objects.filter(pk=draft.pk).exists()


def test_deleting_an_account_needs_the_password(author_client, author):
    response = author_client.post(
        reverse("readers:delete_account"), {"works": "orphan", "password": "wrong"}
    )
    assert response.status_code == 200 and b"That is not your password" in response.content
    assert get_user_model().objects.filter(username="author").exists()


def test_admin_hides_a_work_from_everyone_but_its_authors(
    client, author, other_user, django_user_model
):
    work = posted_work(author)
    admin = django_user_model.objects.create_superuser("boss", "b@example.org", "pw-long-123")
    client.force_login(other_user)
    assert client.post(reverse("readers:hide", args=[work.pk])).status_code == 403
    client.force_login(admin)
    client.post(reverse("readers:hide", args=[work.pk]), {"hidden": "1"})
    client.force_login(other_user)
    assert client.get(reverse("works:detail", args=[work.pk])).status_code == 404
    client.force_login(author)
    assert client.get(reverse("works:detail", args=[work.pk])).status_code == 200


def test_restricted_work_invisible_logged_out(client, author, other_user):
    work = posted_work(author, title="Members Only", restricted=True)
    assert client.get(reverse("works:detail", args=[work.pk])).status_code == 404
    assert "Members Only" not in client.get(reverse("works:home")).content.decode()
    client.force_login(other_user)
    assert client.get(reverse("works:detail", args=[work.pk])).status_code == 200


def test_a_blocked_user_cannot_comment_or_kudos_and_a_muted_one_is_not_seen(
    client, author, other_user
):
    from fanarchive.readers.models import Comment

    work = posted_work(author)
    client.force_login(other_user)
    client.post(reverse("readers:comment", args=[work.pk]), {"body": "Before the block"})
    client.force_login(author)
    client.post(reverse("readers:mute", args=["outsider"]))
    page = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert "Before the block" not in page
    client.post(reverse("readers:block", args=["outsider"]))
    assert "outsider" in client.get(reverse("readers:blocked")).content.decode()
    client.force_login(other_user)
    assert (
        "Before the block" in client.get(reverse("works:detail", args=[work.pk])).content.decode()
    )
    comment = client.post(reverse("readers:comment", args=[work.pk]), {"body": "After"})
    assert comment.status_code == 403 and Comment.objects.count() == 1
    assert client.post(reverse("readers:kudos", args=[work.pk])).status_code == 403
    work.refresh_from_db()
    assert work.kudos_count == 0
