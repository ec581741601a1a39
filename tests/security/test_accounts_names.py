"""Finding 13 of issue 16: sign-up took look-alike names (Cyrillic "а" in alice), invisible
names (Hangul fillers) and pseuds of zero-width characters. accounts.names now refuses
invisible characters, letters of one alphabet passing for another's, and any username whose
skeleton (what it looks like) is that of an existing account."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from fanarchive.accounts.models import UsernameSkeleton
from fanarchive.accounts.names import skeleton

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-42"


def sign_up(client, username):
    response = client.post(
        reverse("accounts:signup"),
        {"username": username, "email": "", "password1": PASSWORD, "password2": PASSWORD},
    )
    return response.status_code, response.content.decode()


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice", password=PASSWORD)


@pytest.mark.parametrize("name", ["аlice", "alicе", "bоb_the_builder", "Αlaska"])
def test_letters_from_another_alphabet_that_look_latin_are_refused(client, name):
    status, page = sign_up(client, name)
    assert status == 200 and "alphabets that look alike" in page
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize(
    "name", ["aIice", "al1ce", "ALICE", "ａｌｉｃｅ", "аlісе", "Alice"]
)  # capital I, digit one, case, full width, all Cyrillic
def test_a_name_that_looks_like_an_existing_one_is_refused(client, alice, name):
    status, page = sign_up(client, name)
    assert status == 200
    assert any(m in page for m in ("looks too much like", "already exists", "look alike"))
    assert get_user_model().objects.count() == 1


@pytest.mark.parametrize(
    "name", ["\u3164", "alice\u3164", "\u115f\u1160bob", "bob\ufe0f", "bo\u034fb"]
)
def test_invisible_characters_are_refused_in_usernames(client, name):
    status, page = sign_up(client, name)
    assert status == 200 and "cannot be seen" in page
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize("name", ["Алексей", "さくら_sakura", "José_2", "桜さくら", "mallory"])
def test_names_in_one_alphabet_or_with_unrelated_scripts_are_welcome(client, alice, name):
    assert sign_up(client, name)[0] == 302


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("\u200b", "cannot be seen"),
        ("River\u200bWriter", "cannot be seen"),
        ("\u3164", "cannot be seen"),
        ("Rivеr Writer", "alphabets that look alike"),  # Cyrillic е
        ("orphan_account", "reserved"),
    ],
)
def test_pseuds_refuse_invisible_and_look_alike_names(author_client, author, name, message):
    response = author_client.post(reverse("accounts:pseuds"), {"name": name})
    assert message in response.content.decode()
    assert list(author.pseuds.values_list("name", flat=True)) == ["author"]


def test_a_pseud_in_another_alphabet_is_welcome(author_client, author):
    author_client.post(reverse("accounts:pseuds"), {"name": "Река Писатель"})
    assert author.pseuds.filter(name="Река Писатель").exists()


def test_skeletons_follow_sign_ups_and_renames(client, alice):
    assert UsernameSkeleton.objects.get(user=alice).skeleton == skeleton("alice")
    alice.username = "alicia"
    alice.save()
    assert sign_up(client, "aIice")[0] == 302  # the old name is free again
    assert "looks too much like" in sign_up(Client(), "a1icia")[1]


def test_accounts_without_a_skeleton_are_still_compared(client, alice):
    UsernameSkeleton.objects.all().delete()  # e.g. restored from an older backup
    assert "looks too much like" in sign_up(client, "aIice")[1]
