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


def test_a_second_pseud_can_be_chosen_when_posting(author_client, author):
    from fanarchive.works.models import Work
    from tests.works.helpers import work_form_data

    assert "Post as" not in author_client.get(reverse("works:new")).content.decode()
    author_client.post(reverse("accounts:pseuds"), {"name": "River Writer"})
    response = author_client.post(reverse("accounts:pseuds"), {"name": "river writer"})
    assert "already have a pseud" in response.content.decode()
    pseud = author.pseuds.get(name="River Writer")
    assert "Post as" in author_client.get(reverse("works:new")).content.decode()
    author_client.post(reverse("works:new"), work_form_data(pseud=pseud.pk))
    work = Work.objects.get()
    assert [p.byline for p in work.pseuds.all()] == ["River Writer (author)"]
    assert work.is_authored_by(author)


def test_someone_elses_pseud_cannot_be_used(author_client, author, other_user):
    from fanarchive.accounts.models import Pseud
    from fanarchive.works.models import Work
    from tests.works.helpers import work_form_data

    author_client.post(reverse("accounts:pseuds"), {"name": "Second"})
    foreign = Pseud.default_for(other_user)
    response = author_client.post(reverse("works:new"), work_form_data(pseud=foreign.pk))
    assert "Select a valid choice" in response.content.decode()
    assert not Work.objects.exists()
