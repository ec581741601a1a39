"""Finding things in real Chromium: the header's work search, the fandom index by media, tag,
people and bookmark search, and the filters of a bookmark listing; screenshots of each page
at desktop and phone width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fanarchive.readers.models import Bookmark
from fanarchive.search.models import FandomMedia
from fanarchive.tags.models import Tag, TagType
from fanarchive.tags.services import ensure_archive_basics
from tests.ao3.conftest import tag
from tests.browser.helpers import PASSWORD
from tests.works.helpers import posted_work

pytestmark = pytest.mark.browser


@pytest.fixture
def archive(transactional_db, django_user_model):
    ensure_archive_basics()
    writer = django_user_model.objects.create_user("writer", password=PASSWORD)
    fan = django_user_model.objects.create_user("fan", password=PASSWORD)
    naruto = Tag.objects.create(name="Naruto", type=TagType.FANDOM, canonical=True)
    FandomMedia.objects.create(fandom=naruto, media="Anime & Manga")
    Tag.objects.create(name="Sherlock", type=TagType.FANDOM, canonical=True)  # no media
    river = posted_work(writer, title="The Open River")
    tag(river, "fandom", "Naruto")
    tag(river, "character", "Maito Gai")
    garden = posted_work(writer, title="The Quiet Garden")
    tag(garden, "fandom", "Sherlock")
    Bookmark.objects.create(user=fan, work=river, notes="<p>A lovely race</p>", tags="rivals")
    Bookmark.objects.create(user=fan, work=garden, tags="calm")
    return river, garden


def test_a_reader_finds_works_fandoms_tags_people_and_bookmarks(page, archive, screenshot):
    river, garden = archive

    # The header's search box on every page finds a work by a word of its title.
    page.goto("/")
    page.fill("#site_search", "river")
    page.click("#search_submit")
    expect(page.locator("li.work.blurb")).to_have_count(1)
    expect(page.locator("li.work.blurb")).to_contain_text("The Open River")

    # Fandoms by media, then one media's fandoms, then the fandom's works.
    page.click("#header >> text=Fandoms")
    expect(page.locator("li.medium h3")).to_contain_text(["Anime & Manga", "Uncategorized"])
    screenshot(page, "search-media")
    page.click("text=All Anime & Manga fandoms")
    expect(page.locator("h2.heading")).to_have_text("Anime & Manga Fandoms")
    screenshot(page, "search-media-fandoms")
    page.click("a.tag >> text=Naruto")
    expect(page.locator("li.work.blurb")).to_contain_text("The Open River")

    # Tag search.
    page.goto("/tags/search")
    page.fill("#tag_search_name", "gai")
    page.click("input[value='Search Tags']")
    expect(page.locator("ol.tag.index li")).to_have_count(1)
    expect(page.locator("ol.tag.index")).to_contain_text("Character: Maito Gai")
    screenshot(page, "search-tags")

    # People search leads to a profile.
    page.click("#search_navigation >> text=Search People")
    page.fill("#people_search_name", "writ")
    page.click("input[value='Search People']")
    expect(page.locator("li.pseud.blurb")).to_have_count(1)
    screenshot(page, "search-people")
    page.click("li.pseud.blurb >> text=Profile")
    expect(page.locator("h2.heading")).to_have_text("writer")

    # Bookmark search, and the filters of someone's bookmark listing.
    page.goto("/bookmarks/search")
    page.fill("#bookmark_search_query", "lovely")
    page.click("input[value='Search Bookmarks']")
    expect(page.locator("li.bookmark.blurb")).to_have_count(1)
    expect(page.locator("li.bookmark.blurb")).to_contain_text("The Open River")
    screenshot(page, "search-bookmarks")
    page.goto("/users/fan/bookmarks")
    expect(page.locator("li.bookmark.blurb")).to_have_count(2)
    page.click("#bookmark-filters summary")
    page.fill("#bookmark_search_other_bookmark_tag_names", "calm")
    page.click("input[value='Sort and Filter']")
    expect(page.locator("li.bookmark.blurb")).to_have_count(1)
    expect(page.locator("li.bookmark.blurb")).to_contain_text("The Quiet Garden")
    expect(page.locator("#bookmark_search_other_bookmark_tag_names")).to_have_value("calm")
    screenshot(page, "bookmarks-filtered")
