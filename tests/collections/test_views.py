"""Collection pages over HTTP: creating, adding works from a work's page, moderating, and
bad input answered with a message on the page, never a server error."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.collections.models import Approval, Collection, CollectionItem, Participant, Role
from fanarchive.works.models import Work
from tests.collections.helpers import collection_of, with_role
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db
LONG = "x" * 10_000


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("owner", password="pw-long-12345")


@pytest.fixture
def owner_client(owner):
    client = Client()
    client.force_login(owner)
    return client


def page_text(response) -> str:
    return response.content.decode()


def test_creating_a_collection_through_the_form(owner_client):
    response = owner_client.post(
        reverse("collections:new"),
        {"name": "femslash_feb", "title": "Femslash February", "description": "All month.",
         "moderated": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    collection = Collection.objects.get()
    assert response["Location"] == reverse("collections:detail", args=["femslash_feb"])
    assert (collection.title, collection.moderated, collection.description) == (
        "Femslash February",
        True,
        "<p>All month.</p>",
    )
    listing = page_text(Client().get(reverse("collections:list")))
    assert "Femslash February" in listing and "Moderated" in listing


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "title": "T"}, "This field is required"),
        ({"name": LONG, "title": "kept title"}, "at most 60 characters"),
        ({"name": "ok_name", "title": LONG}, "at most 255 characters"),
        ({"name": "<script>alert(1)</script>", "title": "kept title"}, "letters, digits"),
        ({"name": "a'; DROP TABLE x;--", "title": "kept title"}, "letters, digits"),
        ({"name": "taken", "title": "kept title"}, "is taken"),
        ({"name": "ok_name", "title": "kept title", "description": LONG * 2}, "at most 10000"),
    ],
)
def test_bad_input_on_the_create_form_is_a_message_and_keeps_what_was_typed(
    owner_client, owner, data, message
):
    collection_of(owner, name="Taken")
    response = owner_client.post(reverse("collections:new"), data)
    text = page_text(response)
    assert response.status_code == 200 and message in text
    assert 'class="error"' in text
    if data.get("title") == "kept title":
        assert 'value="kept title"' in text
    assert Collection.objects.count() == 1
    assert "<script>alert(1)</script>" not in text


def test_an_author_adds_a_work_and_a_moderator_approves_it(
    owner, owner_client, author_client, author, django_capture_on_commit_callbacks
):
    collection_of(owner, title="Rare Pairs Week")
    work = posted_work(author, title="Paper Boats")
    url = reverse("collections:work_collections", args=[work.pk])
    response = author_client.post(url, {"collection": "RARE_PAIRS", "notes": "For day 3."})
    assert response.status_code == 302
    assert "once a moderator approves" in page_text(author_client.get(url))
    detail = reverse("collections:detail", args=["rare_pairs"])
    assert "Paper Boats" not in page_text(Client().get(detail))

    manage = page_text(owner_client.get(reverse("collections:manage", args=["rare_pairs"])))
    item = CollectionItem.objects.get()
    assert "Paper Boats" in manage and "For day 3." in manage
    assert reverse("collections:item_review", args=[item.pk]) in manage
    with django_capture_on_commit_callbacks(execute=True):  # cached pages expire on commit
        owner_client.post(
            reverse("collections:item_review", args=[item.pk]), {"decision": "approve"}
        )

    visitor = page_text(Client().get(detail))  # the anonymous page cache was expired
    assert "Paper Boats" in visitor and f'id="work_{work.pk}"' in visitor
    work_page = page_text(Client().get(reverse("works:detail", args=[work.pk])))
    assert 'class="collections"' in work_page and "Rare Pairs Week" in work_page


def test_the_work_page_offers_add_to_collections_to_its_authors_only(author_client, author):
    work = posted_work(author)
    link = reverse("collections:work_collections", args=[work.pk])
    assert link in page_text(author_client.get(reverse("works:detail", args=[work.pk])))
    assert link not in page_text(Client().get(reverse("works:detail", args=[work.pk])))
    assert 'class="collections"' not in page_text(
        Client().get(reverse("works:detail", args=[work.pk]))
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("no_such", "There is no collection named “no_such”"),
        ("closed_one", "“Done Fest” is closed: it takes no new works."),
        ("open_one", "is already in"),
        (LONG, "at most 60 characters"),
        ("' OR 1=1 --", "There is no collection named"),
    ],
)
def test_adding_to_a_bad_collection_is_a_message_on_the_form(
    owner, author_client, author, name, message
):
    collection_of(owner, name="closed_one", title="Done Fest", closed=True)
    open_one = collection_of(owner, name="open_one", moderated=False)
    work = posted_work(author)
    CollectionItem.objects.create(collection=open_one, work=work)
    url = reverse("collections:work_collections", args=[work.pk])
    response = author_client.post(url, {"collection": name, "notes": "kept note"})
    text = page_text(response)
    assert response.status_code == 200 and message in text and "kept note" in text
    assert CollectionItem.objects.count() == 1


def test_restricted_works_in_a_collection_stay_hidden_from_visitors(owner, other_user, author):
    collection = collection_of(owner, moderated=False)
    restricted = posted_work(author, title="The Locked Garden", restricted=True)
    CollectionItem.objects.create(
        collection=collection,
        work=restricted,
        user_approval=Approval.APPROVED,
        collection_approval=Approval.APPROVED,
    )
    detail = reverse("collections:detail", args=[collection.name])
    assert "Locked Garden" not in page_text(Client().get(detail))
    assert "Works: 0" in page_text(Client().get(reverse("collections:list")))
    reader = Client()
    reader.force_login(other_user)
    assert "Locked Garden" in page_text(reader.get(detail))


def test_the_moderator_invites_adds_a_work_and_the_author_agrees(
    owner, owner_client, author, author_client
):
    collection_of(owner)
    work = posted_work(author, title="Asked For")
    manage = reverse("collections:manage", args=["rare_pairs"])
    owner_client.post(reverse("collections:invite", args=["rare_pairs"]), {"username": "author"})
    response = owner_client.post(
        reverse("collections:item_add", args=["rare_pairs"]),
        {"work": f"http://testserver/works/{work.pk}/", "notes": "We loved it."},
    )
    assert response["Location"] == manage
    item = CollectionItem.objects.get()
    assert item.user_approval == Approval.PENDING
    mine = page_text(author_client.get(reverse("collections:mine")))
    assert "Asked For" in mine and "We loved it." in mine and "Invited" in mine
    author_client.post(reverse("collections:join", args=["rare_pairs"]))
    author_client.post(reverse("collections:item_consent", args=[item.pk]), {"decision": "approve"})
    item.refresh_from_db()
    assert item.approved
    assert Participant.objects.get(user=author).role == Role.MEMBER


@pytest.mark.parametrize("reference", ["999999", "not a work", LONG, "99999999999999999999999"])
def test_a_moderator_adding_an_unknown_work_gets_a_message(owner, owner_client, reference):
    collection_of(owner)
    url = reverse("collections:item_add", args=["rare_pairs"])
    response = owner_client.post(url, {"work": reference}, follow=True)
    assert response.status_code == 200
    assert "no such work" in page_text(response) or "number or URL" in page_text(response)
    assert not CollectionItem.objects.exists()


def test_a_moderator_cannot_add_a_draft_they_cannot_read(owner, owner_client, author):
    collection_of(owner)
    draft = posted_work(author, title="Secret Draft")
    Work.objects.filter(pk=draft.pk).update(posted=False)
    url = reverse("collections:item_add", args=["rare_pairs"])
    response = owner_client.post(url, {"work": str(draft.pk)}, follow=True)
    assert "no such work" in page_text(response) and "Secret Draft" not in page_text(response)


def test_closed_collection_refuses_a_moderator_too(owner, owner_client):
    collection_of(owner, closed=True, title="Closed Fest")
    work = posted_work(owner, title="Late Entry")
    url = reverse("collections:item_add", args=["rare_pairs"])
    response = owner_client.post(url, {"work": str(work.pk)}, follow=True)
    assert "“Closed Fest” is closed" in page_text(response)
    assert not CollectionItem.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/collections/no_such",
        "/collections/%3Cscript%3E",
        "/collections/" + "x" * 3000,
        "/collections/a%27%20OR%201%3D1/manage",
        "/collection-items/99999999999999999999/review",
        "/participants/99999999999999999999/remove",
        "/works/99999999999999999999/collections",
    ],
)
def test_unknown_collections_and_absurd_ids_are_404s(owner_client, url):
    response = (
        owner_client.post(url, {"decision": "approve"})
        if url.endswith(("/remove", "/review"))
        else owner_client.get(url)
    )
    assert response.status_code == 404


def test_someone_elses_item_or_participant_id_is_a_404(owner, author, other_user):
    collection = collection_of(owner)
    item = CollectionItem.objects.create(collection=collection, work=posted_work(author))
    member = with_role(collection, author, Role.MEMBER)
    outsider = Client()
    outsider.force_login(other_user)
    assert (
        outsider.post(
            reverse("collections:item_review", args=[item.pk]), {"decision": "approve"}
        ).status_code
        == 404
    )
    assert (
        outsider.post(reverse("collections:participant_remove", args=[member.pk])).status_code
        == 404
    )
    assert CollectionItem.objects.get().collection_approval == Approval.PENDING


def test_bad_decisions_and_roles_are_messages(owner, owner_client, author):
    collection = collection_of(owner)
    item = CollectionItem.objects.create(collection=collection, work=posted_work(author))
    member = with_role(collection, author, Role.MEMBER)
    response = owner_client.post(
        reverse("collections:item_review", args=[item.pk]), {"decision": "explode"}, follow=True
    )
    assert "Choose approve or reject" in page_text(response)
    response = owner_client.post(
        reverse("collections:participant_role", args=[member.pk]), {"role": "owner"}, follow=True
    )
    assert "Choose moderator or member" in page_text(response)
    response = owner_client.post(
        reverse("collections:invite", args=[collection.name]), {"username": LONG}, follow=True
    )
    assert "Give the username" in page_text(response)
    assert Participant.objects.get(user=author).role == Role.MEMBER


def test_settings_and_delete(owner, owner_client):
    collection_of(owner)
    edit = reverse("collections:edit", args=["rare_pairs"])
    assert 'name="name"' not in page_text(owner_client.get(edit))  # the URL name stays
    response = owner_client.post(edit, {"title": "Renamed", "description": "", "closed": "on"})
    assert response.status_code == 302
    assert Collection.objects.get().closed and Collection.objects.get().title == "Renamed"
    detail = page_text(Client().get(reverse("collections:detail", args=["rare_pairs"])))
    assert "Closed" in detail and "takes no new works" in detail
    owner_client.post(reverse("collections:delete", args=["rare_pairs"]))
    assert not Collection.objects.exists()


def test_the_manage_page_shows_roles_and_the_owner_can_promote(owner, owner_client, author):
    collection = collection_of(owner)
    member = with_role(collection, author, Role.MEMBER)
    page = page_text(owner_client.get(reverse("collections:manage", args=[collection.name])))
    assert f'id="participant_{member.pk}"' in page
    owner_client.post(
        reverse("collections:participant_role", args=[member.pk]), {"role": "moderator"}
    )
    assert Participant.objects.get(user=author).role == Role.MODERATOR
