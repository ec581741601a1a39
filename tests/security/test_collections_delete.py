"""Finding 7: deleting an account that owns a collection deleted the collection with every
moderator's role and every item in it, silently. Now, as on AO3, the account is not deleted
until its holder chooses: hand the collections to orphan_account, or delete them."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db.models import ProtectedError
from django.urls import reverse

from fanarchive.accounts.system import ORPHAN, system_user
from fanarchive.collections import services
from fanarchive.collections.models import Collection, CollectionItem, Participant, Role
from tests.collections.helpers import collection_of, moderator
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def community(author, other_user):
    collection = collection_of(author, name="rare_pairs", title="Rare Pairs Week")
    moderator(collection, other_user)
    work = posted_work(other_user, title="Moderator's Story")
    services.add_work(collection, work, other_user)
    return collection


def delete_account(client, password, **choices):
    return client.post(
        reverse("readers:delete_account"), {"works": "orphan", "password": password} | choices
    )


def account_exists(name="author") -> bool:
    return get_user_model().objects.filter(username=name).exists()


def test_deleting_the_owner_is_refused_with_the_collections_listed(
    author_client, community, password
):
    response = delete_account(author_client, password)
    assert response.status_code == 200
    page = response.content.decode()
    assert "You own 1 collection" in page and "Rare Pairs Week" in page
    assert reverse("collections:detail", args=["rare_pairs"]) in page
    assert account_exists()
    assert Participant.objects.filter(collection=community, role=Role.MODERATOR).exists()


def test_the_owner_can_hand_the_collection_to_orphan_account(
    author_client, community, password, other_user
):
    response = delete_account(author_client, password, collections="orphan")
    assert response.status_code == 302 and not account_exists()
    community.refresh_from_db()
    assert community.owner == system_user(ORPHAN)
    assert Participant.objects.get(collection=community, user=other_user).role == Role.MODERATOR
    assert Participant.objects.get(collection=community, user=community.owner).role == Role.OWNER
    assert CollectionItem.objects.filter(collection=community).count() == 1
    # The moderator still runs it.
    assert services.is_maintainer(community, other_user)


def test_the_owner_can_choose_to_delete_the_collection(author_client, community, password):
    response = delete_account(author_client, password, collections="delete")
    assert response.status_code == 302 and not account_exists()
    assert not Collection.objects.filter(pk=community.pk).exists()


def test_an_account_without_collections_is_deleted_without_the_question(
    client, other_user, password, community
):
    client.force_login(other_user)  # a moderator, not an owner
    response = delete_account(client, password)
    assert response.status_code == 302 and not account_exists("outsider")
    assert Collection.objects.filter(pk=community.pk).exists()


def test_no_code_path_deletes_an_owned_collection_with_its_owner(author, community):
    with pytest.raises(ProtectedError):
        author.delete()
    assert Collection.objects.filter(pk=community.pk).exists()


def test_a_collection_created_after_the_form_was_shown_is_not_lost(author_client, author, password):
    """The form saw no collection; one created meanwhile stops the deletion with a message."""
    from fanarchive.readers.forms import DeleteAccountForm

    form = DeleteAccountForm({"works": "orphan", "password": password}, user=author)
    assert form.is_valid() and "collections" not in form.cleaned_data
    collection_of(author, name="late_one", title="Late One")
    with pytest.raises(services.CollectionError, match="Late One"):
        services.settle_owned_collections(author, form.cleaned_data.get("collections", ""))
    assert account_exists()
