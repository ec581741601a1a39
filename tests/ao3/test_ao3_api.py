"""ao3-api 2.3.1 (PyPI `ao3-api`, module `AO3`), unmodified, against the archive (issue 17)."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest

AO3 = pytest.importorskip("AO3")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # ao3-api loads a user's pages in threads: a page it cannot read fails there, not here.
    pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning"),
]


def test_work_one_chapter_metadata(ao3, archive):
    work = AO3.Work(archive["one_shot"].pk)
    assert work.title == "The River"
    assert [a.username for a in work.authors] == ["author"]
    assert work.fandoms == ["Naruto"]
    assert work.characters == ["Hatake Kakashi", "Maito Gai"]
    assert work.relationships == ["Hatake Kakashi/Maito Gai"]
    assert work.tags == ["Rivalry"]
    assert work.rating == "General Audiences"
    assert work.warnings == ["Creator Chose Not To Use Archive Warnings"]
    assert work.language == "English"
    assert work.nchapters == 1 and work.expected_chapters == 1 and work.complete
    assert work.words == archive["one_shot"].words > 0
    assert "Two boys race." in work.summary
    assert work.start_notes.strip() == "Written for a friend."
    assert work.end_notes.strip() == "Thanks for reading."
    assert work.date_published.date() == archive["one_shot"].published_at.date()


def test_work_counts_bookmarks_comments_kudos_hits(ao3, archive):
    work = AO3.Work(archive["one_shot"].pk)
    assert work.bookmarks == 1
    assert work.comments == 1
    assert work.kudos == 0
    assert work.hits >= 0


def test_work_series(ao3, archive):
    work = AO3.Work(archive["one_shot"].pk)
    assert [(s.id, s.name) for s in work.series] == [(archive["series"].pk, "Green Beasts")]


def test_work_several_chapters(ao3, archive):
    multi = archive["multi"]
    work = AO3.Work(multi.pk)
    assert work.nchapters == 3 and work.expected_chapters == 5 and not work.complete
    ids = [c.pk for c in multi.chapters.order_by("position")]
    assert [c.id for c in work.chapters] == ids
    assert [c.number for c in work.chapters] == [1, 2, 3]
    assert [c.title for c in work.chapters] == ["Start", "Part 2", "Part 3"]
    assert "Chapter 3 text." in work.chapters[2].text


def test_chapter_by_id(ao3, archive):
    chapter_pk = archive["multi"].chapters.get(position=2).pk
    chapter = AO3.Chapter(chapter_pk, None)
    assert chapter.work.id == archive["multi"].pk
    assert chapter.number == 2
    assert "Chapter 2 text." in chapter.text


def test_missing_work_is_an_invalid_id(ao3, archive):
    with pytest.raises(AO3.utils.InvalidIdError):
        AO3.Work(999_999)


def test_search_by_words_and_fandom(ao3, archive):
    search = AO3.Search(any_field="race", fandoms="Naruto")
    search.update()
    assert {w.id for w in search.results} == {archive["one_shot"].pk, archive["multi"].pk}
    assert search.total_results == 2
    search = AO3.Search(relationships="Hatake Kakashi/Maito Gai")
    search.update()
    assert [(w.id, w.title) for w in search.results] == [(archive["one_shot"].pk, "The River")]
    assert search.results[0].bookmarks == 1 and search.results[0].comments == 1


def test_search_completion_and_sort(ao3, archive):
    search = AO3.Search(completion_status=False, sort_column="word_count")
    search.update()
    assert [w.id for w in search.results] == [archive["multi"].pk]


def test_user_works_and_bookmarks(ao3, archive, other_user):
    user = AO3.User("author")
    assert {w.id for w in user.get_works()} == {archive["one_shot"].pk, archive["multi"].pk}
    assert user.works == 2
    reader = AO3.User(other_user.username)
    assert [w.id for w in reader.get_bookmarks()] == [archive["one_shot"].pk]


def test_series(ao3, archive):
    series = AO3.Series(archive["series"].pk)
    assert series.name == "Green Beasts"
    assert [u.username for u in series.creators] == ["author"]
    assert [w.id for w in series.work_list] == [archive["one_shot"].pk, archive["multi"].pk]
    assert series.nworks == 2
    assert series.words == archive["one_shot"].words + archive["multi"].words
    assert series.complete is False
    assert series.description == "Both."


@pytest.mark.parametrize("fmt", ["EPUB", "HTML", "PDF", "AZW3", "MOBI"])
def test_download(ao3, archive, fmt):
    if fmt in ("AZW3", "MOBI") and shutil.which("ebook-convert") is None:
        pytest.skip("calibre is not installed (Kindle formats are converted by its ebook-convert)")
    data = AO3.Work(archive["multi"].pk).download(fmt)
    if fmt in ("AZW3", "MOBI"):
        assert data[60:68] == b"BOOKMOBI"
    elif fmt == "EPUB":
        assert zipfile.ZipFile(io.BytesIO(data)).read("mimetype") == b"application/epub+zip"
    elif fmt == "HTML":
        assert b"Long Road" in data and b"Chapter 3 text." in data
    else:
        assert data.startswith(b"%PDF-")


def test_download_date_edited(ao3, archive):
    work = AO3.Work(archive["one_shot"].pk)
    assert work.date_edited.date() == archive["one_shot"].revised_at.date()


def test_session_login(ao3, archive, author, password):
    session = AO3.Session("author", password)
    dashboard = session.session.get("https://archiveofourown.org/dashboard", allow_redirects=False)
    assert dashboard.status_code == 200 and b'class="logged-in"' in dashboard.content
    # A logged-in session reads works like a guest's (the session's own requests).
    assert AO3.Work(archive["one_shot"].pk, session=session).title == "The River"


def test_session_login_refuses_a_wrong_password(ao3, archive):
    with pytest.raises(AO3.utils.LoginError):
        AO3.Session("author", "wrong-password")


def test_kudos(ao3, archive, other_user, password):
    session = AO3.Session(other_user.username, password)
    work = AO3.Work(archive["one_shot"].pk, session=session)
    assert work.leave_kudos() is True
    assert work.leave_kudos() is False  # already left
    archive["one_shot"].refresh_from_db()
    assert archive["one_shot"].kudos_count == 1
    assert AO3.Work(archive["one_shot"].pk).kudos == 1


def test_kudos_refused_without_a_token(ao3, archive, other_user, password):
    session = AO3.Session(other_user.username, password)
    work = AO3.Work(archive["one_shot"].pk, session=session)
    work._soup.find("meta", {"name": "csrf-token"})["content"] = "forged"
    session.authenticity_token = "forged"
    with pytest.raises(AO3.utils.AuthError):
        work.leave_kudos()
    archive["one_shot"].refresh_from_db()
    assert archive["one_shot"].kudos_count == 0


def test_reading_comments(ao3, archive, other_user):
    comments = AO3.Work(archive["one_shot"].pk).get_comments()
    assert [(c.author.username, c.text.strip()) for c in comments] == [
        (other_user.username, "Great race.")
    ]


def test_comment_posted_through_the_comment_service(ao3, archive, other_user, password):
    session = AO3.Session(other_user.username, password)
    work = AO3.Work(archive["one_shot"].pk, session=session)
    work.comment("What a <b>race</b>.")
    posted = archive["one_shot"].comments.get(user=other_user, body__contains="What a")
    assert posted.status == posted.Status.PUBLISHED and posted.chapter is None
    assert AO3.Work(archive["one_shot"].pk).comments == 2
    texts = [c.text.strip() for c in AO3.Work(archive["one_shot"].pk).get_comments()]
    assert "What a race." in texts


def test_comment_twice_is_a_duplicate(ao3, archive, other_user, password):
    session = AO3.Session(other_user.username, password)
    work = AO3.Work(archive["one_shot"].pk, session=session)
    work.comment("Once only.")
    with pytest.raises(AO3.utils.DuplicateCommentError):
        work.comment("Once only.")
    assert archive["one_shot"].comments.filter(body__contains="Once only.").count() == 1


def test_comment_on_a_chapter_and_a_reply(ao3, archive, other_user, password):
    session = AO3.Session(other_user.username, password)
    chapter = archive["multi"].chapters.get(position=2)
    work = AO3.Work(archive["multi"].pk, session=session)
    work.chapters[1].comment("Chapter two!")
    posted = archive["multi"].comments.get(body__contains="Chapter two!")
    assert posted.chapter_id == chapter.pk
    reply = AO3.utils.comment(work, "A reply.", session, fullwork=True, commentid=posted.pk)
    assert reply.status_code == 404 and reply.json()["comment"]["status"] == "published"
    assert archive["multi"].comments.get(body__contains="A reply.").parent_id == posted.pk


def test_comment_refused_to_a_blocked_reader(ao3, archive, author, other_user, password):
    from fanarchive.readers.services import toggle_block

    toggle_block(author, other_user)
    session = AO3.Session(other_user.username, password)
    work = AO3.Work(archive["one_shot"].pk, session=session)
    with pytest.raises(AO3.utils.UnexpectedResponseError, match="blocked"):
        work.comment("Let me in.")
    assert not archive["one_shot"].comments.filter(body__contains="Let me in.").exists()


def test_comment_refused_without_a_token_or_a_readable_work(ao3, archive, other_user, password):
    session = AO3.Session(other_user.username, password)
    work = AO3.Work(archive["one_shot"].pk, session=session)
    with pytest.raises(AO3.utils.UnexpectedResponseError, match="required"):
        work.comment("   ")
    # An unknown work answers an empty 404, which ao3-api reads as InvalidIdError.
    token = work.authenticity_token
    data = {"work_id": "999999", "authenticity_token": token, "comment[comment_content]": "Hi"}
    nowhere = session.post("https://archiveofourown.org/comments.js", data=data)
    assert (nowhere.status_code, nowhere.content) == (404, b"")
    work._soup.find("meta", {"name": "csrf-token"})["content"] = "forged"
    del work.__dict__["authenticity_token"]
    with pytest.raises(AO3.utils.AuthError):
        work.comment("Forged.")
    assert not archive["one_shot"].comments.filter(body__contains="Forged.").exists()
