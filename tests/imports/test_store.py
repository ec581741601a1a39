"""Storing an imported draft: the work, its analysis and suggestions in a bounded number of
queries, and the import path's plain text equal to what the analysis would read back."""

from __future__ import annotations

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fanarchive.imports.drafts import Draft, DraftChapter
from fanarchive.imports.store import _paragraphs, import_draft
from fanarchive.insights.models import WorkAnalysis
from fanarchive.insights.services import compose_work_text
from fanarchive.tags.services import seed_from_packs
from fanarchive.works.html import html_to_plain, text_to_html
from fanarchive.works.models import Work

STORY = (
    '"We should go," said Kakashi.\n\nGai shook his head. "Not yet," Gai said.\n\n'
    'Kakashi hit Gai and blood ran down his face.\n\n"Fine," Kakashi said.\n'
)


def _draft(index: int, **fields) -> Draft:
    text = f"Story {index}.\n\n" + STORY * (index + 1)
    return Draft(
        source=f"story-{index}.txt",
        title=f"Story {index}",
        chapters=[DraftChapter(title="", body=text)],
        body_format="text",
        **fields,
    )


@pytest.mark.django_db
def test_an_imported_work_costs_the_same_few_queries_whatever_its_tags_and_suggestions():
    seed_from_packs()
    import_draft(_draft(0))  # the first work creates the fixed tags' cache
    counts = []
    for index in (1, 2):
        draft = _draft(
            index,
            fandoms=["Naruto"],
            characters=["Hatake Kakashi", "Maito Gai", f"New Character {index}"],
            additional_tags=[f"Tag {index}-{n}" for n in range(index * 4)],
        )
        with CaptureQueriesContext(connection) as queries:
            import_draft(draft)
        counts.append(len(queries))
    work = Work.objects.get(title="Story 2")
    assert work.tags.count() == 2 + 1 + 3 + 8  # rating, warning, fandom, characters, freeform
    assert WorkAnalysis.objects.filter(work=work).exists()
    assert work.tag_suggestions.exists()
    # A new tag name costs its INSERT in a savepoint (3 queries); tags already known and
    # suggestions cost nothing per item. (Under pytest no commit happens, so the per-process
    # caches of pseuds and fixed tags stay empty: 2 more queries than in a real import.)
    new_tags = [1 + 4, 1 + 8]
    assert max(count - 3 * new for count, new in zip(counts, new_tags, strict=True)) <= 17


@pytest.mark.django_db
def test_import_path_text_is_what_the_analysis_reads_from_the_html():
    import_draft(_draft(3))
    work = Work.objects.get(title="Story 3")
    stored = WorkAnalysis.objects.get(work=work)
    assert stored.text == compose_work_text(Work.objects.get(pk=work.pk)).text


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        "a  b\n  c \n\n\n d\t\te\r\nf",
        "<b>x</b> &amp; y\n\n",
        "  \n\n",
        "x\u00a0\u00a0y\n \u00a0\nz",
        "a\n\t\n\nb",
        " x \r\r y",
        "line one \nline two\n line three",
    ],
)
def test_plain_paragraphs_match_the_html_reading_of_the_same_text(text):
    assert _paragraphs(text) == html_to_plain(text_to_html(text)).strip()


def test_plain_paragraphs_match_on_generated_prose():
    rng = random.Random(5)
    words = STORY.split()
    for _ in range(20):
        paragraphs = [" ".join(rng.choices(words, k=rng.randint(3, 40))) for _ in range(10)]
        text = rng.choice(["\n\n", "\n \n", "\r\n\r\n", "\n\n\n"]).join(paragraphs)
        assert _paragraphs(text) == html_to_plain(text_to_html(text)).strip()
