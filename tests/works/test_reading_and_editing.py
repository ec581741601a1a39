"""Reading works (blurbs, work page, chapters) and who may change them."""

import pytest
from django.urls import reverse

from fanarchive.tags.models import Tag, TagType
from fanarchive.works.models import Work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def test_home_shows_blurbs_of_posted_works_only(client, author):
    work = posted_work(author, summary="<p>Two boys race.</p>")
    fandom = Tag.objects.create(name="Naruto", type=TagType.FANDOM, canonical=True)
    work.add_tags([fandom, Tag.objects.create(name="Racing", type=TagType.FREEFORM)])
    draft = posted_work(author, title="Secret draft")
    draft.posted = False
    draft.save()
    page = client.get("/").content.decode()
    assert "The River" in page and "Secret draft" not in page
    for expected in (
        "Naruto",
        "Racing",
        "Two boys race.",
        "General Audiences",
        "Chapters:",
        "1/?",
        "Kudos:",
        "Hits:",
    ):
        assert expected in page, expected
    assert page.index("Creator Chose Not To Use Archive Warnings") < page.index(
        "Racing"
    )  # AO3 order


def test_single_chapter_work_page(client, author):
    work = posted_work(author, notes="<p>Begin note</p>", endnotes="<p>End note</p>")
    page = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert 'class="work meta group"' in page
    assert page.index("Begin note") < page.index("Race you there!") < page.index("End note")
    assert "Entire Work" not in page


def test_multi_chapter_work_reads_chapter_by_chapter_or_entire(client, author):
    work = posted_work(author, chapters=3)
    first, second, third = work.chapters.all()
    page = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert "Race you there!" in page and "Chapter 2 text." not in page
    assert "Entire Work" in page and "Chapter Index" in page
    page = client.get(reverse("works:chapter", args=[work.pk, second.pk])).content.decode()
    assert "Chapter 2 text." in page and "Race you there!" not in page
    assert reverse("works:chapter", args=[work.pk, first.pk]) in page  # previous
    assert reverse("works:chapter", args=[work.pk, third.pk]) in page  # next
    page = client.get(
        reverse("works:detail", args=[work.pk]) + "?view_full_work=true"
    ).content.decode()
    assert (
        page.index("Race you there!")
        < page.index("Chapter 2 text.")
        < page.index("Chapter 3 text.")
    )


def test_chapter_of_another_work_is_not_found(client, author):
    one, two = posted_work(author), posted_work(author, title="Two")
    url = reverse("works:chapter", args=[one.pk, two.chapters.get().pk])
    assert client.get(url + "?x=1").status_code in (200, 404)  # single chapter: shown entire
    three = posted_work(author, title="Three", chapters=2)
    assert (
        client.get(reverse("works:chapter", args=[three.pk, one.chapters.get().pk])).status_code
        == 404
    )


