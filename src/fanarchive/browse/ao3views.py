"""AO3's listing URLs on top of the browse listing: `/works?work_search[...]`, `/works/search`,
`/tags/NAME/works` and `/tags/NAME/feed.atom`. The translation is `ao3params`; these views
only hand the translated query to `views.listing`, so both give the same works."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import register_converter, reverse
from django.utils.feedgenerator import Atom1Feed

from fanarchive.browse import ao3params, views
from fanarchive.browse.filters import parse_query
from fanarchive.browse.models import FilterTag
from fanarchive.browse.service import browse
from fanarchive.browse.sync import catch_up

NO_SUCH_TAG = 0  # listing() answers a context tag it cannot find with a 404 page


class TagNameConverter:
    """A tag name in a URL path, escaped as AO3 escapes it (`/` → `*s*`, `.` → `*d*`, ...)."""

    regex = r"[^/\x00]+"

    def to_python(self, value: str) -> str:
        return ao3params.tag_from_param(value)

    def to_url(self, value: str) -> str:
        for escape, char in ao3params.TAG_ESCAPES:
            value = value.replace(char, escape)
        return value


register_converter(TagNameConverter, "tagname")


def works_index(request: HttpRequest, main_class: str = "works-index region") -> HttpResponse:
    """`/works` and `/works/search`: the sidebar's listing; AO3's parameters translated."""
    params, notes = views.request_params(request)
    tag_id = None
    if ao3params.is_ao3_search(params.keys()):
        pairs, notes_ao3, context = ao3params.translate(
            [(key, value) for key in params for value in params.getlist(key)]
        )
        translated = QueryDict(mutable=True)
        for key, value in pairs:
            translated.appendlist(key, value)
        request.GET = translated
        notes += notes_ao3
        if context:
            tag_id = _tag_id(context, request.user)
    return views.listing(request, tag_id, notes=notes, main_class=main_class)


def works_search(request: HttpRequest) -> HttpResponse:
    return works_index(request, main_class="works-search region")


def tag_works(request: HttpRequest, name: str) -> HttpResponse:
    """`/tags/NAME/works`: the listing filtered to the tag (its synonyms and sub tags)."""
    return views.listing(request, _tag_id(name, request.user), main_class="works-index region")


def legacy_tag_works(request: HttpRequest, tag_id: int) -> HttpResponse:
    """`/browse/tags/ID/` (the old address): moved for good to `/tags/NAME/works`."""
    catch_up()
    tag = FilterTag.objects.filter(pk=tag_id).first()
    if tag is None or not _shown_to(request.user, tag_id):
        raise Http404("No such tag.")
    return _permanent(request, reverse("browse:tag_works", args=[tag.name]))


def _shown_to(user, tag_id: int) -> bool:
    """The redirect names the tag: only for a tag the viewer may see (tags.services)."""
    if not views.archive_installed():
        return True
    from fanarchive.tags.models import Tag
    from fanarchive.tags.services import visible_tags

    if not Tag.objects.filter(pk=tag_id).exists():
        # Browse tables loaded on their own (a synthetic corpus, a benchmark): no archive tag
        # stands behind them to hide. In the archive every filter tag mirrors a Tag (sync.py).
        return True
    return visible_tags(user).filter(pk=tag_id).exists()


def legacy_browse(request: HttpRequest) -> HttpResponse:
    """`/browse/` (the old address): moved for good to `/works`, query string kept."""
    return _permanent(request, reverse("browse:works"))


def tag_feed(request: HttpRequest, name: str) -> HttpResponse:
    """`/tags/NAME/feed.atom`: the tag's latest works visible to everyone, newest first."""
    tag_id = _tag_id(name, request.user)
    if tag_id == NO_SUCH_TAG:
        raise Http404("No such tag.")
    page = browse(parse_query(QueryDict()), tag_id, signed_in=False)
    if page.context_tag is None:
        raise Http404("No such tag.")
    tag_url = request.build_absolute_uri(reverse("browse:tag_works", args=[page.context_tag.name]))
    feed = Atom1Feed(
        title=f"{page.context_tag.name} | works",
        link=tag_url,
        description=f"The latest works tagged {page.context_tag.name}",
        feed_url=request.build_absolute_uri(),
    )
    for work in page.works:
        url = request.build_absolute_uri(views.work_url(work.work_id))
        feed.add_item(
            title=work.title,
            link=url,
            description=work.summary,
            author_name=work.authors or "Anonymous",
            pubdate=work.updated,
            updateddate=work.updated,
            unique_id=url,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def _tag_id(name: str, user) -> int:
    """The filter id of a tag named `name` (any synonym) that the viewer may see, or
    NO_SUCH_TAG: a tag used only on drafts answers as if it did not exist."""
    if "\x00" in name:  # no tag holds one, and PostgreSQL refuses it in a query
        return NO_SUCH_TAG
    catch_up()
    tag = FilterTag.objects.filter(name_key=name.strip().casefold()[:150]).first()
    if tag is None or not _shown_to(user, tag.id):
        return NO_SUCH_TAG
    return tag.filter_id


def _permanent(request: HttpRequest, path: str) -> HttpResponse:
    query = request.META.get("QUERY_STRING", "")
    return redirect(f"{path}?{query}" if query else path, permanent=True)
