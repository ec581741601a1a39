"""An analysis that lands after its work was saved re-files the work in Browse & Search and
expires cached pages (issue 19 B): the analysis is stored with one INSERT … ON CONFLICT, which
sends no signal, so filters on who speaks kept the previous text's speakers, and a work
published before its analysis landed never got its "speaks" keys."""

import re

import pytest
from django.urls import reverse

from fanarchive.browse.models import WorkIndex
from fanarchive.insights import tasks
from fanarchive.tags.models import Tag, TagType
from fanarchive.works.models import Work
from tests.works.helpers import posted_work, work_form_data

pytestmark = pytest.mark.django_db
ONLY_GAI_SPEAKS = "<p>“Race you there!” Gai said. Nobody answered him.</p>"


def listed(client, query: str) -> list[int]:
    response = client.get(reverse("browse:works") + "?" + query)
    assert response.status_code == 200
    return [int(i) for i in re.findall(r'data-work-id="(\d+)"', response.content.decode())]


@pytest.fixture
def kakashi(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Tag.objects.create(name="Naruto", type=TagType.FANDOM, canonical=True)
        return Tag.objects.create(name="Hatake Kakashi", type=TagType.CHARACTER, canonical=True)


def test_an_analysis_landing_from_a_worker_refiles_the_work_and_expires_cached_pages(
    client, author, kakashi, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []  # a broker: the analysis waits for a worker
    monkeypatch.setattr(tasks.analyse_work, "delay", lambda *args: queued.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Race to the Gate")
    speaks = f"speaks={kakashi.id}"
    assert listed(client, speaks) == []  # published before its analysis: no speakers yet
    assert listed(client, speaks) == []  # and that page is now in the page cache

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.analyse_work(work.id)  # the worker's task
    assert f"speaks:{kakashi.id}" in WorkIndex.objects.get(work_id=work.id).filter_keys.split()
    assert listed(client, speaks) == [work.id]

    with django_capture_on_commit_callbacks(execute=True):
        chapter = work.chapters.get()
        chapter.body = ONLY_GAI_SPEAKS
        chapter.save()  # re-filed at once, with the previous text's analysis
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.analyse_work(work.id)  # the new text's analysis lands
    assert f"speaks:{kakashi.id}" not in WorkIndex.objects.get(work_id=work.id).filter_keys
    assert listed(client, speaks) == []


def test_without_a_broker_a_posted_work_is_filed_with_its_analysis(
    client, author_client, kakashi, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = author_client.post(reverse("works:new"), work_form_data(title="Posted"))
    assert response.status_code == 302
    work = Work.objects.get(title="Posted")
    assert work.analysis.data["characters"]  # analysed in-process, in the request
    assert f"speaks:{kakashi.id}" in WorkIndex.objects.get(work_id=work.id).filter_keys.split()
