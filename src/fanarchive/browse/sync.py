"""Derive the browse tables from the archive's models (Tag, Work, Chapter, WorkAnalysis).

`sync_tags()` recomputes FilterTag (what a filter on each tag means after wrangling) and
re-files the works whose meaning changed; `sync_works(ids)` rewrites WorkIndex rows and the
full-text documents. Signals call them after each commit; `manage.py browse_reindex` redoes
everything (e.g. after counters were bumped with QuerySet.update, which sends no signal).

Every transaction that writes browse rows first takes its revision from one counter row
(`take_revision`), whose lock it holds until it ends: revisions become visible in the order
they were given, so a process that has read revision R has seen every change numbered below R
(see "Revisions follow commits" in docs/browse.md).
"""

from __future__ import annotations

import html
import logging
import re
import threading
import time
from collections.abc import Iterable

from django.db import DatabaseError, transaction
from django.db.models import F, Max, Value
from django.db.models.functions import Greatest
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from fanarchive.browse.filters import note_key
from fanarchive.browse.fulltext import backend_for
from fanarchive.browse.models import FilterTag, SyncMark, WorkIndex
from fanarchive.browse.notes import note_keys
from fanarchive.browse.textquery import normalise_document
from fanarchive.site.templatetags.archive import is_complete

log = logging.getLogger(__name__)
TAG_RE = re.compile(r"<[^>]+>")
SORT_KEY_CHARS = 200
ARTICLES = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


REVISION_MARK = "revision"  # the SyncMark row that numbers the browse tables' changes


