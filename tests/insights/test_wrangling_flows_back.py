"""AO3's loop, over HTTP: an author types a new character tag, a wrangler makes it a synonym of
a canonical character, and the next analysis of the work recognises the name."""

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.insights.models import WorkAnalysis
from fanarchive.tags.models import Tag
from fanarchive.tags.services import seed_from_packs
from fanarchive.works.models import Work
from tests.works.helpers import work_form_data

pytestmark = pytest.mark.django_db

BODY = (
    '<p>"Hurry up," Blondie said.</p><p>Blondie ran to the river. Blondie laughed at the water.</p>'
)


def cast(client, work):
    page = client.get(reverse("insights:analysis", args=[work.pk])).content.decode()
    return page[page.index('<table class="cast">') : page.index("</table>")]


def test_a_wrangled_synonym_reaches_the_analysis(
    author_client, wrangler, django_capture_on_commit_callbacks
):
    seed_from_packs()
    with django_capture_on_commit_callbacks(execute=True):  # the queued analysis runs
        author_client.post(reverse("works:new"), work_form_data(body=BODY, characters="Blondie"))
    work = Work.objects.get()
    assert "Uzumaki Naruto" not in cast(author_client, work)
    assert Tag.objects.named("Blondie") in Tag.objects.unwrangled()

    wrangler_client = Client()
    wrangler_client.force_login(wrangler)
    with django_capture_on_commit_callbacks(execute=True):  # re-analysis is a queued task
        response = wrangler_client.post(
            reverse("tags:wrangle", args=[Tag.objects.named("Blondie").pk]),
            {"action": "synonym", "target": "Uzumaki Naruto"},
        )
    assert response.status_code == 302

    assert "Uzumaki Naruto" in cast(author_client, work)
    characters = {c["name"]: c for c in WorkAnalysis.objects.get(work=work).data["characters"]}
    assert characters["Uzumaki Naruto"]["mentions"] >= 3
