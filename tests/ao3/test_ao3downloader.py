"""ao3downloader (PyPI), unmodified, against the archive (issue 17): series, multi-page tag
listings, a user's works and bookmarks, downloads, error pages."""

from __future__ import annotations

import shutil

import pytest
import requests

pytest.importorskip("ao3downloader")

from ao3downloader import parse_soup  # noqa: E402
from ao3downloader.ao3 import Ao3  # noqa: E402
from ao3downloader.fileio import FileOps  # noqa: E402
from ao3downloader.repo import Repository  # noqa: E402

from tests.ao3.conftest import AO3, tag  # noqa: E402
from tests.works.helpers import posted_work  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def downloader(ao3, tmp_path, monkeypatch):
    """ao3downloader keeps its settings, logs and downloads beside the working folder."""
    monkeypatch.chdir(tmp_path)
    fileops = FileOps()
    fileops.initialize()
    repo = Repository(fileops)
    yield Ao3(repo, fileops, ["EPUB"], pages=None, series=True, images=False), repo, tmp_path
    repo.session.close()


def work_url(work) -> str:
    return f"{AO3}/works/{work.pk}"


def test_series_links_with_list_metadata(downloader, archive):
    tool, _, _ = downloader
    links = tool.get_work_links(f"{AO3}/series/{archive['series'].pk}", metadata=True)
    assert list(links) == [work_url(archive["one_shot"]), work_url(archive["multi"])]
    river = links[work_url(archive["one_shot"])]
    assert river["title"] == "The River" and river["author"] == "author"
    assert river["fandoms"] == ["Naruto"]
    assert river["relationships"] == ["Hatake Kakashi/Maito Gai"]
    assert river["tags"] == ["Rivalry"]


def test_multi_page_tag_listing(downloader, author):
    tool, _, _ = downloader
    works = []
    for number in range(23):  # two pages of 20
        work = posted_work(author, title=f"Story {number}")
        tag(work, "fandom", "Naruto")
        works.append(work)
    links = tool.get_work_links(f"{AO3}/tags/Naruto/works", metadata=False)
    assert set(links) == {work_url(work) for work in works}


def test_user_works_and_bookmarks(downloader, archive, other_user):
    tool, _, _ = downloader
    works = tool.get_work_links(f"{AO3}/users/author/works", metadata=False)
    assert set(works) == {work_url(archive["one_shot"]), work_url(archive["multi"])}
    bookmarks = f"{AO3}/users/{other_user.username}/bookmarks"
    # A blurb names its series ("Part 1 of Green Beasts") as on AO3; the tool asked for
    # series fetches the whole series too, as it would there.
    assert set(tool.get_work_links(bookmarks, metadata=False)) == {
        work_url(archive["one_shot"]),
        work_url(archive["multi"]),
    }
    tool.series = False
    assert set(tool.get_work_links(bookmarks, metadata=False)) == {work_url(archive["one_shot"])}


def test_a_series_downloads_completely(downloader, archive):
    tool, _, folder = downloader
    tool.download(f"{AO3}/series/{archive['series'].pk}")
    files = sorted(p.name for p in (folder / "downloads").rglob("*.epub"))
    assert len(files) == 2, files


def test_error_pages_and_work_metadata(downloader, archive):
    _, repo, _ = downloader
    assert parse_soup.is_deleted(repo.get_soup(f"{AO3}/works/999999"))
    soup = repo.get_soup(work_url(archive["multi"]))
    assert not parse_soup.is_deleted(soup)
    assert parse_soup.get_current_chapters(soup) == "3"
    meta = parse_soup.get_work_metadata_from_work(soup, work_url(archive["multi"]))
    assert meta["fandom"] == "Naruto"
    assert (meta["series_title"], meta["series_index"]) == ("Green Beasts", "2")
    assert meta["title"] == "Long Road" and meta["words"] == str(archive["multi"].words)


def test_login(downloader, author, password):
    _, repo, _ = downloader
    repo.login("author", password)  # raises unless the page after it has body.logged-in
    assert parse_soup.is_logged_in(repo.get_soup(f"{AO3}/users/author/works"))


