"""A reader blocked by a work's creator is offered no kudos or comment form (AO3's message
instead); a forbidden post anyway gets the site's styled 403 page with the typed comment
kept; 403 and 404 pages are the site's pages."""

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.readers.models import Block, Comment, Kudos
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db
BLOCKED = "Sorry, you have been blocked by one or more of this work"  # ’s creators.
STYLED = '<link rel="stylesheet" href="/static/fanarchive/archive.css">'


@pytest.fixture
def blocked_reader(author, other_user):
    work = posted_work(author, title="The River")
    commenter = Client()
    commenter.force_login(author)
    commenter.post(reverse("readers:comment", args=[work.pk]), {"body": "Author's own note"})
    Block.objects.create(user=author, blocked=other_user)
    client = Client()
    client.force_login(other_user)
    return work, client


def test_a_blocked_reader_sees_no_kudos_or_comment_forms_but_ao3s_message(blocked_reader):
    work, client = blocked_reader
    html = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert BLOCKED in html
    assert 'id="kudo_submit"' not in html
    assert reverse("readers:kudos", args=[work.pk]) not in html
    assert reverse("readers:comment", args=[work.pk]) not in html  # no comment, no reply
    assert "own note" in html  # the comments are still there to read


def test_readers_not_blocked_keep_the_forms(author, other_user, django_user_model):
    work = posted_work(author)
    Block.objects.create(user=author, blocked=other_user)
    client = Client()
    client.force_login(django_user_model.objects.create_user("friend"))
    html = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert 'id="kudo_submit"' in html and 'id="id_comment_body"' in html and BLOCKED not in html


def test_a_forbidden_comment_gets_a_styled_403_that_keeps_the_text(blocked_reader):
    work, client = blocked_reader
    typed = 'A long reply <b>with</b> "quotes" I spent an hour on.'
    response = client.post(reverse("readers:comment", args=[work.pk]), {"body": typed})
    html = response.content.decode()
    assert response.status_code == 403
    assert STYLED in html and 'id="main" class="error-403 region"' in html
    assert BLOCKED in html
    kept = "A long reply &lt;b&gt;with&lt;/b&gt; &quot;quotes&quot; I spent an hour on."
    assert f">{kept}</textarea>" in html
    assert f'href="{reverse("works:detail", args=[work.pk])}">Back to The River</a>' in html
    assert not Comment.objects.filter(work=work, user__username="outsider").exists()


def test_the_separate_kudos_and_comment_pages_refuse_a_blocked_reader_too(blocked_reader):
    work, client = blocked_reader
    for name in ("readers:kudos", "readers:comment"):
        response = client.get(reverse(name, args=[work.pk]))
        html = response.content.decode()
        assert response.status_code == 403 and BLOCKED in html and "<textarea" not in html


def test_forbidden_kudos_get_the_styled_403(blocked_reader):
    work, client = blocked_reader
    response = client.post(reverse("readers:kudos", args=[work.pk]))
    html = response.content.decode()
    assert response.status_code == 403 and STYLED in html and BLOCKED in html
    assert "kept_text" not in html  # nothing typed, nothing shown back
    assert not Kudos.objects.filter(work=work).exists()


@pytest.mark.parametrize("path", ["/no/such/page", "/works/999999", "/users/nobody"])
def test_404_pages_are_the_sites_styled_page(path, other_user):
    member = Client()
    member.force_login(other_user)
    for client in (Client(), member):
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 404
        assert STYLED in html and 'id="main" class="error-404 region"' in html


def test_a_refused_form_token_gets_the_styled_403_with_ao3s_words_and_the_text(other_user):
    # An expired session, or a log-in in another tab, makes the page's token stale.
    work = posted_work(other_user)
    client = Client(enforce_csrf_checks=True)
    client.force_login(other_user)
    response = client.post(reverse("readers:comment", args=[work.pk]), {"body": "Keep me"})
    html = response.content.decode()
    assert response.status_code == 403 and STYLED in html
    assert "Your current session has expired and we can&#x27;t authenticate" in html
    assert ">Keep me</textarea>" in html


@pytest.mark.parametrize("action", ["readers:subscribe_author", "readers:block", "readers:mute"])
def test_no_one_subscribes_to_blocks_or_mutes_themselves(author, action):
    client = Client()
    client.force_login(author)
    response = client.post(reverse(action, args=[author.get_username()]))
    assert response.status_code == 403
    assert not Block.objects.exists()
