"""Issue 18 walked in real Chromium as AO3 users would, for the gaps a final walk found:
an invited co-creator finds the invitation in the inbox while the work is still a draft and
follows it to Co-Creator Requests; Browse blurbs show a work's gift and series as the works
blurbs do; the front page and someone else's series say when the reader's preferences leave
works out."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from fanarchive.accounts.models import Preference, Pseud
from fanarchive.readers.services import add_to_series
from fanarchive.tags.models import Tag, TagType
from fanarchive.tags.services import ensure_archive_basics
from fanarchive.works.models import Gift, Work
from fanarchive.works.series import create_series
from tests.browser.helpers import PASSWORD, log_in
from tests.works.helpers import posted_work

pytestmark = pytest.mark.browser
NOTE = "Works matching your preferences"


@pytest.fixture
def archive(transactional_db, django_user_model):
    ensure_archive_basics()
    writer = django_user_model.objects.create_user("writer", password=PASSWORD)
    friend = django_user_model.objects.create_user("friend", password=PASSWORD)
    reader = django_user_model.objects.create_user("fan", password=PASSWORD)
    first = posted_work(writer, title="Low Tide")
    second = posted_work(writer, title="High Water")
    series = create_series(writer, "The Coast", work=first)
    add_to_series(series, second)
    Gift.objects.create(work=second, recipient_name="fan", pseud=Pseud.default_for(reader))
    angst = Tag.objects.create(name="Angst", type=TagType.FREEFORM, canonical=True)
    first.add_tags([angst])
    return {"writer": writer, "friend": friend, "reader": reader, "series": series, "angst": angst}


def test_an_invited_co_creator_follows_the_notice_to_co_creator_requests(page, archive, screenshot):
    log_in(page, "writer")
    page.goto("/works/new")
    page.fill("#id_title", "Two Hands")
    page.locator("input[name=warnings]").first.check()
    page.fill("#id_fandoms", "Original Work")
    page.fill("#id_co_creators", "friend")
    page.fill("textarea[name=body]", "<p>Written together.</p>")
    page.locator("button[name=preview], input[name=preview]").first.click()
    expect(page).to_have_url(re.compile(r"/works/\d+/preview$"))
    assert not Work.objects.get(title="Two Hands").posted

    page.context.clear_cookies()
    log_in(page, "friend")
    page.goto("/inbox")
    notice = page.locator("a", has_text="invited you to be a co-creator")
    expect(notice).to_be_visible()
    screenshot(page, "walk18-cocreator-inbox")
    notice.click()
    expect(page).to_have_url(re.compile(r"/users/friend/creatorships$"))
    expect(page.locator("#main")).to_contain_text("Two Hands")


def test_browse_blurbs_show_gift_and_series_and_listings_say_what_preferences_hide(
    page, archive, screenshot
):
    Preference.objects.create(user=archive["reader"]).excluded_tags.add(archive["angst"])
    page.goto("/works")
    blurb = page.locator("li.work.blurb", has_text="High Water")
    expect(blurb.locator("a.gift")).to_have_text("fan")
    expect(blurb.locator("ul.series")).to_contain_text("Part 2 of The Coast")
    screenshot(page, "walk18-browse-blurb")

    log_in(page, "fan")
    page.goto("/")
    expect(page.locator("p.notice.exclusions")).to_contain_text(NOTE)
    expect(page.locator("li.work", has_text="Low Tide")).to_have_count(0)
    page.goto(f"/series/{archive['series'].pk}")
    expect(page.locator("p.notice.exclusions")).to_contain_text(NOTE)
    expect(page.locator("li.work", has_text="High Water")).to_have_count(1)
    screenshot(page, "walk18-series-excluded")
