"""The works listing with AO3's filter sidebar, for the whole archive and for any tag."""

from __future__ import annotations

import logging

from django.apps import apps
from django.core.exceptions import TooManyFieldsSent
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.template.loader import select_template
from django.urls import NoReverseMatch, reverse

from fanarchive.browse.filters import (
    CROSSOVER_CHOICES,
    PER_PAGE,
    SORTS,
    STATUS_CHOICES,
    BrowseQuery,
    parse_query,
)
from fanarchive.browse.service import BrowsePage, browse
from fanarchive.browse.sync import catch_up

log = logging.getLogger(__name__)


def archive_installed() -> bool:
    return apps.is_installed("fanarchive.works")


MAX_FIELDS = 500  # below Django's DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000)
TAG_GROUPS = [
    ("rating", "Ratings"),
    ("warning", "Warnings"),
    ("category", "Categories"),
    ("fandom", "Fandoms"),
    ("character", "Characters"),
    ("relationship", "Relationships"),
    ("freeform", "Additional Tags"),
]
BLURB_ORDER = ["warning", "relationship", "character", "freeform"]
# Language keys are folded names (see sync.language_key); these restore their spelling.
LANGUAGE_NAMES = {
    "english": "English", "espanol": "Español", "francais": "Français", "deutsch": "Deutsch",
    "zhong-wen": "中文", "russkii": "Русский", "portugues": "Português", "italiano": "Italiano",
    "ri-ben-yu": "日本語", "polski": "Polski",
}  # fmt: skip


def language_name(key: str) -> str:
    return LANGUAGE_NAMES.get(key, key.replace("-", " ").title())


ANALYSIS_GROUPS = [
    ("speaks", "Speaks"),
    ("speaks_most", "Speaks the most"),
    ("pairing", "Main pairing"),
]


def base_template() -> str:
    """The archive's base page when installed, else a plain standalone page."""
    return select_template(["base.html", "browse/standalone.html"]).template.name


def work_url(work_id: int) -> str:
    for name in ("works:detail", "works:work", "works:work_detail"):
        try:
            return reverse(name, args=[work_id])
        except NoReverseMatch:
            continue
    return f"/works/{work_id}/"


def request_params(request: HttpRequest) -> tuple[QueryDict, list[str]]:
    """request.GET, or its first fields when a URL carries more than Django accepts."""
    try:
        return request.GET, []
    except TooManyFieldsSent:
        fields = request.META.get("QUERY_STRING", "").split("&")[:MAX_FIELDS]
        note = f"The link had too many parts; only the first {MAX_FIELDS:,} were read."
        return QueryDict("&".join(fields)), [note]


def listing(
    request: HttpRequest,
    tag_id: int | None = None,
    notes: list[str] | tuple = (),
    main_class: str = "works-index region",
) -> HttpResponse:
    """The listing; `notes` are shown above the results (AO3 parameters not offered here)
    and `main_class` is AO3's class of the page (`works-search region` for a search)."""
    params, read_notes = request_params(request)
    query = parse_query(params)
    query.messages[:0] = [*notes, *read_notes]
    status = 200
    try:
        if archive_installed():
            catch_up()
        user = request.user
        page = browse(query, tag_id, signed_in=user.is_authenticated, viewer=user)
    except DatabaseError:
        log.exception("browse query failed")
        query.messages.append("The search could not be run; please simplify it and try again.")
        page = BrowsePage(query, 0, [], {})
        status = 503
    if tag_id is not None and page.context_tag is None:
        query.messages.append("There is no such tag; showing nothing.")
        page = BrowsePage(query, 0, [], {})
        status = 404
    context = {
        "base_template": base_template(),
        "page": page,
        "query": query,
        "heading": heading(page),
        "blurbs": blurbs(page),
        "include_groups": tag_groups(page, query, "include"),
        "exclude_groups": tag_groups(page, query, "exclude"),
        "analysis_groups": analysis_groups(page, query),
        "notes": note_choices(page, query),
        "languages": language_choices(page, query),
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
        "crossover_choices": CROSSOVER_CHOICES.items(),
        "status_choices": STATUS_CHOICES.items(),
        "pagination": pagination(page, query),
        "first_shown": query.offset + 1 if page.works else 0,
        "last_shown": query.offset + len(page.works),
        "share_query": query.querystring(),
        "main_class": main_class,
    }
    response = render(request, "browse/listing.html", context, status=status)
    # How current this node's index was (benchmarks/nodes.py measures its lag; a cached page
    # keeps the revision it was rendered at).
    response["X-Browse-Revision"] = str(page.revision)
    response["X-Browse-Read-From"] = page.read_from  # the primary, or a caught-up replica
    return response


def heading(page: BrowsePage) -> str:
    if page.context_tag is not None:
        return f"Works in {page.context_tag.name}"
    return "Works"


def tag_groups(page: BrowsePage, query: BrowseQuery, mode: str) -> list[dict]:
    chosen = set(getattr(query, mode))
    groups = []
    for group, label in TAG_GROUPS:
        items = []
        for key, count in page.facets.get(group, []):
            tag = page.tags.get(key)
            if tag is not None and not (page.context_tag and key == page.context_tag.filter_id):
                items.append(
                    {"id": key, "name": tag.name, "count": count, "checked": key in chosen}
                )
        if items:
            groups.append({"label": label, "items": items, "group": group})
    return groups


