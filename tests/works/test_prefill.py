"""An uploaded AO3 download fills the post form's empty fields (issue 18, item 8a), as AO3's
importer does: summary, fandom, rating, warnings, category and tags; what the author typed
wins; a byline that is not the poster's is kept as "Originally by …" in the notes; the
author is told what was taken on the Preview, before anything is posted."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fanarchive.analysis.document import Metadata
from fanarchive.tags.models import TagType
from fanarchive.works.models import Work
from fanarchive.works.prefill import fill_empty, original_byline
from tests.works.helpers import work_form_data

DOWNLOAD = Path(__file__).resolve().parents[1] / "data" / "in" / "ao3_download.html"
CHOICES = {
    "rating": ["Not Rated", "General Audiences", "Teen And Up Audiences"],
    "warnings": ["No Archive Warnings Apply", "Major Character Death"],
    "categories": ["M/M", "Gen"],
}


def metadata(**fields) -> Metadata:
    base = {
        "title": "Rooftop Promises",
        "authors": ["lanternfox"],
        "summary": "Two boys on a roof.",
        "fandoms": ["NARUTO (Anime & Manga)"],
        "rating": "Teen And Up Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["M/M"],
        "relationships": ["Gaara/Uzumaki Naruto"],
        "characters": ["Gaara (Naruto)", "Uzumaki Naruto"],
        "additional_tags": ["First Kiss"],
        "source_url": "https://archiveofourown.org/works/123456",
    }
    return Metadata(**(base | fields))


EMPTY = {
    "title": "", "summary": "", "fandoms": "", "relationships": "", "characters": "",
    "freeforms": "", "language": "English", "rating": "Not Rated", "warnings": [],
    "categories": [],
}  # fmt: skip


def test_only_empty_fields_are_filled_and_named():
    given = EMPTY | {"summary": "My own summary.", "characters": "Gaara (Naruto)"}
    prefill = fill_empty(metadata(), given, ["writer"], CHOICES)
    assert prefill.values == {
        "title": "Rooftop Promises",
        "fandoms": "NARUTO (Anime & Manga)",
        "relationships": "Gaara/Uzumaki Naruto",
        "freeforms": "First Kiss",
        "rating": "Teen And Up Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["M/M"],
    }
    assert prefill.message().startswith(
        "Filled from the file: title, fandom, relationships, additional tags, rating, "
        "archive warnings, categories."
    )


def test_a_chosen_rating_and_ticked_warnings_are_the_authors():
    given = EMPTY | {"rating": "General Audiences", "warnings": ["Major Character Death"]}
    prefill = fill_empty(metadata(), given, [], CHOICES)
    assert "rating" not in prefill.values and "warnings" not in prefill.values


def test_names_the_archive_does_not_offer_are_not_filled():
    prefill = fill_empty(metadata(rating="Adults Only", warnings=["Spiders"]), EMPTY, [], CHOICES)
    assert "rating" not in prefill.values and "warnings" not in prefill.values


def test_the_byline_is_kept_in_the_notes_unless_it_is_the_posters():
    assert original_byline(metadata(), ["LanternFox", "other"]) == ""
    assert original_byline(metadata(authors=[]), ["writer"]) == ""
    assert original_byline(metadata(), ["writer"]) == (
        '<p>Originally by lanternfox at <a href="https://archiveofourown.org/works/123456">'
        "https://archiveofourown.org/works/123456</a>.</p>"
    )
    hostile = original_byline(metadata(authors=["<b>x</b>"], source_url="javascript:alert(1)"), [])
    assert hostile == "<p>Originally by &lt;b&gt;x&lt;/b&gt;.</p>"


def post_download(client, **fields):
    upload = SimpleUploadedFile("ao3_download.html", DOWNLOAD.read_bytes(), "text/html")
    data = work_form_data(body="", upload=upload, preview="1", **fields)
    return client.post(reverse("works:new"), data, follow=True)


@pytest.mark.django_db
def test_an_ao3_download_keeps_its_summary_fandom_and_tags(author_client):
    response = post_download(
        author_client, title="", summary="", fandoms="", warnings=[], rating=""
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("/preview"), page[:3000]
    assert "Filled from the file: title, summary, fandom, relationships, characters" in page
    assert "Originally by" in page
    work = Work.objects.get()
    assert not work.posted  # the author sees it on the Preview first
    assert work.title == "Rooftop Promises"
    assert "Two boys on a roof" in work.summary
    names = lambda tag_type: [t.name for t in work.tags_of(tag_type)]  # noqa: E731
    assert names(TagType.FANDOM) == ["NARUTO (Anime & Manga)"]
    assert names(TagType.RELATIONSHIP) == ["Gaara/Uzumaki Naruto"]
    assert sorted(names(TagType.FREEFORM)) == ["First Kiss", "Hurt/Comfort"]
    assert names(TagType.RATING) == ["Teen And Up Audiences"]
    assert names(TagType.WARNING) == ["No Archive Warnings Apply"]
    assert names(TagType.CATEGORY) == ["M/M"]
    assert "Originally by lanternfox" in work.notes
    assert "archiveofourown.org/works/123456" in work.notes


@pytest.mark.django_db
def test_what_the_author_typed_wins_over_the_file(author_client):
    post_download(author_client, title="My Title", summary="Mine.", fandoms="Naruto")
    work = Work.objects.get()
    assert work.title == "My Title" and "Mine." in work.summary
    assert [t.name for t in work.tags_of(TagType.FANDOM)] == ["Naruto"]


@pytest.mark.django_db
def test_the_posters_own_byline_adds_no_note(author_client, author):
    pseud = author.pseuds.create(name="lanternfox")
    post_download(author_client, title="", fandoms="", pseud=pseud.pk)
    assert "Originally by" not in Work.objects.get().notes
