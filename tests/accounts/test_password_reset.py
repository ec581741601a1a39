"""Password reset at AO3's addresses, the whole flow through Django's mail outbox; email
settings from the environment."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from fanarchive.accounts.mailconfig import email_settings
from fanarchive.site.env import ConfigError

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-brand-new-Passphrase-42"


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/users/password/edit/\S+)", message.body).group(1)


@pytest.mark.parametrize("given", ["author@example.org", "AUTHOR"])
def test_reset_by_email_or_user_name_then_log_in_with_the_new_password(author, given):
    author.email = "author@example.org"
    author.save()
    client = Client()
    login_page = client.get(reverse("accounts:login")).content.decode()
    assert 'href="/users/password/new"' in login_page
    assert "Forgotten your password?" in client.get("/users/password/new").content.decode()
    response = client.post("/users/password/new", {"email": given})
    assert response.status_code == 302 and response["Location"] == "/users/password/sent"
    (message,) = mail.outbox
    assert message.to == ["author@example.org"] and "Reset your password" in message.subject
    link = reset_link(message)
    form_page = client.get(link, follow=True)
    assert b"New password" in form_page.content
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert b"Your password has been changed" in done.content
    author.refresh_from_db()
    assert author.check_password(NEW_PASSWORD)
    # The link works once.
    assert b"invalid or has already been used" in Client().get(link, follow=True).content


def test_unknown_address_sends_nothing_and_says_the_same(author):
    response = Client().post("/users/password/new", {"email": "nobody@example.org"})
    assert response["Location"] == "/users/password/sent" and mail.outbox == []


def test_a_user_without_an_email_gets_no_mail(author):
    author.email = ""
    author.save()
    Client().post("/users/password/new", {"email": "author"})
    assert mail.outbox == []


def test_email_settings_from_the_environment():
    assert email_settings({})["EMAIL_BACKEND"].endswith("console.EmailBackend")
    url = email_settings({"EMAIL_URL": "smtp://me:p%40ss@mail.example.org:587?tls=1"})
    assert (url["EMAIL_HOST"], url["EMAIL_PORT"], url["EMAIL_HOST_USER"]) == (
        "mail.example.org",
        587,
        "me",
    )
    assert url["EMAIL_HOST_PASSWORD"] == "p@ss" and url["EMAIL_USE_TLS"]
    ssl = email_settings({"EMAIL_URL": "smtps://mail.example.org"})
    assert ssl["EMAIL_PORT"] == 465 and ssl["EMAIL_USE_SSL"]
    host = email_settings({"EMAIL_HOST": "relay", "EMAIL_PORT": "2525", "EMAIL_USE_TLS": "yes"})
    assert host["EMAIL_BACKEND"].endswith("smtp.EmailBackend") and host["EMAIL_PORT"] == 2525
    for bad in ({"EMAIL_URL": "ftp://x"}, {"EMAIL_HOST": "relay", "EMAIL_PORT": "x"}):
        with pytest.raises(ConfigError):
            email_settings(bad)
