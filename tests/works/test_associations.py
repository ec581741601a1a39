"""Co-creators who accept, gifts, "inspired by" links and a different publication date."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from fanarchive.readers.models import InboxItem
from fanarchive.works.associations import local_work, pseud_named
from fanarchive.works.models import CreatorInvitation, Work
from tests.works.helpers import posted_work, work_form_data

pytestmark = pytest.mark.django_db


def new_work(client, **fields) -> Work:
    response = client.post(reverse("works:new"), work_form_data(**fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Work.objects.latest("pk")


def edit(client, work, **fields):
    data = work_form_data(**fields)
    data.pop("body")
    return client.post(reverse("works:edit", args=[work.pk]), data)


# --- co-creators -----------------------------------------------------------------------------


def test_a_co_creator_is_asked_and_joins_the_byline_only_on_accepting(
    author_client, author, client, other_user
):
    work = new_work(author_client, co_creators="outsider")
    assert list(work.pseuds.values_list("user__username", flat=True)) == ["author"]
    invitation = CreatorInvitation.objects.get()
    notice = InboxItem.objects.get(user=other_user)
    assert "invited you to be a co-creator" in notice.message
    client.force_login(other_user)
    dashboard = client.get(reverse("works:dashboard")).content.decode()
    assert "Co-Creator Requests (1)" in dashboard
    page = client.get(reverse("works:creatorships", args=["outsider"])).content.decode()
    assert "Co-Creator Requests" in page and work.title in page
    client.post(reverse("works:creatorship_answer", args=[invitation.pk]), {"answer": "accept"})
    assert set(work.pseuds.values_list("user__username", flat=True)) == {"author", "outsider"}
    assert not CreatorInvitation.objects.exists()
    assert work.is_authored_by(other_user)


def test_declining_leaves_the_byline_alone(author_client, author, client, other_user):
    work = new_work(author_client, co_creators="outsider")
    client.force_login(other_user)
    invitation = CreatorInvitation.objects.get()
    client.post(reverse("works:creatorship_answer", args=[invitation.pk]), {"answer": "decline"})
    assert not work.is_authored_by(other_user) and not CreatorInvitation.objects.exists()


def test_only_the_invited_user_can_answer_or_see_the_requests(
    author_client, author, client, other_user, wrangler
):
    new_work(author_client, co_creators="outsider")
    invitation = CreatorInvitation.objects.get()
    client.force_login(wrangler)
    answer = reverse("works:creatorship_answer", args=[invitation.pk])
    assert client.post(answer, {"answer": "accept"}).status_code == 404
    assert client.get(reverse("works:creatorships", args=["outsider"])).status_code == 404
    assert CreatorInvitation.objects.exists()


def test_an_unknown_co_creator_is_a_message_on_the_form(author_client):
    response = author_client.post(reverse("works:new"), work_form_data(co_creators="nobody"))
    assert response.status_code == 200
    assert "could not find a pseud “nobody”" in response.content.decode()
    assert not Work.objects.exists()


def test_a_user_who_blocked_the_author_cannot_be_invited(author_client, author, other_user):
    from fanarchive.readers.models import Block

    Block.objects.create(user=other_user, blocked=author)
    response = author_client.post(reverse("works:new"), work_form_data(co_creators="outsider"))
    assert "you have been blocked by outsider" in response.content.decode()
    assert not CreatorInvitation.objects.exists()


def test_pseuds_are_found_by_user_name_or_pseud_and_user(author, other_user):
    assert pseud_named("Outsider").user == other_user
    other_user.pseuds.create(name="Moss")
    assert pseud_named("Moss (outsider)").name == "Moss"
    assert pseud_named("Moss").name == "Moss"
    assert pseud_named("Moss (author)") is None


# --- gifts ----------------------------------------------------------------------------------


def test_a_gift_shows_for_the_recipient_and_tells_a_user_when_posted(
    author_client, author, other_user
):
    work = new_work(author_client, gifts="outsider, Aunt May")
    assert not InboxItem.objects.filter(user=other_user).exists()  # a draft tells nobody yet
    work.tag_suggestions.all().delete()
    work.publish()  # as the suggestions page does
    page = author_client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert '<ul class="associations">' in page
    assert ">outsider</a>, Aunt May.</li>" in page and "<li>For " in page
    listing = author_client.get(reverse("works:home")).content.decode()
    gifts_page = reverse("works:user_gifts", args=["outsider"])
    assert (
        f'for <a class="gift" href="{gifts_page}">outsider</a>, <span class="gift">Aunt May</span>'
        in listing
    )


def test_posting_from_the_preview_tells_the_gift_recipient(
    author_client, other_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        work = new_work(author_client, gifts="outsider", preview="1")
    work.tag_suggestions.all().delete()
    author_client.post(reverse("works:post", args=[work.pk]))
    assert "was gifted to you" in InboxItem.objects.get(user=other_user).message


def test_the_gifts_page_lists_works_gifted_to_the_user(author_client, author, client, other_user):
    gift = posted_work(author, title="For You")
    posted_work(author, title="Not For You")
    edit(author_client, gift, title="For You", gifts="outsider")
    page = author_client.get(reverse("works:detail", args=[gift.pk])).content.decode()
    assert f'<a href="{reverse("works:user_gifts", args=["outsider"])}">outsider</a>' in page
    listing = client.get(reverse("works:user_gifts", args=["outsider"])).content.decode()
    assert "Gifts for outsider" in listing and "For You" in listing
    assert "Not For You" not in listing


def test_editing_gifts_replaces_the_recipients(author_client, author):
    work = posted_work(author)
    edit(author_client, work, gifts="Ann, Bob")
    edit(author_client, work, gifts="Bob, Cy")
    assert list(work.gifts.values_list("recipient_name", flat=True)) == ["Bob", "Cy"]


# --- inspired by ----------------------------------------------------------------------------


def test_inspired_by_a_local_work_links_it_and_tells_its_author(
    author_client, author, client, other_user
):
    parent = posted_work(other_user, title="The Lake")
    url = f"http://127.0.0.1:8000/works/{parent.pk}"
    child = posted_work(author, title="The Pond")
    edit(author_client, child, title="The Pond", parent_url=url)
    link = child.parent_links.get()
    assert link.parent == parent
    notice = InboxItem.objects.get(user=other_user)
    assert "inspired by your work “The Lake”" in notice.message
    page = author_client.get(reverse("works:detail", args=[child.pk])).content.decode()
    assert f'Inspired by <a href="/works/{parent.pk}">The Lake</a> by' in page
    parent_page = client.get(reverse("works:detail", args=[parent.pk])).content.decode()
    assert "Works inspired by this one:" in parent_page and "The Pond" in parent_page


def test_a_translation_of_a_work_elsewhere(author_client, author):
    work = new_work(
        author_client,
        parent_url="https://archiveofourown.org/works/123",
        parent_title="Original",
        parent_author="someone",
        parent_translation="on",
    )
    page = author_client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert 'A translation of <a href="https://archiveofourown.org/works/123"' in page
    assert ">Original</a> by someone." in page


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "Give the parent work"),
        ("/works/999999", "Give the parent work"),
    ],
)
def test_a_bad_parent_address_is_a_message_on_the_form(author_client, url, message):
    response = author_client.post(reverse("works:new"), work_form_data(parent_url=url))
    assert response.status_code == 200 and message in response.content.decode()


def test_a_draft_is_not_a_local_parent(author, other_user):
    from fanarchive.accounts.models import Pseud
    from fanarchive.works.services import WorkParts, create_work

    draft = create_work(Pseud.default_for(other_user), "Secret", WorkParts(chapters=[("", "x")]))
    assert local_work(f"/works/{draft.pk}") is None
    assert local_work(f"https://elsewhere.example/works/{draft.pk}") is None


# --- a different publication date ------------------------------------------------------------


def test_a_backdated_work_is_published_and_updated_on_that_day(author_client):
    work = new_work(author_client, backdate="2019-05-04")
    work.tag_suggestions.all().delete()
    work.publish()
    work.refresh_from_db()
    assert timezone.localtime(work.published_at).date() == datetime.date(2019, 5, 4)
    assert timezone.localtime(work.revised_at).date() == datetime.date(2019, 5, 4)
    page = author_client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert '<dd class="published">2019-05-04</dd>' in page


def test_a_publication_date_in_the_future_is_refused(author_client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=2)
    response = author_client.post(reverse("works:new"), work_form_data(backdate=str(tomorrow)))
    assert "cannot be in the future" in response.content.decode()
    assert not Work.objects.exists()


def test_editing_without_changing_the_date_keeps_the_updated_date(author_client, author):
    work = posted_work(author, chapters=2)
    revised = work.revised_at
    edit(author_client, work, backdate=str(timezone.localtime(work.published_at).date()))
    work.refresh_from_db()
    assert work.revised_at == revised
