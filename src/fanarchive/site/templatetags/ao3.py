"""AO3's addresses in templates: tag listings by name, downloads by title, a work's series."""

from __future__ import annotations

from django import template
from django.urls import reverse

register = template.Library()


@register.filter
def tag_works_url(tag) -> str:
    """`/tags/NAME/works`, the listing with the filter sidebar (every tag link goes there)."""
    return reverse("browse:tag_works", args=[tag.name])


@register.simple_tag
def download_url(work, fmt: str) -> str:
    from fanarchive.site.ao3 import download_path

    return download_path(work, fmt)


@register.simple_tag
def series_parts(work) -> list:
    """The work's places in series, for AO3's `dd.series` ("Part 2 of Title")."""
    return list(work.series_parts.select_related("series").order_by("series__title"))


@register.simple_tag
def series_stats(parts) -> dict:
    """AO3's series stats: words over the listed works, and whether every one is complete."""
    works = [part.work for part in parts]
    return {
        "words": sum(work.words for work in works),
        "complete": bool(works) and all(work.complete for work in works),
        "updated": max((work.revised_at for work in works), default=None),
    }
