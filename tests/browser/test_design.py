"""One design (issue 18, item 7) in real Chromium at 1280 px: Browse is set in the site's
font with the site's required-tag squares; the work page's action buttons sit in one row;
the post form's "Archive Warnings" and "Categories" sit above their checkboxes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fanarchive.tags.services import seed_from_packs
from tests.browser.helpers import PASSWORD, log_in
from tests.works.helpers import posted_work

pytestmark = pytest.mark.browser


@pytest.fixture
def writer(transactional_db, django_user_model):
    seed_from_packs()
    user = django_user_model.objects.create_user(username="writer", password=PASSWORD)
    work = posted_work(user, title="Three Parts", chapters=3)
    return user, work


def font_of(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).fontFamily")


def test_browse_uses_the_site_font_and_required_tag_squares(page, writer, screenshot):
    page.goto(f"/works/{writer[1].pk}")
    site_font = font_of(page, "dl.work.meta")
    page.goto("/works")
    screenshot(page, "design-browse")
    assert "Georgia" not in font_of(page, ".browse-results dl.stats")
    assert font_of(page, ".browse-results dl.stats") == site_font
    assert font_of(page, ".browse-sidebar") == site_font
    box = page.eval_on_selector(
        "li.blurb ul.required-tags .symbol.rating",
        "e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }",
    )
    assert box[0] == box[1] and 20 <= box[0] <= 30, box  # a square, not a text badge
    colour = page.eval_on_selector(
        "li.blurb .symbol.rating", "e => getComputedStyle(e).backgroundColor"
    )
    assert colour == "rgb(119, 167, 36)"  # General Audiences green, as on the other pages


ROW_TOPS = """() => Array.from(document.querySelectorAll(
    '#main ul.work.navigation.actions:not(.bottom) > li:not(.reader), '
    + '#main ul.work.navigation.actions:not(.bottom) li.reader > ul > li'))
  .filter(li => li.offsetParent !== null)
  .map(li => Math.round(li.getBoundingClientRect().top))"""


@pytest.mark.parametrize("viewer", ["writer", "staff reader"])
def test_work_page_action_buttons_are_one_row_at_1280px(
    page, writer, viewer, django_user_model, screenshot
):
    from fanarchive.readers.models import Series

    Series.objects.create(owner=writer[0], title="Sand and Leaves")  # adds "Add to series"
    if viewer == "staff reader":  # Bookmark, Subscribe, Mark for Later, Hide (admin)
        django_user_model.objects.create_user("reader", password=PASSWORD, is_staff=True)
    log_in(page, viewer.split()[-1])
    page.goto(f"/works/{writer[1].pk}")
    screenshot(page, f"design-work-actions-{viewer.split()[-1]}")
    tops = page.evaluate(ROW_TOPS)
    assert len(tops) >= 5, tops
    assert len(set(tops)) == 1, f"buttons in {len(set(tops))} rows: {tops}"


def test_post_form_labels_sit_above_their_checkboxes(page, writer, screenshot):
    log_in(page, "writer")
    page.goto("/works/new")
    screenshot(page, "design-post-form")
    for name, label in (("warnings", "Archive Warnings"), ("categories", "Categories")):
        heading = page.locator("legend, label").filter(has_text=re.compile(f"^{label}"))
        label_box = heading.first.bounding_box()
        first_box = page.locator(f"input[name={name}]").first.bounding_box()
        assert label_box["y"] + label_box["height"] <= first_box["y"], (label, label_box, first_box)


def test_an_uploaded_ao3_download_fills_the_empty_form_and_the_preview_says_so(
    page, writer, screenshot
):
    """Issue 18, item 8a in Chromium: title and fandom left empty, the file fills them."""
    download = Path(__file__).resolve().parents[1] / "data" / "in" / "ao3_download.html"
    log_in(page, "writer")
    page.goto("/works/new")
    page.set_input_files("#id_upload", str(download))
    page.click("button[name=preview]")
    page.wait_for_url("**/preview")
    screenshot(page, "design-upload-preview")
    flash = page.locator("ul.flash").inner_text()
    assert "Filled from the file: title, summary, fandom" in flash
    assert page.locator("#workskin h2.title").inner_text().strip() == "Rooftop Promises"
    assert "Originally by lanternfox" in page.locator("#workskin").inner_text()
