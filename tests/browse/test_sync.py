"""The browse tables follow the archive's models: posting, tagging, wrangling, analysis."""

import re

import pytest
from django.urls import reverse

from fanarchive.browse.models import FilterTag, WorkIndex
from fanarchive.insights.models import WorkAnalysis
from fanarchive.tags.models import Tag, TagType
from fanarchive.works.models import Work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def listing(client, query=""):
    response = client.get(reverse("browse:works") + "?" + query)
    assert response.status_code == 200
    return [int(i) for i in re.findall(r'data-work-id="(\d+)"', response.content.decode())]


@pytest.fixture
def tags():
    make = Tag.objects.create
    return {
        "fandom": make(name="Naruto", type=TagType.FANDOM, canonical=True),
        "other_fandom": make(name="Bleach", type=TagType.FANDOM, canonical=True),
        "naruto": make(name="Uzumaki Naruto", type=TagType.CHARACTER, canonical=True),
        "kakashi": make(name="Hatake Kakashi", type=TagType.CHARACTER, canonical=True),
        "ship": make(
            name="Hatake Kakashi/Uzumaki Naruto", type=TagType.RELATIONSHIP, canonical=True
        ),
        "angst": make(name="Angst", type=TagType.FREEFORM, canonical=True),
        "happy": make(name="Angst with a Happy Ending", type=TagType.FREEFORM, canonical=True),
        "typo": make(name="naruto uzumaki!", type=TagType.CHARACTER),
    }