def take_revision() -> int:
    """The revision for the browse rows this transaction writes next.

    It increments one counter row, whose row lock (PostgreSQL) or write lock (SQLite) the
    transaction holds until it commits or rolls back, so a second writer waits here until the
    first has committed: revisions are committed in the order they were taken, and a reader
    that saw revision R can never later find a committed change below R. Taken before any
    browse row is written, so every writer locks in the same order (no deadlock). The value is
    also at least the microsecond clock: a process whose index was built from a rolled-back or
    restored database sees a mismatch, never a coincidence. Needs an open transaction.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_revision() must run inside transaction.atomic()")
    counter = SyncMark.objects.filter(name=REVISION_MARK)
    bump = Greatest(F("value") + 1, Value(time.time_ns() // 1000))
    if not counter.update(value=bump):
        # First use: start above every revision written before the counter existed. Two
        # first writers at once: the second INSERT waits for the first, then does nothing.
        SyncMark.objects.bulk_create(
            [SyncMark(name=REVISION_MARK, value=_highest_revision())], ignore_conflicts=True
        )
        counter.update(value=bump)
    return counter.values_list("value", flat=True).get()


def _highest_revision() -> int:
    work = WorkIndex.objects.aggregate(top=Max("revision"))["top"] or 0
    tag = FilterTag.objects.aggregate(top=Max("revision"))["top"] or 0
    return max(work, tag)


def plain_text(markup: str) -> str:
    return html.unescape(TAG_RE.sub(" ", markup or ""))


def sort_key(text: str) -> str:
    return ARTICLES.sub("", text.strip()).casefold()[:SORT_KEY_CHARS]


def language_key(language: str) -> str:
    return note_key(language) or "unknown"


# ---- tags ----------------------------------------------------------------------------------


def _expansions() -> dict[int, list[int]]:
    """tag id -> the canonical ids a work with that tag is filed under (canonical + metas)."""
    from fanarchive.tags.models import Tag

    merger = dict(Tag.objects.values_list("id", "merger_id"))
    metas: dict[int, list[int]] = {}
    for sub_id, meta_id in Tag.meta_tags.through.objects.values_list("from_tag_id", "to_tag_id"):
        metas.setdefault(sub_id, []).append(meta_id)

    def expand(tag_id: int) -> list[int]:
        start = merger.get(tag_id) or tag_id
        seen, stack = [start], [start]
        while stack:  # walk up the meta tags; the seen list stops cycles
            for meta in metas.get(stack.pop(), []):
                if meta not in seen:
                    seen.append(meta)
                    stack.append(meta)
        return seen

    return {tag_id: expand(tag_id) for tag_id in merger}


def _filter_values(tag, keys: str) -> dict:
    return {
        "name": tag.name,
        "name_key": tag.name.casefold()[:150],
        "type": tag.type,
        "canonical": tag.canonical,
        "merger_id": tag.merger_id,
        "filter_keys": keys,
    }


@transaction.atomic(savepoint=False)
def sync_tags() -> list[int]:
    """Bring FilterTag in line with Tag; returns ids of works whose filing changed."""
    from fanarchive.tags.models import Tag
    from fanarchive.works.models import Tagging

    revision = take_revision()  # first: later writers wait, and read what this one wrote
    expansions = _expansions()
    existing = {t.id: t for t in FilterTag.objects.all()}
    changed_meaning: list[int] = []
    to_create, to_update = [], []
    for tag in Tag.objects.all().only("id", "name", "type", "canonical", "merger_id"):
        keys = " ".join(str(i) for i in expansions[tag.id])
        values = _filter_values(tag, keys)
        old = existing.pop(tag.id, None)
        if old is None:
            to_create.append(FilterTag(id=tag.id, revision=revision, **values))
        elif any(getattr(old, k) != v for k, v in values.items()):
            if old.filter_keys != keys:
                changed_meaning.append(tag.id)
            for name, value in values.items():
                setattr(old, name, value)
            old.revision = revision
            to_update.append(old)
    FilterTag.objects.bulk_create(to_create, batch_size=1000)
    fields = ["name", "name_key", "type", "canonical", "merger_id", "filter_keys", "revision"]
    FilterTag.objects.bulk_update(to_update, fields, batch_size=1000)
    if existing:
        FilterTag.objects.filter(id__in=list(existing)).delete()
    if not changed_meaning:
        return []
    works = Tagging.objects.filter(tag_id__in=changed_meaning).values_list("work_id", flat=True)
    return sorted(set(works))


@transaction.atomic(savepoint=False)
def add_new_tags(tag_ids: Iterable[int]) -> None:
    """FilterTag rows for tags just created on their own (no synonym, no meta tag): each
    files works under itself alone, so nothing else changes and the whole tag table need not
    be read again (an import of works with their own freeform tags creates thousands)."""
    from fanarchive.tags.models import Tag

    revision = take_revision()
    tags = Tag.objects.filter(id__in=set(tag_ids), merger__isnull=True).exclude(
        id__in=FilterTag.objects.filter(id__in=set(tag_ids)).values("id")
    )
    rows = [
        FilterTag(id=tag.id, revision=revision, **_filter_values(tag, str(tag.id)))
        for tag in tags.only("id", "name", "type", "canonical", "merger_id")
    ]
    FilterTag.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)


# ---- works ---------------------------------------------------------------------------------


def _analysis_keys(data: dict, names: dict[tuple[str, str], int]) -> list[str]:
    """speaks / speaks_most / pairing / note keys from a stored Analysis.to_dict()."""
    keys: list[str] = []

    def tag_for(tag_type: str, *candidates: str) -> int | None:
        for candidate in candidates:
            found = names.get((tag_type, candidate.casefold()[:150]))
            if found is not None:
                return found
        return None

    speakers = []
    for character in data.get("characters") or []:
        lines = int(character.get("lines") or 0)
        tag_id = tag_for("character", character.get("name", ""), *(character.get("aliases") or []))
        if lines > 0 and tag_id is not None:
            speakers.append((lines, tag_id))
            keys.append(f"speaks:{tag_id}")
    if speakers:
        keys.append(f"speaks_most:{max(speakers, key=lambda pair: pair[0])[1]}")
    for relationship in data.get("relationships") or []:  # ranked, main first
        if relationship.get("kind") == "romantic":
            people = relationship.get("characters") or []
            tag_id = tag_for(
                "relationship", relationship.get("tag", ""), "/".join(reversed(people))
            )
            if tag_id is not None:
                keys.append(f"pairing:{tag_id}")
            break
    keys += note_keys(data.get("warnings"))  # confident notes only (browse.notes)
    return list(dict.fromkeys(keys))


def _tag_names(works) -> dict[tuple[str, str], int]:
    """(type, folded name) -> the filter id, for mapping the works' analysis names onto tags
    (only the names their analyses use are looked up: the table can hold a million tags).

    Read from Tag, the archive's own table, not from FilterTag: tags created with
    bulk_create (seed_tags, an import) reach FilterTag only at the next listing's catch_up,
    and a work filed before that lost its "speaks" keys for good (issue 18, item 9)."""
    from fanarchive.tags.models import Tag

    names = {name for work in works for name in _analysis_names(work)}
    rows = Tag.objects.named_any(sorted(names)).values_list("id", "type", "name", "merger_id")
    return {
        (tag_type, name.casefold()[:150]): merger or tag_id
        for tag_id, tag_type, name, merger in rows
    }


def _analysis_names(work) -> list[str]:
    """Character and relationship names in the work's stored analysis (what _analysis_keys
    looks up)."""
    analysis = getattr(work, "analysis", None)
    data = analysis.data if analysis is not None and isinstance(analysis.data, dict) else {}
    names = []
    for character in data.get("characters") or []:
        names += [character.get("name", ""), *(character.get("aliases") or [])]
    for relationship in data.get("relationships") or []:
        people = relationship.get("characters") or []
        names += [relationship.get("tag", ""), "/".join(reversed(people))]
    return [name for name in names if name]


WORK_INDEX_FIELDS = [
    field.name for field in WorkIndex._meta.concrete_fields if not field.primary_key
]


def sync_works(work_ids: Iterable[int]) -> None:
    """Rewrite WorkIndex rows and full-text documents for these works (deleted ones hidden)."""
    work_ids = sorted(set(work_ids))
    if not work_ids:
        return
    with transaction.atomic(savepoint=False):
        _sync_works(work_ids, take_revision())


def _sync_works(work_ids: list[int], revision: int) -> None:
    from fanarchive.works.models import Work

    works = list(
        Work.objects.filter(id__in=work_ids)
        .prefetch_related("tags", "pseuds", "chapters")
        .select_related("analysis")
        .defer("analysis__text")  # the analysed text is the size of the work; unused here
    )
    tag_ids = {tag.id for work in works for tag in work.tags.all()}
    expansions = dict(FilterTag.objects.filter(id__in=tag_ids).values_list("id", "filter_keys"))
    names = _tag_names(works)
    rows = [WorkIndex(work_id=w.id, **_row(w, expansions, names, revision)) for w in works]
    # One statement for the lot: every row is written whole, new or not.
    WorkIndex.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["work_id"], update_fields=WORK_INDEX_FIELDS
    )
    backend = backend_for()
    backend.put(
        [(work.id, _document(work)) for work, row in zip(works, rows, strict=True) if row.visible]
    )
    found = {work.id for work in works}
    hidden = [w for w in work_ids if w not in found] + [r.work_id for r in rows if not r.visible]
    if hidden:
        WorkIndex.objects.filter(work_id__in=hidden).update(visible=False, revision=revision)
        backend.delete(hidden)


def _row(work, expansions: dict[int, str], names, revision: int) -> dict:
    tags = list(work.tags.all())
    keys: list[str] = []
    for tag in tags:
        keys.extend(expansions.get(tag.id, str(tag.id)).split())
    language = language_key(work.language)
    keys.append(f"lang:{language}")
    fandoms = {expansions.get(t.id, str(t.id)).split()[0] for t in tags if t.type == "fandom"}
    chapters = [c for c in work.chapters.all() if c.posted]
    # As on AO3 and the work page: all planned chapters posted (3/3) is complete, ticked or not.
    complete = is_complete(work.complete, len(chapters), work.expected_chapters)
    if complete:
        keys.append("complete")
    if len(fandoms) > 1:
        keys.append("crossover")
    if work.restricted:
        keys.append("restricted")
    analysis = getattr(work, "analysis", None)
    if analysis is not None and isinstance(analysis.data, dict):
        keys.extend(_analysis_keys(analysis.data, names))
    authors = ", ".join(pseud.name for pseud in work.pseuds.all())
    posted = work.published_at or work.created_at
    return {
        "revision": revision,
        "visible": bool(work.posted and not work.hidden_by_admin),
        "title": work.title,
        "title_key": sort_key(work.title),
        "authors": authors,
        "author_key": sort_key(authors),
        "summary": work.summary,
        "tag_ids": " ".join(str(t.id) for t in tags),
        "filter_keys": " ".join(dict.fromkeys(keys)),
        "language": language,
        "complete": complete,
        "fandom_count": len(fandoms),
        "words": work.words,
        "chapters": len(chapters),
        "expected_chapters": len(chapters) if complete else work.expected_chapters,
        "posted": posted,
        "updated": work.revised_at or posted,
        "kudos": work.kudos_count,
        "hits": work.hits_count,
        "bookmarks": work.bookmarks_count,
        "comments": work.comments_count,
    }


def _document(work) -> str:
    chapters = [c for c in work.chapters.all() if c.posted]
    parts = [
        work.title,
        plain_text(work.summary),
        plain_text(work.notes),
        plain_text(work.endnotes),
    ]
    for chapter in chapters:
        parts += [chapter.title, plain_text(chapter.summary), plain_text(chapter.notes)]
        parts += [plain_text(chapter.body), plain_text(chapter.endnotes)]
    return normalise_document(*parts)


SYNC_BATCH = 500  # works re-filed per query batch (each brings its chapters' text along)
TAGGING_BATCH = 2_000


def _unfiled_taggings(after: int, upto: int) -> set[int]:
    """Works with a tagging (id in (after, upto]) that their index row does not show yet.

    Most new taggings were filed already, when the transaction that made them committed (an
    import files every work it stores): only those bulk_create added after a work was filed
    need it again, so a first listing after a 100,000-work import does not re-file them all.
    """
    from fanarchive.works.models import Tagging

    stale: set[int] = set()
    for low in range(after, upto, TAGGING_BATCH):
        high = min(low + TAGGING_BATCH, upto)
        pairs = list(
            Tagging.objects.filter(id__gt=low, id__lte=high).values_list("work_id", "tag_id")
        )
        filed = dict(
            WorkIndex.objects.filter(work_id__in={work for work, _ in pairs}).values_list(
                "work_id", "tag_ids"
            )
        )
        stale.update(work for work, tag in pairs if str(tag) not in filed.get(work, "").split())
    return stale


def catch_up() -> None:
    """Re-file what bulk_create added without a signal: new tags (seeding) and taggings."""
    from fanarchive.tags.models import Tag
    from fanarchive.works.models import Tagging

    newest_tag = Tag.objects.aggregate(top=Max("id"))["top"] or 0
    newest_tagging = Tagging.objects.aggregate(top=Max("id"))["top"] or 0
    marks = dict(SyncMark.objects.filter(name__in=["tag", "tagging"]).values_list("name", "value"))
    if newest_tag <= marks.get("tag", -1) and newest_tagging <= marks.get("tagging", -1):
        return
    with transaction.atomic():
        works: set[int] = set()
        if newest_tag > marks.get("tag", -1):
            works.update(sync_tags())
        if newest_tagging > marks.get("tagging", -1):
            works.update(_unfiled_taggings(marks.get("tagging", -1), newest_tagging))
        ordered = sorted(works)
        for start in range(0, len(ordered), SYNC_BATCH):
            sync_works(ordered[start : start + SYNC_BATCH])
        SyncMark.objects.update_or_create(name="tag", defaults={"value": newest_tag})
        SyncMark.objects.update_or_create(name="tagging", defaults={"value": newest_tagging})
        if ordered:
            expire_pages()


def reconcile(repair: bool = True, batch: int = SYNC_BATCH) -> tuple[int, list[int]]:
    """Compare every WorkIndex row with what the archive says now and re-file those that
    differ (a write that sent no signal, a flush that failed): (works checked, ids differing).
    The revision is left out of the comparison; counters bumped with QuerySet.update count as
    differences, and are repaired like the rest."""
    from fanarchive.works.models import Work

    ids = list(Work.objects.order_by("id").values_list("id", flat=True))
    orphans = set(WorkIndex.objects.filter(visible=True).values_list("work_id", flat=True))
    orphans.difference_update(ids)  # rows still listed for works that no longer exist
    differing = sorted(orphans)
    for start in range(0, len(ids), batch):
        differing += _differing(ids[start : start + batch])
    differing.sort()
    if repair and differing:
        for start in range(0, len(differing), batch):
            sync_works(differing[start : start + batch])
        expire_pages()
    return len(ids), differing


def _differing(work_ids: list[int]) -> list[int]:
    from django.db.models import Prefetch

    from fanarchive.works.models import Chapter, Work

    # A row needs only whether each chapter is posted: their text stays in the database.
    chapters = Prefetch("chapters", queryset=Chapter.objects.only("id", "work_id", "posted"))
    works = list(
        Work.objects.filter(id__in=work_ids)
        .prefetch_related("tags", "pseuds", chapters)
        .select_related("analysis")
        .defer("analysis__text")
    )
    tag_ids = {tag.id for work in works for tag in work.tags.all()}
    expansions = dict(FilterTag.objects.filter(id__in=tag_ids).values_list("id", "filter_keys"))
    names = _tag_names(works)
    stored = WorkIndex.objects.in_bulk(work_ids)
    compared = [name for name in WORK_INDEX_FIELDS if name != "revision"]
    differing = []
    for work in works:
        wanted, row = _row(work, expansions, names, 0), stored.get(work.id)
        if row is None or any(getattr(row, name) != wanted[name] for name in compared):
            differing.append(work.id)
    return differing


def reindex_all(batch: int = 500) -> int:
    """Recompute every FilterTag and WorkIndex row; returns the number of works."""
    from fanarchive.works.models import Work

    sync_tags()
    ids = list(Work.objects.order_by("id").values_list("id", flat=True))
    stale = set(WorkIndex.objects.values_list("work_id", flat=True)) - set(ids)
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            sync_works(ids[start : start + batch])
    if stale:
        sync_works(stale)
    from fanarchive.tags.models import Tag
    from fanarchive.works.models import Tagging

    for name, model in (("tag", Tag), ("tagging", Tagging)):
        newest = model.objects.aggregate(top=Max("id"))["top"] or 0
        SyncMark.objects.update_or_create(name=name, defaults={"value": newest})
    expire_pages()
    return len(ids)


# ---- signals -------------------------------------------------------------------------------

_local = threading.local()  # changes waiting for this thread's transaction to commit


def _pending() -> dict:
    if not hasattr(_local, "pending"):
        _local.pending = {"works": set(), "new_tags": set(), "tags": False}
    return _local.pending


def _flush() -> None:
    pending = _pending()
    works, new_tags, retag = set(pending["works"]), set(pending["new_tags"]), pending["tags"]
    if not works and not new_tags and not retag:
        return
    pending["works"].clear()
    pending["new_tags"].clear()
    pending["tags"] = False
    try:
        with transaction.atomic():
            if retag:
                works.update(sync_tags())
            elif new_tags:
                add_new_tags(new_tags)
            sync_works(works)
            expire_pages()
    except DatabaseError:
        # The browse tables are derived: never fail the archive's write over them;
        # `manage.py browse_reindex` repairs whatever was missed.
        log.exception("browse sync failed for works %s", sorted(works)[:20])


def expire_pages() -> None:
    """Cached pages expire once the browse rows written in this transaction commit.

    Listings are read from these rows, and the archive's change that led here expired the
    cache when *it* committed, before this flush: a page rendered in between shows the old
    listing under the new version, so the version moves again now (site/pagecache.py)."""
    from fanarchive.site.pagecache import invalidate

    invalidate()


def _schedule(work_ids: Iterable[int] = (), tags: bool = False, new_tags=()) -> None:
    # Registered on every change: a rolled-back transaction drops its callback, so relying on
    # an earlier registration could strand the pending set. Later flushes find it empty.
    pending = _pending()
    pending["works"].update(work_ids)
    pending["new_tags"].update(new_tags)
    pending["tags"] = pending["tags"] or tags
    transaction.on_commit(_flush)


def connect_signals() -> None:
    """Receivers are closures, so they are connected with weak=False (else collected)."""
    from fanarchive.accounts.models import Pseud
    from fanarchive.insights.models import WorkAnalysis
    from fanarchive.tags.models import Tag
    from fanarchive.works.models import Chapter, Tagging, Work

    def work_changed(sender, instance, **kwargs):
        _schedule([instance.pk])

    def part_changed(sender, instance, **kwargs):
        _schedule([instance.work_id], tags=sender is Tagging)

    def tag_changed(sender, instance, created=False, **kwargs):
        if created and instance.merger_id is None:
            _schedule(new_tags=[instance.pk])
        else:
            _schedule(tags=True)

    def tag_links_changed(sender, instance, action, **kwargs):
        if action.startswith("post_"):
            _schedule(tags=True)

    def work_tags_changed(sender, instance, action, **kwargs):
        if action.startswith("post_") and isinstance(instance, Work):
            _schedule([instance.pk], tags=True)

    def work_authors_changed(sender, instance, action, pk_set=None, **kwargs):
        # Orphaning, co-authors added or removed: the byline and the author sort change.
        if isinstance(instance, Work):
            if action.startswith("post_"):
                _schedule([instance.pk])
        elif action == "pre_clear":  # pseud.works.clear(): post_clear names no works
            instance._browse_works = list(instance.works.values_list("pk", flat=True))
        elif action == "post_clear":
            _schedule(getattr(instance, "_browse_works", ()))
        elif action.startswith("post_"):
            _schedule(pk_set or ())

    def pseud_changed(sender, instance, **kwargs):
        # A renamed pseud, or one deleted with its account (read before the cascade removes
        # its links to the works): every work it signs gets a new byline.
        if instance.pk is not None and not kwargs.get("created"):
            _schedule(
                Work.pseuds.through.objects.filter(pseud_id=instance.pk).values_list(
                    "work_id", flat=True
                )
            )

    post_save.connect(work_changed, sender=Work, weak=False, dispatch_uid="browse_work_saved")
    post_delete.connect(work_changed, sender=Work, weak=False, dispatch_uid="browse_work_deleted")
    for model in (Chapter, Tagging, WorkAnalysis):
        post_save.connect(
            part_changed, sender=model, weak=False, dispatch_uid=f"browse_{model.__name__}_saved"
        )
        post_delete.connect(
            part_changed, sender=model, weak=False, dispatch_uid=f"browse_{model.__name__}_deleted"
        )
    post_save.connect(tag_changed, sender=Tag, weak=False, dispatch_uid="browse_tag_saved")
    post_delete.connect(tag_changed, sender=Tag, weak=False, dispatch_uid="browse_tag_deleted")
    m2m_changed.connect(
        tag_links_changed, sender=Tag.meta_tags.through, weak=False, dispatch_uid="browse_meta_tags"
    )
    m2m_changed.connect(
        work_tags_changed, sender=Work.tags.through, weak=False, dispatch_uid="browse_work_tags"
    )
    m2m_changed.connect(
        work_authors_changed,
        sender=Work.pseuds.through,
        weak=False,
        dispatch_uid="browse_work_authors",
    )
    post_save.connect(pseud_changed, sender=Pseud, weak=False, dispatch_uid="browse_pseud_saved")
    pre_delete.connect(pseud_changed, sender=Pseud, weak=False, dispatch_uid="browse_pseud_deleted")


__all__ = ["sync_tags", "sync_works", "reindex_all", "connect_signals"]
