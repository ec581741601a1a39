"""Running the analysis engine on a work, storing its result, and turning it into
tag suggestions the author accepts or rejects. The analysis is `fanarchive.analysis`;
nothing here analyses text itself."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_save

from fanarchive.analysis.characters.narrator import NARRATOR as UNNAMED_NARRATOR
from fanarchive.analysis.document import Chapter as DocumentChapter
from fanarchive.analysis.document import Note
from fanarchive.analysis.model import SCHEMA_VERSION
from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_text
from fanarchive.insights.models import SuggestionKind, TagSuggestion, WorkAnalysis
from fanarchive.tags.models import ARCHIVE_WARNINGS, NO_WARNINGS_APPLY, Tag, TagType
from fanarchive.tags.services import character_aliases, knowledge_with, tag_name_problems
from fanarchive.works.html import html_to_plain
from fanarchive.works.models import Chapter, Work

MAX_EVIDENCE = 3


@dataclass
class ComposedText:
    """A work's plain text with the note and chapter spans the archive already knows."""

    text: str = ""
    notes: list[Note] = field(default_factory=list)
    chapters: list[DocumentChapter] = field(default_factory=list)

    def add(self, html: str, plain: str | None = None) -> tuple[int, int] | None:
        """Append the HTML's text (or `plain`, its text when the caller already has it)."""
        plain = (html_to_plain(html) if plain is None else plain).strip()
        if not plain:
            return None
        start = len(self.text)
        self.text += plain + "\n\n"
        return start, start + len(plain)

    def add_note(self, html: str, position: str) -> None:
        span = self.add(html)
        if span:
            self.notes.append(Note(position, *span))


def compose_work_text(work: Work, chapters: list[Chapter] | None = None) -> ComposedText:
    """Beginning notes, each chapter (heading, notes, text, end notes), end notes."""
    composed = ComposedText()
    composed.add_note(work.notes, "beginning")
    chapters = _chapters(work) if chapters is None else chapters
    for chapter in chapters:
        start = len(composed.text)
        if len(chapters) > 1:
            composed.add(f"<p>{chapter.heading}</p>")
        composed.add_note(chapter.notes, "beginning")
        # The import path knows each new chapter's plain text: no need to parse its HTML.
        composed.add(chapter.body, getattr(chapter, "plain_text", None))
        composed.add_note(chapter.endnotes, "end")
        composed.chapters.append(DocumentChapter(chapter.title, start, len(composed.text)))
    composed.add_note(work.endnotes, "end")
    return composed


def _chapters(work: Work) -> list[Chapter]:
    # A draft chapter (being previewed) is analysed once posted: the analysis page and its
    # evidence are public, the draft is not.
    return list(work.chapters.filter(posted=True).order_by("position"))


METADATA_OF_TAG_TYPE = {
    TagType.FANDOM: "fandoms",
    TagType.RELATIONSHIP: "relationships",
    TagType.CHARACTER: "characters",
    TagType.FREEFORM: "additional_tags",
}


def tagged_metadata(tags: list[Tag]) -> dict[str, list[str]]:
    """The tags the analysis reads, by the analysis Metadata field that holds them."""
    fields: dict[str, list[str]] = {name: [] for name in METADATA_OF_TAG_TYPE.values()}
    for tag in sorted(tags, key=lambda tag: tag.name):
        if tag.type in METADATA_OF_TAG_TYPE:
            fields[METADATA_OF_TAG_TYPE[tag.type]].append(tag.name)
    return fields


def content_hash(
    work: Work,
    aliases: dict[str, list[str]],
    chapters: list[Chapter] | None = None,
    tags: list[Tag] | None = None,
) -> str:
    """Changes when the work's text, its tags, the wrangled aliases or the analysis contract
    change.

    Hashes the stored HTML rather than the composed plain text: checking a 100,000-word work
    costs a millisecond, so pages can ask for a fresh analysis on every view.
    """
    digest = hashlib.sha256()
    for part in (SCHEMA_VERSION, work.notes, work.endnotes):
        digest.update(part.encode("utf-8") + b"\x00")
    for chapter in _chapters(work) if chapters is None else chapters:
        for part in (
            chapter.position,
            chapter.title,
            chapter.notes,
            chapter.body,
            chapter.endnotes,
        ):
            digest.update(str(part).encode("utf-8") + b"\x00")
    digest.update(json.dumps(sorted((k, sorted(v)) for k, v in aliases.items())).encode("utf-8"))
    tags = list(work.tags.all()) if tags is None else tags
    digest.update(json.dumps(tagged_metadata(tags)).encode("utf-8"))
    return digest.hexdigest()