def test_posted_works_are_listed_with_wrangled_tags(
    client, author, tags, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tags["happy"].add_meta_tag(tags["angst"])
        tags["typo"].make_synonym_of(tags["naruto"])
        work = posted_work(author, title="Race to the Gate", language="English")
        work.add_tags([tags["fandom"], tags["typo"], tags["happy"]])  # bulk_create: no signal
        draft = posted_work(author, title="Unfinished")
        draft.posted = False
        draft.save()
    assert FilterTag.objects.get(id=tags["typo"].id).filter_id == tags["naruto"].id
    assert listing(client) == [work.id]  # the listing catches up on tags added in bulk
    assert listing(client, f"include={tags['naruto'].id}") == [work.id]  # via the synonym
    assert listing(client, f"include={tags['angst'].id}") == [work.id]  # via the sub tag
    assert listing(client, "q=gai+grinning") == [work.id]  # chapter text is searchable
    assert listing(client, "language=english") == [work.id]
    row = WorkIndex.objects.get(work_id=work.id)
    assert row.authors == "author" and row.words == work.words


def test_wrangling_after_posting_refiles_works(
    client, author, tags, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author)
        work.add_tags([tags["fandom"], tags["happy"]])
        work.save()
    assert listing(client, f"include={tags['angst'].id}") == []
    with django_capture_on_commit_callbacks(execute=True):
        tags["happy"].add_meta_tag(tags["angst"])
    assert listing(client, f"include={tags['angst'].id}") == [work.id]


def test_analysis_filters_come_from_the_stored_analysis(
    client, author, tags, django_capture_on_commit_callbacks
):
    data = {
        "characters": [
            {"name": "Uzumaki Naruto", "aliases": ["Naruto"], "lines": 3},
            {"name": "Hatake Kakashi", "aliases": [], "lines": 7},
            {"name": "Umino Iruka", "aliases": [], "lines": 1},  # no tag: not filterable
        ],
        "relationships": [
            {"tag": "Hatake Kakashi/Uzumaki Naruto", "kind": "romantic", "characters": ["Hatake Kakashi", "Uzumaki Naruto"]},
        ],
        "warnings": [
            {"name": "Minors in a Romantic or Sexual Scene", "evidence": [{"start": 0, "end": 5, "text": "x"}]},
            {"name": "Blood", "evidence": []},  # no evidence: not a note
        ],
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        analysed = posted_work(author, title="Analysed")
        plain = posted_work(author, title="Plain")
        WorkAnalysis.objects.create(
            work=analysed, schema_version="1.0", content_hash="x", text="", data=data
        )
    keys = WorkIndex.objects.get(work_id=analysed.id).filter_keys.split()
    naruto, kakashi, ship = tags["naruto"].id, tags["kakashi"].id, tags["ship"].id
    assert {
        f"speaks:{naruto}",
        f"speaks:{kakashi}",
        f"speaks_most:{kakashi}",
        f"pairing:{ship}",
    } <= set(keys)
    assert "note:minors-in-a-romantic-or-sexual-scene" in keys and "note:blood" not in keys
    assert listing(client, f"speaks={naruto}") == [analysed.id]
    assert listing(client, f"speaks_most={naruto}") == []
    assert listing(client, f"pairing={ship}") == [analysed.id]
    assert listing(client, "hide_note=minors-in-a-romantic-or-sexual-scene") == [plain.id]


def test_deleted_hidden_and_restricted_works(
    client, author, tags, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        kept = posted_work(author, title="Kept")
        gone = posted_work(author, title="Gone")
        hidden = posted_work(author, title="Hidden")
        members = posted_work(author, title="Members", restricted=True)
    with django_capture_on_commit_callbacks(execute=True):
        Work.objects.get(pk=gone.pk).delete()
        hidden.hidden_by_admin = True
        hidden.save()
    assert listing(client) == [kept.id]
    assert listing(client, "q=gone") == []
    client.force_login(author)
    assert set(listing(client)) == {kept.id, members.id}


def test_reindex_command_rebuilds_everything(
    author, tags, django_capture_on_commit_callbacks, settings, tmp_path
):
    from django.core.management import call_command

    settings.VAR_DIR = tmp_path  # the command saves a snapshot there, not in the checkout
    work = posted_work(author, title="Quietly Made")  # no on_commit: the tables miss it
    assert not WorkIndex.objects.filter(work_id=work.id).exists()
    call_command("browse_reindex")
    assert WorkIndex.objects.get(work_id=work.id).title == "Quietly Made"


def test_bulk_created_tags_are_caught_up_by_the_listing(
    client, author, tags, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Seeded")
    Tag.objects.bulk_create(
        [Tag(name="Seeded Fandom", type=TagType.FANDOM, canonical=True)]
    )  # no signal
    seeded = Tag.objects.get(name="Seeded Fandom")
    work.add_tags([seeded])  # bulk_create again: no signal
    assert listing(client, "include_names=seeded+fandom") == [work.id]
    assert FilterTag.objects.filter(id=seeded.id).exists()


def test_cached_search_terms_follow_edits(
    client, author, tags, django_capture_on_commit_callbacks, monkeypatch
):
    """On PostgreSQL frequent terms' work ids are cached per process; an edit re-files them."""
    from fanarchive.browse.service import HOLDER

    monkeypatch.setattr(HOLDER.terms, "min_works", 1)  # every term counts as frequent here
    with django_capture_on_commit_callbacks(execute=True):
        first = posted_work(author, title="Lighthouse Keeper")
        second = posted_work(author, title="Harbour Lights")
    assert listing(client, "q=lighthouse") == [first.id]
    assert listing(client, "q=harbour") == [second.id]
    with django_capture_on_commit_callbacks(execute=True):
        first.title = "Harbour Master"
        first.save()
    assert listing(client, "q=lighthouse") == []
    assert set(listing(client, "q=harbour")) == {first.id, second.id}
    assert listing(client, 'q="harbour+master"') == [first.id]


def test_warming_caches_frequent_terms_ahead(
    client, author, tags, django_capture_on_commit_callbacks, monkeypatch, settings, tmp_path
):
    from django.core.management import call_command
    from django.db import connection

    from fanarchive.browse.service import HOLDER

    settings.VAR_DIR = tmp_path  # browse_warm saves its snapshot there, not in the checkout
    monkeypatch.setattr(HOLDER.terms, "min_works", 1)
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Lantern Festival")
    call_command("browse_warm")
    if connection.vendor == "postgresql":  # SQLite's FTS5 needs no cache
        assert {"lantern", "lantern festival"} <= set(HOLDER.terms.postings)
    assert listing(client, 'q="lantern+festival"') == [work.id]
    with django_capture_on_commit_callbacks(execute=True):
        work.title = "Lamp Festival"
        work.save()
    assert listing(client, "q=lantern") == []
    assert listing(client, "q=lamp+festival") == [work.id]


def test_a_new_tag_is_filed_without_rereading_every_tag(
    monkeypatch, django_capture_on_commit_callbacks
):
    from fanarchive.browse import sync

    full_syncs = []
    real_sync_tags = sync.sync_tags
    monkeypatch.setattr(sync, "sync_tags", lambda: full_syncs.append(1) or real_sync_tags())
    with django_capture_on_commit_callbacks(execute=True):
        tag = Tag.objects.create(name="Found Family", type=TagType.FREEFORM, canonical=True)
    row = FilterTag.objects.get(id=tag.id)
    assert (row.filter_keys, row.name_key, row.type) == (str(tag.id), "found family", "freeform")
    assert full_syncs == []
    with django_capture_on_commit_callbacks(execute=True):  # a synonym changes filing: full
        synonym = Tag.objects.create(name="found fam", type=TagType.FREEFORM, merger=tag)
    assert full_syncs == [1]
    assert FilterTag.objects.get(id=synonym.id).filter_id == tag.id


def test_catch_up_refiles_only_the_taggings_the_index_does_not_show(author, tags, monkeypatch):
    from fanarchive.browse import sync

    imported = posted_work(author, title="Imported")
    imported.add_tags([tags["fandom"]])
    sync.sync_works([imported.id])  # filed with its tags, as an import files what it stores
    later = posted_work(author, title="Tagged later")
    sync.sync_works([later.id])
    later.add_tags([tags["angst"]])  # bulk_create: no signal, so the index does not show it
    refiled = []
    real_sync_works = sync.sync_works
    monkeypatch.setattr(sync, "sync_works", lambda ids: refiled.extend(ids) or real_sync_works(ids))
    sync.catch_up()
    assert refiled == [later.id]
    assert str(tags["angst"].id) in WorkIndex.objects.get(work_id=later.id).tag_ids.split()
    refiled.clear()
    sync.catch_up()  # nothing new since
    assert refiled == []
