"""AO3's site-skin pages: create, refuse unsafe CSS, preview, use, serve after the archive's CSS."""

from __future__ import annotations

import re

import pytest

from fanarchive.skins.models import Skin, SkinPreference
from fanarchive.skins.services import default_skin

pytestmark = pytest.mark.django_db

GOOD_CSS = "#main .blurb .heading a { color: rgb(10, 120, 30) }"


def stylesheets(response) -> list[str]:
    return re.findall(r'<link rel="stylesheet"[^>]* href="([^"]+)"', response.content.decode())


def skin_of(author, **fields) -> Skin:
    defaults = {"title": "Green Links", "css": GOOD_CSS}
    return Skin.objects.create(author=author, **{**defaults, **fields})


def test_the_archives_look_is_the_default_skin(client):
    # Made by a migration, but a transactional test run before on the same worker flushes it.
    default = default_skin()
    assert default.official and default.is_default
    page = client.get("/skins")
    assert page.status_code == 200 and b'class="skins-index region"' in page.content
    assert f'href="/skins/{default.pk}"'.encode() in page.content
    assert client.get(f"/skins/{default.pk}").status_code == 200
    assert [s.split("?")[0] for s in stylesheets(client.get("/"))] == [
        "/static/fanarchive/archive.css",
        "/static/readers/readers.css",
    ]


def test_a_user_creates_a_skin_and_uses_it(author_client, author):
    assert author_client.get("/skins/new").status_code == 200
    answer = author_client.post(
        "/skins/new", {"title": "Green Links", "css": GOOD_CSS, "description": "Green."}
    )
    skin = Skin.objects.get(title="Green Links")
    assert answer["Location"] == f"/skins/{skin.pk}"
    assert skin.author == author and not skin.public and not skin.approved
    # Not in use until chosen.
    assert not any("/skins/" in s for s in stylesheets(author_client.get("/")))
    author_client.post(f"/skins/{skin.pk}/use")
    assert SkinPreference.objects.get(user=author).skin == skin
    sheets = stylesheets(author_client.get("/"))
    # After the archive's own CSS, so its rules win over the archive's.
    assert sheets[-1] == f"/skins/{skin.pk}/skin.css?v={skin.version}"
    assert sheets[0] == "/static/fanarchive/archive.css"
    css = author_client.get(f"/skins/{skin.pk}/skin.css")
    assert css["Content-Type"] == "text/css; charset=utf-8"
    assert b"#main .blurb .heading a" in css.content
    # Back to the archive's look.
    author_client.post(f"/skins/{default_skin().pk}/use")
    assert not SkinPreference.objects.filter(user=author).exists()


def test_unsafe_css_is_refused_with_a_clear_message_and_not_saved(author_client):
    answer = author_client.post(
        "/skins/new",
        {"title": "Sneaky", "css": "a { background: url(https://evil.example/track.png) }"},
    )
    assert answer.status_code == 200
    text = answer.content.decode()
    assert "This CSS was not saved:" in text
    assert "url(https://evil.example/track.png) points outside this archive" in text
    answer = author_client.post("/skins/new", {"title": "Sneaky", "css": "@import '/x.css';"})
    assert "@import is not allowed" in answer.content.decode()
    assert not Skin.objects.filter(title="Sneaky").exists()


def test_a_private_skin_is_its_authors_only(client, author, other_user):
    skin = skin_of(author)
    client.force_login(other_user)
    assert client.get(f"/skins/{skin.pk}").status_code == 404
    assert client.get(f"/skins/{skin.pk}/skin.css").status_code == 404
    assert client.post(f"/skins/{skin.pk}/use").status_code == 404
    assert client.get(f"/skins/{skin.pk}/edit").status_code == 404


def test_a_guest_previews_and_uses_an_approved_skin(client, author):
    skin = skin_of(author, public=True, approved=True)
    assert b"Green Links" in client.get("/skins").content
    client.post(f"/skins/{skin.pk}/preview")
    assert stylesheets(client.get("/"))[-1].startswith(f"/skins/{skin.pk}/skin.css")
    client.post("/skins/unset")
    assert not any("/skins/" in s for s in stylesheets(client.get("/")))
    client.post(f"/skins/{skin.pk}/use")  # kept in the guest's session
    assert stylesheets(client.get("/"))[-1].startswith(f"/skins/{skin.pk}/skin.css")
    # Approval withdrawn: the skin stops applying at once.
    Skin.objects.filter(pk=skin.pk).update(approved=False)
    assert not any("/skins/" in s for s in stylesheets(client.get("/")))


def test_a_skin_may_replace_the_archives_look(author_client, author):
    skin = skin_of(author, replace_archive_skin=True)
    author_client.post(f"/skins/{skin.pk}/use")
    assert [s.split("?")[0] for s in stylesheets(author_client.get("/"))] == [
        f"/skins/{skin.pk}/skin.css"
    ]


def test_editing_a_public_skin_asks_for_approval_again(author_client, author):
    skin = skin_of(author, public=True, approved=True)
    answer = author_client.post(
        f"/skins/{skin.pk}/edit",
        {"title": skin.title, "css": "#header .primary { color: red }", "public": "on"},
    )
    assert answer.status_code == 302
    skin.refresh_from_db()
    assert skin.css == "#header .primary {\n  color: red;\n}" and not skin.approved


def test_the_author_deletes_a_skin_and_its_users_go_back_to_the_archives_look(
    client, author, other_user
):
    skin = skin_of(author, public=True, approved=True)
    client.force_login(other_user)
    client.post(f"/skins/{skin.pk}/use")
    assert client.post(f"/skins/{skin.pk}/delete").status_code == 404  # not theirs
    client.force_login(author)
    assert client.get(f"/skins/{skin.pk}/delete").status_code == 200
    assert client.post(f"/skins/{skin.pk}/delete")["Location"] == "/skins"
    assert not Skin.objects.filter(pk=skin.pk).exists()
    client.force_login(other_user)
    assert not any("/skins/" in s for s in stylesheets(client.get("/")))


def test_the_default_skin_comes_back_after_a_restore_without_it(client):
    Skin.objects.all().delete()  # a backup older than skins restored
    assert b"Default" in client.get("/skins").content
    assert Skin.objects.get(title="Default").official


def test_every_page_links_the_site_skins(client):
    assert b'<a href="/skins">Site Skins</a>' in client.get("/").content