def test_drafts_and_restricted_works_are_hidden(client, author, other_user):
    draft = posted_work(author)
    draft.posted = False
    draft.save()
    restricted = posted_work(author, title="Members only", restricted=True)
    assert client.get(reverse("works:detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("works:detail", args=[restricted.pk])).status_code == 404
    client.force_login(other_user)
    assert client.get(reverse("works:detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("works:detail", args=[restricted.pk])).status_code == 200
    client.force_login(author)
    assert client.get(reverse("works:detail", args=[draft.pk])).status_code == 200


AUTHOR_ONLY = [
    ("get", "works:edit"),
    ("get", "works:delete"),
    ("post", "works:delete"),
    ("post", "works:set_complete"),
    ("get", "works:chapter_new"),
    ("get", "insights:suggestions"),
    ("post", "insights:suggestions"),
]


@pytest.mark.parametrize(("method", "name"), AUTHOR_ONLY)
def test_only_authors_change_their_works(client, author, other_user, method, name):
    work = posted_work(author)
    url = reverse(name, args=[work.pk])
    assert getattr(client, method)(url).status_code == 302  # anonymous: log in first
    client.force_login(other_user)
    assert getattr(client, method)(url).status_code == 403
    assert Work.objects.filter(pk=work.pk, complete=False).exists()


def test_others_cannot_edit_or_delete_chapters(client, author, other_user):
    work = posted_work(author, chapters=2)
    chapter = work.chapters.first()
    client.force_login(other_user)
    assert (
        client.post(
            reverse("works:chapter_edit", args=[work.pk, chapter.pk]), {"body": "x"}
        ).status_code
        == 403
    )
    assert (
        client.post(reverse("works:chapter_delete", args=[work.pk, chapter.pk])).status_code == 403
    )
    assert work.chapters.count() == 2


def test_delete_asks_for_confirmation_first(author_client, author):
    work = posted_work(author)
    page = author_client.get(reverse("works:delete", args=[work.pk])).content.decode()
    assert "Are you sure" in page and Work.objects.filter(pk=work.pk).exists()
    response = author_client.post(reverse("works:delete", args=[work.pk]))
    assert response.status_code == 302 and not Work.objects.filter(pk=work.pk).exists()


def test_mark_complete_and_in_progress(author_client, author):
    work = posted_work(author)
    author_client.post(reverse("works:set_complete", args=[work.pk]), {"complete": "1"})
    work.refresh_from_db()
    assert work.complete and work.chapters_display == "1/1"
    author_client.post(reverse("works:set_complete", args=[work.pk]), {"complete": "0"})
    work.refresh_from_db()
    assert not work.complete


def test_add_edit_and_delete_a_chapter(author_client, author):
    work = posted_work(author)
    response = author_client.post(
        reverse("works:chapter_new", args=[work.pk]), {"title": "Two", "body": "Gai waited."}
    )
    assert response.status_code == 302
    chapter = work.chapters.get(position=2)
    assert chapter.body == "<p>Gai waited.</p>"
    url = reverse("works:chapter_edit", args=[work.pk, chapter.pk])
    assert "Gai waited." in author_client.get(url).content.decode()
    author_client.post(url, {"title": "Two", "body": "Gai waited and waited."})
    work.refresh_from_db()
    assert work.words == 19 + 4
    author_client.post(reverse("works:chapter_delete", args=[work.pk, chapter.pk]))
    assert work.chapters.count() == 1


def test_empty_chapter_is_refused_with_a_message(author_client, author):
    work = posted_work(author)
    response = author_client.post(
        reverse("works:chapter_new", args=[work.pk]), {"title": "Kept title", "body": ""}
    )
    assert "The work needs some text" in response.content.decode()
    assert 'value="Kept title"' in response.content.decode()


def test_edit_work_details_and_tags(author_client, author):
    work = posted_work(author)
    form = author_client.get(reverse("works:edit", args=[work.pk])).content.decode()
    assert 'value="The River"' in form
    data = {
        "title": "The Long River",
        "rating": Tag.objects.fixed(TagType.RATING)[2].pk,
        "warnings": [Tag.objects.fixed(TagType.WARNING)[3].pk],
        "categories": [Tag.objects.fixed(TagType.CATEGORY)[2].pk],
        "fandoms": "Naruto",
        "characters": "Maito Gai",
        "relationships": "",
        "freeforms": "",
        "summary": "",
        "notes": "",
        "endnotes": "",
        "language": "English",
        "complete": "on",
    }
    assert author_client.post(reverse("works:edit", args=[work.pk]), data).status_code == 302
    work.refresh_from_db()
    assert work.title == "The Long River" and work.complete
    assert [t.name for t in work.tags_of(TagType.CHARACTER)] == ["Maito Gai"]
    assert work.rating.name == "Teen And Up Audiences"


def test_no_archive_warnings_apply_cannot_be_combined(author_client, author):
    work = posted_work(author)
    warnings = Tag.objects.fixed(TagType.WARNING)
    response = author_client.post(
        reverse("works:edit", args=[work.pk]),
        {"title": "X", "rating": Tag.objects.fixed(TagType.RATING)[0].pk, "fandoms": "Naruto",
         "warnings": [warnings[1].pk, warnings[3].pk], "language": "English"},
    )  # fmt: skip
    assert "cannot be chosen with another warning" in response.content.decode()


def test_a_users_works_page_lists_their_posted_works(client, author, other_user):
    posted_work(author, title="Mine")
    posted_work(other_user, title="Theirs")
    page = client.get(reverse("works:user_works", args=["author"])).content.decode()
    assert "Works by author" in page and "Mine" in page and "Theirs" not in page
    assert client.get(reverse("works:user_works", args=["nobody"])).status_code == 404


def test_a_work_with_all_planned_chapters_posted_is_complete(client, author):
    """AO3 counts 3/3 as complete even when the author never ticked "complete"."""
    work = posted_work(author, chapters=3, expected_chapters=3)
    work.refresh_from_db()
    assert work.complete
    page = client.get("/").content.decode()
    assert "3/3" in page and "Complete Work" in page and "Work in Progress" not in page
    page = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert "3/3" in page and "Completed:" in page and "Updated:" not in page


def test_a_complete_one_shot_is_not_a_work_in_progress(client, author):
    work = posted_work(author, complete=True)
    page = client.get("/").content.decode()
    assert "1/1" in page and "Complete Work" in page and "Work in Progress" not in page
    page = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert "Completed:" in page and "Work in Progress" not in page


def test_marking_a_full_work_in_progress_forgets_the_planned_count(author_client, author):
    work = posted_work(author, chapters=2, expected_chapters=2)
    author_client.post(reverse("works:set_complete", args=[work.pk]), {"complete": "0"})
    work.refresh_from_db()
    assert not work.is_complete and work.chapters_display == "2/?"


def test_counts_show_thousands_separators_as_on_ao3(client, author):
    work = posted_work(author)
    Work.objects.filter(pk=work.pk).update(
        words=123456, kudos_count=1234, hits_count=1234567, bookmarks_count=1000, comments_count=999
    )
    expected = (
        '<dd class="words">123,456</dd>',
        '<dd class="kudos">1,234</dd>',
        '<dd class="hits">1,234,567</dd>',
        '<dd class="bookmarks">1,000</dd>',
        '<dd class="comments">999</dd>',
    )
    for url in ("/", reverse("works:detail", args=[work.pk])):
        page = client.get(url).content.decode()
        for dd in expected:
            assert dd in page, (url, dd)


def test_planning_as_many_chapters_as_are_posted_completes_the_work(author_client, author):
    work = posted_work(author, chapters=2)
    data = {
        "title": "The River",
        "rating": Tag.objects.fixed(TagType.RATING)[1].pk,
        "warnings": [Tag.objects.fixed(TagType.WARNING)[0].pk],
        "fandoms": "Naruto",
        **dict.fromkeys(("characters", "relationships", "freeforms", "summary", "notes"), ""),
        "endnotes": "",
        "language": "English",
        "expected_chapters": "2",
    }
    assert author_client.post(reverse("works:edit", args=[work.pk]), data).status_code == 302
    work.refresh_from_db()
    assert work.complete and work.chapters_display == "2/2"
