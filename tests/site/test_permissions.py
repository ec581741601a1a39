"""Every cell of the permission matrix (fanarchive/site/permissions.py), over HTTP: allowed
roles get through, the others are refused and change nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from fanarchive.accounts.models import Preference
from fanarchive.collections import services as collection_services
from fanarchive.collections.models import (
    Approval,
    Collection,
    CollectionItem,
    Participant,
    Role,
)
from fanarchive.readers.models import (
    Block,
    Bookmark,
    Comment,
    EmailPreference,
    InboxItem,
    Kudos,
    Reading,
    Series,
    SeriesPart,
    Subscription,
)
from fanarchive.search.models import FandomMedia
from fanarchive.site.permissions import MATRIX, ROLES
from fanarchive.tags.models import Tag, TagType
from fanarchive.tags.services import WRANGLERS_GROUP, ensure_archive_basics
from fanarchive.works.models import Chapter, Work
from tests.module_data import rows_for_the_module
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db
CELLS = [(rule, role) for rule in MATRIX for role in ROLES]
PASSWORD = "a-long-test-password-42"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once: every cell only reads it, and a refused request must leave it as it was."""
    with rows_for_the_module(django_db_blocker):
        yield _build_world(get_user_model())


def _build_world(django_user_model):
    ensure_archive_basics()
    users = {
        name: django_user_model.objects.create_user(name, f"{name}@example.org", PASSWORD)
        for name in ("author", "reader", "wrangler")
    }
    users["wrangler"].groups.add(Group.objects.get(name=WRANGLERS_GROUP))
    users["admin"] = django_user_model.objects.create_superuser("admin", "a@example.org", PASSWORD)
    author, reader = users["author"], users["reader"]
    work = posted_work(author, title="Public", chapters=2)
    draft = posted_work(author, title="Draft")
    Work.objects.filter(pk=draft.pk).update(posted=False)
    restricted = posted_work(author, title="Members", restricted=True)
    hidden = posted_work(author, title="Hidden")
    Work.objects.filter(pk=hidden.pk).update(hidden_by_admin=True)
    comment = Comment.objects.create(work=work, user=reader, body="<p>Mine</p>")
    pending = Comment.objects.create(
        work=work, guest_name="G", body="<p>Wait</p>", status=Comment.Status.PENDING
    )
    targets = {
        "work": [work.pk],
        "draft": [draft.pk],
        "restricted": [restricted.pk],
        "hidden": [hidden.pk],
        "chapter": [work.pk, work.chapters.get(position=2).pk],
        "comment": [comment.pk],
        "pending": [pending.pk],
        "bookmark": [Bookmark.objects.create(user=reader, work=work, private_notes="s").pk],
        "inbox": [InboxItem.objects.create(user=reader, work=work, message="m").pk],
        "tag": [_tag_on(work).pk],
        "author": ["author"],
        "series": [_series_of(author, work).pk],
        "fandom": [_fandom_of(work).pk],
        "media": ["Uncategorized Fandoms"],
        "none": [],
    }
    targets.update(_collection_targets(author, reader, work))
    return users, targets


def _tag_on(work):
    """An unwrangled tag of a posted work: a tag used by nothing visible has no page."""
    tag = Tag.objects.create(name="Unwrangled Thing", type=TagType.FREEFORM)
    work.tags.add(tag)
    return tag


def _fandom_of(work):
    fandom = Tag.objects.create(name="Saga Fandom", type=TagType.FANDOM, canonical=True)
    work.tags.add(fandom)
    return fandom


def _series_of(author, work):
    series = Series.objects.create(owner=author, title="Saga")
    SeriesPart.objects.create(series=series, work=work, position=1)
    return series


def _collection_targets(author, reader, work) -> dict:
    """A moderated collection the author owns, holding work; the reader is invited to it
    and has a work of their own in it, awaiting the collection's approval."""
    circle = collection_services.create_collection(author, "circle", "Circle", moderated=True)
    CollectionItem.objects.create(
        collection=circle,
        work=work,
        user_approval=Approval.APPROVED,
        collection_approval=Approval.APPROVED,
    )
    readers_item = collection_services.add_work(
        circle, posted_work(reader, title="Reader's Own"), reader
    )
    invitation = Participant.objects.create(collection=circle, user=reader, role=Role.INVITED)
    return {
        "collection": [circle.name],
        "item": [readers_item.pk],
        "participant": [invitation.pk],
    }


