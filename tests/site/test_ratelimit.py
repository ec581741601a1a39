"""Failed logins are limited per IP + username; a success resets the count (django-axes,
site/ratelimit.py; more in tests/security/test_lockout.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.site.ratelimit import per_username

pytestmark = pytest.mark.django_db
PER_USERNAME = per_username()


def attempt(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_too_many_failures_lock_the_username_from_that_address(author, password):
    client = Client()
    for _ in range(PER_USERNAME - 1):
        assert attempt(client, "author", "wrong").status_code == 200
    # The failure that reaches the limit is answered with the lockout (django-axes).
    assert attempt(client, "author", "wrong").status_code == 429
    # Even the right password is refused now, from that address...
    assert attempt(client, "author", password).status_code == 429
    # ...but not from another one, nor for another username.
    assert attempt(Client(), "author", password, address="10.0.0.2").status_code == 302
    assert attempt(Client(), "someone", "wrong").status_code == 200


def test_a_success_resets_the_count(author, password):
    client = Client()
    for _ in range(PER_USERNAME - 1):
        attempt(client, "author", "wrong")
    assert attempt(client, "author", password).status_code == 302
    other = Client()
    for _ in range(PER_USERNAME - 1):
        assert attempt(other, "author", "wrong").status_code == 200


def test_many_usernames_from_one_address_lock_out_only_those_usernames(author, password):
    # Keyed per username and address (finding 5 of issue 16): a per-address limit locked out
    # every user behind a reverse proxy. Each guessed username is limited on its own.
    client = Client()
    for i in range(PER_USERNAME * 10 + 1):
        assert attempt(client, f"user{i}", "wrong").status_code == 200
    assert attempt(client, "author", password).status_code == 302
