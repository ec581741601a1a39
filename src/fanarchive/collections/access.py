"""The one way views fetch collection objects. Items and participations are found only
among those the user has a say over, so a guessed id is a 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from fanarchive.collections import services
from fanarchive.collections.models import Collection, CollectionItem, Participant


def collection_named(name: str) -> Collection:
    return get_object_or_404(Collection.objects.select_related("owner"), name=name)


def maintained_collection(user, name: str) -> Collection:
    collection = collection_named(name)
    if not services.is_maintainer(collection, user):
        raise services.NotAllowed("Only the collection's owner and moderators can do this.")
    return collection


def item_for(user, pk: int) -> CollectionItem:
    return get_object_or_404(services.reachable_items(user), pk=pk)


def participant_for(user, pk: int) -> Participant:
    return get_object_or_404(services.reachable_participants(user), pk=pk)
