import re

import pytest
from django.urls import reverse

from tests.browse import corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def works():
    return corpus.load()


def listing(client, query="", tag=None, status=200):
    """The listing; `tag` is a tag id, reached by its name as AO3 addresses tags."""
    from fanarchive.browse.models import FilterTag

    if tag:
        found = FilterTag.objects.filter(pk=tag).first()
        name = found.name if found else f"no tag {tag}"
    url = reverse("browse:tag_works", args=[name]) if tag else reverse("browse:works")
    response = client.get(url + ("?" + query if query else ""))
    assert response.status_code == status, response.content[:500]
    return response


def ids(response):
    return [int(i) for i in re.findall(r'data-work-id="(\d+)"', response.content.decode())]


def total(response):
    match = re.search(r"of ([\d,]+) Works|(0) Works", response.content.decode())
    return int((match.group(1) or match.group(2)).replace(",", ""))


def test_whole_archive_lists_newest_first_with_facets(client, works):
    response = listing(client)
    assert total(response) == 156
    assert ids(response)[:2] == [works["Sunrise Over Konoha"], works["Ashes"]]
    html = response.content.decode()
    assert "Uzumaki Naruto" in html and 'name="include" value="10"' in html
    assert "Naruto Uzumaki</label>" not in html  # a synonym is never a facet of its own


def test_canonical_tag_includes_its_synonyms(client, works):
    by_canonical = ids(listing(client, "include=10&sort=title&order=asc"))
    by_synonym = ids(listing(client, "include=11&sort=title&order=asc"))
    assert by_canonical == by_synonym
    # tagged only with the synonym, found by the canonical tag
    assert ids(listing(client, "include=10&q=ramen")) == [works["Sunrise Over Konoha"]]


def test_meta_tag_includes_sub_tags_and_their_synonyms(client, works):
    found = set(ids(listing(client, "include=30&sort=kudos")))
    assert {works["Ashes"], works["The Last Train"]} <= found  # via synonym of a sub tag; direct


def test_include_two_exclude_one_and_tag_page(client, works):
    response = listing(client, "include=12&exclude=41", tag=1)
    found = ids(response)
    assert works["Sunrise Over Konoha"] in found and works["Ashes"] not in found
    assert "Works in Naruto" in response.content.decode() or "in <a" in response.content.decode()


def test_crossovers_status_language_and_words(client, works):
    assert works["Crossing Worlds"] in ids(listing(client, "crossover=only"))
    assert works["Crossing Worlds"] not in ids(listing(client, "crossover=exclude", tag=1))
    assert ids(listing(client, "language=espanol")) == [works["Mañana"]]
    wip = ids(listing(client, "status=in_progress&include=10&sort=kudos"))
    assert works["Ashes"] == wip[0] and works["Sunrise Over Konoha"] not in wip
    ranged = listing(client, "words_from=40000&words_to=46000&include=12")
    assert works["Ashes"] in ids(ranged)


def test_sorts_order_the_whole_result(client, works):
    kudos = ids(listing(client, "sort=kudos"))
    assert kudos[0] == works["Ashes"]
    titles = ids(listing(client, "sort=title"))
    assert works["Ashes"] == titles[0]
    reverse_titles = ids(listing(client, "sort=title&order=desc"))
    assert titles != reverse_titles


def test_full_text_with_filters_phrases_accents_and_negation(client, works):
    assert ids(listing(client, "q=remembers+war")) == [works["Ashes"]]
    assert ids(listing(client, "q=cafe+DEJA")) == [works["Ashes"]]
    assert ids(listing(client, 'q="secret+phrase+hides"')) == [works["Long Road"]]
    assert ids(listing(client, 'q="phrase+secret"')) == []
    assert works["Ashes"] not in ids(listing(client, "q=kakashi+-war"))
    assert ids(listing(client, "q=platform&include=13")) == [works["The Last Train"]]


def test_analysis_filters(client, works):
    speaks = ids(listing(client, "speaks=12&sort=kudos"))
    assert works["Ashes"] in speaks and works["Sunrise Over Konoha"] not in speaks
    most = ids(listing(client, "speaks_most=12"))
    assert works["Sunrise Over Konoha"] in most and works["Ashes"] not in most
    assert works["Ashes"] in ids(listing(client, "pairing=20"))
    hidden = ids(listing(client, f"hide_note={corpus.MINORS}&include=13&sort=kudos"))
    assert works["The Last Train"] not in hidden
    # the note can also be given by its name, as the form's label reads
    assert works["The Last Train"] not in ids(
        listing(client, "hide_note=Minors+in+a+Romantic+or+Sexual+Scene&include=13")
    )


def test_pages_and_share_link_round_trip(client, works):
    first = listing(client, "sort=kudos")
    second = listing(client, "sort=kudos&page=2")
    assert not set(ids(first)) & set(ids(second))
    html = second.content.decode()
    share = (
        re.search(r'class="browse-share-link" href="\?([^"]*)"', html)
        .group(1)
        .replace("&amp;", "&")
    )
    assert "sort=kudos" in share and "page=2" in share
    assert ids(listing(client, share)) == ids(second)


def test_names_resolve_to_tags(client, works):
    found = ids(listing(client, "include_names=naruto+uzumaki&exclude_names=Explicit"))
    assert works["Sunrise Over Konoha"] in found and works["Ashes"] not in found


BAD_URLS = [
    "include=99999", "include=abc", "exclude=-5", "words_from=-10", "words_to=abc",
    "words_from=500&words_to=10", "page=0", "page=-3", "page=99999999999999999999",
    "page=400", "sort=evil", "order=sideways", "updated_from=2024-13-45", "posted_to=0000-01-01",
    "language=../../etc", "crossover=maybe", "status=done", "speaks=abc", "pairing=123456789",
    "q=%27%3B+DROP+TABLE+browse_workindex%3B+--", 'q="unclosed', "q=NEAR(a+b)+OR+*",
    "q=" + "x" * 5000, "include_names=" + "a," * 3000, "hide_note=%00%01",
    "include=" + ",".join(str(i) for i in range(10_000)),
    "&".join(f"exclude={i}" for i in range(10_000)),
]  # fmt: skip


@pytest.mark.parametrize("query", BAD_URLS, ids=lambda q: q[:40])
def test_bad_urls_give_a_clean_page_with_a_message(client, works, query):
    response = listing(client, query)
    html = response.content.decode()
    assert "browse-messages" in html or "Works" in html
    assert "Traceback" not in html


def test_bad_urls_explain_what_was_ignored(client, works):
    html = listing(client, "include=99999&words_from=-1&page=400&sort=evil").content.decode()
    assert "no tag with id 99999" in html and "Words from" in html
    assert "showing the last page" in html and "Unknown sort" in html


def test_unknown_tag_page_is_a_clean_404(client, works):
    assert "no such tag" in listing(client, tag=424242, status=404).content.decode()


def test_index_follows_changes_in_the_table(client, works):
    from django.core.cache import cache

    from fanarchive.browse.models import WorkIndex

    # Writing WorkIndex by hand bypasses the archive signals that clear the anonymous page
    # cache, so clear it as an archive change would.

    row = WorkIndex.objects.get(work_id=works["Mañana"])
    row.kudos, row.revision, row.title, row.title_key = 10_000, 5, "Aaa First", "aaa first"
    row.save()
    cache.clear()
    assert ids(listing(client, "sort=kudos"))[0] == works["Mañana"]
    assert ids(listing(client, "sort=title"))[0] == works["Mañana"]
    row.visible, row.revision = False, 6
    row.save()
    cache.clear()
    assert works["Mañana"] not in ids(listing(client, "sort=kudos"))
