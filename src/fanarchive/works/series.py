"""A work's series as AO3 shows them: the work form's "Add to series" / "Or create and use
a new one", "Part 2 of Title" with ← previous / next → works, and the series page's meta."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from fanarchive.works.html import user_html
from fanarchive.works.models import Work
from fanarchive.works.services import expire_cached_pages


@dataclass
class SeriesPlace:
    """One series a work belongs to, with its visible neighbours in that series."""

    series: object
    position: int
    previous: Work | None
    next: Work | None


@transaction.atomic
def add_work_to_series(work: Work, owner, existing=None, new_title: str = ""):
    """Add the work to one of the owner's series, or to a new one titled `new_title` (the work
    is then its Part 1). Returns the series, or None when neither was asked."""
    from fanarchive.readers.models import Series
    from fanarchive.readers.services import add_to_series

    if new_title.strip():
        series = Series.objects.create(owner=owner, title=new_title.strip()[:255])
    elif existing is not None:
        series = existing
    else:
        return None
    add_to_series(series, work)
    return series


def create_series(owner, title: str, summary: str = "", notes: str = "", work: Work | None = None):
    """A new series, with `work` (one of the owner's) as its Part 1 when given."""
    from fanarchive.readers.models import Series
    from fanarchive.readers.services import add_to_series

    with transaction.atomic():
        series = Series.objects.create(
            owner=owner,
            title=title.strip()[:255],
            summary=user_html(summary),
            notes=user_html(notes),
        )
        if work is not None:
            add_to_series(series, work)
    return series


def series_places(work: Work, viewer) -> list[SeriesPlace]:
    """Each series of the work with the parts before and after it that the viewer may read
    (a hidden or draft part is skipped, as AO3 skips what a reader cannot see)."""
    visible = Work.objects.visible_to(viewer)
    places = []
    for part in work.series_parts.select_related("series").order_by("series__title", "pk"):
        parts = list(
            part.series.parts.filter(work__in=visible).order_by("position").select_related("work")
        )
        ids = [p.work_id for p in parts]
        index = ids.index(work.pk) if work.pk in ids else None
        previous = parts[index - 1].work if index else None
        following = parts[index + 1].work if index is not None and index + 1 < len(parts) else None
        places.append(SeriesPlace(part.series, part.position, previous, following))
    return places


def series_meta(series, parts) -> dict:
    """AO3's series meta over the parts the viewer sees: creators (every byline pseud), begun
    and updated dates, words, works, complete, bookmarks."""
    works = [part.work for part in parts]
    pseuds, seen = [], set()
    for work in works:
        for pseud in work.pseuds.all():
            if pseud.pk not in seen:
                seen.add(pseud.pk)
                pseuds.append(pseud)
    dates = [w.published_at or w.created_at for w in works]
    return {
        "creators": pseuds,
        "begun": min(dates, default=series.created_at),
        "updated": max((w.revised_at for w in works), default=series.created_at),
        "words": sum(w.words for w in works),
        "works": len(works),
        "complete": bool(works) and all(w.is_complete for w in works),
        "bookmarks": sum(w.bookmarks_count for w in works),
    }


@transaction.atomic
def manage_series(series, order: list[int], removed: set[int]) -> None:
    """AO3's Manage Series: the parts in the order of `order` (part ids), numbered from 1, and
    the parts in `removed` taken out of the series (their works stay)."""
    parts = {p.pk: p for p in series.parts.select_for_update()}
    if sorted(order) != sorted(parts):
        raise ValueError("the new order must list each part of the series once")
    series.parts.filter(pk__in=removed).delete()
    kept = [pk for pk in order if pk not in removed]
    for position, pk in enumerate(kept, start=1):
        if parts[pk].position != position:
            type(parts[pk]).objects.filter(pk=pk).update(position=position)
    expire_cached_pages()
