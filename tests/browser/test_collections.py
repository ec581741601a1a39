"""Collections in real Chromium: a moderator creates a moderated collection, an author adds
a work to it from the work page, the moderator approves it, and it appears on the
collection page, for a logged-out visitor too (a restricted work in it does not)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fanarchive.tags.services import ensure_archive_basics
from tests.browser.helpers import PASSWORD, log_in
from tests.works.helpers import posted_work

pytestmark = pytest.mark.browser


@pytest.fixture
def works(transactional_db, django_user_model):
    ensure_archive_basics()
    django_user_model.objects.create_user("keeper", password=PASSWORD)
    writer = django_user_model.objects.create_user("writer", password=PASSWORD)
    public = posted_work(writer, title="Paper Boats")
    restricted = posted_work(writer, title="The Locked Garden", restricted=True)
    return public, restricted


def log_out(page) -> None:
    page.click("#header button:has-text('Log Out')")
    expect(page.locator("#header")).to_contain_text("Log In")


def add_to_collection(page, work, note: str) -> None:
    page.goto(f"/works/{work.pk}")
    page.click("summary:text-is('Creator Actions')")  # the creator's tools menu
    page.click("a:text-is('Add to Collections')")
    page.fill("#id_collection", "rare_pairs")
    page.fill("#id_notes", note)
    page.click("button:has-text('Add to Collection')")
    expect(page.locator(".flash")).to_contain_text("once a moderator approves")


def test_a_moderator_approves_a_work_into_a_collection(page, works, screenshot):
    public, restricted = works

    log_in(page, "keeper")
    page.click("nav a:text-is('Collections')")
    page.click("a:text-is('New Collection')")
    page.fill("#id_name", "rare_pairs")
    page.fill("#id_title", "Rare Pairs Week")
    page.fill("#id_description", "Pairings nobody else writes.")
    page.check("#id_moderated")
    page.click("button:has-text('Create Collection')")
    expect(page.locator("h2.heading")).to_have_text("Rare Pairs Week")
    expect(page.locator("body")).to_contain_text("No works in this collection yet.")
    log_out(page)

    log_in(page, "writer")
    add_to_collection(page, public, "For day three.")
    add_to_collection(page, restricted, "Members only.")
    page.goto("/collections/rare_pairs")
    expect(page.locator("body")).not_to_contain_text("Paper Boats")  # not approved yet
    log_out(page)

    log_in(page, "keeper")
    page.goto("/collections/rare_pairs")
    page.click("a:text-is('Manage')")
    expect(page.locator("#review")).to_contain_text("For day three.")
    for title in ("Paper Boats", "The Locked Garden"):
        page.locator("#review li.item", has_text=title).locator("button:text-is('Approve')").click()
        expect(page.locator(".flash")).to_contain_text(f"“{title}” was approved")
    expect(page.locator("#approved")).to_contain_text("Paper Boats")
    screenshot(page, "collection-manage")
    page.goto("/collections/rare_pairs")
    expect(page.locator("ol.work.index")).to_contain_text("Paper Boats")
    expect(page.locator("ol.work.index")).to_contain_text("The Locked Garden")
    log_out(page)

    page.goto("/collections/rare_pairs")
    expect(page.locator("ol.work.index")).to_contain_text("Paper Boats")
    expect(page.locator("body")).not_to_contain_text("The Locked Garden")
    screenshot(page, "collection-page")
    page.click("ol.work.index a:text-is('Paper Boats')")
    expect(page.locator("dd.collections")).to_contain_text("Rare Pairs Week")