def test_login_refuses_a_wrong_password(downloader, author):
    from ao3downloader.exceptions import LoginException

    _, repo, _ = downloader
    with pytest.raises(LoginException):
        repo.login("author", "wrong-password")


def test_update_check_recognises_our_html_download(downloader, archive, ao3):
    """Its update check reads the work's address from the preface message's second link and
    the chapter count from the stats: a work at 3 of 5 chapters is due for an update."""
    from ao3downloader import update

    _, repo, folder = downloader
    multi = archive["multi"]
    page = repo.get_soup(work_url(multi))
    book = folder / "long_road.html"
    book.write_bytes(repo.get_book(parse_soup.get_download_link(page, "HTML")))
    found = update.process_file(str(book), "HTML")
    # The address is the archive's own (here the test server's), where the tool goes next.
    own = f"{ao3.url}/works/{multi.pk}"
    assert found == {"link": f"{own}#archiveofourown.org/works/{multi.pk}", "chapters": "3"}


def test_update_check_recognises_our_epub_download(archive, client, settings, tmp_path):
    """Its EPUB update check opens the root `content.opf`, reads the first XHTML item as AO3's
    preface, takes the first link holding `archiveofourown.org/works/` and the chapter count
    from `dd.calibre5`. Reached as archiveofourown.org the link is AO3's own form; reached at
    any other address it is that address, with AO3's path named again in its fragment."""
    from ao3downloader import update

    from fanarchive.site.ao3 import download_path

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "archiveofourown.org"]
    multi = archive["multi"]
    found = {}
    for host in ("archiveofourown.org", "testserver"):
        answer = client.get(download_path(multi, "epub"), HTTP_HOST=host, secure=True)
        assert answer.status_code == 200
        book = tmp_path / f"{host}.epub"
        book.write_bytes(answer.content)
        found[host] = update.process_file(str(book), "EPUB")
    assert found["archiveofourown.org"] == {
        "link": f"https://archiveofourown.org/works/{multi.pk}",
        "chapters": "3",
    }
    assert found["testserver"] == {
        "link": f"https://testserver/works/{multi.pk}#archiveofourown.org/works/{multi.pk}",
        "chapters": "3",
    }


def test_update_check_and_series_update_at_the_archives_own_host(archive, ao3, tmp_path):
    """The archive reached at its own address (the live server's, not archiveofourown.org):
    the tool's update check (`update.process_file`, EPUB and HTML) finds the work due for an
    update and its series update finds the series, at the archive's own address. Where the
    tool goes next is the archive's work and series page (the fragment is never sent).
    What it does after that is hard-coded to AO3 (docs/ao3-compatibility.md)."""
    from ao3downloader import parse_soup as soup_parser
    from ao3downloader import update
    from bs4 import BeautifulSoup

    from fanarchive.site.ao3 import download_path

    multi, series = archive["multi"], archive["series"]
    own_work = f"{ao3.url}/works/{multi.pk}#archiveofourown.org/works/{multi.pk}"
    own_series = f"{ao3.url}/series/{series.pk}#archiveofourown.org/series/{series.pk}"
    for fmt in ("epub", "html"):
        answer = requests.get(ao3.url + download_path(multi, fmt), timeout=60)
        assert answer.status_code == 200
        book = tmp_path / f"long_road.{fmt}"
        book.write_bytes(answer.content)
        assert update.process_file(str(book), fmt.upper()) == {"link": own_work, "chapters": "3"}
        assert update.process_file(str(book), fmt.upper(), True, True) == {
            "link": own_work,
            "series": [own_series],
        }
    work_page = requests.get(own_work, timeout=60)
    assert work_page.status_code == 200 and work_page.request.path_url == f"/works/{multi.pk}"
    assert soup_parser.get_current_chapters(BeautifulSoup(work_page.text, "html.parser")) == "3"
    series_page = BeautifulSoup(requests.get(own_series, timeout=60).text, "html.parser")
    # The series' works it reads there it names at AO3 (parse_soup.get_full_work_url).
    works = soup_parser.get_work_urls(series_page)
    assert sorted(works) == sorted(f"{AO3}/works/{w.pk}" for w in (archive["one_shot"], multi))