def analysis_groups(page: BrowsePage, query: BrowseQuery) -> list[dict]:
    groups = []
    for group, label in ANALYSIS_GROUPS:
        chosen = getattr(query, group)
        options = []
        for key, count in page.facets.get(group, []):
            tag_id = int(str(key).rsplit(":", 1)[-1])
            tag = page.tags.get(tag_id)
            if tag is not None:
                options.append(
                    {"id": tag_id, "name": tag.name, "count": count, "selected": tag_id == chosen}
                )
        groups.append({"name": group, "label": label, "options": options})
    return groups


def note_choices(page: BrowsePage, query: BrowseQuery) -> list[dict]:
    notes = []
    for key, count in page.facets.get("note", []):
        slug = str(key).split(":", 1)[1]
        notes.append(
            {
                "key": slug,
                "label": slug.replace("-", " ").capitalize(),
                "count": count,
                "checked": slug in query.hide_notes,
            }
        )
    return notes


def language_choices(page: BrowsePage, query: BrowseQuery) -> list[dict]:
    choices = []
    for key, count in page.facets.get("language", []):
        code = str(key).split(":", 1)[1]
        choices.append({"code": code, "name": language_name(code), "count": count})
    if query.language and all(c["code"] != query.language for c in choices):
        choices.append(
            {
                "code": query.language,
                "name": language_name(query.language),
                "count": 0,
            }
        )
    return choices


def author_links(work_ids: list[int]) -> dict[int, list[dict]]:
    """Each work's pseuds with their accounts, for AO3's `a[rel=author]` byline links."""
    if not archive_installed() or not work_ids:
        return {}
    from fanarchive.accounts.models import Pseud

    links: dict[int, list[dict]] = {}
    rows = Pseud.objects.filter(works__in=work_ids).values_list("works", "name", "user__username")
    for work_id, name, username in rows.order_by("name"):
        byline = name if name == username else f"{name} ({username})"
        links.setdefault(work_id, []).append(
            {"byline": byline, "username": username, "pseud": name}
        )
    return links


def gift_links(work_ids: list[int]) -> dict[int, list[dict]]:
    """Each work's gift recipients ("for X"), with the account to link when there is one."""
    if not archive_installed() or not work_ids:
        return {}
    from fanarchive.works.models import Gift

    gifts: dict[int, list[dict]] = {}
    rows = Gift.objects.filter(work__in=work_ids).order_by("recipient_name")
    for work_id, name, username in rows.values_list(
        "work", "recipient_name", "pseud__user__username"
    ):
        gifts.setdefault(work_id, []).append({"name": name, "username": username})
    return gifts


def series_places(work_ids: list[int]) -> dict[int, list[dict]]:
    """Each work's "Part N of <series>", as the works blurbs show it."""
    if not apps.is_installed("fanarchive.readers") or not work_ids:
        return {}
    from fanarchive.readers.models import SeriesPart

    places: dict[int, list[dict]] = {}
    rows = SeriesPart.objects.filter(work__in=work_ids).order_by("series__title", "series")
    for work_id, position, series_id, title in rows.values_list(
        "work", "position", "series", "series__title"
    ):
        places.setdefault(work_id, []).append(
            {"position": position, "series_id": series_id, "title": title}
        )
    return places


def blurbs(page: BrowsePage) -> list[dict]:
    items = []
    work_ids = [work.work_id for work in page.works]
    authors = author_links(work_ids)
    gifts, series = gift_links(work_ids), series_places(work_ids)
    for work in page.works:
        tags = [page.tags[int(t)] for t in work.tag_ids.split() if int(t) in page.tags]
        by_type: dict[str, list] = {}
        for tag in tags:
            by_type.setdefault(tag.type, []).append(tag)
        items.append(
            {
                "work": work,
                "url": work_url(work.work_id),
                "fandoms": by_type.get("fandom", []),
                "rating": next(iter(by_type.get("rating", [])), None),
                "categories": by_type.get("category", []),
                "tags": [
                    (tag_type, t) for tag_type in BLURB_ORDER for t in by_type.get(tag_type, [])
                ],
                "language": language_name(work.language),
                "chapters": f"{work.chapters}/{work.expected_chapters or '?'}",
                "authors": authors.get(work.work_id, []),
                "gifts": gifts.get(work.work_id, []),
                "series": series.get(work.work_id, []),
            }
        )
    return items


def pagination(page: BrowsePage, query: BrowseQuery) -> list[dict]:
    last = page.pages
    if last <= 1:
        return []
    numbers = sorted(
        {1, 2, last - 1, last, *range(max(1, query.page - 3), min(last, query.page + 3) + 1)}
    )
    links, previous = [], 0
    for number in numbers:
        if number < 1 or number > last:
            continue
        if number - previous > 1:
            links.append({"gap": True})
        links.append(
            {
                "number": number,
                "current": number == query.page,
                "href": "?" + query.querystring(page=number),
            }
        )
        previous = number
    return links


__all__ = ["listing", "PER_PAGE"]
