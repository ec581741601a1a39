"""Reader preferences and blocking in real Chromium: a reader hides warnings and additional
tags, saves an exclude filter, sees listings without those works, unfolds the warnings, and
subscribes to an author from the profile; a blocked reader gets no forms, and a comment
posted from a page opened before the block lands on the styled 403 with the text kept;
error pages carry the site's stylesheet."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fanarchive.readers.models import Block
from fanarchive.tags.models import Tag, TagType
from fanarchive.tags.services import ensure_archive_basics
from fanarchive.works.services import set_required_tags
from tests.browser.helpers import PASSWORD, log_in
from tests.works.helpers import posted_work

pytestmark = pytest.mark.browser
WARNING = "Graphic Depictions Of Violence"


@pytest.fixture
def shelf(transactional_db, django_user_model):
    ensure_archive_basics()
    writer = django_user_model.objects.create_user("writer", password=PASSWORD)
    other = django_user_model.objects.create_user("dreamer", password=PASSWORD)
    reader = django_user_model.objects.create_user("fan", password=PASSWORD)
    bright = posted_work(writer, title="Bright Harbour")
    bright.add_tags([Tag.objects.create(name="Hurt/Comfort", type=TagType.FREEFORM)])
    warning = Tag.objects.get(type=TagType.WARNING, name=WARNING)
    set_required_tags(bright, bright.rating, [warning], [])
    sad = posted_work(writer, title="Grey Rain")
    sad.add_tags([Tag.objects.create(name="Angst", type=TagType.FREEFORM, canonical=True)])
    dream = posted_work(other, title="Paper Moons")
    return {"writer": writer, "reader": reader, "bright": bright, "dream": dream}


def styled(page) -> bool:
    """The site's stylesheet is loaded and applied (an unstyled page has none)."""
    return page.evaluate(
        "() => [...document.styleSheets].some(s => (s.href || '').endsWith('archive.css'))"
        " && document.querySelector('#header') !== null"
    )


def test_a_reader_hides_tags_excludes_works_and_subscribes(page, shelf, screenshot):
    log_in(page, "fan")
    page.click("nav a:text-is('Preferences')")
    page.check("#id_hide_warnings")
    page.check("#id_hide_freeform")
    page.fill("#id_excluded_tag_names", "angst")
    page.fill("#id_excluded_author_names", "dreamer")
    page.click("#edit_preference button[type=submit]")
    expect(page.locator(".flash")).to_contain_text("Your preferences were successfully updated.")
    expect(page.locator("#id_excluded_tag_names")).to_have_value("Angst")
    screenshot(page, "preferences")

    page.click("nav a:text-is('Browse & Search')")
    blurbs = page.locator("li.work.blurb")
    expect(blurbs).to_have_count(1)
    expect(blurbs.first).to_contain_text("Bright Harbour")
    expect(page.locator("#main")).to_contain_text("1 excluded tag, 1 excluded creator")
    warning = blurbs.first.locator("a.tag", has_text=WARNING)
    expect(warning).to_be_hidden()
    expect(blurbs.first.locator("a.tag", has_text="Hurt/Comfort")).to_be_hidden()
    blurbs.first.locator("summary", has_text="Show warnings").click()
    expect(warning).to_be_visible()
    screenshot(page, "preferences-browse")

    page.click("a:text-is('Bright Harbour')")
    expect(page.locator("dd.warning.tags a.tag")).to_be_hidden()
    page.click("dd.warning.tags summary:text-is('Show warnings')")
    expect(page.locator("dd.warning.tags a.tag")).to_have_text(WARNING)

    page.goto("/users/writer")
    page.click(".author-actions button:text-is('Subscribe')")
    expect(page.locator(".flash")).to_contain_text("Subscribed to writer.")
    expect(page.locator(".author-actions button")).to_have_text("Unsubscribe")
    # The muted or excluded creator's works page lists nothing for this reader.
    page.goto("/users/dreamer/works")
    expect(page.locator("h2.heading")).to_contain_text("0 of 0 Works by dreamer")
    screenshot(page, "preferences-author-page")


def test_a_blocked_reader_has_no_forms_and_keeps_a_refused_comment(page, shelf, screenshot):
    bright, reader, writer = shelf["bright"], shelf["reader"], shelf["writer"]
    log_in(page, "fan")
    page.goto(f"/works/{bright.pk}")
    page.fill("#id_comment_body", "Typed before the block, and not lost.")
    Block.objects.create(user=writer, blocked=reader)  # while the page is open
    page.click("#add_comment button[type=submit]")
    expect(page.locator("#main.error-403")).to_contain_text("You don't have permission")
    expect(page.locator("#main")).to_contain_text("blocked by one or more of this work's creators")
    expect(page.locator("#kept_text")).to_have_value("Typed before the block, and not lost.")
    assert styled(page)
    screenshot(page, "blocked-403")

    page.goto(f"/works/{bright.pk}")
    expect(page.locator("#add_comment")).to_have_text(
        "Sorry, you have been blocked by one or more of this work's creators."
    )
    expect(page.locator("#kudo_submit")).to_have_count(0)
    expect(page.locator("#id_comment_body")).to_have_count(0)


def test_error_pages_are_styled(page, shelf):
    for path in ("/no/such/page", "/works/999999", "/users/nobody/works"):
        assert page.goto(path).status == 404
        expect(page.locator("#main.error-404 h2")).to_have_text("Error 404")
        assert styled(page), path
    log_in(page, "fan")
    assert page.goto("/users/writer/preferences").status == 404
    assert styled(page)