def analyze_work(
    work: Work,
    force: bool = False,
    chapters: list[Chapter] | None = None,
    new: bool = False,
    aliases: dict[str, list[str]] | None = None,
) -> WorkAnalysis | None:
    """Analyse the work (unless nothing changed since last time) and refresh its suggestions.

    Returns None when the work has no text yet. `chapters` (in position order) saves reading
    them again when the caller has them; `new` says the work was just created, so it has no
    analysis or suggestions to compare with (the import path); `aliases` are the
    character_aliases() when the caller already read them (once for many works).
    """
    chapters = _chapters(work) if chapters is None else chapters
    aliases = character_aliases() if aliases is None else aliases
    tags = list(work.tags.all())
    digest = content_hash(work, aliases, chapters, tags)
    stored = None
    if not new:
        # The stored JSON can be megabytes: it is loaded only when a caller reads it.
        stored = WorkAnalysis.objects.filter(work=work).defer("text", "data").first()
    if stored and stored.content_hash == digest and not force:
        return stored
    stored = compute_analysis(work, chapters, aliases, tags, digest)
    if stored is None:
        return None
    # Part of the caller's transaction when there is one (no savepoint: a failure rolls the
    # whole unit back anyway); its own transaction otherwise.
    with transaction.atomic(savepoint=False):
        _save_analysis(stored)
        refresh_suggestions(work, stored, new=new)
    return stored


def compute_analysis(
    work: Work,
    chapters: list[Chapter],
    aliases: dict[str, list[str]],
    tags: list[Tag],
    digest: str = "",
) -> WorkAnalysis | None:
    """The work's analysis as an unsaved WorkAnalysis (None when the work has no text):
    no database access, so an import can analyse a chunk of works before storing any.
    The work's own fandom, relationship, character and additional tags are evidence the
    analysis weighs beside the text (they seed the cast's canonical names)."""
    composed = compose_work_text(work, chapters)
    if not composed.text.strip():
        return None
    document = read_text(composed.text)
    document.notes = composed.notes
    document.chapters = composed.chapters
    for name, values in tagged_metadata(tags).items():
        setattr(document.metadata, name, values)
    began = time.perf_counter()
    analysis = analyze_document(document, knowledge_with(aliases))
    elapsed_ms = (time.perf_counter() - began) * 1000
    return WorkAnalysis(
        work=work,
        schema_version=SCHEMA_VERSION,
        content_hash=digest or content_hash(work, aliases, chapters, tags),
        text=document.text,
        data=analysis.to_dict(),
        duration_ms=elapsed_ms,
    )


ANALYSIS_FIELDS = ["schema_version", "content_hash", "text", "data", "duration_ms", "updated_at"]


def _save_analysis(stored: WorkAnalysis) -> None:
    """Insert or replace the work's analysis in one statement (two workers analysing the same
    work at once both succeed; the later one wins)."""
    WorkAnalysis.objects.bulk_create(
        [stored], update_conflicts=True, unique_fields=["work"], update_fields=ANALYSIS_FIELDS
    )
    # bulk_create sends no signal: the receivers (the browse index's speakers, pairing and
    # content notes; the page cache) hear of the new analysis as a save() would tell them.
    post_save.send(
        WorkAnalysis,
        instance=stored,
        created=False,
        raw=False,
        using=WorkAnalysis.objects.db,
        update_fields=None,
    )


# --- background analysis -------------------------------------------------------------

QUEUED_KEY = "insights:queued:{work_id}"
QUEUED_SECONDS = 600  # a view queues again a work whose analysis has not landed after this


@dataclass
class AnalysisState:
    """The work's latest analysis; `pending` when the text (or the wrangled aliases) changed
    since, so `stored` is out of date (or None, for a new work) and an analysis is queued."""

    stored: WorkAnalysis | None = None
    pending: bool = False


