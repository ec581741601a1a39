"""A reader's saved exclude filter on every listing: excluded tags, excluded creators, muted users.

The tags go where a URL's `exclude=` goes (their canonical filter ids, so synonyms and sub
tags are left out too); the creators' works become a bitmap subtracted like a negated
full-text word (`Selection.without`). Both are applied before counting, so the total, the
pages and the facet counts are those of what the reader sees. A reader's own works are never
hidden as an excluded or muted creator's (an excluded tag leaves them out like any work).

Listings outside the index (the front page, bookmarks, a series, a collection) take the same
exclusions as SQL subqueries (`without_excluded`); bookmark listings also hide the bookmarks
of excluded and muted users (`without_excluded_bookmarks`), as AO3's mute does.

Page cache: only logged-in readers have exclusions, and their requests carry a session
cookie, which `site.pagecache` never answers from the cache nor stores.
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Q
from pyroaring import BitMap

from fanarchive.browse.bitmaps import Selection


def exclusions_of(viewer):
    """The viewer's saved exclusions, or None for guests and a browse without the archive."""
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return None
    if not apps.is_installed("fanarchive.accounts"):  # browse on its own (browse.standalone)
        return None
    from fanarchive.accounts.preferences import reader_exclusions

    found = reader_exclusions(viewer)
    return found or None


def works_by(author_ids, viewer) -> BitMap:
    """Ids of the works any of these accounts wrote or co-wrote, less the viewer's own."""
    from fanarchive.works.models import Work

    authored = Work.objects.filter(pseuds__user_id__in=author_ids)
    own = Work.objects.filter(pseuds__user_id=viewer.pk).values("pk")
    return BitMap(authored.exclude(pk__in=own).values_list("pk", flat=True).distinct())


def apply_exclusions(selection: Selection, viewer, tags) -> str | None:
    """Narrow `selection` by the viewer's saved exclusions (`tags`: the in-memory TagTable);
    returns a line for the page saying what was left out, or None when nothing was."""
    found = exclusions_of(viewer)
    if found is None:
        return None
    for tag_id in sorted(found.tag_ids):
        tag = tags.by_id.get(tag_id)
        if tag is not None and tag.filter_id not in selection.exclude:
            selection.exclude.append(tag.filter_id)
    if found.author_ids:
        hidden = works_by(found.author_ids, viewer)
        selection.without = hidden if selection.without is None else selection.without | hidden
    return works_note(found)


def exclude_from(works, viewer) -> tuple:
    """The same exclusions on a queryset of works (a user's works page), with how many works
    they left out: the tagged works are read from the bitmap index, so a tag's synonyms and
    sub tags are left out as in browse."""
    found = exclusions_of(viewer)
    if found is None:
        return works, 0
    # Only this listing's works are checked, so the SQL carries a short id list at any size.
    candidates = BitMap(works.values_list("pk", flat=True))
    hidden = BitMap()
    if found.tag_ids:
        hidden |= candidates & works_tagged(found.tag_ids)
    if found.author_ids:
        hidden |= candidates & works_by(found.author_ids, viewer)
    return (works.exclude(pk__in=list(hidden)) if hidden else works), len(hidden)


def without_excluded(works, viewer, work_field: str = "pk"):
    """The same exclusions on any queryset whose rows point at works (`work_field`: "pk" for
    works, "work" for bookmarks and series parts), as SQL subqueries: a few tag ids and a few
    account ids, whatever the listing's size, and no query per row. Returns the narrowed
    queryset and the viewer's exclusions (None when there are none: the queryset unchanged)."""
    found = exclusions_of(viewer)
    if found is None:
        return works, None
    work = work_field if work_field.endswith("pk") else f"{work_field}__pk"
    hidden = Q()
    if found.tag_ids:
        hidden |= Q(**{f"{work}__in": _tagged_subquery(found.tag_ids)})
    if found.author_ids:
        hidden |= Q(**{f"{work}__in": _authored_subquery(found.author_ids, viewer)})
    return works.exclude(hidden), found


def without_excluded_bookmarks(bookmarks, viewer):
    """Bookmarks less those of excluded works (as above) and those made by an excluded or
    muted user (AO3's mute hides a user's bookmarks too); the viewer's own always stay."""
    bookmarks, found = without_excluded(bookmarks, viewer, "work")
    if found is not None and found.author_ids:
        bookmarks = bookmarks.exclude(user_id__in=sorted(found.author_ids))
    return bookmarks, found


def works_note(found) -> str | None:
    """The line a listing shows when the reader's exclusions apply to it."""
    return (
        f"Works matching your preferences ({found.describe()}) are not listed." if found else None
    )


def bookmark_note(found) -> str | None:
    if not found:
        return None
    return f"Bookmarks matching your preferences ({found.describe()}) are not listed."


def _tagged_subquery(tag_ids):
    """Works filed under any of these tags as browse files them: the tag's canonical tag, its
    synonyms and sub tags (tags.services.filed_under, browse.sync's rule)."""
    from fanarchive.tags.models import Tag
    from fanarchive.tags.services import filed_under
    from fanarchive.works.models import Tagging

    filed: set[int] = set()
    for tag in Tag.objects.filter(pk__in=tag_ids):
        filed |= filed_under(tag)
    return Tagging.objects.filter(tag_id__in=sorted(filed)).values("work_id")


def _authored_subquery(author_ids, viewer):
    """Works any of these accounts wrote or co-wrote, less the viewer's own."""
    from fanarchive.works.models import Work

    through = Work.pseuds.through
    own = through.objects.filter(pseud__user_id=viewer.pk).values("work_id")
    authored = through.objects.filter(pseud__user_id__in=sorted(author_ids))
    return authored.exclude(work_id__in=own).values("work_id")


def works_tagged(tag_ids) -> BitMap:
    """Ids of the listed works filed under any of these tags (canonical ids, meta tags too)."""
    from fanarchive.browse.service import HOLDER, current_tags
    from fanarchive.browse.sync import catch_up

    catch_up()
    tagged = BitMap()
    with HOLDER.reading() as index:
        table = current_tags()
        for tag_id in tag_ids:
            tag = table.by_id.get(tag_id)
            if tag is not None:
                tagged |= index.bitmaps.get(tag.filter_id, BitMap())
    return tagged
