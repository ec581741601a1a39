"""The header's work search (AO3's form#search in ul.primary) on every page, and it finds."""

import re

import pytest
from django.test import Client

from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def header_form(page: str) -> str:
    match = re.search(r'<ul class="primary[^"]*">.*?(<form[^>]*id="search".*?</form>)', page, re.S)
    assert match, "no form#search inside ul.primary"
    return match.group(1)


@pytest.mark.parametrize("logged_in", [False, True])
def test_every_page_has_the_header_search(client, author, logged_in):
    if logged_in:
        client.force_login(author)
    form = header_form(client.get("/works").content.decode())
    assert 'action="/works/search"' in form and 'method="get"' in form
    assert 'name="work_search[query]"' in form and 'id="site_search"' in form


def test_the_header_search_finds_a_work_by_a_title_word(author):
    river = posted_work(author, title="The River")
    posted_work(author, title="Long Road")
    page = Client().get("/works/search", {"work_search[query]": "river"}).content.decode()
    assert re.findall(r'id="work_(\d+)"', page) == [str(river.pk)]