def queue_analysis(work: Work, force: bool = False) -> None:
    """Analyse the work in the background once the current transaction commits (at once when
    none is open). Without a broker the task runs in-process, so the analysis has landed
    when this returns outside a transaction. A failing analysis is logged, never raised into
    the request that changed the work."""
    from fanarchive.insights.tasks import analyse_work

    work_id = work.pk
    cache.set(QUEUED_KEY.format(work_id=work_id), True, QUEUED_SECONDS)  # pages need not
    transaction.on_commit(lambda: analyse_work.delay(work_id, force), robust=True)


def analysis_state(work: Work, with_data: bool = True) -> AnalysisState:
    """What pages show: the current analysis, or `pending` (queued here if it was not yet).

    Costs a hash of the work's stored HTML (a millisecond for 100,000 words), never an
    analysis: that runs on a worker, or in-process at once without a broker.
    """
    from fanarchive.site.celery import queue_configured

    state = _state(work, with_data)
    # Queued by whoever changed the work; a page queues it only when nobody did lately (the
    # aliases changed, or the task was lost with the broker's queue).
    if state.pending and cache.add(QUEUED_KEY.format(work_id=work.pk), True, QUEUED_SECONDS):
        queue_analysis(work)
        if not queue_configured() and not transaction.get_connection().in_atomic_block:
            state = _state(work, with_data)  # ran in-process just now
    return state


def _state(work: Work, with_data: bool) -> AnalysisState:
    chapters = _chapters(work)
    digest = content_hash(work, character_aliases(), chapters)
    stored = WorkAnalysis.objects.filter(work=work)
    stored = (stored if with_data else stored.defer("text", "data")).first()
    if stored is not None and stored.content_hash == digest:
        return AnalysisState(stored)
    has_text = any(
        part.strip() for part in [work.notes, work.endnotes, *(c.body for c in chapters)]
    )
    return AnalysisState(stored if has_text else None, pending=has_text)


# --- suggestions -----------------------------------------------------------------------


@dataclass
class Proposal:
    kind: str
    name: str
    detail: str
    evidence: list[dict]
    subtype: str = ""  # a relationship's: what the text calls the two ("family", ...)


def proposals_from(stored: WorkAnalysis) -> list[Proposal]:
    """Every tag the analysis suggests, each with its evidence sentences."""
    data, text = stored.data, stored.text
    proposals = []
    for character in data.get("characters", []):
        # An unnamed first-person narrator is a voice, not a character tag an archive has.
        if character.get("present") and character["name"] != UNNAMED_NARRATOR:
            proposals.append(
                Proposal(
                    SuggestionKind.CHARACTER,
                    character["name"],
                    character_counts(character),
                    _character_evidence(character["name"], data, text),
                )
            )
    for relationship in data.get("relationships", []):
        detail = relationship.get("kind", "")
        if relationship.get("subtype"):
            detail += f", {relationship['subtype']}"
        if relationship.get("detail"):
            detail += f": {relationship['detail']}"
        proposals.append(
            Proposal(
                SuggestionKind.RELATIONSHIP,
                relationship["tag"],
                detail,
                relationship.get("evidence", []),
                relationship.get("subtype", ""),
            )
        )
    for warning in data.get("warnings", []):
        if not warning.get("evidence"):
            continue  # no warning without evidence
        is_archive = warning.get("archive_warning") and warning["name"] in ARCHIVE_WARNINGS
        kind = SuggestionKind.ARCHIVE_WARNING if is_archive else SuggestionKind.CONTENT_WARNING
        proposals.append(
            Proposal(kind, warning["name"], warning.get("severity", ""), warning["evidence"])
        )
    for tag in data.get("tags", []):
        proposals.append(
            Proposal(SuggestionKind.ADDITIONAL, tag["tag"], "", tag.get("evidence", []))
        )
    for proposal in proposals:
        proposal.evidence = [_evidence(e) for e in proposal.evidence[:MAX_EVIDENCE]]
    return proposals


def character_counts(character: dict) -> str:
    """What the suggestions page says of a character: "12 lines, 1 mention"."""
    lines, mentions = int(character.get("lines") or 0), int(character.get("mentions") or 0)
    return f"{_counted(lines, 'line')}, {_counted(mentions, 'mention')}"


