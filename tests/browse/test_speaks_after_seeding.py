"""The "who speaks" filter finds a work whose analysis was stored before any listing ran
(issue 18, item 9): `seed_tags` creates the pack characters with bulk_create, which reach the
browse tables only at the next listing's catch-up, and works analysed in between (the samples
`make serve` imports) were filed without their speakers for good."""

import re

import pytest
from django.urls import reverse

from fanarchive.browse.models import WorkIndex
from fanarchive.insights.models import WorkAnalysis
from fanarchive.insights.services import analyze_work
from fanarchive.tags.models import Tag
from fanarchive.tags.services import seed_from_packs
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def listed(client, **params) -> list[int]:
    response = client.get(reverse("browse:works"), params)
    assert response.status_code == 200
    return [int(i) for i in re.findall(r'data-work-id="(\d+)"', response.content.decode())]


def test_a_work_analysed_right_after_seeding_is_found_by_who_speaks(
    client, author, django_capture_on_commit_callbacks
):
    seed_from_packs()  # as `fanarchive-manage seed_tags`: bulk_create, no signal
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Race to the Gate")  # Kakashi and Gai speak
    with django_capture_on_commit_callbacks(execute=True):
        analyze_work(work)  # what the queued task does
    kakashi = Tag.objects.named("Hatake Kakashi")
    speakers = {
        c["name"]: c["lines"] for c in WorkAnalysis.objects.get(work=work).data["characters"]
    }
    assert speakers["Hatake Kakashi"] > 0

    assert listed(client, speaks=kakashi.id) == [work.id]
    assert listed(client, speaks_most=kakashi.id) + listed(
        client, speaks=Tag.objects.named("Maito Gai").id
    ) == [work.id, work.id]
    assert f"speaks:{kakashi.id}" in WorkIndex.objects.get(work_id=work.id).filter_keys.split()


def test_the_samples_make_serve_imports_are_found_by_their_speakers(
    client, samples_dir, django_capture_on_commit_callbacks
):
    from fanarchive.works.samples import import_sample_folder

    seed_from_packs()
    with django_capture_on_commit_callbacks(execute=True):
        import_sample_folder(samples_dir)
    checked = 0
    for index in WorkIndex.objects.all():
        data = WorkAnalysis.objects.get(work_id=index.work_id).data
        for character in data["characters"]:
            tag = Tag.objects.named(character["name"])
            if character["lines"] >= 10 and tag is not None:
                assert index.work_id in listed(client, speaks=tag.canonical_tag.id), character
                checked += 1
    assert checked >= 2  # the samples' speaking characters are pack characters