@pytest.mark.skipif(not shutil.which("ebook-convert"), reason="calibre is not installed")
def test_calibre_formats_at_the_archives_own_host(archive, client, tmp_path):
    """The AZW3 and MOBI calibre makes from the EPUB keep the preface's links: the tool's MOBI
    update check and AZW3 series update recognise them at the archive's own address. (Its
    AZW3 update check reads the chapter count from `dd.calibre5`, a class calibre renames in
    AZW3; its MOBI series update wants a `p` "Series:" before a blockquote: neither is read,
    whatever the address.)"""
    from ao3downloader import update

    from fanarchive.site.ao3 import download_path

    multi, series = archive["multi"], archive["series"]
    work = f"http://testserver/works/{multi.pk}#archiveofourown.org/works/{multi.pk}"
    found = {}
    for fmt in ("azw3", "mobi"):
        answer = client.get(download_path(multi, fmt))
        assert answer.status_code == 200
        book = tmp_path / f"long_road.{fmt}"
        book.write_bytes(answer.content)
        found[fmt] = update.process_file(str(book), fmt.upper())
        found[f"{fmt} series"] = update.process_file(str(book), fmt.upper(), True, True)
    assert found["mobi"] == {"link": work, "chapters": "3"}
    assert found["azw3 series"] == {
        "link": work,
        "series": [f"http://testserver/series/{series.pk}#archiveofourown.org/series/{series.pk}"],
    }


def test_series_update_finds_the_series_of_our_html_download(downloader, archive, client, settings):
    """Its series update (`update_series`) reads an HTML or EPUB download's series from the
    links of the preface's Series row ("Part 2 of <a href=".../series/N">"), then fetches the series and
    downloads the works the reader lacks. The download is made with the archive reached as
    archiveofourown.org, as for the EPUB update check above."""
    from ao3downloader import update

    from fanarchive.site.ao3 import download_path

    tool, _, folder = downloader
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "archiveofourown.org"]
    multi, series = archive["multi"], archive["series"]
    answer = client.get(download_path(multi, "html"), HTTP_HOST="archiveofourown.org", secure=True)
    assert answer.status_code == 200
    book = folder / "long_road.html"
    book.write_bytes(answer.content)
    found = update.process_file(str(book), "HTML", update=True, update_series=True)
    assert found == {"link": work_url(multi), "series": [f"{AO3}/series/{series.pk}"]}
    epub = client.get(download_path(multi, "epub"), HTTP_HOST="archiveofourown.org", secure=True)
    (folder / "long_road.epub").write_bytes(epub.content)
    assert update.process_file(str(folder / "long_road.epub"), "EPUB", True, True) == found
    # The work held is skipped; the series' other work (the one-shot) is downloaded.
    tool.update_series(found["series"][0], [found["link"]])
    books = [p.name for p in (folder / "downloads").rglob("*.epub")]
    assert len(books) == 1 and "River" in books[0], books


def test_to_read_list_and_subscriptions(downloader, archive, other_user, password):
    from fanarchive.readers import services

    tool, repo, _ = downloader
    services.toggle_later(other_user, archive["multi"])
    services.toggle_subscription(other_user, series=archive["series"])
    repo.login(other_user.username, password)
    name = other_user.username
    tool.series = False  # the blurb's series would bring its other part (see above)
    later = tool.get_work_links(f"{AO3}/users/{name}/readings?show=to-read", metadata=False)
    assert set(later) == {work_url(archive["multi"])}
    followed = tool.get_work_links(f"{AO3}/users/{name}/subscriptions", metadata=False)
    assert set(followed) == {work_url(archive["one_shot"]), work_url(archive["multi"])}


def test_readings_are_the_readers_own(client, archive, author, other_user):
    client.force_login(author)
    assert client.get(f"/users/{other_user.username}/readings?show=to-read").status_code == 404
    assert client.get(f"/users/{other_user.username}/subscriptions").status_code == 404
    client.logout()
    response = client.get(f"/users/{other_user.username}/readings")
    assert response.status_code == 302 and "/users/login" in response["Location"]