def _counted(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


NOT_IN_TEXT = "not found in the current text"


def _evidence(item: dict) -> dict:
    return {"start": item.get("start", 0), "end": item.get("end", 0), "text": item.get("text", "")}


def _character_evidence(name: str, data: dict, text: str) -> list[dict]:
    """Lines the character speaks: the evidence that they are in the story."""
    quotes = [q for q in data.get("quotes", []) if q.get("speaker") == name]
    return [
        {"start": q["start"], "end": q["end"], "text": q["text"]} for q in quotes[:MAX_EVIDENCE]
    ]


def refresh_suggestions(work: Work, stored: WorkAnalysis, new: bool = False) -> None:
    """New suggestions for the latest analysis; earlier decisions are kept, pending
    suggestions the analysis no longer makes are dropped. A handful of queries whatever the
    number of suggestions (`new`: the work has none yet, so none are read)."""
    proposals = proposals_from(stored)
    wanted = _wanted_suggestions(work, proposals)
    current = {} if new else {(s.kind, s.name): s for s in work.tag_suggestions.all()}
    created = new_suggestions(work, {k: p for k, p in wanted.items() if k not in current})
    changed = _follow_current_text(current, {(p.kind, p.name): p for p in proposals} | wanted)
    stale = [
        s.pk
        for key, s in current.items()
        if key not in wanted and s.status == TagSuggestion.Status.PENDING
    ]
    with transaction.atomic(savepoint=False):
        if stale:
            TagSuggestion.objects.filter(pk__in=stale).delete()
        TagSuggestion.objects.bulk_create(created)
        TagSuggestion.objects.bulk_update(changed, ["detail", "evidence"])


def _follow_current_text(
    current: dict[tuple[str, str], TagSuggestion], proposals: dict[tuple[str, str], Proposal]
) -> list[TagSuggestion]:
    """Stored suggestions whose detail and evidence now read as the latest analysis says.

    Decided ones too: an accepted character (its tag is on the work, so it is no longer
    "wanted") kept the line count of the text it was first suggested for, chapters ago. A
    character the analysis no longer finds says so instead of showing old counts."""
    changed = []
    for key, suggestion in current.items():
        proposal = proposals.get(key)
        if proposal is not None:
            wanted = (proposal.detail[:100], proposal.evidence)
        elif suggestion.kind == SuggestionKind.CHARACTER:
            wanted = (NOT_IN_TEXT, [])
        else:
            continue
        if (suggestion.detail, suggestion.evidence) != wanted:
            suggestion.detail, suggestion.evidence = wanted
            changed.append(suggestion)
    return changed


def _wanted_suggestions(work: Work, proposals: list[Proposal]) -> dict[tuple[str, str], Proposal]:
    return wanted_suggestions(
        proposals, names_on_work(work), Tag.objects.by_lower_name([p.name for p in proposals])
    )


def names_on_work(work: Work) -> set[str]:
    """The work's tag names and their synonyms' canonical names, lower-cased."""
    on_work = set()
    for name, merger in work.taggings.values_list("tag__name", "tag__merger__name"):
        on_work.add(name.lower())
        if merger:
            on_work.add(merger.lower())
    return on_work


def wanted_suggestions(
    proposals: list[Proposal], on_work: set[str], existing: dict[str, Tag]
) -> dict[tuple[str, str], Proposal]:
    """{(kind, name): proposal} of the proposals worth suggesting: not already on the work
    (`on_work`: names_on_work), and able to become a tag of their type (`existing`: the tags
    named like proposals, by lower-cased name)."""
    wanted = {}
    for proposal in proposals:
        if proposal.name.lower() in on_work:
            continue
        ship = authors_ship_against(proposal, on_work)
        if ship:
            if proposal.subtype != "family":
                continue  # nothing in the text says the author's "A/B" is wrong
            proposal.detail = f"platonic, family: the text disagrees with your tag {ship}"
        if tag_name_problems([proposal.name], _tag_type(proposal.kind), existing):
            continue
        wanted[(proposal.kind, proposal.name)] = proposal  # the last of duplicates wins
    return wanted


def authors_ship_against(proposal: Proposal, on_work: set[str]) -> str:
    """The work's own romantic "A/B" tag that a platonic "A & B" suggestion contradicts
    ("" when none). Such a suggestion is made only when the text calls the two family, and
    then it says so, with those sentences as evidence."""
    if proposal.kind != SuggestionKind.RELATIONSHIP or " & " not in proposal.name:
        return ""
    people = _relationship_characters(proposal.name)
    if len(people) != 2:
        return ""
    for ship in ("/".join(people), "/".join(reversed(people))):
        if ship.lower() in on_work:
            return ship
    return ""


def new_suggestions(work: Work, wanted: dict[tuple[str, str], Proposal]) -> list[TagSuggestion]:
    """Unsaved suggestions of the work for these proposals (none of them stored yet)."""
    return [
        TagSuggestion(
            work=work,
            kind=proposal.kind,
            name=proposal.name,
            detail=proposal.detail[:100],
            evidence=proposal.evidence,
        )
        for proposal in wanted.values()
    ]


def _tag_type(kind: str) -> str:
    return TagSuggestion(kind=kind).tag_type


# What the archive may accept on an author's behalf (an import, `import_samples
# --accept-suggestions`): who is in the story and who is with whom. Archive warnings and
# content notes are never applied by the archive itself: they wait for the author.
ACCEPTED_WITHOUT_AUTHOR = (SuggestionKind.CHARACTER, SuggestionKind.RELATIONSHIP)


@transaction.atomic
def accept_on_authors_behalf(work: Work) -> list[Tag]:
    """Accept the work's pending character and relationship suggestions; every other
    suggestion (warnings above all) stays pending for the author to decide."""
    applied = []
    pending = work.tag_suggestions.filter(
        status=TagSuggestion.Status.PENDING, kind__in=ACCEPTED_WITHOUT_AUTHOR
    )
    for suggestion in pending:
        tag = _applicable_tag(suggestion)
        if tag is None:
            continue
        work.add_tags([tag])
        applied.append(tag)
        suggestion.status = TagSuggestion.Status.ACCEPTED
        suggestion.save(update_fields=["status"])
    return applied


def _applicable_tag(suggestion: TagSuggestion) -> Tag | None:
    """The tag an accepted suggestion applies (created when new); None when the name became a
    tag of another type since: never tag with the wrong type."""
    tag = Tag.objects.named(suggestion.name)
    if tag is not None and tag.type != suggestion.tag_type:
        return None
    return tag or _new_tag(suggestion)


@transaction.atomic
def decide_suggestions(work: Work, accepted_ids: set[int]) -> list[Tag]:
    """Apply the author's choices: accepted suggestions become the work's tags, the rest are
    rejected (and a tag applied by an earlier acceptance is taken off again)."""
    applied = []
    for suggestion in work.tag_suggestions.all():
        accepted = suggestion.pk in accepted_ids
        tag = Tag.objects.named(suggestion.name)
        if tag is not None and tag.type != suggestion.tag_type:
            continue  # the name became a tag of another type since; never tag with the wrong type
        if accepted:
            tag = _applicable_tag(suggestion)
            work.add_tags([tag])
            applied.append(tag)
        elif suggestion.status == TagSuggestion.Status.ACCEPTED and tag is not None:
            work.taggings.filter(tag=tag).delete()
        status = TagSuggestion.Status.ACCEPTED if accepted else TagSuggestion.Status.REJECTED
        if suggestion.status != status:
            suggestion.status = status
            suggestion.save(update_fields=["status"])
    if any(t.type == TagType.WARNING for t in applied):
        # an accepted warning contradicts "No Archive Warnings Apply"
        work.taggings.filter(tag__name=NO_WARNINGS_APPLY, tag__type=TagType.WARNING).delete()
    return applied


def _new_tag(suggestion: TagSuggestion) -> Tag:
    tag = Tag.objects.create(name=suggestion.name, type=suggestion.tag_type)
    if suggestion.kind == SuggestionKind.RELATIONSHIP:
        # A relationship tag's characters are its parents, as on AO3.
        for part in _relationship_characters(suggestion.name):
            character = Tag.objects.named(part)
            if character and character.type == TagType.CHARACTER:
                tag.add_parent(character)
    return tag


def _relationship_characters(tag_name: str) -> list[str]:
    separator = "/" if "/" in tag_name else "&"
    return [part.strip() for part in tag_name.split(separator) if part.strip()]


def confirm_rejected_warnings(work: Work) -> None:
    """The author saw the rejected warnings a second time and still publishes without them."""
    work.tag_suggestions.rejected_unconfirmed_warnings().update(confirmed=True)
