"""Finding things: fandoms by media (/media, /media/NAME/fandoms), tag search, people search,
bookmark search and the filters of bookmark listings — AO3's addresses, parameters and
markup, and never a draft, a hidden work, a restricted work for visitors or a private
bookmark."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.readers.models import Bookmark
from fanarchive.search import services
from fanarchive.search.models import FandomMedia
from fanarchive.tags.models import Tag, TagType
from fanarchive.works.models import Work
from tests.ao3.conftest import tag
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def canonical(name: str, tag_type: str = TagType.FANDOM) -> Tag:
    found, _ = Tag.objects.get_or_create(name=name, defaults={"type": tag_type, "canonical": True})
    return found


@pytest.fixture
def archive(author, other_user):
    """Naruto (Anime & Manga) on two works and a draft; Harry Potter (books) on a restricted
    work; Sherlock uncategorised; "Naruto (Anime)" a synonym of Naruto."""
    naruto, hp = canonical("Naruto"), canonical("Harry Potter")
    canonical("Sherlock")
    FandomMedia.objects.create(fandom=naruto, media="Anime & Manga")
    FandomMedia.objects.create(fandom=hp, media="Books & Literature")
    river = posted_work(author, title="The River")
    tag(river, "fandom", "Naruto")
    tag(river, "character", "Maito Gai")
    road = posted_work(other_user, title="Long Road")
    synonym = Tag.objects.create(name="Naruto (Anime)", type=TagType.FANDOM)
    synonym.make_synonym_of(naruto)
    road.tags.add(synonym)
    draft = posted_work(author, title="Secret Draft")
    tag(draft, "fandom", "Naruto")
    Work.objects.filter(pk=draft.pk).update(posted=False)
    members = posted_work(author, title="Members Only", restricted=True)
    tag(members, "fandom", "Harry Potter")
    mystery = posted_work(author, title="Baker Street")
    tag(mystery, "fandom", "Sherlock")
    return {"river": river, "road": road, "members": members, "mystery": mystery}


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# --- fandoms by media -------------------------------------------------------------------------
def test_media_index_groups_fandoms_by_their_media(archive):
    page = text(Client().get("/media"))
    assert '<ul class="media fandom index group">' in page
    anime = re.search(
        r'<li class="medium listbox group".*?Anime &amp; Manga.*?</li>\s*</ol>', page, re.S
    )
    assert anime and '<a class="tag" href="/tags/Naruto/works">Naruto</a> (2)' in anime.group(0)
    assert 'href="/media/Anime%20*a*%20Manga/fandoms"' in page  # AO3's escaping of "&"
    assert "Naruto</a> (2)" in text(Client().get("/media/Anime%20*a*%20Manga/fandoms"))
    assert "Uncategorized Fandoms" in page and "Sherlock" in page
    # A visitor sees no medium whose only work is restricted.
    assert "Books &amp; Literature" not in page
    signed_in = Client()
    signed_in.force_login(archive["road"].pseuds.get().user)
    assert "Harry Potter</a> (1)" in text(signed_in.get("/media"))


def test_media_index_without_canonical_fandoms_says_why(author):
    """A work's fandom tag that no wrangler made canonical is listed in Browse, not here: the
    empty index says so instead of claiming no fandom has works."""
    work = posted_work(author, title="Unwrangled")
    tag(work, "fandom", "Some New Fandom")
    page = text(Client().get("/media"))
    assert "No canonical fandom has a posted work yet" in page
    assert 'href="/tags/wrangling"' in page and 'href="/works"' in page


def test_media_fandoms_page_lists_fandoms_alphabetically(archive):
    url = reverse("search:media_fandoms", args=["Anime & Manga"])
    page = text(Client().get(url))
    assert '<h2 class="heading">Anime &amp; Manga Fandoms</h2>' in page
    assert '<li class="letter listbox group" id="letter-N">' in page
    assert "Naruto</a> (2)" in page and "Sherlock" not in page
    uncategorized = text(
        Client().get(reverse("search:media_fandoms", args=["Uncategorized Fandoms"]))
    )
    assert "Sherlock</a> (1)" in uncategorized and "Naruto" not in uncategorized


def test_unknown_media_is_a_404_and_media_redirects(archive):
    assert Client().get("/media/Podcasts/fandoms").status_code == 404
    response = Client().get("/media/TV%20Shows")
    assert response.status_code == 302 and response["Location"] == "/media/TV%20Shows/fandoms"


def test_counts_agree_with_the_tag_works_listing(archive):
    counts = services.fandom_counts(
        Client().get("/").wsgi_request.user, [Tag.objects.named("Naruto")]
    )
    assert list(counts.values()) == [2]
    listing = text(Client().get("/tags/Naruto/works"))
    assert len(re.findall(r'id="work_(\d+)"', listing)) == 2


def test_a_wrangler_files_a_fandom_under_media(archive, wrangler, author_client):
    sherlock = Tag.objects.named("Sherlock")
    url = reverse("search:fandom_media", args=[sherlock.pk])
    assert author_client.post(url, {"media": ["TV Shows"]}).status_code == 403
    client = Client()
    client.force_login(wrangler)
    page = text(client.get(reverse("search:media_fandoms", args=["Uncategorized Fandoms"])))
    assert f'action="{url}"' in page
    response = client.post(url, {"media": ["TV Shows", "Books & Literature"], "next": "/media"})
    assert response.status_code == 302 and response["Location"] == "/media"
    assert set(sherlock.media_links.values_list("media", flat=True)) == {
        "TV Shows",
        "Books & Literature",
    }
    assert "Sherlock" in text(Client().get(reverse("search:media_fandoms", args=["TV Shows"])))
    client.post(url, {"media": ["Podcasts"]})
    assert sherlock.media_links.count() == 2  # an unknown media changes nothing
    client.post(url, {"next": "https://evil.example.org/"})
    assert not sherlock.media_links.exists()


def test_the_header_links_the_fandom_index(client):
    assert 'href="/media"' in text(client.get("/works"))


# --- tags ------------------------------------------------------------------------------------
def test_tag_search_by_name_type_fandom_and_status(archive):
    def found(**params) -> list[str]:
        query = {f"tag_search[{key}]": value for key, value in params.items()}
        page = text(Client().get("/tags/search", query))
        return re.findall(r'<a class="tag" href="/tags/[^"]+">([^<]+)</a>', page)

    assert found(name="naru") == ["Naruto", "Naruto (Anime)"]
    assert found(name="naru", wrangling_status="canonical") == ["Naruto"]
    assert found(name="gai", type="character") == ["Maito Gai"]
    assert found(name="gai", type="fandom") == []
    assert found(name="zzz") == []
    page = text(Client().get("/tags/search", {"tag_search[name]": "Naruto"}))
    assert '<ol class="tag index group">' in page and "Fandom: <a" in page


def test_tag_search_in_a_fandom(archive):
    gai = Tag.objects.named("Maito Gai")
    gai.add_parent(Tag.objects.named("Naruto"))
    page = text(Client().get("/tags/search", {"tag_search[fandoms]": "Naruto"}))
    assert ">Maito Gai</a>" in page and ">Sherlock</a>" not in page


def test_tag_search_hides_tags_only_on_drafts(archive, author):
    draft = posted_work(author, title="Another Draft")
    tag(draft, "freeform", "Secret Plot Twist")
    Work.objects.filter(pk=draft.pk).update(posted=False)
    page = text(Client().get("/tags/search", {"tag_search[name]": "plot twist"}))
    assert "Secret Plot Twist" not in page and "0 Found" in page


def test_tag_search_form_is_shown_empty_and_too_long_input_is_named(client):
    page = text(client.get("/tags/search"))
    assert 'name="tag_search[name]"' in page and 'id="tag_search_name"' in page
    page = text(client.get("/tags/search", {"tag_search[name]": "x" * 500}))
    assert "Ensure this value has at most 200 characters" in page


# --- people ----------------------------------------------------------------------------------
def test_people_search_by_name_and_fandom(archive, author):
    from fanarchive.accounts.models import Pseud

    Pseud.objects.create(user=author, name="RiverWriter")
    page = text(Client().get("/people/search", {"people_search[name]": "river"}))
    assert '<ol class="pseud index group">' in page
    assert "RiverWriter (author)" in page and 'href="/users/author/profile"' in page
    page = text(Client().get("/people/search", {"people_search[fandom]": "Naruto"}))
    assert ">author</a>" in page and ">outsider</a>" in page
    page = text(Client().get("/people/search", {"people_search[fandom]": "Harry Potter"}))
    assert "1 Found" not in page and "No one found" in page  # restricted, for visitors


def test_people_search_counts_only_readable_works(archive):
    page = text(Client().get("/people/search", {"people_search[name]": "author"}))
    # The River and Baker Street; not the draft, nor the restricted work for a visitor.
    assert 'href="/users/author/pseuds/author/works">2 works</a>' in page


def test_profile_page_exists(archive):
    page = text(Client().get("/users/author/profile"))
    assert "author" in page and "Works (2)" in page


# --- bookmarks -------------------------------------------------------------------------------
@pytest.fixture
def bookmarks(archive, author, other_user, django_user_model):
    third = django_user_model.objects.create_user("third", "t@example.org", "pw-third-987")
    return {
        "river": Bookmark.objects.create(
            user=other_user,
            work=archive["river"],
            notes="<p>Best race ever</p>",
            tags="Rivals, Fave",
        ),
        "road": Bookmark.objects.create(user=third, work=archive["road"], tags="slow burn"),
        "mystery": Bookmark.objects.create(user=third, work=archive["mystery"], private=True),
        "members": Bookmark.objects.create(user=other_user, work=archive["members"]),
    }


def found_bookmarks(client, path="/bookmarks/search", **params) -> list[int]:
    query = {f"bookmark_search[{key}]": value for key, value in params.items()}
    page = text(client.get(path, query))
    return sorted(int(pk) for pk in re.findall(r'id="bookmark_(\d+)"', page))


def test_bookmark_search(bookmarks):
    client = Client()
    river, road = bookmarks["river"].pk, bookmarks["road"].pk
    assert found_bookmarks(client, query="race") == [river]  # the notes
    assert found_bookmarks(client, query="long road") == [road]  # the title
    assert found_bookmarks(client, query="maito") == [river]  # a work tag
    assert found_bookmarks(client, query="outsider") == [road]  # the creator
    assert found_bookmarks(client, other_tag_names="Naruto") == [river, road]  # synonym too
    assert found_bookmarks(client, other_tag_names="Naruto", excluded_tag_names="Maito Gai") == [
        road
    ]
    assert found_bookmarks(client, other_bookmark_tag_names="fave") == [river]
    assert found_bookmarks(client, other_bookmark_tag_names="fav") == []  # whole tags only
    assert found_bookmarks(client, bookmarker="third") == [road]  # the private one left out
    assert found_bookmarks(client, query="e", with_notes="1") == [river]


def test_bookmark_search_never_shows_private_or_unreadable(bookmarks, other_user):
    client = Client()
    assert bookmarks["members"].pk not in found_bookmarks(client, bookmarker="outsider")
    client.force_login(other_user)
    assert bookmarks["members"].pk in found_bookmarks(client, bookmarker="outsider")
    assert bookmarks["mystery"].pk not in found_bookmarks(client, query="baker")


def test_bookmark_listings_have_filters(bookmarks, other_user):
    client = Client()
    path = "/users/third/bookmarks"
    page = text(client.get(path))
    assert 'id="bookmark-filters"' in page and 'name="bookmark_search[other_tag_names]"' in page
    assert found_bookmarks(client, path, other_bookmark_tag_names="slow burn") == [
        bookmarks["road"].pk
    ]
    assert found_bookmarks(client, path, query="river") == []
    client.force_login(other_user)
    assert found_bookmarks(client, "/bookmarks", query="race") == [bookmarks["river"].pk]
    assert found_bookmarks(client, "/bookmarks", other_tag_names="Harry Potter") == [
        bookmarks["members"].pk
    ]


def test_search_pages_keep_their_parameters_across_pages(author, other_user):
    for number in range(25):
        work = posted_work(author, title=f"Work {number}")
        Bookmark.objects.create(user=other_user, work=work, tags="many")
    page = text(Client().get("/bookmarks/search", {"bookmark_search[bookmarker]": "outsider"}))
    assert "25 Found" in page
    assert "?bookmark_search%5Bbookmarker%5D=outsider&amp;page=2" in page


def test_bookmark_tags_with_regex_characters_match_whole_tags(archive, other_user):
    """The bookmarker's tags are matched by a regular expression (SQLite's Python REGEXP,
    PostgreSQL's ~*): punctuation in a tag is literal on both."""
    tags = "C++, Hurt/Comfort (mild), a.b, [x], 100% fluff, back\\slash, ^caret$"
    mark = Bookmark.objects.create(user=other_user, work=archive["river"], tags=tags)
    Bookmark.objects.create(user=other_user, work=archive["road"], tags="Cxx, axb, x, 100 fluff")
    client = Client()
    for name in (
        "c++",
        "Hurt/Comfort (mild)",
        "A.B",
        "[x]",
        "100% fluff",
        "back\\slash",
        "^caret$",
    ):
        assert found_bookmarks(client, other_bookmark_tag_names=name) == [mark.pk], name
    for name in ("c+", "Hurt/Comfort", "(mild)", "x]", "100%"):
        assert found_bookmarks(client, other_bookmark_tag_names=name) == [], name


