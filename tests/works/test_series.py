"""Series as AO3 has them: made from the work form, "Part N of" on works and blurbs with the
previous and next works, and the series page's meta."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from fanarchive.accounts.models import Pseud
from fanarchive.readers.models import Series
from fanarchive.readers.services import add_to_series
from fanarchive.works.models import Work
from tests.works.helpers import posted_work, work_form_data

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_new_series_on_the_work_form_makes_the_work_its_part_1(author_client, author):
    author_client.post(reverse("works:new"), work_form_data(new_series="Green Beasts"))
    work = Work.objects.get()
    series = Series.objects.get()
    assert series.title == "Green Beasts" and series.owner == author
    assert list(series.parts.values_list("work", "position")) == [(work.pk, 1)]


def test_add_to_series_on_the_edit_form_appends_the_work(author_client, author):
    first, second = posted_work(author, title="One"), posted_work(author, title="Two")
    series = Series.objects.create(owner=author, title="Both")
    add_to_series(series, first)
    data = work_form_data(title="Two", series=series.pk)
    data.pop("body")
    author_client.post(reverse("works:edit", args=[second.pk]), data)
    assert list(series.parts.order_by("position").values_list("work", flat=True)) == [
        first.pk,
        second.pk,
    ]


def test_someone_elses_series_cannot_be_chosen(author_client, other_user):
    theirs = Series.objects.create(owner=other_user, title="Theirs")
    response = author_client.post(reverse("works:new"), work_form_data(series=theirs.pk))
    assert response.status_code == 200 and not theirs.parts.exists()


def test_new_series_from_a_works_page_adds_that_work(author_client, author, client, other_user):
    work = posted_work(author)
    url = reverse("readers:series_new") + f"?work={work.pk}"
    assert "will be Part 1" in author_client.get(url).content.decode()
    author_client.post(url, {"title": "Rivers", "summary": "", "notes": "", "work": work.pk})
    assert Series.objects.get().parts.get().work == work
    client.force_login(other_user)  # nobody adds another's work to their series
    response = client.post(url, {"title": "Mine", "summary": "", "notes": "", "work": work.pk})
    assert response.status_code == 403 and Series.objects.count() == 1


def test_part_of_series_on_the_work_page_with_previous_and_next_works(client, author):
    one, two, three = (posted_work(author, title=t) for t in ("One", "Two", "Three"))
    series = Series.objects.create(owner=author, title="Trilogy")
    for work in (one, two, three):
        add_to_series(series, work)
    page = soup(client.get(reverse("works:detail", args=[two.pk])))
    meta = page.select_one("dl.work.meta dd.series span.series")
    assert meta.select_one("span.position").get_text(" ", strip=True) == "Part 2 of Trilogy"
    assert meta.select_one("a.previous")["href"] == reverse("works:detail", args=[one.pk])
    assert meta.select_one("a.next")["href"] == reverse("works:detail", args=[three.pk])
    bottom = page.select_one("#series")
    assert "← Previous Work" in bottom.get_text() and "Next Work →" in bottom.get_text()
    first = soup(client.get(reverse("works:detail", args=[one.pk])))
    assert first.select_one("dd.series a.previous") is None


def test_series_navigation_skips_a_part_the_reader_cannot_see(client, author):
    one, two, three = (posted_work(author, title=t) for t in ("One", "Two", "Three"))
    series = Series.objects.create(owner=author, title="Trilogy")
    for work in (one, two, three):
        add_to_series(series, work)
    Work.objects.filter(pk=two.pk).update(restricted=True)
    page = soup(client.get(reverse("works:detail", args=[three.pk])))
    assert page.select_one("dd.series a.previous")["href"] == reverse("works:detail", args=[one.pk])


def test_blurbs_show_part_of_series(client, author):
    work = posted_work(author)
    series = Series.objects.create(owner=author, title="Rivers")
    add_to_series(series, work)
    blurb = soup(client.get(reverse("works:home"))).select_one(f"li#work_{work.pk} ul.series")
    assert blurb.get_text(" ", strip=True) == "Part 1 of Rivers"
    assert blurb.a["href"] == reverse("readers:series", args=[series.pk])


def test_the_series_page_has_ao3s_meta(client, author, other_user):
    one = posted_work(author, title="One", complete=True)
    two = posted_work(author, title="Two")
    two.pseuds.add(Pseud.default_for(other_user))
    Work.objects.filter(pk=one.pk).update(bookmarks_count=3)
    series = Series.objects.create(
        owner=author, title="Both", summary="<p>A pair.</p>", notes="<p>Read in order.</p>"
    )
    add_to_series(series, one)
    add_to_series(series, two)
    page = soup(client.get(reverse("readers:series", args=[series.pk])))
    meta = page.select_one("dl.series.meta.group")
    fields = dict(
        zip(
            [dt.get_text(strip=True) for dt in meta.find_all("dt", recursive=False)],
            [dd.get_text(" ", strip=True) for dd in meta.find_all("dd", recursive=False)],
            strict=True,
        )
    )
    assert [a.get_text() for a in meta.select("a[rel=author]")] == ["author", "outsider"]
    assert "Creators:" in fields and fields["Description:"] == "A pair."
    assert fields["Notes:"] == "Read in order."
    stats = {
        dt.get_text(strip=True): dd.get_text(strip=True)
        for dt, dd in zip(meta.select("dl.stats dt"), meta.select("dl.stats dd"), strict=True)
    }
    assert stats == {
        "Words:": str(one.words + two.words),
        "Works:": "2",
        "Complete:": "No",
        "Bookmarks:": "3",
    }
    listed = [li["id"] for li in page.select("ul.series.work.index.group > li[role=article]")]
    assert listed == [f"work_{one.pk}", f"work_{two.pk}"]


def test_the_owner_edits_the_series_description_and_notes(
    author_client, author, client, other_user
):
    series = Series.objects.create(owner=author, title="Old")
    url = reverse("works:series_edit", args=[series.pk])
    author_client.post(url, {"title": "New", "summary": "About it.", "notes": "<b>Note</b>"})
    series.refresh_from_db()
    assert series.title == "New" and series.summary == "<p>About it.</p>"
    assert series.notes == "<p><b>Note</b></p>"
    client.force_login(other_user)
    assert client.get(url).status_code == 404


def test_manage_series_reorders_and_removes_parts(author_client, author, client, other_user):
    one, two, three = (posted_work(author, title=t) for t in ("One", "Two", "Three"))
    series = Series.objects.create(owner=author, title="Trilogy")
    for work in (one, two, three):
        add_to_series(series, work)
    p1, p2, p3 = series.parts.order_by("position")
    url = reverse("readers:series_manage", args=[series.pk])
    assert (
        "Manage Series"
        in author_client.get(reverse("readers:series", args=[series.pk])).content.decode()
    )
    response = author_client.post(
        url,
        {
            f"position_{p3.pk}": "1",
            f"position_{p1.pk}": "2",
            f"position_{p2.pk}": "3",
            f"remove_{p1.pk}": "1",
        },
    )
    assert response.status_code == 302
    assert list(series.parts.order_by("position").values_list("work", "position")) == [
        (three.pk, 1),
        (two.pk, 2),
    ]
    assert Work.objects.filter(pk=one.pk).exists()  # out of the series, not deleted
    refused = author_client.post(url, {f"position_{p3.pk}": "1", f"position_{p2.pk}": "1"})
    assert "Give each work a different number" in refused.content.decode()
    client.force_login(other_user)
    assert client.get(url).status_code == 404
