"""`{% work_collections work as collections %}`: the collections a work shows in, for the
"Collections:" line of the work page (the works app needs no knowledge of collections)."""

from __future__ import annotations

from django import template

from fanarchive.collections.services import collections_showing

register = template.Library()


@register.simple_tag
def work_collections(work):
    return collections_showing(work)
