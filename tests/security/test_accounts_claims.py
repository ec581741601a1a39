"""Finding 2 of issue 16, the claim side: an author asks for the works imported under their
byline, and nothing moves until an admin confirms the claim (as AO3's Open Doors does)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from fanarchive.accounts.models import WorksClaim
from fanarchive.imports.drafts import Draft, DraftChapter
from fanarchive.imports.store import forget_cached_rows, import_drafts
from fanarchive.works.models import Work

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cached_rows():
    forget_cached_rows()
    yield
    forget_cached_rows()


def imported(index: int, byline: str) -> Work:
    body = f'"Story {index}," said Mira.\n\nTom nodded.\n'
    draft = Draft(f"s{index}.txt", f"Story {index}", [DraftChapter("", body)], authors=[byline])
    [stored] = import_drafts([(draft, None)])
    return Work.objects.get(pk=stored.work_id)


def confirm(admin_client, action="confirm"):
    ids = [str(pk) for pk in WorksClaim.objects.values_list("pk", flat=True)]
    return admin_client.post(
        reverse("admin:accounts_worksclaim_changelist"),
        {"action": action, "_selected_action": ids},
        follow=True,
    )


def test_a_claim_moves_nothing_until_an_admin_confirms_it(author_client, author, admin_client):
    works = [imported(1, "author"), imported(2, "Author")]
    response = author_client.post(
        reverse("accounts:claims"), {"byline": "author", "evidence": "same e-mail"}, follow=True
    )
    assert "Your claim was sent" in response.content.decode()
    assert not Work.objects.by(author).exists()
    confirm(admin_client)
    assert list(Work.objects.by(author)) == [works[0]]  # the exact byline, not "Author"
    claim = WorksClaim.objects.get()
    assert (claim.status, claim.moved) == (WorksClaim.CONFIRMED, 1)
    assert (
        "confirmed, 1 work moved" in author_client.get(reverse("accounts:claims")).content.decode()
    )


def test_a_rejected_claim_moves_nothing(author_client, author, admin_client):
    imported(1, "author")
    author_client.post(reverse("accounts:claims"), {"byline": "author"})
    confirm(admin_client, "reject")
    confirm(admin_client)  # a decided claim is not decided again
    assert WorksClaim.objects.get().status == WorksClaim.REJECTED
    assert not Work.objects.by(author).exists()


def test_claims_need_imported_works_and_are_not_repeated(author_client, author):
    posted = author_client.post(reverse("accounts:claims"), {"byline": "nobody"})
    assert "No imported works are waiting" in posted.content.decode()
    imported(1, "river")
    author_client.post(reverse("accounts:claims"), {"byline": "river"})
    again = author_client.post(reverse("accounts:claims"), {"byline": "River"})
    assert "already claimed" in again.content.decode()
    assert WorksClaim.objects.count() == 1


def test_claiming_needs_an_account(client):
    response = client.get(reverse("accounts:claims"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_claims_cannot_be_added_or_edited_in_the_admin(admin_client, author_client):
    imported(1, "author")
    author_client.post(reverse("accounts:claims"), {"byline": "author"})
    assert admin_client.get(reverse("admin:accounts_worksclaim_add")).status_code == 403
    assert get_user_model().objects.filter(username="archivist").exists()
