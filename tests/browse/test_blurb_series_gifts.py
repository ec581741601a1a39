"""Browse & Search blurbs show a work's gifts ("for X") and series ("Part N of …") as the works
blurbs do (issue 18, items 4 and 7)."""

import pytest
from django.urls import reverse

from fanarchive.accounts.models import Pseud
from fanarchive.readers.models import Series, SeriesPart
from fanarchive.works.models import Gift
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def blurb_of(client, work) -> str:
    page = client.get(reverse("browse:works")).content.decode()
    start = page.index(f'id="work_{work.pk}"')
    return page[start : page.index("</dl>", start)]


@pytest.fixture
def gifted_part_two(author, other_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = posted_work(author, title="Opening")
        work = posted_work(author, title="Sequel")
        series = Series.objects.create(owner=author, title="The Long Road")
        SeriesPart.objects.create(series=series, work=first, position=1)
        SeriesPart.objects.create(series=series, work=work, position=2)
        Gift.objects.create(work=work, recipient_name="other", pseud=Pseud.default_for(other_user))
        Gift.objects.create(work=work, recipient_name="Someone Offsite")
    return work, series


def test_browse_blurb_names_the_series_part(client, gifted_part_two):
    work, series = gifted_part_two
    blurb = blurb_of(client, work)
    link = reverse("readers:series", args=[series.pk])
    assert f'Part <strong>2</strong> of <a href="{link}">The Long Road</a>' in blurb


def test_browse_blurb_names_the_gift_recipients(client, gifted_part_two, other_user):
    work, _ = gifted_part_two
    blurb = blurb_of(client, work)
    gifts = reverse("works:user_gifts", args=[other_user.get_username()])
    assert f'<a class="gift" href="{gifts}">other</a>' in blurb
    assert 'for <span class="gift">Someone Offsite</span>, <a class="gift"' in blurb


def test_a_blurb_without_series_or_gifts_has_neither(client, author):
    work = posted_work(author, title="Alone")
    blurb = blurb_of(client, work)
    assert 'class="series"' not in blurb and 'class="gift"' not in blurb
