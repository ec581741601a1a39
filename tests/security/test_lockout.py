"""Findings 4 and 5 of issue 16: the admin's log-in had no limit; the site's limit counted the
literal username (a full-width "ａ" gave 5 new tries), per process (gunicorn workers each kept
their own count) and per address alone (behind a proxy, 50 failures locked out everyone).

django-axes now counts failures in the database per canonical username and client address,
on every form that calls `authenticate` (site/ratelimit.py)."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from fanarchive.site.ratelimit import TOO_MANY, per_username

pytestmark = pytest.mark.django_db
LIMIT = per_username()


def attempt(username, password, url="accounts:login", address="10.0.0.1", **headers):
    return Client().post(
        reverse(url), {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def fail_until_locked(username="author", **kwargs):
    statuses = [attempt(username, "wrong", **kwargs).status_code for _ in range(LIMIT)]
    assert statuses == [200] * (LIMIT - 1) + [429]


@pytest.fixture
def admin_user(django_user_model, password):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", password)


def test_the_admin_login_is_limited(admin_user, password):
    fail_until_locked("boss", url="admin:login")
    response = attempt("boss", password, url="admin:login")
    assert response.status_code == 429 and TOO_MANY in response.content.decode()
    # The site's form and the admin's share the count.
    assert attempt("boss", password).status_code == 429


def test_failures_on_the_site_count_on_the_admin_login_too(admin_user, password):
    fail_until_locked("boss")
    assert attempt("boss", password, url="admin:login").status_code == 429


@pytest.mark.parametrize("spelling", ["ａｕｔｈｏｒ", "AUTHOR", "Ａuthor"])
def test_look_alike_spellings_of_a_username_share_its_count(author, password, spelling):
    for _ in range(LIMIT - 1):
        assert attempt("author", "wrong").status_code == 200
    assert attempt(spelling, "wrong").status_code == 429
    assert attempt("author", password).status_code == 429
    assert attempt("ａｕｔｈｏｒ", password).status_code == 429


def test_the_count_is_not_kept_in_one_process_memory(author, password):
    # Each gunicorn worker had its own memory cache: a cleared cache stands for the next one.
    for _ in range(LIMIT):
        attempt("author", "wrong")
        cache.clear()
    assert attempt("author", password).status_code == 429


@override_settings(FANARCHIVE_TRUSTED_PROXIES=1)
def test_behind_a_trusted_proxy_the_forwarded_client_is_locked_out_not_the_proxy(
    author, other_user, password
):
    proxy = {"address": "10.9.9.9"}
    fail_until_locked(HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert (
        attempt("author", password, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 429
    )
    # A forged header further left does not get the attacker a fresh count...
    forged = "198.51.100.1, 203.0.113.5"
    assert attempt("author", password, HTTP_X_FORWARDED_FOR=forged, **proxy).status_code == 429
    # ...and the author logging in from elsewhere through the same proxy is not locked out.
    assert attempt("author", password, HTTP_X_FORWARDED_FOR="192.0.2.7", **proxy).status_code == 302
    assert (
        attempt("outsider", password, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code
        == 302
    )


def test_without_trusted_proxies_the_forwarded_header_is_ignored(author, password):
    fail_until_locked(HTTP_X_FORWARDED_FOR="203.0.113.5")
    response = attempt("author", password, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


def test_fifty_failures_from_one_address_lock_out_no_other_user(author, password):
    for i in range(50):
        attempt(f"someone{i % 10}", "wrong")
    assert attempt("author", password).status_code == 302


@pytest.mark.parametrize("url", ["accounts:login", "admin:login"])
def test_nul_bytes_in_a_failed_login_are_no_server_error(author, url):
    client = Client()
    response = client.post(
        reverse(url) + "?next=/%00x",
        {"username": "auth\x00or", "password": "wr\x00ong", "x": "\x00"},
    )
    assert response.status_code == 200


def test_the_lockout_ends_a_window_after_it_began_whatever_is_tried_meanwhile(author, password):
    from datetime import timedelta

    from axes.models import AccessAttempt

    fail_until_locked()
    began = AccessAttempt.objects.get().attempt_time
    assert attempt("author", "wrong").status_code == 429
    assert attempt("author", password).status_code == 429
    assert AccessAttempt.objects.get().attempt_time == began  # tries did not extend it
    window = timedelta(seconds=900)
    AccessAttempt.objects.update(attempt_time=began - window - timedelta(seconds=1))
    assert attempt("author", password).status_code == 302
