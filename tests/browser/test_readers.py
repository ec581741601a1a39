"""A reader's journey in real Chromium: a restricted work hidden from a visitor, guest
kudos, then logged in: kudos, a comment, a bookmark, a subscription reaching the inbox,
and an EPUB download."""

from __future__ import annotations

import zipfile

import pytest
from playwright.sync_api import expect

from fanarchive.tags.services import ensure_archive_basics
from fanarchive.works.services import add_chapter
from tests.browser.helpers import PASSWORD, log_in
from tests.works.helpers import posted_work

pytestmark = pytest.mark.browser


@pytest.fixture
def works(transactional_db, django_user_model):
    ensure_archive_basics()
    author = django_user_model.objects.create_user("writer", password=PASSWORD)
    django_user_model.objects.create_user("fan", password=PASSWORD)
    public = posted_work(author, title="The Open River", chapters=2)
    restricted = posted_work(author, title="The Locked Garden", restricted=True)
    return public, restricted


def test_reader_kudos_comments_bookmarks_subscribes_and_downloads(
    page, works, tmp_path, screenshot
):
    public, restricted = works

    # Logged out: the restricted work is neither listed nor readable.
    page.goto("/")
    expect(page.locator("body")).to_contain_text("The Open River")
    expect(page.locator("body")).not_to_contain_text("The Locked Garden")
    assert page.goto(f"/works/{restricted.pk}").status == 404

    # A guest leaves kudos (one page more: the work page itself carries no form).
    page.goto(f"/works/{public.pk}")
    page.click("#kudo_submit")
    page.click("#kudo_confirm")
    expect(page.locator(".flash")).to_contain_text("Thank you for leaving kudos")
    expect(page.locator("#kudos")).to_contain_text("1 guest left kudos")

    log_in(page, "fan")
    page.goto(f"/works/{restricted.pk}")
    expect(page.locator("h2.title")).to_contain_text("The Locked Garden")

    page.goto(f"/works/{public.pk}")
    page.click("#kudo_submit")
    expect(page.locator("#kudos")).to_contain_text("fan as well as 1 guest left kudos")

    page.fill("#id_comment_body", "What a <em>lovely</em> race!")
    page.click("#add_comment button[type=submit]")
    expect(page.locator("#comments")).to_contain_text("What a lovely race!")
    expect(page.locator("#comments em")).to_have_text("lovely")

    page.click(".reader-actions a:text-is('Bookmark')")
    page.fill("#id_notes", "Read this twice.")
    page.fill("#id_private_notes", "Only for me.")
    page.fill("#id_tags", "rivals, summer")
    page.click("button:has-text('Create Bookmark')")
    expect(page.locator(".bookmark.blurb")).to_contain_text("The Open River")
    expect(page.locator(".bookmark.blurb")).to_contain_text("summer")

    page.goto(f"/works/{public.pk}")
    page.click("button:has-text('Subscribe')")
    expect(page.locator(".flash")).to_contain_text("Subscribed.")
    add_chapter(public, "The Return", "<p>They swim back.</p>")
    page.click("nav a:text-is('Inbox')")
    expect(page.locator(".inbox")).to_contain_text("Chapter 3: The Return")

    page.goto(f"/works/{public.pk}")
    page.click(".download summary")
    with page.expect_download() as info:
        page.click(".download a:has-text('EPUB')")
    download = info.value
    assert download.suggested_filename == "The_Open_River.epub"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    with zipfile.ZipFile(path) as book:
        assert book.namelist()[0] == "mimetype"
        assert book.read("mimetype") == b"application/epub+zip"
    screenshot(page, "reader-work-page")
