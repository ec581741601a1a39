"""The suggestions page (accept/reject, the second look at rejected warnings) and the
analysis page."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from fanarchive.insights.models import SuggestionKind, TagSuggestion, WorkAnalysis
from fanarchive.tags.models import NO_WARNINGS_APPLY, Tag, TagType
from fanarchive.tags.services import seed_from_packs
from fanarchive.works.models import Work
from tests.works.helpers import work_form_data

pytestmark = pytest.mark.django_db

EVIDENCE = [{"start": 0, "end": 10, "text": "Blood ran down his arm."}]


@pytest.fixture
def draft(author_client, django_capture_on_commit_callbacks):
    """A posted draft whose queued analysis ran (in-process, as without a broker)."""
    seed_from_packs()
    with django_capture_on_commit_callbacks(execute=True):
        author_client.post(reverse("works:new"), work_form_data())
    return Work.objects.get()


def suggestions_url(work):
    return reverse("insights:suggestions", args=[work.pk])


def add_warning(work, kind=SuggestionKind.ARCHIVE_WARNING, name="Graphic Depictions Of Violence"):
    return TagSuggestion.objects.create(
        work=work, kind=kind, name=name, detail="high", evidence=EVIDENCE
    )


def test_suggestions_page_lists_each_suggestion_with_evidence(author_client, draft):
    page = author_client.get(suggestions_url(draft)).content.decode()
    assert "Hatake Kakashi" in page and "Maito Gai" in page
    assert "<q>Are you coming?</q>" in page  # a line the character speaks is the evidence
    assert 'type="checkbox" name="accept"' in page and "checked" not in page  # nothing pre-accepted


def test_accepting_applies_only_the_ticked_tags_and_publishes(author_client, draft):
    kakashi = draft.tag_suggestions.get(name="Hatake Kakashi")
    response = author_client.post(suggestions_url(draft), {"accept": [kakashi.pk], "publish": "1"})
    assert response.status_code == 302 and response["Location"] == reverse(
        "works:detail", args=[draft.pk]
    )
    draft.refresh_from_db()
    assert draft.posted
    assert [t.name for t in draft.tags_of(TagType.CHARACTER)] == ["Hatake Kakashi"]
    assert draft.tag_suggestions.get(name="Maito Gai").status == TagSuggestion.Status.REJECTED


def test_save_as_draft_does_not_publish(author_client, draft):
    author_client.post(suggestions_url(draft), {"save": "1"})
    draft.refresh_from_db()
    assert not draft.posted


def test_a_rejected_warning_is_shown_once_more_before_publishing(author_client, draft):
    warning = add_warning(draft)
    response = author_client.post(suggestions_url(draft), {"publish": "1"})
    confirm = reverse("insights:confirm_warnings", args=[draft.pk])
    assert response.status_code == 302 and response["Location"].startswith(confirm)
    draft.refresh_from_db()
    assert not draft.posted
    page = author_client.get(response["Location"]).content.decode()
    assert "Graphic Depictions Of Violence" in page and "Blood ran down his arm." in page
    response = author_client.post(confirm, {"then": "publish"})  # still rejected: publish anyway
    draft.refresh_from_db()
    warning.refresh_from_db()
    assert draft.posted and warning.confirmed and warning.status == TagSuggestion.Status.REJECTED
    assert not draft.tags.filter(name="Graphic Depictions Of Violence").exists()
    # shown once: saving again does not ask a second time
    response = author_client.post(suggestions_url(draft), {"save": "1"})
    assert response["Location"] == reverse("works:detail", args=[draft.pk])


def test_the_second_look_can_add_the_warning(author_client, draft):
    draft.set_tags(TagType.WARNING, [Tag.objects.named(NO_WARNINGS_APPLY)])
    warning = add_warning(draft)
    author_client.post(suggestions_url(draft), {"publish": "1"})
    confirm = reverse("insights:confirm_warnings", args=[draft.pk])
    author_client.post(confirm, {"then": "publish", "accept": [warning.pk]})
    draft.refresh_from_db()
    assert draft.posted
    assert [t.name for t in draft.tags_of(TagType.WARNING)] == ["Graphic Depictions Of Violence"]


def test_content_warning_becomes_an_additional_tag(author_client, draft):
    note = add_warning(draft, SuggestionKind.CONTENT_WARNING, "Blood")
    author_client.post(suggestions_url(draft), {"publish": "1", "accept": [note.pk]})
    draft.refresh_from_db()
    assert draft.posted and [t.name for t in draft.tags_of(TagType.FREEFORM)] == ["Blood"]


def test_ids_of_other_works_suggestions_are_ignored(author_client, draft, other_user):
    from tests.works.helpers import posted_work

    foreign = posted_work(other_user)
    stranger = add_warning(foreign)
    author_client.post(suggestions_url(draft), {"save": "1", "accept": [stranger.pk, "junk"]})
    stranger.refresh_from_db()
    assert stranger.status == TagSuggestion.Status.PENDING


def test_analysis_page_shows_cast_lines_network_and_dialogue(author_client, draft):
    author_client.post(suggestions_url(draft), {"publish": "1"})
    page = Client().get(reverse("insights:analysis", args=[draft.pk])).content.decode()
    assert "Hatake Kakashi" in page and "present" in page
    assert 'class="bars"' in page
    assert "<svg" in page and "<circle" in page
    assert (
        '<mark class="quote"' in page
        and 'class="speaker">Hatake Kakashi</span>Are you coming?' in page
    )


def test_analysis_page_of_a_draft_is_private(draft):
    assert Client().get(reverse("insights:analysis", args=[draft.pk])).status_code == 404


def test_dialogue_markup_escapes_the_text(author_client, django_capture_on_commit_callbacks):
    seed_from_packs()
    body = '<p>"&lt;script&gt;alert(1)&lt;/script&gt;," Kakashi said.</p><p>"Fine," Gai said.</p>'
    with django_capture_on_commit_callbacks(execute=True):
        author_client.post(reverse("works:new"), work_form_data(body=body))
    work = Work.objects.get()
    page = author_client.get(reverse("insights:analysis", args=[work.pk])).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_pages_say_analysis_pending_until_the_queued_analysis_lands(
    author_client, django_capture_on_commit_callbacks
):
    """Posting queues the analysis after commit instead of running it in the request."""
    seed_from_packs()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        author_client.post(reverse("works:new"), work_form_data())
    work = Work.objects.get()
    assert queued and not hasattr(work, "analysis")  # not analysed in the request
    for url in (suggestions_url(work), reverse("insights:analysis", args=[work.pk])):
        response = author_client.get(url)
        assert "Analysis pending" in response.content.decode()
        assert response["Refresh"] and "no-store" in response["Cache-Control"]
    detail = author_client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert "(analysis pending)" in detail

    for callback in queued:  # the commit: the task runs (in-process without a broker)
        callback()
    response = author_client.get(suggestions_url(work))
    page = response.content.decode()
    assert "Analysis pending" not in page and "Hatake Kakashi" in page
    assert "Refresh" not in response
    detail = author_client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert "(analysis pending)" not in detail


def test_a_pending_analysis_is_queued_once_not_on_every_view(
    author_client, django_capture_on_commit_callbacks
):
    seed_from_packs()
    with django_capture_on_commit_callbacks(execute=False) as posted:
        author_client.post(reverse("works:new"), work_form_data())
    work = Work.objects.get()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        for _ in range(3):
            author_client.get(suggestions_url(work))
    assert len(analyses(posted)) == 1 and not analyses(queued)  # the pages wait for it
    cache.clear()  # as if the task was lost with the queue and its 10 minutes passed
    with django_capture_on_commit_callbacks(execute=False) as queued:
        for _ in range(3):
            author_client.get(suggestions_url(work))
    assert len(analyses(queued)) == 1


def analyses(callbacks) -> list:
    """The queued analyses among on-commit callbacks (the browse index queues its own)."""
    return [c for c in callbacks if c.__qualname__.startswith("queue_analysis.")]


def test_editing_a_chapter_reanalyses_after_commit_not_in_the_request(
    author_client, draft, django_capture_on_commit_callbacks
):
    chapter = draft.chapters.get()
    url = reverse("works:chapter_edit", args=[draft.pk, chapter.pk])
    body = '<p>"Wait for me," Sakura said.</p><p>"Never," Sasuke said to Sakura.</p>'
    with django_capture_on_commit_callbacks(execute=False) as queued:
        author_client.post(url, {"title": "", "body": body})
    assert queued
    assert "Haruno Sakura" not in str(WorkAnalysis.objects.get(work=draft).data)
    for callback in queued:
        callback()
    names = {s.name for s in draft.tag_suggestions.pending()}
    assert "Haruno Sakura" in names and "Hatake Kakashi" not in names


def test_with_a_broker_an_edit_says_the_suggestions_will_follow(
    author_client, draft, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("fanarchive.works.views.queue_configured", lambda: True)
    chapter = draft.chapters.get()
    url = reverse("works:chapter_edit", args=[draft.pk, chapter.pk])
    with django_capture_on_commit_callbacks(execute=False) as queued:
        page = author_client.post(url, {"title": "", "body": "<p>New text.</p>"}, follow=True)
    assert "being analysed" in page.content.decode()
    assert len(analyses(queued)) == 1
