"""AO3's addresses and parameters (issue 17): canonical paths without trailing slashes, old
addresses moved for good, `work_search[...]` giving the same works as the sidebar."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from fanarchive.browse import ao3params
from tests.ao3.conftest import tag
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def works(author):
    river = posted_work(author, title="The River", complete=True)
    tag(river, "fandom", "Naruto")
    tag(river, "freeform", "Rivalry/Friendship")
    road = posted_work(author, title="Long Road", chapters=3, expected_chapters=5)
    tag(road, "fandom", "Naruto")
    return {"river": river, "road": road}


def ids(response) -> list[int]:
    return [int(i) for i in re.findall(r'id="work_(\d+)"', response.content.decode())]


def test_canonical_addresses_have_no_trailing_slash(works):
    road = works["road"]
    chapter = road.chapters.get(position=2)
    assert reverse("works:detail", args=[road.pk]) == f"/works/{road.pk}"
    assert reverse("works:chapter", args=[road.pk, chapter.pk]) == (
        f"/works/{road.pk}/chapters/{chapter.pk}"
    )
    assert reverse("accounts:login") == "/users/login"
    assert reverse("readers:series", args=[7]) == "/series/7"
    assert reverse("collections:detail", args=["rare"]) == "/collections/rare"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/works/{road}/", "/works/{road}"),
        ("/works/{road}/?view_full_work=true", "/works/{road}?view_full_work=true"),
        ("/users/author/works/", "/users/author/works"),
        ("/browse/?q=race", "/works?q=race"),
        ("/login/?next=/dashboard", "/users/login?next=/dashboard"),
    ],
)
def test_old_addresses_move_for_good(client, works, old, new):
    pk = works["road"].pk
    old, new = old.format(road=pk), new.format(road=pk)
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new


def test_logging_out_at_the_old_address(author_client):
    response = author_client.post("/logout/")
    assert response.status_code == 308 and response["Location"] == "/users/logout"


def test_a_post_to_an_old_address_keeps_its_method(author_client, works):
    response = author_client.post(f"/works/{works['road'].pk}/complete/", {"complete": "1"})
    assert response.status_code == 308
    assert response["Location"] == f"/works/{works['road'].pk}/complete"


@pytest.mark.parametrize("path", ["//evil.example/", "///evil.example", "//evil.example/x/"])
def test_no_redirect_to_another_host(rf, path):
    """The test client would read `//host` as a host, so the resolver is asked directly."""
    from django.http import Http404
    from django.urls import resolve

    match = resolve(path)
    with pytest.raises(Http404):
        match.func(rf.get("/"), *match.args, **match.kwargs)


def test_repeated_leading_slashes_collapse(rf, works):
    from django.urls import resolve

    match = resolve(f"//works/{works['road'].pk}")
    response = match.func(rf.get("/"), *match.args, **match.kwargs)
    assert response.status_code == 301 and response["Location"] == f"/works/{works['road'].pk}"


def test_old_tag_and_download_addresses(client, works):
    from fanarchive.browse.models import FilterTag

    client.get(reverse("browse:works"))  # files the works
    naruto = FilterTag.objects.get(name="Naruto")
    response = client.get(f"/browse/tags/{naruto.pk}/")
    assert response.status_code == 301 and response["Location"] == "/tags/Naruto/works"
    response = client.get(f"/works/{works['river'].pk}/download/epub/")
    assert response.status_code == 301
    assert response["Location"] == f"/downloads/{works['river'].pk}/The_River.epub"


def test_chapter_short_address_and_navigate(client, works):
    road = works["road"]
    chapter = road.chapters.get(position=3)
    response = client.get(f"/chapters/{chapter.pk}?view_adult=true")
    assert response.status_code == 301
    assert response["Location"] == f"/works/{road.pk}/chapters/{chapter.pk}?view_adult=true"
    page = client.get(f"/works/{road.pk}/navigate").content.decode()
    assert 'class="chapter index group"' in page
    hrefs = re.findall(rf'href="(/works/{road.pk}/chapters/\d+)"', page)
    assert len(hrefs) == 3
    assert client.get("/chapters/999999").status_code == 404


def test_a_draft_chapter_address_reveals_nothing(client, author, works):
    from fanarchive.works.models import Work

    Work.objects.filter(pk=works["road"].pk).update(posted=False)
    chapter = works["road"].chapters.get(position=1)
    assert client.get(f"/chapters/{chapter.pk}").status_code == 404
    assert client.get(f"/works/{works['road'].pk}/navigate").status_code == 404


def test_tag_works_by_name_has_the_sidebar_and_tag_links_go_there(client, works):
    page = client.get("/tags/Naruto/works")
    assert page.status_code == 200
    assert sorted(ids(page)) == sorted([works["river"].pk, works["road"].pk])
    assert b'class="browse-filters"' in page.content
    # AO3 escapes "/" in tag names as *s*
    slash = client.get("/tags/Rivalry*s*Friendship/works")
    assert ids(slash) == [works["river"].pk]
    work_page = client.get(f"/works/{works['river'].pk}").content.decode()
    assert 'href="/tags/Rivalry*s*Friendship/works"' in work_page
    assert "/tags/Naruto/works" in client.get("/").content.decode()
    assert client.get("/tags/No%20Such%20Tag/works").status_code == 404


def test_tag_feed(client, works):
    response = client.get("/tags/Naruto/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert body.count("<entry>") == 2 and "The River" in body and "Long Road" in body
    assert client.get("/tags/Nothing/feed.atom").status_code == 404


def test_profile_and_pseud_works(client, works):
    profile = client.get("/users/author")
    assert profile.status_code == 200 and b"Works (2)" in profile.content
    assert client.get("/users/author/profile").status_code == 200
    pseud = client.get("/users/author/pseuds/author/works")
    assert sorted(ids(pseud)) == sorted([works["river"].pk, works["road"].pk])
    assert client.get("/users/nobody").status_code == 404
    assert client.get("/users/author/pseuds/nobody/works").status_code == 404


def test_named_downloads(client, works):
    river = works["river"]
    response = client.get(f"/downloads/{river.pk}/The_River.html")
    assert response.status_code == 200 and b"The River" in response.content
    # The title part is decoration: the id decides, as on AO3.
    assert client.get(f"/downloads/{river.pk}/anything.txt").status_code == 200
    assert client.get(f"/downloads/{river.pk}/The_River.exe").status_code == 404


def test_error_page_is_ao3s(client):
    page = client.get("/works/999999")
    assert page.status_code == 404
    assert b'id="main" class="error-404 region"' in page.content
    assert b'<h2 class="heading">Error 404</h2>' in page.content


@pytest.mark.parametrize(
    ("ao3_query", "sidebar_query"),
    [
        ("work_search[complete]=T", "status=complete"),
        ("work_search[complete]=F", "status=in_progress"),
        (
            "work_search[fandom_names]=Naruto&work_search[sort_column]=title_to_sort_on"
            "&work_search[sort_direction]=asc",
            "include_names=Naruto&sort=title&order=asc",
        ),
        ("work_search[freeform_names]=Rivalry/Friendship", "include_names=Rivalry/Friendship"),
        ("work_search[excluded_tag_names]=Rivalry/Friendship", "exclude_names=Rivalry/Friendship"),
        ("work_search[word_count]=<20", "words_to=19"),
        ("work_search[query]=river", "q=river"),
        ("tag_id=Naruto&work_search[complete]=T", "include_names=Naruto&status=complete"),
    ],
)
def test_ao3_parameters_give_the_sidebars_works(client, works, ao3_query, sidebar_query):
    by_ao3 = ids(client.get("/works?" + ao3_query))
    assert by_ao3 == ids(client.get("/works?" + sidebar_query))
    assert by_ao3 == ids(client.get("/works/search?" + ao3_query))


def test_unsupported_ao3_parameters_are_named(client, works):
    page = client.get("/works?work_search[creators]=author").content.decode()
    assert "The AO3 author filter is not offered here" in page


def test_translation():
    pairs, notes, context = ao3params.translate(
        [
            ("work_search[rating_ids]", "10"),
            ("work_search[archive_warning_ids]", "18"),
            ("include_work_search[freeform_ids][]", "12"),
            ("exclude_work_search[rating_ids][]", "13"),
            ("work_search[word_count]", "100-1000"),
            ("work_search[crossover]", "F"),
            ("work_search[language_id]", "fr"),
            ("work_search[sort_column]", "kudos_count"),
            ("work_search[hits]", ">100"),
            ("tag_id", "Naruto"),
            ("page", "2"),
        ]
    )
    assert dict(pairs) | {} == {
        "include": "12",
        "exclude": "13",
        "words_from": "100",
        "words_to": "1000",
        "crossover": "exclude",
        "language": "francais",
        "sort": "kudos",
        "page": "2",
        "include_names": "General Audiences,Major Character Death",
    }
    assert notes == ["The AO3 hits filter is not offered here; it was ignored."]
    assert context == "Naruto"


def test_tag_params_round_trip():
    name = "Kakashi/Gai & Co. #1?"
    param = ao3params.tag_to_param(name)
    assert "/" not in param and "." not in param
    assert ao3params.tag_from_param(param) == name


@pytest.mark.parametrize(
    "query",
    [
        "work_search[word_count]=lots",
        "work_search[word_count]=<99999999999999999999",
        "work_search[rating_ids]=99",
        "work_search[sort_column]=DROP TABLE&work_search[sort_direction]=sideways",
        "work_search[language_id]=%3Cscript%3E",
        "work_search[complete]=maybe&work_search[crossover]=x",
        "work_search[query]=%00%01&page=-3",
        "include_work_search[freeform_ids][]=abc",
        "tag_id=%00",
        "work_search[=1&work_search]]=2&work_search[unknown_field]=3",
    ],
)
def test_hostile_ao3_parameters_get_a_message_not_an_error(client, works, query):
    response = client.get("/works?" + query)
    assert response.status_code in (200, 404)
    assert b"browse-messages" in response.content or response.status_code == 404


def test_tag_page_by_name(client, works):
    """`/tags/NAME` is AO3's tag page (`div#main.tags-show`): the tag's type, canonical or
    whose synonym, its parent fandom and synonyms, a fandom's characters, and its works."""
    from bs4 import BeautifulSoup

    from fanarchive.tags.models import Tag

    naruto = Tag.objects.get(name="Naruto")
    naruto.make_canonical()
    kakashi = Tag.objects.create(name="Hatake Kakashi", type="character", canonical=True)
    kakashi.add_parent(naruto)
    nickname = Tag.objects.create(name="Kakashi", type="character")
    nickname.make_synonym_of(kakashi)
    tag(works["river"], "character", "Kakashi")

    response = client.get("/tags/Hatake%20Kakashi")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("div#main.tags-show.region h2.heading").text == "Hatake Kakashi"
    assert "belongs to the Character Category. It's a common tag." in page.text
    assert [a["href"] for a in page.select("div.parent.fandom.listbox.group a.tag")] == [
        "/tags/Naruto"
    ]
    assert [a.text for a in page.select("div.synonym.listbox.group a.tag")] == ["Kakashi"]
    assert (
        page.select_one("#main ul.navigation.actions a")["href"] == "/tags/Hatake%20Kakashi/works"
    )

    fandom = BeautifulSoup(client.get("/tags/naruto").content, "html.parser")  # any case
    assert [a.text for a in fandom.select("div.characters.listbox.group a.tag")] == [
        "Hatake Kakashi"
    ]
    synonym = BeautifulSoup(client.get("/tags/Kakashi").content, "html.parser")
    merger = synonym.select_one("div.merger.module")
    assert "made a synonym of" in merger.text
    assert merger.select_one("a.tag")["href"] == "/tags/Hatake%20Kakashi"

    slash = client.get("/tags/Rivalry*s*Friendship")
    assert slash.status_code == 200 and b"has not been marked common" in slash.content
    assert b'href="/tags/Rivalry*s*Friendship/works"' in slash.content
    assert client.get(f"/tags/{naruto.pk}").status_code == 200  # the id still is a page
    assert client.get("/tags/No%20Such%20Tag").status_code == 404
    # A tag on no work the visitor may read, and not in the archive's vocabulary: unseen.
    Tag.objects.create(name="Secret Plan", type="freeform", canonical=False)
    assert client.get("/tags/Secret%20Plan").status_code == 404
    assert client.get("/tags/Nar%00uto").status_code == 404
