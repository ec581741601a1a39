"""Posting a work: pasted or uploaded, and every kind of bad input coming back to the form."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fanarchive.tags.models import Tag, TagType
from fanarchive.works.models import Work
from tests.works.helpers import STORY, work_form_data

pytestmark = pytest.mark.django_db


def post(client, **overrides):
    return client.post(reverse("works:new"), work_form_data(**overrides))


def upload(name, content: bytes):
    return SimpleUploadedFile(name, content)


def docx(paragraphs):
    buffer = io.BytesIO()
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
        f'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def test_posting_needs_an_account(client):
    response = client.get(reverse("works:new"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_pasted_work_is_saved_as_a_draft_and_goes_to_suggestions(
    author_client, author, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the queued analysis runs
        response = post(author_client, freeforms="Racing, Friendship")
    work = Work.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("insights:suggestions", args=[work.pk])
    assert not work.posted and work.is_authored_by(author)
    assert work.words == 19
    assert {t.name for t in work.tags_of(TagType.FREEFORM)} == {"Racing", "Friendship"}
    assert not Tag.objects.named("Racing").canonical  # new free tags wait for wranglers
    assert hasattr(work, "analysis")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("story.txt", b'"Hello," Gai said.\n\nKakashi waved.\n', "Kakashi waved."),
        (
            "story.html",
            b"<html><body><p>Gai ran.</p><p>Kakashi <em>waved</em>.</p></body></html>",
            "Kakashi waved.",
        ),
        ("story.md", b"# A title\n\nGai ran.\n\nKakashi *waved*.\n", "Gai ran."),
        ("story.docx", docx(["Gai ran.", "Kakashi waved."]), "Kakashi waved."),
        ("latin.txt", "Gai said: “Café”. Kakashi waved.\n".encode("cp1252"), "Café"),
    ],
)
def test_upload_in_each_format(author_client, name, content, expected):
    response = author_client.post(
        reverse("works:new"), work_form_data(body="", upload=upload(name, content))
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert expected in Work.objects.get().chapters.get().body


def test_uploaded_text_keeps_its_authors_notes_and_chapters(author_client):
    text = b"Chapter 1: Start\n\nGai ran.\n\nChapter 2: End\n\nKakashi waved.\n"
    author_client.post(
        reverse("works:new"), work_form_data(body="", upload=upload("two.txt", text))
    )
    chapters = list(Work.objects.get().chapters.all())
    assert [(c.position, c.title) for c in chapters] == [(1, "Start"), (2, "End")]
    assert "Kakashi waved." in chapters[1].body and "Chapter 2" not in chapters[1].body


def assert_kept(response, *values):
    """The form came back with an error and with what the author typed."""
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error"' in page
    for value in values:
        assert value in page, value
    assert not Work.objects.exists()


def test_empty_text_and_no_file(author_client):
    response = post(author_client, body="   ")
    assert "The work needs some text" in response.content.decode()
    assert_kept(response, "Two boys race.", 'value="The River"')


def test_empty_required_fields(author_client):
    response = post(author_client, title="", fandoms="", warnings=[])
    page = response.content.decode()
    assert page.count('class="error"') >= 3
    assert "Choose at least one archive warning" in page
    assert_kept(response, "Two boys race.")


def test_ten_thousand_character_title(author_client):
    title = "T" * 10_000
    response = post(author_client, title=title)
    assert "at most 255 characters (it has 10000)" in response.content.decode()
    assert_kept(response, title, "Two boys race.")


def test_binary_upload(author_client):
    response = author_client.post(
        reverse("works:new"),
        work_form_data(body="", upload=upload("story.txt", b"\x00\x01\x02binary" * 100)),
    )
    assert "looks binary" in response.content.decode()
    assert_kept(response, "Two boys race.")


def test_empty_upload(author_client):
    response = author_client.post(
        reverse("works:new"), work_form_data(body="", upload=upload("e.txt", b"  \n"))
    )
    assert "empty" in response.content.decode()
    assert_kept(response, 'value="The River"')


def test_upload_of_the_wrong_kind(author_client):
    response = author_client.post(
        reverse("works:new"), work_form_data(body="", upload=upload("x.pdf", b"%PDF-1.4"))
    )
    assert "upload a .txt, .html, .md, .docx or .epub file" in response.content.decode()
    assert_kept(response, 'value="The River"')


def test_huge_upload(author_client, settings):
    settings.FANARCHIVE_MAX_UPLOAD_BYTES = 1024
    response = author_client.post(
        reverse("works:new"), work_form_data(body="", upload=upload("big.txt", b"word " * 1000))
    )
    assert "the limit is" in response.content.decode()
    assert_kept(response, "Two boys race.")


def test_huge_pasted_text(author_client, settings):
    from fanarchive.works import forms

    settings.FANARCHIVE_MAX_CHAPTER_CHARS = 500
    forms_body = forms.body_field()  # limits are read when the form is built
    assert forms_body.max_length == 500
    response = post(author_client, body="word " * 200)
    assert "at most 500 characters" in response.content.decode()
    assert_kept(response, "word word word")


def test_text_and_file_together(author_client):
    response = author_client.post(
        reverse("works:new"), work_form_data(upload=upload("s.txt", b"Gai ran.\n"))
    )
    assert "not both" in response.content.decode()
    assert_kept(response, "Race you there!")


def test_null_characters_in_text(author_client):
    response = post(author_client, summary="bad\x00summary")
    assert "Null characters are not allowed" in response.content.decode()


def test_tag_that_clashes_with_another_type(author_client):
    Tag.objects.create(name="Hurt/Comfort", type=TagType.FREEFORM, canonical=True)
    response = post(author_client, characters="Hurt/Comfort, Gaara")
    assert (
        "already a Additional Tags tag" in response.content.decode()
        or "already a" in response.content.decode()
    )
    assert_kept(response, "Hurt/Comfort, Gaara")


def test_script_tags_are_removed_and_the_author_is_told(author_client):
    response = post(
        author_client,
        summary='Nice <script>alert("s")</script><b onmouseover="x()">bold</b>',
        notes='<a href="javascript:alert(1)">link</a>',
        body=STORY + '<img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe>',
        follow=True,
    )
    work = Work.objects.get()
    stored = work.summary + work.notes + work.chapters.get().body
    for bad in ("<script", "onmouseover", "javascript:", "onerror", "<iframe"):
        assert bad not in stored
    assert "<b>bold</b>" in work.summary
    page = author_client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert "<script>alert" not in page and "onerror" not in page
    assert response.status_code == 302


def test_script_warning_message(author_client):
    response = author_client.post(
        reverse("works:new"), work_form_data(summary="<script>x</script>hi"), follow=True
    )
    assert "Some HTML was removed" in response.content.decode()


def test_title_is_escaped_not_interpreted(author_client):
    post(author_client, title="<script>alert(1)</script>")
    work = Work.objects.get()
    page = author_client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page
