"""Downloads of a visible work in every format; none of a draft or, logged out, of a
restricted work."""

import io
import zipfile

import pytest
from django.urls import reverse

from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def url(work, fmt):
    return reverse("readers:download", args=[work.pk, fmt])


@pytest.mark.parametrize("fmt", ["epub", "html", "txt"])
def test_a_visitor_downloads_a_posted_work(client, author, fmt):
    work = posted_work(author, title="The River", chapters=2, notes="<p>Hello notes</p>")
    response = client.get(url(work, fmt))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "The_River" in response["Content-Disposition"]
    data = response.content
    if fmt == "epub":
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        assert names[0] == "mimetype"
        text = b"".join(zipfile.ZipFile(io.BytesIO(data)).read(n) for n in names)
    else:
        text = data
    for expected in (b"The River", b"Chapter 2 text", b"Hello notes", b"General Audiences"):
        assert expected in text


def test_pdf_download(client, author):
    pytest.importorskip("weasyprint")
    work = posted_work(author)
    response = client.get(url(work, "pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_unknown_format_is_404(client, author):
    assert client.get(url(posted_work(author), "docx")).status_code == 404


def test_drafts_are_downloadable_by_their_authors_only(client, author, other_user):
    work = posted_work(author)
    work.posted = False
    work.save()
    assert client.get(url(work, "txt")).status_code == 404
    client.force_login(other_user)
    assert client.get(url(work, "txt")).status_code == 404
    client.force_login(author)
    assert client.get(url(work, "txt")).status_code == 200


def test_restricted_works_need_an_account_and_are_not_cached(client, author, other_user):
    work = posted_work(author, restricted=True)
    assert client.get(url(work, "epub")).status_code == 404
    client.force_login(other_user)
    response = client.get(url(work, "epub"))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_the_work_page_offers_the_download_menu(client, author):
    from fanarchive.site.ao3 import download_path

    work = posted_work(author)
    page = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    for fmt in ("azw3", "epub", "mobi", "pdf", "html", "txt"):
        # AO3's address: /downloads/N/Title.fmt, with the revision tools compare.
        assert f'href="{download_path(work, fmt)}?updated_at=' in page


def test_the_archive_epub_passes_epubcheck(client, author, tmp_path):
    from tests.exports.conftest import _epubcheck_command, assert_epubcheck_clean

    command = _epubcheck_command()
    if command is None:
        pytest.skip("epubcheck is not installed (Debian package epubcheck)")
    from fanarchive.tags.models import Tag, TagType

    work = posted_work(
        author, title="Stars & <Roofs>", chapters=3, notes="<p>Begin</p>", endnotes="<p>End</p>"
    )
    work.add_tags([Tag.objects.create(name="Kakashi/Gai", type=TagType.RELATIONSHIP)])
    path = tmp_path / "work.epub"
    path.write_bytes(client.get(url(work, "epub")).content)

    def run(target):
        import subprocess

        result = subprocess.run(
            [*command, str(target)], capture_output=True, text=True, timeout=120
        )
        return result.returncode, result.stdout + result.stderr

    assert_epubcheck_clean(run, path)


def test_a_new_download_layout_is_not_hidden_behind_a_cached_copy(client, author, monkeypatch):
    from fanarchive.readers.views import downloads

    work = posted_work(author, title="The River")
    client.force_login(author)  # past the anonymous page cache, to the downloads' own
    calls = []
    real = downloads.export_work

    def counting(export, fmt):
        calls.append(fmt)
        return real(export, fmt)

    monkeypatch.setattr(downloads, "export_work", counting)
    client.get(url(work, "txt"))
    client.get(url(work, "txt"))
    assert calls == ["txt"]  # the second download came from the cache
    monkeypatch.setattr(downloads, "LAYOUT_VERSION", downloads.LAYOUT_VERSION + 1)
    client.get(url(work, "txt"))
    assert calls == ["txt", "txt"]
