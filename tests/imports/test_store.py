"""Storing imported drafts: the work, its analysis and suggestions in a bounded number of
queries, a chunk of works in one commit and one browse-index pass, one draft's failure costing
only itself, and the import path's plain text equal to what the analysis would read back."""

from __future__ import annotations

import random

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from fanarchive.browse.models import WorkIndex
from fanarchive.imports.drafts import Draft, DraftChapter
from fanarchive.imports.models import ImportBatch, ImportedWork
from fanarchive.imports.store import (
    ORPHAN_USERNAME,
    Outcome,
    _paragraphs,
    forget_cached_rows,
    import_drafts,
)
from fanarchive.imports.tasks import import_works
from fanarchive.insights.models import WorkAnalysis
from fanarchive.insights.services import compose_work_text
from fanarchive.tags.services import seed_from_packs
from fanarchive.works.html import html_to_plain, text_to_html
from fanarchive.works.models import Work

STORY = (
    '"We should go," said Kakashi.\n\nGai shook his head. "Not yet," Gai said.\n\n'
    'Kakashi hit Gai and blood ran down his face.\n\n"Fine," Kakashi said.\n'
)


@pytest.fixture(autouse=True)
def _no_cached_rows():
    """The store caches pseud and tag rows per process; each test starts from an empty
    database, so from empty caches too."""
    forget_cached_rows()
    yield
    forget_cached_rows()


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
    import_drafts([(_draft(0), None)])  # the first work creates the fixed tags' cache
    counts = []
    for index in (1, 2):
        draft = _draft(
            index,
            fandoms=["Naruto"],
            characters=["Hatake Kakashi", "Maito Gai", f"New Character {index}"],
            additional_tags=[f"Tag {index}-{n}" for n in range(index * 4)],
        )
        with CaptureQueriesContext(connection) as queries:
            import_drafts([(draft, None)])
        counts.append(len(queries))
    work = Work.objects.get(title="Story 2")
    assert work.tags.count() == 2 + 1 + 3 + 8  # rating, warning, fandom, characters, freeform
    assert WorkAnalysis.objects.filter(work=work).exists()
    assert work.tag_suggestions.exists()
    # A new tag name costs its INSERT in a savepoint (3 queries); tags already known and
    # suggestions cost nothing per item. (Under pytest no commit happens, so the per-process
    # caches of pseuds and fixed tags stay empty: 2 more queries than in a real import; and a
    # chunk of one pays the chunk's own few queries alone.)
    new_tags = [1 + 4, 1 + 8]
    assert max(count - 3 * new for count, new in zip(counts, new_tags, strict=True)) <= 15


def _revision_reads(queries) -> int:
    """How many times the browse index was brought up to date (each sync takes a revision
    from the counter row, browse.sync.take_revision)."""
    return sum(
        q["sql"].startswith('UPDATE "browse_syncmark"') and "'revision'" in q["sql"]
        for q in queries
    )


@pytest.mark.django_db(transaction=True)
def test_a_chunk_commits_once_and_is_indexed_for_browsing_in_one_pass():
    seed_from_packs()
    import_drafts([(_draft(0), None)])  # fills the per-process caches, as a running import has
    with CaptureQueriesContext(connection) as queries:
        results = import_drafts([(_draft(index), None) for index in range(1, 9)])
    assert [r.outcome for r in results] == [Outcome.IMPORTED] * 8
    assert WorkIndex.objects.filter(visible=True).count() == 9
    assert _revision_reads(queries.captured_queries) == 1
    assert len(queries) / 8 < 20  # a work alone, with its own commit and sync, costs over 30


@pytest.mark.django_db(transaction=True)
def test_a_failing_draft_costs_only_itself_and_a_failed_analysis_keeps_the_work(monkeypatch):
    import fanarchive.imports.store as store
    import fanarchive.insights.services as services

    batch = ImportBatch.objects.create()
    real_new_work, real_analysis = store.new_work, services.analyze_document

    def new_work(draft, digest, *author_map):
        if draft.title == "Story 2":
            raise ValueError("unreadable chapter")
        return real_new_work(draft, digest, *author_map)

    def analyze_document(document, knowledge=None):
        if "Story 3" in document.text:
            raise RuntimeError("analysis broke")
        return real_analysis(document, knowledge)

    monkeypatch.setattr(store, "new_work", new_work)
    monkeypatch.setattr(services, "analyze_document", analyze_document)
    chunk = [(_draft(index), None) for index in range(1, 5)]
    results = import_drafts(chunk, batch.pk)
    assert [r.outcome for r in results] == ["imported", "failed", "imported", "imported"]
    assert "analysis broke" in str(results[2].error)
    batch.refresh_from_db()
    assert (batch.imported, batch.skipped, batch.failed) == (3, 0, 1)
    messages = sorted(batch.problems.values_list("source", "message"))
    assert messages[0][0] == "story-2.txt" and "unreadable chapter" in messages[0][1]
    assert messages[1][0] == "story-3.txt" and "analysis failed" in messages[1][1]
    assert not ImportedWork.objects.get(source="story-3.txt").analysed

    monkeypatch.setattr(services, "analyze_document", real_analysis)
    again = import_drafts(chunk, batch.pk)  # the re-run finishes the analysis it lacked
    assert [r.outcome for r in again] == ["duplicate", "failed", "duplicate", "duplicate"]
    record = ImportedWork.objects.get(source="story-3.txt")
    assert record.analysed and WorkAnalysis.objects.filter(work_id=record.work_id).exists()


@pytest.mark.django_db(transaction=True)
def test_a_chunk_whose_commit_fails_is_imported_one_by_one(monkeypatch):
    import fanarchive.imports.store as store

    batch = ImportBatch.objects.create()
    real_record, calls = store._record, []

    def record(batch_id, results):
        calls.append(len(results))
        if len(results) > 1:
            raise DatabaseError("could not serialize access")
        real_record(batch_id, results)

    monkeypatch.setattr(store, "_record", record)
    payloads = [({"draft": _draft(index).to_dict()}, None) for index in range(1, 4)]
    work_ids = import_works.run(payloads, batch.pk)
    assert calls == [3, 1, 1, 1]
    assert all(work_ids) and Work.objects.count() == 3
    batch.refresh_from_db()
    assert (batch.imported, batch.failed) == (3, 0)


@pytest.mark.django_db
def test_import_path_text_is_what_the_analysis_reads_from_the_html():
    import_drafts([(_draft(3), None)])
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


@pytest.mark.django_db(transaction=True)
def test_a_cached_author_deleted_during_an_import_fails_one_chunk_attempt_not_the_rest():
    from fanarchive.accounts.models import Pseud

    import_works.run([({"draft": _draft(1).to_dict()}, None)])  # caches the orphan pseud
    Pseud.objects.filter(name=ORPHAN_USERNAME).delete()
    work_ids = import_works.run([({"draft": _draft(n).to_dict()}, None) for n in (2, 3)])
    assert all(work_ids)
    assert set(Work.objects.get(pk=work_ids[0]).pseuds.values_list("name", flat=True)) == {
        ORPHAN_USERNAME
    }
    more = import_works.run([({"draft": _draft(n).to_dict()}, None) for n in (4, 5)])
    assert all(more)  # the chunk path works again, with the re-created pseud
