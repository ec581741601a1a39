"""AO3's "Show warnings" / "Show additional tags" unfold in place: once opened, the tags run on
in the tag list, on the summary's line, on a blurb and on the work page (Chromium gave a
<details>'s content a block box of its own, a line by itself)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fanarchive.accounts.models import Preference
from fanarchive.tags.models import Tag, TagType
from fanarchive.tags.services import ensure_archive_basics
from fanarchive.works.services import set_required_tags
from tests.browser.helpers import PASSWORD, log_in
from tests.works.helpers import posted_work

pytestmark = pytest.mark.browser
WARNING = "Graphic Depictions Of Violence"


@pytest.fixture
def folded(transactional_db, django_user_model):
    ensure_archive_basics()
    writer = django_user_model.objects.create_user("writer", password=PASSWORD)
    reader = django_user_model.objects.create_user("fan", password=PASSWORD)
    Preference.objects.create(user=reader, hide_warnings=True, hide_freeform=True)
    work = posted_work(writer, title="Bright Harbour")
    work.add_tags([Tag.objects.create(name="Hurt/Comfort", type=TagType.FREEFORM)])
    warning = Tag.objects.get(type=TagType.WARNING, name=WARNING)
    set_required_tags(work, work.rating, [warning], [])
    return work


def unfold_on_one_line(scope, label: str, tag_name: str) -> None:
    summary = scope.locator("summary", has_text=label)
    tag = scope.locator("a.tag", has_text=tag_name)
    expect(tag).to_be_hidden()
    summary.click()
    expect(tag).to_be_visible()
    opened, shown = summary.bounding_box(), tag.bounding_box()
    # On the same line: the tag starts right of the summary and overlaps its line vertically.
    assert shown["x"] > opened["x"] + opened["width"] - 1, (opened, shown)
    assert shown["y"] < opened["y"] + opened["height"], (opened, shown)
    assert shown["y"] + shown["height"] > opened["y"], (opened, shown)


def test_unfolded_tags_stay_on_the_summarys_line(page, folded, screenshot):
    log_in(page, "fan")
    page.goto("/works")
    blurb = page.locator("li.work.blurb").first
    unfold_on_one_line(blurb, "Show warnings", WARNING)
    unfold_on_one_line(blurb, "Show additional tags", "Hurt/Comfort")
    screenshot(page, "hidden-tags-browse")

    page.goto(f"/works/{folded.pk}")
    unfold_on_one_line(page.locator("dd.warning.tags"), "Show warnings", WARNING)
    unfold_on_one_line(page.locator("dd.freeform.tags"), "Show additional tags", "Hurt/Comfort")
    screenshot(page, "hidden-tags-work")
