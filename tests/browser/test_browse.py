"""The works filter sidebar in real Chromium: include, exclude, sort, full text, an analysis
filter, and the URL of the result reopening the same state."""

import re

import pytest

from tests.browse import corpus

pytestmark = pytest.mark.django_db(transaction=True)


def shown_ids(page) -> list[int]:
    return [
        int(i)
        for i in page.locator("li.work.blurb").evaluate_all("els => els.map(e => e.dataset.workId)")
    ]


def submit(page):
    with page.expect_navigation():
        page.locator(".browse-filters button[type=submit]").first.click()


def test_filter_sidebar_round_trip(page, live_server, screenshot):
    works = corpus.load()
    from django.urls import reverse

    from fanarchive.browse.models import FilterTag

    page.goto(reverse("browse:tag_works", args=[FilterTag.objects.get(pk=1).name]))
    assert "Works" in page.locator("h2.browse-heading").inner_text()
    before = page.locator("h2.browse-heading").inner_text()

    # include a character from the facet list
    page.locator('.browse-include input[name=include][value="12"]').check()
    submit(page)
    assert "include=12" in page.url
    assert page.locator('.browse-include input[name=include][value="12"]').is_checked()
    assert page.locator("h2.browse-heading").inner_text() != before

    # exclude a rating from the (folded) exclude list
    page.locator(".browse-exclude summary", has_text="Ratings").click()
    page.locator('.browse-exclude input[name=exclude][value="41"]').check()
    submit(page)
    assert works["Ashes"] not in shown_ids(page)
    assert "exclude=41" in page.url

    # sort by kudos
    page.select_option("#id_sort", "kudos")
    submit(page)
    kudos = [int(k) for k in page.locator("li.work.blurb dl.stats dd.kudos").all_inner_texts()]
    assert kudos == sorted(kudos, reverse=True) and len(kudos) > 1

    # full text within the filtered result
    page.fill("#id_q", "ramen")
    submit(page)
    assert shown_ids(page) == [works["Sunrise Over Konoha"]]
    assert "Searching for" in page.content()

    # an analysis filter: who speaks the most
    page.fill("#id_q", "")
    page.select_option("#id_speaks_most", "12")
    submit(page)
    found = shown_ids(page)
    assert works["Sunrise Over Konoha"] in found and works["Ashes"] not in found
    assert "speaks_most=12" in page.url

    screenshot(page, "browse-filtered")

    # the URL alone restores the same state
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    assert shown_ids(other) == found
    assert other.locator('.browse-include input[name=include][value="12"]').is_checked()
    assert other.locator("#id_sort").input_value() == "kudos"
    assert other.locator("#id_speaks_most").input_value() == "12"
    share_link = other.locator(".browse-share-link").get_attribute("href")
    assert re.search(r"speaks_most=12", share_link)
    other.close()


def test_bad_filter_url_shows_a_message(page, live_server, screenshot):
    corpus.load()
    page.goto("/works?include=abc&words_from=-4&page=999999999&q=%27%3B--")
    assert page.locator(".browse-messages").is_visible()
    screenshot(page, "browse-bad-url")