def _data(rule, targets) -> dict:
    return {
        key: targets[value[1:]][0] if isinstance(value, str) and value.startswith("@") else value
        for key, value in rule.data.items()
    }


def fingerprint() -> tuple:
    """Everything a refused request must leave as it was."""
    works = tuple(
        Work.objects.order_by("pk").values_list(
            "pk", "title", "posted", "complete", "hidden_by_admin", "kudos_count"
        )
    )
    return (
        works,
        tuple(Chapter.objects.order_by("pk").values_list("pk", "body")),
        tuple(Comment.objects.order_by("pk").values_list("pk", "status")),
        tuple(Bookmark.objects.order_by("pk").values_list("pk", "notes")),
        tuple(InboxItem.objects.order_by("pk").values_list("pk", "read")),
        tuple(Tag.objects.order_by("pk").values_list("pk", "canonical")),
        Kudos.objects.count(),
        Subscription.objects.count(),
        Block.objects.count(),
        tuple(SeriesPart.objects.order_by("pk").values_list("series_id", "work_id")),
        tuple(Reading.objects.values_list("later", flat=True)),
        tuple(Work.objects.order_by("pk").values_list("pseuds__user_id", flat=True)),
        tuple(Collection.objects.order_by("pk").values_list("pk", "title", "closed")),
        tuple(
            CollectionItem.objects.order_by("pk").values_list(
                "pk", "work_id", "user_approval", "collection_approval"
            )
        ),
        tuple(Participant.objects.order_by("pk").values_list("pk", "user_id", "role")),
        tuple(FandomMedia.objects.order_by("pk").values_list("fandom_id", "media")),
        tuple(Preference.objects.order_by("pk").values_list("user_id", "hide_warnings")),
        tuple(EmailPreference.objects.order_by("pk").values_list("user_id", "kudos_emails_off")),
    )


def refused(response) -> bool:
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize(
    ("rule", "role"), CELLS, ids=[f"{rule.name}-{role}" for rule, role in CELLS]
)
def test_permission_cell(world, rule, role):
    users, targets = world
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    args = list(targets[rule.target])
    data = _data(rule, targets)
    if "fmt" in data:
        args.append(data.pop("fmt"))
    url = reverse(rule.url_name, args=args)
    before = fingerprint()
    response = client.post(url, data) if rule.method == "POST" else client.get(url, data)
    if role in rule.allowed:
        assert not refused(response), f"{role} was refused {rule.name}: {response.status_code}"
        assert response.status_code < 400
    else:
        assert refused(response), f"{role} may {rule.name}: {response.status_code}"
        assert fingerprint() == before, f"refused {rule.name} by {role} changed data"


def test_the_matrix_covers_every_readers_url():
    from fanarchive.readers.urls import urlpatterns

    names = {rule.url_name for rule in MATRIX}
    assert {f"readers:{p.name}" for p in urlpatterns} <= names
    assert len(CELLS) >= 300


def test_the_matrix_covers_every_search_url():
    from fanarchive.search.urls import urlpatterns

    names = {rule.url_name for rule in MATRIX}
    assert {f"search:{p.name}" for p in urlpatterns} <= names
    assert {"readers:email_preferences", "accounts:preferences"} <= names


def test_the_matrix_covers_every_collections_url():
    from fanarchive.collections.urls import urlpatterns

    names = {rule.url_name for rule in MATRIX}
    assert {f"collections:{p.name}" for p in urlpatterns} <= names


POSTS = [rule for rule in MATRIX if rule.method == "POST"]


@pytest.mark.parametrize("rule", POSTS, ids=[rule.name for rule in POSTS])
def test_every_state_change_needs_a_csrf_token(world, rule):
    """Even a role allowed to act is refused without the token, and nothing changes."""
    users, targets = world
    role = sorted(rule.allowed)[0] if rule.allowed else "admin"
    client = Client(enforce_csrf_checks=True)
    if role != "anonymous":
        client.force_login(users[role])
    args = list(targets[rule.target])
    before = fingerprint()
    response = client.post(reverse(rule.url_name, args=args), _data(rule, targets))
    assert response.status_code == 403
    assert fingerprint() == before
