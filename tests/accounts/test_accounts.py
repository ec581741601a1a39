import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_signup_logs_in_and_creates_a_default_pseud(client, django_user_model):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "newcomer",
            "email": "",
            "password1": "correct-horse-42",
            "password2": "correct-horse-42",
        },
    )
    assert response.status_code == 302
    user = django_user_model.objects.get(username="newcomer")
    assert [p.name for p in user.pseuds.all()] == ["newcomer"]
    assert client.get(reverse("works:dashboard")).status_code == 200


def test_signup_errors_keep_what_was_typed(client):
    response = client.post(
        reverse("accounts:signup"),
        {"username": "newcomer", "email": "me@example.org", "password1": "abc", "password2": "abd"},
    )
    assert response.status_code == 200
    assert (
        "didn’t match" in response.content.decode() or "didn't match" in response.content.decode()
    )
    assert 'value="newcomer"' in response.content.decode()
    assert 'value="me@example.org"' in response.content.decode()


def test_login_and_logout(client, author, password):
    response = client.post(reverse("accounts:login"), {"username": "author", "password": password})
    assert response.status_code == 302
    assert "Hi, author" in client.get("/").content.decode()
    client.post(reverse("accounts:logout"))
    assert "Log In" in client.get("/").content.decode()


def test_wrong_password_shows_a_message(client, author):
    response = client.post(reverse("accounts:login"), {"username": "author", "password": "nope"})
    assert response.status_code == 200
    assert "enter a correct username and password" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "data"),
    [
        (
            "accounts:signup",
            {"username": "x", "password1": "correct-horse-42", "password2": "correct-horse-42"},
        ),
        ("accounts:login", {"username": "author", "password": "a-long-test-password-42"}),
        ("works:new", {"title": "T"}),
    ],
)
def test_forms_refuse_posts_without_a_csrf_token(author, url, data):
    client = Client(enforce_csrf_checks=True)
    if url == "works:new":
        client.force_login(author)
    assert client.post(reverse(url), data).status_code == 403
