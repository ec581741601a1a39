"""An author posts as on AO3 in real Chromium: pasted chapters and author's notes, a new
series, a gift and a co-creator, Preview then Post; edits a chapter in Rich Text; reorders
the chapters; the co-creator accepts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fanarchive.readers.models import Series
from fanarchive.tags.services import seed_from_packs
from fanarchive.works.models import Work
from tests.browser.helpers import PASSWORD, log_in

pytestmark = pytest.mark.browser

PASTED = """Author's Note: For my beta, who read this twice.

Chapter 1: The Race

"Are you coming?" Kakashi asked, tilting his head toward the trees.

"Race you there!" Gai said, grinning, and ran before Kakashi could answer.

A/N: The river is next!

Chapter 2: The River

The river was cold and bright. Gai reached it first and laughed at the sky.

"You cheated," Kakashi said, and sat down beside him on the warm stones.
"""


@pytest.fixture
def people(transactional_db, django_user_model):
    seed_from_packs()
    for name in ("writer", "partner"):
        django_user_model.objects.create_user(username=name, password=PASSWORD)


def test_author_previews_posts_edits_reorders_and_a_co_creator_accepts(page, people, screenshot):
    log_in(page, "writer")
    page.goto("/works/new")
    page.get_by_label("Creator Chose Not To Use Archive Warnings").check()
    page.fill("#id_fandoms", "Naruto")
    page.fill("#id_title", "The Race")
    page.fill("#id_co_creators", "partner")
    page.fill("#id_gifts", "Rin")
    page.fill("#id_new_series", "Green Beasts")
    page.fill("#id_body", PASTED)
    screenshot(page, "posting-form")
    page.click("button[name=preview]")

    # Preview: the work as it will look, two chapters, notes moved, not posted yet
    page.wait_for_url("**/preview")
    expect(page.locator("h2.heading").first).to_have_text("Preview")
    expect(page.locator("#chapters > div.chapter")).to_have_count(2)
    expect(page.locator(".preface .notes ul.associations")).to_contain_text("For Rin.")
    expect(page.locator("#workskin > .preface .notes blockquote")).to_contain_text("For my beta")
    expect(page.locator("#chapter-1 .end.notes")).to_contain_text("The river is next!")
    expect(page.locator("dd.series span.position")).to_have_text("Part 1 of Green Beasts")
    screenshot(page, "posting-preview")
    work = Work.objects.get()
    assert not work.posted
    page.click("button:has-text('Post')")
    if "/suggestions" in page.url:  # the text suggested warnings: the author decides first
        page.click("text=Add ticked tags and publish")
    page.wait_for_url(f"**/works/{work.pk}")
    work.refresh_from_db()
    assert work.posted

    # the chapter editor opens on readable text, not <p> markup
    first = work.chapters.get(position=1)
    page.goto(f"/works/{work.pk}/chapters/{first.pk}/edit")
    editor = page.get_by_role("textbox", name="Chapter text")
    expect(editor).to_be_visible()
    expect(page.get_by_role("textbox", name="End notes")).to_have_text("The river is next!")
    expect(editor).to_contain_text('"Are you coming?" Kakashi asked')
    assert "<p>" not in editor.inner_text()
    expect(page.locator("#id_body")).to_be_hidden()
    screenshot(page, "chapter-editor-rich-text")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Gai won, of course.")
    page.keyboard.press("Shift+Home")  # select the new paragraph, make it italic
    page.click("ul.rtf-html-switch[data-for=id_body] button.tool-italic")
    page.click("ul.rtf-html-switch[data-for=id_body] button.html-mode")
    expect(page.locator("#id_body")).to_be_visible()
    assert "<p><i>Gai won, of course.</i></p>" in page.locator("#id_body").input_value()
    page.click("ul.rtf-html-switch[data-for=id_body] button.rich-text-mode")
    page.click("text=Save chapter")
    page.wait_for_url(f"**/works/{work.pk}/chapters/{first.pk}")
    added = page.locator("#chapters div.userstuff.module p").last
    expect(added).to_have_text("Gai won, of course.")
    expect(added.locator("i")).to_have_text("Gai won, of course.")

    # Manage Chapter Order
    page.goto(f"/works/{work.pk}")
    page.click("summary:text-is('Creator Actions')")  # the creator's tools menu
    page.click("text=Manage Chapter Order")
    second = work.chapters.get(position=2)
    page.fill(f"input[name=position_{second.pk}]", "1")
    page.fill(f"input[name=position_{first.pk}]", "2")
    screenshot(page, "manage-chapter-order")
    page.click("button:has-text('Update Positions')")
    page.wait_for_url(f"**/works/{work.pk}")
    expect(page.locator("#chapter_index li").first).to_contain_text("The River")

    # the co-creator accepts from their Co-Creator Requests
    page.click("#header button:has-text('Log Out')")
    log_in(page, "partner")
    page.goto("/users/partner/creatorships")
    expect(page.locator("li.creatorship")).to_contain_text("The Race")
    screenshot(page, "co-creator-requests")
    page.click("li.creatorship button:has-text('Accept')")
    expect(page.locator("li.creatorship")).to_have_count(0)
    page.goto(f"/works/{work.pk}")
    expect(page.locator("h3.byline")).to_contain_text("partner")

    # the series page lists the work as its part 1
    series = Series.objects.get()
    page.goto(f"/series/{series.pk}")
    expect(page.locator("dl.series.meta")).to_contain_text("Works:")
    expect(page.locator(f"ul.series.work.index li#work_{work.pk}")).to_be_visible()
    screenshot(page, "series-page")


def test_author_builds_a_series_and_a_reader_walks_it(page, people, screenshot):
    from django.contrib.auth import get_user_model

    from tests.works.helpers import posted_work

    writer = get_user_model().objects.get(username="writer")
    one, two = posted_work(writer, title="One"), posted_work(writer, title="Two")
    log_in(page, "writer")

    # "New Series" on a work's page makes that work its Part 1
    page.goto(f"/works/{one.pk}")
    page.click("text=New Series")
    expect(page.locator("p.intro")).to_contain_text("will be Part 1")
    page.fill("#id_title", "Green Beasts")
    page.fill("#id_summary", "Two races.")
    page.click("button:has-text('Create Series')")
    expect(page.locator("ul.series.work.index li[role=article]")).to_have_count(1)

    # the second work joins from its Edit page
    page.goto(f"/works/{two.pk}/edit")
    page.fill("#id_fandoms", "Naruto")
    page.select_option("#id_series", label="Green Beasts")
    page.click("button:has-text('Save')")
    page.wait_for_url(f"**/works/{two.pk}")
    place = page.locator("dl.work.meta dd.series")
    expect(place.locator("span.position")).to_have_text("Part 2 of Green Beasts")
    screenshot(page, "work-in-series")

    # a reader walks the series: previous and next work, the blurbs, the series page
    page.click("#header button:has-text('Log Out')")
    page.goto(f"/works/{two.pk}")
    page.click("dd.series a.previous")
    page.wait_for_url(f"**/works/{one.pk}")
    page.click("#series a.next:has-text('Next Work →')")
    page.wait_for_url(f"**/works/{two.pk}")
    page.goto("/")
    blurb = page.locator(f"li#work_{one.pk} ul.series")
    expect(blurb).to_have_text("Part 1 of Green Beasts")
    blurb.locator("a").click()
    expect(page.locator("h2.heading")).to_have_text("Green Beasts")
    stats = page.locator("dl.series.meta dl.stats")
    expect(stats).to_contain_text("Works:2")
    ids = page.locator("ul.series.work.index > li[role=article]").evaluate_all(
        "items => items.map(item => item.id)"
    )
    assert ids == [f"work_{one.pk}", f"work_{two.pk}"]
    expect(page.locator("dl.series.meta")).to_contain_text("Two races.")
    screenshot(page, "series-page-reader")