@pytest.mark.parametrize("sort", ["created_at", "updated_at", "bookmarkable_date"])
def test_bookmarks_found_through_several_tags_are_listed_once_in_order(
    archive, other_user, author, sort
):
    """A work tag search joins each bookmark's work to its tags, so a work with several
    matching tags (Naruto and its synonym) must still give one row, sorted (DISTINCT with
    ORDER BY on a related column, which PostgreSQL is strict about)."""
    from django.utils import timezone

    river = archive["river"]
    river.tags.add(Tag.objects.get(name="Naruto (Anime)"))  # two tags filed under Naruto
    Work.objects.filter(pk=archive["road"].pk).update(revised_at=timezone.now())
    older = Bookmark.objects.create(user=other_user, work=river)
    newer = Bookmark.objects.create(user=author, work=archive["road"])
    found = found_bookmarks(Client(), other_tag_names="Naruto", sort_column=sort)
    assert found == sorted([older.pk, newer.pk])
    page = text(Client().get("/bookmarks/search", {
        "bookmark_search[other_tag_names]": "Naruto", "bookmark_search[sort_column]": sort,
    }))  # fmt: skip
    assert page.index(f'id="bookmark_{newer.pk}"') < page.index(f'id="bookmark_{older.pk}"')
    assert "2 Found" in page
