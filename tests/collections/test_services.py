"""The rules of collections, as AO3 has them: two approvals, roles, closed and moderated
collections, and visibility that never exceeds the work's own."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from fanarchive.collections import services
from fanarchive.collections.models import Approval, CollectionItem, Participant, Role
from fanarchive.collections.services import CollectionError, NotAllowed
from fanarchive.readers.models import InboxItem
from fanarchive.works.models import Work
from tests.collections.helpers import collection_of, moderator, with_role
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("owner", password="pw-long-12345")


@pytest.fixture
def mod(django_user_model):
    return django_user_model.objects.create_user("mod", password="pw-long-12345")


def test_creating_makes_the_creator_owner(owner):
    collection = collection_of(owner, description="<p>Hi<script>x()</script></p>")
    assert services.role_of(collection, owner) == Role.OWNER
    assert services.is_maintainer(collection, owner) and services.is_owner(collection, owner)
    assert collection.description == "<p>Hi</p>"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "needs a name"),
        ("x" * 61, "at most 60"),
        ("has space", "letters, digits and underscores"),
        ("'; DROP TABLE works;--", "letters, digits and underscores"),
        ("über", "letters, digits and underscores"),
        ("new", "reserved"),
        ("MINE", "reserved"),
    ],
)
def test_bad_names_are_refused_with_a_message(owner, name, message):
    with pytest.raises(CollectionError, match=message):
        services.create_collection(owner, name, "Title")


def test_names_are_unique_ignoring_case(owner, author):
    collection_of(owner, name="Rare_Pairs")
    with pytest.raises(CollectionError, match="taken"):
        collection_of(author, name="rare_pairs")


def test_titles_must_be_present_and_not_huge(owner):
    with pytest.raises(CollectionError, match="needs a title"):
        services.create_collection(owner, "ok", "   ")
    with pytest.raises(CollectionError, match="at most 255"):
        services.create_collection(owner, "ok", "t" * 256)


def test_an_author_adding_to_an_open_collection_is_in_at_once(owner, author):
    collection = collection_of(owner, moderated=False)
    item = services.add_work(collection, posted_work(author), author, notes="<b>hi</b>")
    assert item.approved and item.notes == "<p><b>hi</b></p>"


def test_a_moderated_collection_reviews_an_outsiders_work(owner, author):
    collection = collection_of(owner)
    work = posted_work(author)
    item = services.add_work(collection, work, author)
    assert (item.user_approval, item.collection_approval) == (Approval.APPROVED, Approval.PENDING)
    assert not services.visible_works(collection, owner).exists()
    services.review_item(item, owner, approve=True)
    assert list(services.visible_works(collection, AnonymousUser())) == [work]
    assert services.collections_showing(work) == [collection]


def test_members_and_moderators_works_need_no_review(owner, author, mod):
    collection = collection_of(owner)
    with_role(collection, author, Role.MEMBER)
    moderator(collection, mod)
    assert services.add_work(collection, posted_work(author), author).approved
    assert services.add_work(collection, posted_work(mod, title="Mod's"), mod).approved


def test_an_invited_user_is_not_yet_a_posting_member(owner, author):
    collection = collection_of(owner)
    services.invite(collection, owner, "author")
    item = services.add_work(collection, posted_work(author), author)
    assert item.collection_approval == Approval.PENDING


def test_a_moderator_adding_someone_elses_work_needs_the_authors_consent(owner, author):
    collection = collection_of(owner)
    work = posted_work(author)
    item = services.add_work(collection, work, owner, notes="Please join!")
    assert (item.user_approval, item.collection_approval) == (Approval.PENDING, Approval.APPROVED)
    assert list(services.awaiting_author(author)) == [item]
    asked = InboxItem.objects.of(author).get()
    assert asked.work == work and "“Rare Pairs Week” asks to include" in asked.message
    assert not services.visible_works(collection, owner).exists()
    services.consent_item(item, author, approve=True)
    assert list(services.visible_works(collection, owner)) == [work]
    assert not InboxItem.objects.of(owner).exists()


def test_authors_hear_the_moderators_decision(owner, author):
    collection = collection_of(owner)
    accepted = services.add_work(collection, posted_work(author, title="One"), author)
    declined = services.add_work(collection, posted_work(author, title="Two"), author)
    assert not InboxItem.objects.of(author).exists()  # adding their own work tells them nothing
    services.review_item(accepted, owner, approve=True)
    services.review_item(declined, owner, approve=False)
    assert sorted(InboxItem.objects.of(author).values_list("message", flat=True)) == [
        "“One” was approved for “Rare Pairs Week”.",
        "“Two” was not accepted in “Rare Pairs Week”.",
    ]


def test_an_author_can_decline(owner, author):
    collection = collection_of(owner)
    item = services.add_work(collection, posted_work(author), owner)
    services.consent_item(item, author, approve=False)
    assert item.user_approval == Approval.REJECTED
    assert not services.awaiting_author(author).exists()
    assert list(CollectionItem.objects.rejected()) == [item]


def test_only_authors_and_maintainers_add_and_decide(owner, author, other_user):
    collection = collection_of(owner)
    work = posted_work(author)
    with pytest.raises(NotAllowed):
        services.add_work(collection, work, other_user)
    item = services.add_work(collection, work, author)
    with pytest.raises(NotAllowed):
        services.review_item(item, author, approve=True)  # the author cannot approve for them
    with pytest.raises(NotAllowed):
        services.consent_item(item, owner, approve=True)  # nor the moderator for the author
    with pytest.raises(NotAllowed):
        services.remove_item(item, other_user)
    services.remove_item(item, author)
    assert not CollectionItem.objects.exists()


def test_closed_collections_refuse_new_works_even_from_the_owner(owner, author):
    collection = collection_of(owner, closed=True, title="Finished Fest")
    with pytest.raises(CollectionError, match="“Finished Fest” is closed"):
        services.add_work(collection, posted_work(author), author)
    with pytest.raises(CollectionError, match="closed"):
        services.add_work(collection, posted_work(owner, title="Own"), owner)
    assert not CollectionItem.objects.exists()


def test_a_work_joins_a_collection_once(owner, author):
    collection = collection_of(owner, moderated=False)
    work = posted_work(author)
    services.add_work(collection, work, author)
    with pytest.raises(CollectionError, match="already in"):
        services.add_work(collection, work, owner)


def test_restricted_hidden_and_draft_works_stay_invisible_inside_collections(
    owner, author, other_user
):
    collection = collection_of(owner, moderated=False)
    public = posted_work(author, title="Public")
    restricted = posted_work(author, title="Members", restricted=True)
    hidden = posted_work(author, title="Hidden")
    draft = posted_work(author, title="Draft")
    for work in (public, restricted, hidden, draft):
        services.add_work(collection, work, author)
    Work.objects.filter(pk=hidden.pk).update(hidden_by_admin=True)
    Work.objects.filter(pk=draft.pk).update(posted=False)
    titles = lambda user: {w.title for w in services.visible_works(collection, user)}  # noqa: E731
    assert titles(AnonymousUser()) == {"Public"}
    assert titles(other_user) == {"Public", "Members"}
    assert titles(author) == {"Public", "Members", "Hidden"}  # drafts are not listed
    counts = {c.name: c.works_count for c in services.listing(AnonymousUser())}
    assert counts == {"rare_pairs": 1}
    assert services.listing(other_user).get().works_count == 2


def test_invitations_join_and_leave(owner, author, other_user):
    collection = collection_of(owner)
    with pytest.raises(NotAllowed):
        services.join(collection, other_user)  # moderated: by invitation only
    services.invite(collection, owner, "author")
    with pytest.raises(CollectionError, match="already invited"):
        services.invite(collection, owner, "author")
    with pytest.raises(CollectionError, match="no user named"):
        services.invite(collection, owner, "nobody")
    with pytest.raises(NotAllowed):
        services.invite(collection, author, "outsider")
    assert "joined" in services.join(collection, author)
    assert services.role_of(collection, author) == Role.MEMBER
    assert "already a member" in services.join(collection, author)
    services.leave(collection, author)
    assert services.role_of(collection, author) is None
    with pytest.raises(NotAllowed, match="owner cannot leave"):
        services.leave(collection, owner)
    open_one = collection_of(owner, name="open", moderated=False)
    services.join(open_one, other_user)
    assert services.role_of(open_one, other_user) == Role.MEMBER


def test_only_the_owner_makes_and_unmakes_moderators(owner, author, mod, other_user):
    collection = collection_of(owner)
    mod_row = moderator(collection, mod)
    member = with_role(collection, author, Role.MEMBER)
    guest = with_role(collection, other_user, Role.MEMBER)
    with pytest.raises(NotAllowed):
        services.set_role(member, mod, Role.MODERATOR)
    services.set_role(member, owner, Role.MODERATOR)
    with pytest.raises(NotAllowed):
        services.set_role(member, mod, Role.MEMBER)  # a moderator cannot demote a moderator
    with pytest.raises(NotAllowed):
        services.remove_participant(mod_row, author)
    services.remove_participant(guest, mod)  # moderators remove members
    owner_row = Participant.objects.get(user=owner)
    with pytest.raises(NotAllowed):
        services.set_role(owner_row, owner, Role.MEMBER)
    with pytest.raises(NotAllowed):
        services.remove_participant(owner_row, owner)
    with pytest.raises(CollectionError):
        services.set_role(member, owner, Role.OWNER)
    services.remove_participant(mod_row, mod)  # anyone may leave
    assert set(Participant.objects.values_list("user__username", "role")) == {
        ("owner", Role.OWNER),
        ("author", Role.MODERATOR),
    }


def test_items_and_participants_are_reachable_only_by_those_with_a_say(owner, author, other_user):
    collection = collection_of(owner)
    item = services.add_work(collection, posted_work(author), author)
    assert list(services.reachable_items(owner)) == [item]
    assert list(services.reachable_items(author)) == [item]
    assert not services.reachable_items(other_user).exists()
    assert not services.reachable_items(AnonymousUser()).exists()
    assert not services.reachable_participants(other_user).exists()


def test_editing_and_deleting(owner, mod, author):
    collection = collection_of(owner)
    moderator(collection, mod)
    services.update_collection(
        collection, mod, "New <i>title</i>", "<img src=x onerror=a()>", False, True
    )
    collection.refresh_from_db()
    assert (collection.title, collection.moderated, collection.closed) == (
        "New <i>title</i>",
        False,
        True,
    )
    assert "onerror" not in collection.description
    with pytest.raises(NotAllowed):
        services.update_collection(collection, author, "x", "", False, False)
    with pytest.raises(NotAllowed):
        services.delete_collection(collection, mod)
    work = posted_work(author)
    CollectionItem.objects.create(collection=collection, work=work)
    services.delete_collection(collection, owner)
    assert Work.objects.filter(pk=work.pk).exists() and not CollectionItem.objects.exists()


@pytest.mark.parametrize(
    ("reference", "found"),
    [
        ("{pk}", True),
        ("/works/{pk}/", True),
        ("http://127.0.0.1:8000/works/{pk}/chapters/3/", True),
        ("{pk}abc", False),
        ("99999999999999999999999999", False),
        ("' OR 1=1 --", False),
        ("", False),
    ],
)
def test_finding_a_work_by_number_or_url(author, reference, found):
    work = posted_work(author)
    result = services.find_work_for(author, reference.format(pk=work.pk))
    assert (result == work) if found else result is None
