"""Thin views over search.services: AO3's /media, /media/NAME/fandoms, /tags/search,
/people/search and /bookmarks/search."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from fanarchive.browse.exclusions import bookmark_note, without_excluded_bookmarks
from fanarchive.search import services
from fanarchive.search.forms import BookmarkSearchForm, PeopleSearchForm, TagSearchForm
from fanarchive.search.models import MEDIA, FandomMedia
from fanarchive.tags.models import Tag, TagType
from fanarchive.tags.services import can_wrangle

PER_PAGE = 20


def _page(request: HttpRequest, items):
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))


def media_index(request: HttpRequest) -> HttpResponse:
    context = {"media": services.media_index(request.user), "main_class": "media-index region"}
    return render(request, "search/media_index.html", context)


def media_redirect(request: HttpRequest, media: str) -> HttpResponse:
    return redirect("search:media_fandoms", media=media)


def media_fandoms(request: HttpRequest, media: str) -> HttpResponse:
    try:
        letters = services.media_fandoms(request.user, media)
    except services.SearchError as error:
        raise Http404(str(error)) from None
    wrangler = can_wrangle(request.user)
    if wrangler:
        _mark_filed_media(letters)
    context = {
        "media_name": media,
        "letters": letters,
        "wrangler": wrangler,
        "media_choices": MEDIA,
        "main_class": "fandoms-index region",
    }
    return render(request, "search/media_fandoms.html", context)


def _mark_filed_media(letters) -> None:
    """Each entry's `filed`: the media its fandom is filed under (the wranglers' form)."""
    entries = [entry for _, group in letters for entry in group]
    links = FandomMedia.objects.filter(fandom_id__in=[entry.tag.pk for entry in entries])
    filed: dict[int, set[str]] = {}
    for fandom_id, media in links.values_list("fandom_id", "media"):
        filed.setdefault(fandom_id, set()).add(media)
    for entry in entries:
        entry.filed = filed.get(entry.tag.pk, set())


@require_POST
def fandom_media(request: HttpRequest, pk: int) -> HttpResponse:
    """A wrangler files a canonical fandom under media (AO3's Media field of a fandom)."""
    if not can_wrangle(request.user):
        raise PermissionDenied("Only tag wranglers file fandoms under media.")
    fandom = get_object_or_404(Tag, pk=pk, type=TagType.FANDOM, canonical=True)
    try:
        services.set_media(fandom, request.POST.getlist("media"))
    except services.SearchError as error:
        messages.error(request, str(error))
    else:
        where = ", ".join(request.POST.getlist("media")) or "Uncategorized Fandoms"
        messages.success(request, f"“{fandom.name}” is now filed under {where}.")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("search:media")
    return redirect(back)


def tag_search(request: HttpRequest) -> HttpResponse:
    form = TagSearchForm(request.GET)
    page = None
    if form.submitted():
        tags = services.search_tags(
            request.user,
            name=form.value("name"),
            fandom=form.value("fandoms"),
            tag_type=form.value("type"),
            status=form.value("wrangling_status"),
            sort=form.value("sort_column", "name"),
        )
        page = _page(request, tags)
    context = {"form": form, "page": page, "main_class": "tags-search region"}
    return render(request, "search/tag_search.html", context)


def people_search(request: HttpRequest) -> HttpResponse:
    form = PeopleSearchForm(request.GET)
    page = None
    if form.submitted():
        people = services.search_people(
            request.user, name=form.value("name"), fandom=form.value("fandom")
        )
        page = _page(request, people)
    context = {"form": form, "page": page, "main_class": "people-search region"}
    return render(request, "search/people_search.html", context)


def bookmark_search(request: HttpRequest) -> HttpResponse:
    form = BookmarkSearchForm(request.GET)
    page = note = None
    if form.submitted():
        shown, excluded = without_excluded_bookmarks(
            services.bookmarks_shown(request.user), request.user
        )
        page = _page(request, services.search_bookmarks(shown, form.bookmark_query()))
        note = bookmark_note(excluded)
    context = {
        "form": form,
        "page": page,
        "exclusion_note": note,
        "own": False,
        "heading": "Search Bookmarks",
        "main_class": "bookmarks-search region",
    }
    return render(request, "search/bookmark_search.html", context)
