"""AO3 site skins in real Chromium: a skin written for AO3's markup, created through the
form and used, restyles the archive's pages (after the archive's own CSS); CSS that would load
from another host is refused with a message, and nothing of it reaches a page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fanarchive.tags.services import ensure_archive_basics
from tests.browser.helpers import PASSWORD
from tests.works.helpers import posted_work

pytestmark = pytest.mark.browser
# Rules as AO3 skins write them: AO3's ids and classes, nothing fanarchive-specific.
AO3_SKIN = """#main .blurb .heading a { color: rgb(10, 120, 30); }
#header .primary { background-color: rgb(1, 2, 3); }"""


@pytest.fixture
def reader(transactional_db, django_user_model):
    ensure_archive_basics()
    author = django_user_model.objects.create_user("writer", password=PASSWORD)
    posted_work(author, title="The Open River")
    return django_user_model.objects.create_user("fan", password=PASSWORD)


def computed(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"e => getComputedStyle(e)['{prop}']")


def test_a_skin_written_for_ao3_applies(page, reader, screenshot):
    page.goto("/users/login")
    page.fill("#id_username", "fan")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator(".username")).to_contain_text("fan")

    page.goto("/")
    before = computed(page, "#main .blurb .heading a", "color")
    assert before != "rgb(10, 120, 30)"

    # Unsafe CSS: refused with a message; the skin is not made.
    page.goto("/skins/new")
    page.fill("#id_title", "Tracker")
    page.fill("#id_css", "#main { background: url(https://evil.example/pixel.png) }")
    page.click("#skin_form button[type=submit]")
    expect(page.locator("#skin_form .error").first).to_contain_text("This CSS was not saved")
    expect(page.locator("#skin_form")).to_contain_text(
        "url(https://evil.example/pixel.png) points outside this archive"
    )
    page.fill("#id_css", "@import url(/static/x.css); #main { color: red }")
    page.click("#skin_form button[type=submit]")
    expect(page.locator("#skin_form")).to_contain_text("@import is not allowed")

    page.fill("#id_title", "Green Links")
    page.fill("#id_css", AO3_SKIN)
    page.click("#skin_form button[type=submit]")
    expect(page.locator(".flash")).to_contain_text("Skin was successfully created.")
    page.click("#use_skin")
    expect(page.locator(".flash")).to_contain_text("You are now using the skin")

    page.goto("/")
    assert computed(page, "#main .blurb .heading a", "color") == "rgb(10, 120, 30)"
    assert computed(page, "#header .primary", "backgroundColor") == "rgb(1, 2, 3)"
    # The archive's own look is still there underneath (the skin is added after it).
    sheets = page.eval_on_selector_all("link[rel=stylesheet]", "ls => ls.map(l => l.href)")
    assert "archive.css" in sheets[0] and "/skin.css" in sheets[-1]
    screenshot(page, "skin-green-links")
