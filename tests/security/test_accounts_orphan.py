"""Finding 1 of issue 16: signing up as `orphan_account` took over every orphaned work.

The archive's own accounts are found by a SystemAccount row, never by name; their names (and
look-alikes of them) cannot be signed up for; and a person who already holds such a name on an
older archive is never given works (the archive refuses, with a message).
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from fanarchive.accounts.models import SystemAccount
from fanarchive.accounts.system import (
    ARCHIVIST,
    ORPHAN,
    SystemAccountUnavailable,
    is_system_user,
    system_user,
)
from fanarchive.readers.services import orphan_work
from fanarchive.works.models import Work
from fanarchive.works.samples import archivist_pseud
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-42"


def sign_up(client, username):
    return client.post(
        reverse("accounts:signup"),
        {"username": username, "email": "", "password1": PASSWORD, "password2": PASSWORD},
    )


@pytest.mark.parametrize(
    "name",
    [
        "orphan_account",
        "ORPHAN_ACCOUNT",
        "Orphan.Account",
        "orphan-account2",
        "оrphan_account",  # Cyrillic о
        "0rphan_acc0unt",
        "ｏｒｐｈａｎ＿ａｃｃｏｕｎｔ",  # full-width
        "archivist",
        "Archivist",
        "admin",
        "root",
        "support",
        "staff",
    ],
)
def test_reserved_names_cannot_be_signed_up_for(client, name):
    response = sign_up(client, name)
    assert response.status_code == 200
    assert not get_user_model().objects.exists()
    page = response.content.decode()
    assert "reserved for the archive" in page or "alphabets that look alike" in page


def test_ordinary_names_still_sign_up(client):
    assert sign_up(client, "orphan_black_fan").status_code == 302


def test_an_orphaned_work_goes_to_the_flagged_system_account(author_client, author):
    work = posted_work(author)
    author_client.post(reverse("readers:orphan", args=[work.pk]))
    owner = work.pseuds.get().user
    assert owner.username == "orphan_account"
    assert is_system_user(owner) and not owner.has_usable_password()
    assert SystemAccount.objects.get(kind=ORPHAN).user == owner


def test_a_person_holding_the_name_is_never_given_orphaned_works(client, author):
    # An archive from before the check: someone signed up as orphan_account.
    squatter = get_user_model().objects.create_user("orphan_account", password=PASSWORD)
    work = posted_work(author)
    client.force_login(author)
    response = client.post(reverse("readers:orphan", args=[work.pk]), follow=True)
    assert "was not orphaned" in response.content.decode()
    assert "belongs to a person" in response.content.decode()
    assert [p.user for p in work.pseuds.all()] == [author]
    assert not Work.objects.by(squatter).exists()
    with pytest.raises(SystemAccountUnavailable):
        orphan_work(work, author)


def test_deleting_an_account_keeps_it_when_works_cannot_be_orphaned(client, author, password):
    squatter = get_user_model().objects.create_user("Orphan_Account", password=PASSWORD)
    work = posted_work(author)
    client.force_login(author)
    response = client.post(
        reverse("readers:delete_account"), {"works": "orphan", "password": password}, follow=True
    )
    assert "Your account was not deleted" in response.content.decode()
    assert get_user_model().objects.filter(pk=author.pk).exists()
    assert [p.user for p in work.pseuds.all()] == [author]
    assert not Work.objects.by(squatter).exists()


def test_an_account_older_versions_made_for_orphans_is_adopted(author):
    old = get_user_model().objects.create_user("orphan_account")  # unusable password
    work = posted_work(author)
    orphan_work(work, author)
    assert work.pseuds.get().user == old
    assert SystemAccount.objects.get(kind=ORPHAN).user == old


def test_the_system_account_is_found_by_its_flag_after_a_rename(author):
    user = system_user(ORPHAN)
    user.username = "orphaned_works"
    user.save()
    assert system_user(ORPHAN) == user
    orphan_work(posted_work(author), author)
    assert Work.objects.by(user).count() == 1


def test_sample_works_never_go_to_a_person_called_archivist():
    get_user_model().objects.create_user("archivist", password=PASSWORD)
    with pytest.raises(SystemAccountUnavailable):
        archivist_pseud()
    assert not SystemAccount.objects.filter(kind=ARCHIVIST).exists()
