"""An author's journey and a wrangler's, in real Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fanarchive.tags.models import Tag, TagType
from fanarchive.tags.services import seed_from_packs

pytestmark = pytest.mark.browser

STORY = """Chapter 1: The Race

"Are you coming?" Kakashi asked, tilting his head toward the trees.

"Race you there!" Gai said, grinning at Kakashi.

Kakashi smiled at Gai. "You'll lose again."

"Never!" Gai shouted, and ran.

Chapter 2: The River

The river was cold and bright. Gai reached it first and laughed.

"I won," Gai said.

"You cheated," Kakashi replied, and sat down beside him.
"""


@pytest.fixture
def archive(transactional_db):
    seed_from_packs()


def sign_up(page, username="newauthor", password="correct-horse-battery-42"):
    page.goto("/signup")
    page.fill("#id_username", username)
    page.fill("#id_password1", password)
    page.fill("#id_password2", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard")


def test_author_posts_by_upload_accepts_suggestions_publishes_and_reads(
    page, archive, tmp_path, screenshot
):
    sign_up(page)
    assert "Hi, newauthor" in page.content()

    story = tmp_path / "the-race.txt"
    story.write_text(STORY, encoding="utf-8")
    page.click("text=Post New Work")
    page.get_by_label("Creator Chose Not To Use Archive Warnings").check()
    page.fill("#id_fandoms", "Naruto")
    page.fill("#id_title", "The Race")
    page.fill("#id_summary", "Two rivals race to the river.")
    page.set_input_files("#id_upload", str(story))
    page.click("text=Save draft and see suggested tags")

    # the suggestions, each with its evidence; nothing is ticked for the author
    page.wait_for_url("**/suggestions")
    kakashi = page.locator("li.suggestion.character", has_text="Hatake Kakashi")
    assert kakashi.locator("ul.evidence li").count() >= 1
    assert page.locator("input[name=accept]:checked").count() == 0
    screenshot(page, "suggestions-page")
    kakashi.locator("input[name=accept]").check()
    page.locator("li.suggestion.character", has_text="Maito Gai").locator(
        "input[name=accept]"
    ).check()
    page.click("text=Add ticked tags and publish")

    # the work page, chapter by chapter
    page.wait_for_url("**/works/*")
    assert "Your work was published." in page.content()
    meta = page.locator("dl.work.meta")
    assert "Hatake Kakashi" in meta.inner_text() and "Maito Gai" in meta.inner_text()
    assert page.locator("#chapters > div.chapter").count() == 1
    assert "Are you coming?" in page.inner_text("#chapters")
    screenshot(page, "work-page")
    page.locator("ul.work.navigation").first.get_by_text("Next Chapter →").click()
    page.wait_for_url("**/chapters/*")
    expect(page.locator("#chapters")).to_contain_text("The river was cold")
    assert "Are you coming?" not in page.inner_text("#chapters")
    page.click("text=Entire Work")
    page.wait_for_url("**view_full_work=true")
    expect(page.locator("#chapters > div.chapter")).to_have_count(2)

    # the analysis page
    page.click("ul.work.navigation >> text=Analysis")
    page.wait_for_url("**/analysis")
    assert page.locator("svg.network circle").count() >= 2
    assert page.locator("ol.bars li").count() >= 2
    assert page.locator("mark.quote .speaker", has_text="Maito Gai").count() >= 1
    screenshot(page, "analysis-page")

    # and the home page blurb
    page.goto("/")
    blurb = page.locator("li.blurb", has_text="The Race")
    assert "Two rivals race to the river." in blurb.inner_text()
    assert blurb.locator("ul.required-tags li").count() == 4
    screenshot(page, "home-page")


def test_wrangler_merges_a_synonym(page, archive, django_user_model):
    from django.contrib.auth.models import Group

    from fanarchive.tags.services import WRANGLERS_GROUP

    user = django_user_model.objects.create_user("wrangler", password="correct-horse-battery-42")
    user.groups.add(Group.objects.get(name=WRANGLERS_GROUP))
    tag = Tag.objects.create(name="Kakashi-senpai", type=TagType.CHARACTER)

    page.goto("/users/login")
    page.fill("#id_username", "wrangler")
    page.fill("#id_password", "correct-horse-battery-42")
    page.click("button[type=submit]")
    page.click("text=Wrangling")
    row = page.locator(f"#tag-{tag.pk}")
    row.locator("select[name=action]").select_option("synonym")
    row.locator("input[name=target]").fill("Hatake Kakashi")
    row.locator("button[type=submit]").click()
    expect(page.locator(".flash")).to_contain_text("was wrangled")
    expect(page.locator(f"#tag-{tag.pk}")).to_have_count(0)
    tag.refresh_from_db()
    assert tag.merger.name == "Hatake Kakashi"
