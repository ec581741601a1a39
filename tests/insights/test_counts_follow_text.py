"""The suggestions page's line and mention counts follow the work's current text (issue 18,
item 9): after a chapter is added and analysed, a suggestion already decided on (accepted,
so its tag is on the work; or rejected) showed the counts of the text it was first made for."""

import re

import pytest
from django.urls import reverse

from fanarchive.insights.models import TagSuggestion, WorkAnalysis
from fanarchive.tags.services import seed_from_packs
from fanarchive.works.models import Work
from tests.works.helpers import work_form_data

pytestmark = pytest.mark.django_db

MORE_LINES = (
    '<p>"Again," Kakashi said.</p><p>"Again!" Gai shouted.</p>'
    '<p>"Once more," Kakashi said, and Gai laughed.</p>'
)


@pytest.fixture
def work(author_client, django_capture_on_commit_callbacks):
    seed_from_packs()
    with django_capture_on_commit_callbacks(execute=True):
        author_client.post(reverse("works:new"), work_form_data())
    return Work.objects.get()


def lines_in_analysis(work, name: str) -> int:
    data = WorkAnalysis.objects.get(work=work).data
    return next(c["lines"] for c in data["characters"] if c["name"] == name)


def shown_detail(page: str, name: str) -> str:
    match = re.search(
        rf'<span class="tag">{name}</span>\s*<span class="detail">([^<]*)</span>', page
    )
    assert match, page
    return match.group(1)


def add_chapter(client, work, callbacks):
    with callbacks(execute=True):  # without a broker the queued analysis runs on commit
        response = client.post(
            reverse("works:chapter_new", args=[work.pk]), {"title": "Two", "body": MORE_LINES}
        )
    assert response.status_code == 302
    assert work.chapters.count() == 2


def test_decided_suggestions_show_the_counts_of_the_current_text(
    author_client, work, django_capture_on_commit_callbacks
):
    kakashi = work.tag_suggestions.get(name="Hatake Kakashi")
    before = lines_in_analysis(work, "Hatake Kakashi")
    author_client.post(
        reverse("insights:suggestions", args=[work.pk]), {"accept": [kakashi.pk], "save": "1"}
    )  # Kakashi accepted (his tag is on the work), Gai rejected
    assert work.tag_suggestions.get(name="Maito Gai").status == TagSuggestion.Status.REJECTED

    add_chapter(author_client, work, django_capture_on_commit_callbacks)
    after = lines_in_analysis(work, "Hatake Kakashi")
    assert after > before
    page = author_client.get(reverse("insights:suggestions", args=[work.pk])).content.decode()
    assert shown_detail(page, "Hatake Kakashi").startswith(f"{after} lines")
    gai = lines_in_analysis(work, "Maito Gai")
    assert shown_detail(page, "Maito Gai").startswith(f"{gai} lines")


def test_counts_waiting_for_the_new_analysis_are_marked_as_the_earlier_texts(
    author_client, work, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []  # a broker and no worker yet: the analysis of the new chapter waits
    monkeypatch.setattr(
        "fanarchive.insights.tasks.analyse_work.delay", lambda *args: queued.append(args)
    )
    add_chapter(author_client, work, django_capture_on_commit_callbacks)
    assert queued
    page = author_client.get(reverse("insights:suggestions", args=[work.pk])).content.decode()
    assert "Analysis pending" in page
    assert "counts are from the text before your latest changes" in page
