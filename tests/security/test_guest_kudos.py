"""Finding 14: guest kudos were unlimited: one per guest session, and a guest gets a new session
by dropping a cookie. As AO3 does, a guest now leaves kudos on a work once per client address
(the address the outermost trusted proxy saw, as the log-in lockout reads it)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.readers.models import Kudos
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def kudos_from(work, follow=False, **client_kwargs):
    """A fresh guest (new session) each time, as a script that drops its cookies."""
    return Client(**client_kwargs).post(reverse("readers:kudos", args=[work.pk]), follow=follow)


def kudos_count(work) -> int:
    work.refresh_from_db()
    assert work.kudos_count == Kudos.objects.filter(work=work).count()
    return work.kudos_count


def test_new_sessions_from_one_address_leave_one_kudos(author):
    work = posted_work(author)
    for _ in range(5):
        kudos_from(work, REMOTE_ADDR="198.51.100.4")
    assert kudos_count(work) == 1


def test_the_second_guest_is_told_kudos_were_left(author):
    work = posted_work(author)
    kudos_from(work, REMOTE_ADDR="198.51.100.4")
    page = kudos_from(work, follow=True, REMOTE_ADDR="198.51.100.4").content.decode()
    assert "already left kudos" in page


def test_guests_from_other_addresses_count(author):
    work = posted_work(author)
    for last in (1, 2, 3):
        kudos_from(work, REMOTE_ADDR=f"198.51.100.{last}")
    assert kudos_count(work) == 3


def test_the_limit_is_per_work(author):
    first, second = posted_work(author, title="One"), posted_work(author, title="Two")
    kudos_from(first, REMOTE_ADDR="198.51.100.4")
    kudos_from(second, REMOTE_ADDR="198.51.100.4")
    assert kudos_count(first) == 1 and kudos_count(second) == 1


def test_a_forged_forwarded_for_header_does_not_reset_the_limit(author):
    """Without trusted proxies, X-Forwarded-For is the client's own word: ignored."""
    work = posted_work(author)
    for fake in ("203.0.113.1", "203.0.113.2"):
        kudos_from(work, REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR=fake)
    assert kudos_count(work) == 1


def test_behind_a_trusted_proxy_the_forwarded_address_counts(author, settings):
    settings.FANARCHIVE_TRUSTED_PROXIES = 1
    work = posted_work(author)
    for guest in ("203.0.113.1", "203.0.113.2", "203.0.113.2"):
        kudos_from(work, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=guest)
    assert kudos_count(work) == 2


def test_accounts_on_one_address_each_leave_kudos(client, author, other_user, wrangler):
    work = posted_work(author)
    for user in (other_user, wrangler):
        client.force_login(user)
        client.post(reverse("readers:kudos", args=[work.pk]), REMOTE_ADDR="198.51.100.4")
    kudos_from(work, REMOTE_ADDR="198.51.100.4")  # and one guest
    assert kudos_count(work) == 3
