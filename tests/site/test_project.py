"""Project-level gates: migrations match the models, pages stay within a query budget."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def test_migrations_match_the_models():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # exits non-zero otherwise


def test_home_page_queries_do_not_grow_with_the_number_of_works(
    client, author, django_assert_max_num_queries
):
    for number in range(12):
        posted_work(author, title=f"Work {number}")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("works:home"))
    assert response.content.decode().count('class="work blurb') == 12
