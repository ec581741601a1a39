"""Store Drafts as posted Works with their analysis: the unit of work of an import.

`import_drafts` is what both the in-process importer and the Celery task call, for a chunk of
drafts at a time. Each work, its chapters, tags, analysis and content hash are committed
together, so a work is in the archive exactly when its hash is. A work whose analysis fails
is stored without it and `ImportedWork.analysed` stays False, so the next run finishes the
analysis instead of importing the work again.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone

from fanarchive.accounts.system import ORPHAN, USERNAMES, system_pseud
from fanarchive.analysis.document import WORD_RE
from fanarchive.imports.authors import byline_key, imported_pseud, mapped_pseud, pseud_name
from fanarchive.imports.drafts import Draft
from fanarchive.imports.models import ImportBatch, ImportedWork, ImportProblem
from fanarchive.insights.models import TagSuggestion, WorkAnalysis
from fanarchive.tags.models import (
    ARCHIVE_WARNINGS,
    CATEGORIES,
    MAX_TAG_LENGTH,
    NO_WARNINGS_CHOSEN,
    RATINGS,
    Tag,
    TagType,
)
from fanarchive.tags.services import FORBIDDEN_TAG_CHARS_RE, character_aliases
from fanarchive.works.html import (
    html_to_plain,
    sanitize_html,
    text_to_html,
    user_html,
)
from fanarchive.works.models import Chapter, Tagging, Work

log = logging.getLogger("fanarchive.imports")
ORPHAN_USERNAME = USERNAMES[ORPHAN]  # AO3's name for works whose author is unknown
_SPACES_RE = re.compile(r"[ \t\f\u00a0\u200b]+")  # collapsed to one, as HTML rendering does
_ODD_SPACE_RE = re.compile(r"[\t\f\u00a0\u200b]|  | \n|\n ")  # only then is a pass needed
_LINE_SPACE_RE = re.compile(r" ?\n ?")
_PARAGRAPH_BREAK_RE = re.compile(r"\n{2,}")


class Outcome:
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass
class Stored:
    """What became of one draft: its outcome, its work, and the error when there was one
    (FAILED: why nothing was stored; IMPORTED: why the stored work has no analysis)."""

    source: str
    outcome: str
    work_id: int | None = None
    error: Exception | None = None


def import_drafts(
    items: list[tuple[Draft, str | None]],
    batch_id: int | None = None,
    author_map: dict[str, int] | None = None,
):
    """Store and analyse each draft whose content hash (given, or the draft's) is not known.
    Its bylines go to the accounts `author_map` ({byline key: user id}, imports.authors)
    names, the others to the archivist's pseuds of those names: never to an account merely
    because it has the byline's name.

    All of them commit in one transaction, with their hashes, the batch's counters and
    problems, each table written with one INSERT for the lot: one commit and one browse-index
    update per chunk, and a crash leaves all or none. A draft that cannot be read into rows
    is reported and left out; one whose analysis fails is stored without it (`analysed`
    stays False, so a later run retries). When the database refuses the chunk, the caller
    (imports.tasks) imports its drafts one by one. Returns a Stored per draft, in order.
    """
    items = [(draft, digest or draft.content_hash) for draft, digest in items]
    _commit_without_waiting_for_disk()
    try:
        return _import_chunk(items, batch_id, author_map or {})
    except IntegrityError:
        if len(items) > 1:
            raise
        # Another process stored the same work between our look-up and our insert: looking
        # again finds its hash, and the draft is a duplicate.
        return _import_chunk(items, batch_id, author_map or {})


def _import_chunk(
    items: list[tuple[Draft, str]], batch_id: int | None, author_map: dict[str, int]
) -> list[Stored]:
    with transaction.atomic():
        chunk = _Chunk(_known([digest for _, digest in items]), character_aliases(), author_map)
        results: list[Stored | None] = []
        fresh: dict[str, NewWork] = {}
        for draft, digest in items:
            if digest in chunk.known or digest in fresh:
                results.append(None)  # a duplicate: settled once the fresh ones are stored
                continue
            prepared = _prepare(draft, digest, chunk)
            if isinstance(prepared, NewWork):
                fresh[digest] = prepared
            results.append(prepared if isinstance(prepared, Stored) else None)
        insert_works(list(fresh.values()), batch_id)
        for index, (draft, digest) in enumerate(items):
            if results[index] is None:
                results[index] = _settle(draft, digest, chunk, fresh)
        _record(batch_id, results)
    return results


@dataclass
class _Chunk:
    """What the drafts of one import_drafts call share, read once for all of them."""

    known: dict[str, tuple[int, bool]]  # content hash -> (work id, analysed)
    aliases: dict[str, list[str]]  # the wrangled character aliases the analysis uses
    author_map: dict[str, int]  # byline key -> user id (imports.authors)


@dataclass
class NewWork:
    """A draft as unsaved rows: the work, its chapters, authors, tags and analysis."""

    draft: Draft
    digest: str
    work: Work
    chapters: list[Chapter]
    pseud_ids: list[int]
    tags: list[Tag]
    analysis: WorkAnalysis | None = None
    analysis_error: Exception | None = None


def _prepare(draft: Draft, digest: str, chunk: _Chunk) -> NewWork | Stored:
    """The draft's rows and analysis, or why it cannot be imported."""
    from fanarchive.insights.services import compute_analysis

    try:
        new = new_work(draft, digest, chunk.author_map)
    except Exception as error:  # one draft's failure must not stop the others
        log.exception("%s: import failed", draft.source)
        return Stored(draft.source, Outcome.FAILED, error=error)
    try:
        new.analysis = compute_analysis(new.work, new.chapters, chunk.aliases, new.tags)
    except Exception as error:  # the analysis failed on this text: keep the work
        log.exception("%s: analysis failed", draft.source)
        new.analysis_error = error
    return new


def _settle(draft: Draft, digest: str, chunk: _Chunk, fresh: dict[str, NewWork]) -> Stored:
    """The outcome of a draft that was stored now, or that was there already."""
    new = fresh.get(digest)
    if new is not None and new.draft is draft:
        return Stored(draft.source, Outcome.IMPORTED, new.work.pk, new.analysis_error)
    if new is not None:  # the same text twice in one chunk
        return Stored(draft.source, Outcome.DUPLICATE, new.work.pk)
    work_id, analysed = chunk.known[digest]
    if not analysed:  # stored by an interrupted run: finish its analysis
        try:
            with transaction.atomic():
                finish_analysis(work_id)
        except Exception as error:
            log.exception("%s: analysis failed again", draft.source)
            return Stored(draft.source, Outcome.FAILED, work_id, error)
    return Stored(draft.source, Outcome.DUPLICATE, work_id)


def _known(digests: list[str]) -> dict[str, tuple[int, bool]]:
    """{content hash: (work id, analysed)} of those already imported."""
    rows = ImportedWork.objects.filter(content_hash__in=digests)
    return {
        digest: (work, analysed)
        for digest, work, analysed in rows.values_list("content_hash", "work_id", "analysed")
    }


def _record(batch_id: int | None, results: list[Stored]) -> None:
    """The batch's counters (one UPDATE, last: the row lock is held only until the commit)
    and a problem for each draft that failed or lost its analysis."""
    if batch_id is None:
        return
    problems = [
        ImportProblem(batch_id=batch_id, source=r.source, message=problem_message(r)[:2000])
        for r in results
        if r.error is not None
    ]
    ImportProblem.objects.bulk_create(problems)
    counts = Counter("skipped" if r.outcome == Outcome.DUPLICATE else r.outcome for r in results)
    ImportBatch.add(batch_id, **counts)


def problem_message(result: Stored) -> str:
    error = result.error
    if result.outcome == Outcome.FAILED:
        return f"import failed: {type(error).__name__}: {error}"
    return (
        f"imported as work {result.work_id}, but its analysis failed: "
        f"{type(error).__name__}: {error}"
    )


def _commit_without_waiting_for_disk() -> None:
    """PostgreSQL: this session's commits return before their WAL reaches the disk (the
    SQLite settings do the same). An application crash loses nothing; a database server crash
    can lose the last fraction of a second of imported works, never half a work (a chunk
    commits whole, with its hashes), and re-running the import brings them in."""
    if connection.vendor != "postgresql":
        return
    connection.ensure_connection()
    # Once per database session: a reconnect (CONN_MAX_AGE) starts with the default again.
    session = id(connection.connection)
    if getattr(connection, "_fanarchive_async_session", None) != session:
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")
        connection._fanarchive_async_session = session


def finish_analysis(work_id: int) -> None:
    from fanarchive.insights.services import analyze_work

    with transaction.atomic():
        work = Work.objects.get(pk=work_id)
        analyze_work(work)
        ImportedWork.objects.filter(work_id=work_id).update(analysed=True)


def new_work(draft: Draft, digest: str, author_map: dict[str, int] | None = None) -> NewWork:
    """The draft's work, chapters (in order), authors and tags, not saved yet."""
    now = timezone.now()
    chapters = [c for c in draft.chapters if c.body.strip()] or draft.chapters
    rows = []
    for position, chapter in enumerate(chapters, start=1):
        body = _body_html(chapter.body, draft.body_format)
        # Plain text is used as it is; HTML is read to text first (the slower path).
        plain = _paragraphs(chapter.body) if draft.body_format == "text" else html_to_plain(body)
        row = Chapter(
            position=position,
            title=chapter.title[:255],
            notes=user_html(chapter.notes),
            endnotes=user_html(chapter.end_notes),
            body=body,
            words=len(WORD_RE.findall(plain)),
        )
        row.plain_text = plain  # read by the analysis (compose_work_text) instead of the HTML
        rows.append(row)
    complete = draft.complete if draft.complete is not None else len(rows) == 1
    work = Work(
        title=(draft.title.strip() or "Untitled")[:255],
        summary=user_html(draft.summary),
        notes=user_html(draft.notes),
        endnotes=user_html(draft.end_notes),
        language=(draft.language or "English")[:40],
        words=sum(row.words for row in rows),
        complete=complete,
        expected_chapters=len(rows) if complete else None,
        posted=True,
        published_at=now,
        revised_at=now,
    )
    bylines = [name for name in draft.authors if pseud_name(name)]
    pseuds = dict.fromkeys(_pseud_id(name, author_map or {}) for name in bylines or [None])
    tags = dict.fromkeys(t for t in _tags(draft) if t is not None)
    return NewWork(draft, digest, work, rows, list(pseuds), list(tags))


def insert_works(works: list[NewWork], batch_id: int | None) -> None:
    """Save the works and everything that belongs to them, one INSERT per table."""
    from fanarchive.insights.services import new_suggestions, proposals_from, wanted_suggestions

    if not works:
        return
    Work.objects.bulk_create([new.work for new in works])  # sets their ids
    for new in works:
        # bulk_create sends no signal: the receivers (browse index, page cache) hear of each
        # new work as Work.objects.create would have told them.
        post_save.send(
            Work,
            instance=new.work,
            created=True,
            raw=False,
            using=connection.alias,
            update_fields=None,
        )
        for chapter in new.chapters:
            chapter.work = new.work
        if new.analysis is not None:
            new.analysis.work = new.work
    Chapter.objects.bulk_create([c for new in works for c in new.chapters])
    Work.pseuds.through.objects.bulk_create(
        [Work.pseuds.through(work=new.work, pseud_id=pk) for new in works for pk in new.pseud_ids]
    )
    Tagging.objects.bulk_create([Tagging(work=new.work, tag=t) for new in works for t in new.tags])
    analysed = [new for new in works if new.analysis is not None]
    WorkAnalysis.objects.bulk_create([new.analysis for new in analysed])
    proposals = {id(new): proposals_from(new.analysis) for new in analysed}
    existing = Tag.objects.by_lower_name([p.name for found in proposals.values() for p in found])
    on_work = _names_on_works(works)
    suggestions = []
    for new in analysed:
        wanted = wanted_suggestions(proposals[id(new)], on_work[id(new)], existing)
        suggestions += new_suggestions(new.work, wanted)
    TagSuggestion.objects.bulk_create(suggestions)
    ImportedWork.objects.bulk_create(
        [
            ImportedWork(
                content_hash=new.digest,
                work=new.work,
                batch_id=batch_id,
                source=new.draft.source[:2000],
                analysed=new.analysis_error is None,
            )
            for new in works
        ]
    )


def _names_on_works(works: list[NewWork]) -> dict[int, set[str]]:
    """insights.services.names_on_work for works not saved yet: their tags' names and the
    names their synonyms stand for, lower-cased (one query for the mergers of all)."""
    merger_ids = {tag.merger_id for new in works for tag in new.tags if tag.merger_id}
    mergers = dict(Tag.objects.filter(id__in=merger_ids).values_list("id", "name"))
    return {
        id(new): {tag.name.lower() for tag in new.tags}
        | {mergers[tag.merger_id].lower() for tag in new.tags if tag.merger_id in mergers}
        for new in works
    }


def _paragraphs(text: str) -> str:
    """Text as `text_to_html` splits it into paragraphs, and as the analysis reads them back
    from that HTML: blank-line separated, each trimmed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_SPACE_RE.search(lines):
        lines = _LINE_SPACE_RE.sub("\n", _SPACES_RE.sub(" ", lines))
    return "\n\n".join(p for p in _PARAGRAPH_BREAK_RE.split(lines.strip()) if p)


def _body_html(body: str, body_format: str) -> str:
    return sanitize_html(body) if body_format == "html" else text_to_html(body)


_pseud_ids: dict[tuple[str | None, int | None], int] = {}


def forget_cached_rows() -> None:
    """Drop the per-process caches of pseuds and fixed tags (after a failed chunk: a row
    deleted since it was cached would otherwise fail every later chunk too)."""
    _pseud_ids.clear()
    _fixed_tags.clear()


def _pseud_id(byline: str | None, author_map: dict[str, int]) -> int:
    """The pseud an imported byline stands for: the mapped account's, else the archivist's
    pseud of that name; orphan_account's when there is no byline (imports.authors).
    Remembered per process once committed: most archives have far fewer authors."""
    user_id = author_map.get(byline_key(byline)) if byline else None
    key = (pseud_name(byline) if byline else None, user_id)
    if key in _pseud_ids:
        return _pseud_ids[key]
    if byline is None:
        pseud = system_pseud(ORPHAN)
    elif user_id is not None:
        pseud = mapped_pseud(byline, user_id)
    else:
        pseud = imported_pseud(byline)
    transaction.on_commit(lambda: _pseud_ids.__setitem__(key, pseud.pk))
    return pseud.pk


def _tags(draft: Draft) -> list[Tag | None]:
    rating = _fixed(draft.rating and [draft.rating], RATINGS) or ["Not Rated"]
    warnings = _fixed(draft.warnings, ARCHIVE_WARNINGS) or [NO_WARNINGS_CHOSEN]
    wanted = [(name, TagType.RATING) for name in rating]
    wanted += [(name, TagType.WARNING) for name in warnings]
    wanted += [(name, TagType.CATEGORY) for name in _fixed(draft.categories, CATEGORIES)]
    free = [
        (draft.fandoms, TagType.FANDOM),
        (draft.relationships, TagType.RELATIONSHIP),
        (draft.characters, TagType.CHARACTER),
        (draft.additional_tags, TagType.FREEFORM),
    ]
    for names, tag_type in free:
        wanted += [(" ".join(name.split()), tag_type) for name in names if _usable(name)]
    unknown = [name for name, _ in wanted if name not in _fixed_tags]
    existing = Tag.objects.by_lower_name(unknown) if unknown else {}
    return [_tag_named(name, tag_type, existing) for name, tag_type in wanted]


# Ratings, warnings and categories never change: remembered per process once committed.
_fixed_tags: dict[str, Tag] = {}
FIXED_TYPES = {TagType.RATING, TagType.WARNING, TagType.CATEGORY}


def _fixed(names: list[str] | None, allowed: list[str]) -> list[str]:
    """Names matched (ignoring case) to the fixed tags of a required type."""
    by_lower = {name.lower(): name for name in allowed}
    return [by_lower[n.strip().lower()] for n in names or [] if n.strip().lower() in by_lower]


def _usable(name: str) -> bool:
    name = name.strip()
    return bool(name) and len(name) <= MAX_TAG_LENGTH and not FORBIDDEN_TAG_CHARS_RE.search(name)


def _tag_named(name: str, tag_type: str, existing: dict[str, Tag]) -> Tag | None:
    """The existing tag of that name (`existing`: {lower name: tag} looked up in one query
    for the whole work), or a new unwrangled one; None when the name already belongs to a tag
    of another type (tag names are unique across types, as on AO3)."""
    tag = _fixed_tags.get(name) or existing.get(name.lower())
    if tag is None:
        canonical = tag_type in FIXED_TYPES
        try:
            with transaction.atomic():
                tag = Tag.objects.create(name=name, type=tag_type, canonical=canonical)
        except IntegrityError:  # created concurrently by another worker
            tag = Tag.objects.named(name)
        if tag is not None:
            existing[name.lower()] = tag
    if tag is None or tag.type != tag_type:
        return None
    if tag_type in FIXED_TYPES and name not in _fixed_tags:
        transaction.on_commit(lambda: _fixed_tags.__setitem__(name, tag))
    return tag
