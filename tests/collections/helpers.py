"""Building collections for tests: an owner, a moderator, a member and an outsider."""

from __future__ import annotations

from fanarchive.collections import services
from fanarchive.collections.models import Participant, Role


def collection_of(owner, name="rare_pairs", moderated=True, closed=False, **fields):
    collection = services.create_collection(
        owner, name, fields.pop("title", "Rare Pairs Week"), moderated=moderated, **fields
    )
    if closed:
        collection.closed = True
        collection.save()
    return collection


def with_role(collection, user, role: str) -> Participant:
    return Participant.objects.update_or_create(
        collection=collection, user=user, defaults={"role": role}
    )[0]


def moderator(collection, user) -> Participant:
    return with_role(collection, user, Role.MODERATOR)
