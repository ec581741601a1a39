"""The analysis tasks, run eagerly (no broker), as `make serve` runs them."""

import pytest
from celery.result import allow_join_result

from fanarchive.insights.models import WorkAnalysis
from fanarchive.insights.tasks import analyse_work, reanalyse_for_synonym
from fanarchive.tags.models import Tag, TagType
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def test_analyse_work_stores_the_analysis_and_ignores_missing_works(author):
    work = posted_work(author)
    # A worker built earlier in this test process (under xdist, in any test) leaves Celery's
    # process-wide "a join would block" flag set; an eager result is read at once all the same.
    with allow_join_result():
        assert analyse_work.delay(work.pk).get() is True
        assert WorkAnalysis.objects.filter(work=work).exists()
        assert analyse_work.delay(987654).get() is False


def test_a_new_character_synonym_reanalyses_the_works_that_mention_it(
    author, django_capture_on_commit_callbacks
):
    work = posted_work(author)  # Kakashi and Gai talk
    analyse_work(work.pk)
    before = WorkAnalysis.objects.get(work=work).content_hash
    canonical = Tag.objects.create(name="Maito Gai", type=TagType.CHARACTER, canonical=True)
    synonym = Tag.objects.create(name="Gai", type=TagType.CHARACTER)
    with django_capture_on_commit_callbacks(execute=True):
        synonym.make_synonym_of(canonical)
    after = WorkAnalysis.objects.get(work=work)
    assert after.content_hash != before  # the aliases changed, so the work was analysed again
    assert reanalyse_for_synonym(synonym.pk) == 1
    assert reanalyse_for_synonym(999999) == 0
