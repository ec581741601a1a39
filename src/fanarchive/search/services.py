"""Search services: the fandom index by media, tag search, people search, bookmark search.

Every function takes the viewer and applies the archive's one visibility rule, so a search
never reveals a draft, a work hidden by an admin, a restricted work to a visitor, a private
bookmark or a tag used only on such works."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from fanarchive.accounts.models import Pseud
from fanarchive.readers.models import Bookmark
from fanarchive.search.models import MEDIA, UNCATEGORIZED, FandomMedia
from fanarchive.site.pagecache import invalidate
from fanarchive.tags.models import Tag, TagType
from fanarchive.tags.services import filed_under, visible_tags, with_visible_uses
from fanarchive.works.models import Tagging, Work

TOP_FANDOMS = 5  # fandoms shown under each media on /media, as AO3


class SearchError(ValueError):
    """A search the archive cannot answer (an unknown media, a bad parameter)."""


# --- which works count ---------------------------------------------------------------------
def listed_works(user) -> QuerySet:
    """The works Browse lists for this viewer (tags.services.filed_works' rule): posted, not
    hidden by an admin, restricted ones for signed-in users only."""
    works = Work.objects.filter(posted=True, hidden_by_admin=False)
    return works if user.is_authenticated else works.filter(restricted=False)


# --- fandoms by media ----------------------------------------------------------------------
@dataclass
class FandomCount:
    tag: Tag
    works: int


@dataclass
class MediaFandoms:
    name: str
    fandoms: list[FandomCount] = field(default_factory=list)


def media_names() -> list[str]:
    return [*MEDIA, UNCATEGORIZED]


def fandom_counts(user, fandoms: list[Tag]) -> dict[int, int]:
    """{fandom id: works listed under it for this viewer}, counted as the tag's page and
    /tags/NAME/works count them (its synonyms' and sub tags' works too). Three queries
    however many fandoms."""
    filed = filed_under_each(fandoms)
    every = set().union(*filed.values()) if filed else set()
    readable = listed_works(user).values("pk")
    works_of: dict[int, set[int]] = defaultdict(set)
    taggings = Tagging.objects.filter(tag_id__in=sorted(every), work__in=readable)
    for tag_id, work_id in taggings.values_list("tag_id", "work_id"):
        works_of[tag_id].add(work_id)
    return {
        pk: len(set().union(*(works_of[t] for t in tags))) if tags else 0
        for pk, tags in filed.items()
    }


def filed_under_each(tags: list[Tag]) -> dict[int, set[int]]:
    """`tags.services.filed_under` for many canonical tags at once: {tag id: ids of the tags
    whose works are filed under it}. Sub tags are of their meta tag's type, so the sub-tag
    links among tags of these types are read in one query and walked here."""
    through = Tag.meta_tags.through
    edges = through.objects.filter(to_tag__type__in=sorted({tag.type for tag in tags}))
    subs: dict[int, set[int]] = defaultdict(set)
    for meta_id, sub_id in edges.values_list("to_tag_id", "from_tag_id") if tags else ():
        subs[meta_id].add(sub_id)
    reaching: dict[int, set[int]] = {}
    for tag in tags:
        seen, frontier = {tag.canonical_tag.pk}, {tag.canonical_tag.pk}
        while frontier:  # the seen set stops meta-tag cycles
            frontier = set().union(*(subs[t] for t in frontier)) - seen
            seen |= frontier
        reaching[tag.pk] = seen
    every = set().union(*reaching.values()) if reaching else set()
    # A tag is filed by its canonical tag's meta tags (a synonym's own are not walked).
    rows = Tag.objects.filter(Q(pk__in=sorted(every)) | Q(merger_id__in=sorted(every)))
    kept_by: dict[int, set[int]] = defaultdict(set)  # reached id -> ids filed through it
    for pk, merger_id in rows.values_list("pk", "merger_id"):
        if merger_id is None:
            kept_by[pk].add(pk)
        elif merger_id in every:
            kept_by[merger_id].add(pk)
    return {root: set().union(*(kept_by[t] for t in reached)) for root, reached in reaching.items()}


def canonical_fandoms_by_media() -> dict[str, list[Tag]]:
    """Every canonical fandom under each media it is filed under (or Uncategorized), in two
    queries."""
    fandoms = Tag.objects.canonical().of_type(TagType.FANDOM).prefetch_related("media_links")
    by_media: dict[str, list[Tag]] = defaultdict(list)
    for fandom in fandoms:
        media = [link.media for link in fandom.media_links.all()] or [UNCATEGORIZED]
        for name in media:
            by_media[name].append(fandom)
    return by_media


def fandoms_in(media: str) -> QuerySet:
    """The canonical fandoms filed under a media (or under none: Uncategorized Fandoms)."""
    if media not in media_names():
        raise SearchError(f"There is no media called “{media}”.")
    fandoms = Tag.objects.canonical().of_type(TagType.FANDOM)
    if media == UNCATEGORIZED:
        return fandoms.exclude(media_links__isnull=False)
    return fandoms.filter(media_links__media=media)


def media_index(user) -> list[MediaFandoms]:
    """/media: each media with its most-used fandoms (AO3 lists the top few); media without a
    fandom the viewer can find are left out."""
    by_media = canonical_fandoms_by_media()
    every = list({tag.pk: tag for tags in by_media.values() for tag in tags}.values())
    counts = fandom_counts(user, every)
    index = []
    for name in media_names():
        fandoms = by_media.get(name, [])
        ranked = sorted(fandoms, key=lambda tag: (-counts[tag.pk], tag.name.lower()))
        shown = [FandomCount(tag, counts[tag.pk]) for tag in ranked if counts[tag.pk]]
        if shown:
            index.append(MediaFandoms(name, shown[:TOP_FANDOMS]))
    return index


def media_fandoms(user, media: str) -> list[tuple[str, list[FandomCount]]]:
    """/media/NAME/fandoms: the media's fandoms with works, alphabetically under their
    initial letter, as AO3's fandom index."""
    fandoms = list(fandoms_in(media).select_related("merger"))
    counts = fandom_counts(user, fandoms)
    letters: dict[str, list[FandomCount]] = defaultdict(list)
    for tag in sorted(fandoms, key=lambda t: t.name.lower()):
        if counts[tag.pk]:
            letters[_letter(tag.name)].append(FandomCount(tag, counts[tag.pk]))
    return sorted(letters.items())


def _letter(name: str) -> str:
    first = name.lstrip()[:1].upper()
    return first if first.isalpha() else "#"


@transaction.atomic
def set_media(fandom: Tag, media: list[str]) -> None:
    """File a canonical fandom under these media (none: back to Uncategorized Fandoms)."""
    if fandom.type != TagType.FANDOM or not fandom.canonical:
        raise SearchError(f"“{fandom.name}” is not a canonical fandom.")
    unknown = sorted(set(media) - set(MEDIA))
    if unknown:
        raise SearchError(f"There is no media called “{unknown[0]}”.")
    FandomMedia.objects.filter(fandom=fandom).exclude(media__in=media).delete()
    for name in media:
        FandomMedia.objects.get_or_create(fandom=fandom, media=name)
    invalidate()  # visitors' cached /media pages show the fandom where it now is


# --- tags ----------------------------------------------------------------------------------
TAG_SORTS = {"name": ("name",), "uses": ("-uses", "name"), "created_at": ("-created_at", "name")}


def search_tags(
    user, name: str = "", fandom: str = "", tag_type: str = "", status: str = "", sort="name"
) -> QuerySet:
    """AO3's tag search: tags whose name holds every word of `name`, of one type, in a fandom
    (their parents), canonical or not; each with `uses` (works the viewer may read)."""
    tags = visible_tags(user)
    for word in name.split():
        tags = tags.filter(name__icontains=word)
    if tag_type:
        tags = tags.filter(type=tag_type)
    if status == "canonical":
        tags = tags.filter(canonical=True)
    elif status == "noncanonical":
        tags = tags.filter(canonical=False)
    if fandom.strip():
        parent = Tag.objects.named(fandom)
        if parent is None:
            return tags.none()
        in_fandom = Tag.parents.through.objects.filter(
            from_tag=OuterRef("pk"), to_tag_id__in=filed_under(parent)
        )
        tags = tags.filter(Exists(in_fandom))
    return with_visible_uses(user, tags).order_by(*TAG_SORTS.get(sort, TAG_SORTS["name"]))


# --- people --------------------------------------------------------------------------------
def search_people(user, name: str = "", fandom: str = "") -> QuerySet:
    """AO3's people search: pseuds whose name or account name holds `name`, of accounts that
    may log in; with a fandom, only creators of works in it the viewer may read. Each pseud
    carries `works`: its works the viewer may read."""
    readable = listed_works(user)
    pseuds = Pseud.objects.filter(user__is_active=True).select_related("user")
    for word in name.split():
        pseuds = pseuds.filter(Q(name__icontains=word) | Q(user__username__icontains=word))
    if fandom.strip():
        tag = Tag.objects.named(fandom)
        if tag is None:
            return pseuds.none()
        tagged = Tagging.objects.filter(tag_id__in=filed_under(tag)).values("work_id")
        pseuds = pseuds.filter(works__in=readable.filter(pk__in=tagged)).distinct()
    counted = Count("works", filter=Q(works__in=readable.values("pk")), distinct=True)
    return pseuds.annotate(works_count=counted).order_by("name", "user__username", "pk")


def find_user(username: str):
    return get_user_model().objects.filter(username=username, is_active=True).first()


# --- bookmarks -----------------------------------------------------------------------------
BOOKMARK_SORTS = {
    "created_at": ("-created_at", "-pk"),
    "updated_at": ("-updated_at", "-pk"),
    "bookmarkable_date": ("-work__revised_at", "-pk"),
}


@dataclass
class BookmarkQuery:
    """AO3's bookmark search and the filters of a bookmark listing."""

    query: str = ""  # any words: the work's title, summary, creators, tags; notes; the tags
    work_tags: str = ""  # comma-separated tags the bookmarked work carries
    excluded_tags: str = ""  # comma-separated tags it must not carry
    bookmark_tags: str = ""  # comma-separated tags the bookmarker gave
    bookmarker: str = ""
    with_notes: bool = False
    sort: str = "created_at"


def bookmarks_shown(user, owner=None) -> QuerySet:
    """Bookmarks the viewer may see: public ones of works the viewer may read (on an
    account's own listing, its private ones too)."""
    readable = Work.objects.visible_to(user).filter(posted=True, hidden_by_admin=False)
    shown = Bookmark.objects.filter(work__in=readable.values("pk"))
    if owner is not None:
        shown = shown.filter(user=owner)
    if owner is None or owner != user:
        shown = shown.filter(private=False)
    return shown


def search_bookmarks(bookmarks: QuerySet, query: BookmarkQuery) -> QuerySet:
    """Narrow bookmarks by a BookmarkQuery; private notes are never searched."""
    for word in query.query.split():
        bookmarks = bookmarks.filter(_bookmark_word(word))
    for name in _tag_names(query.work_tags):
        tag = Tag.objects.named(name)
        ids = filed_under(tag) if tag else set()
        bookmarks = bookmarks.filter(work__taggings__tag_id__in=ids)
    for name in _tag_names(query.excluded_tags):
        tag = Tag.objects.named(name)
        if tag is not None:
            bookmarks = bookmarks.exclude(work__taggings__tag_id__in=filed_under(tag))
    for name in _tag_names(query.bookmark_tags):
        bookmarks = bookmarks.filter(_bookmark_tag(name))
    if query.bookmarker.strip():
        bookmarks = bookmarks.filter(user__username__iexact=query.bookmarker.strip())
    if query.with_notes:
        bookmarks = bookmarks.exclude(notes="")
    order = BOOKMARK_SORTS.get(query.sort, BOOKMARK_SORTS["created_at"])
    return bookmarks.distinct().order_by(*order).select_related("work", "user")


def _bookmark_word(word: str) -> Q:
    tagged = Tagging.objects.filter(work=OuterRef("work"), tag__name__icontains=word)
    by = Pseud.objects.filter(works=OuterRef("work")).filter(
        Q(name__icontains=word) | Q(user__username__icontains=word)
    )
    return (
        Q(work__title__icontains=word)
        | Q(work__summary__icontains=word)
        | Q(notes__icontains=word)
        | Q(tags__icontains=word)
        | Exists(tagged)
        | Exists(by)
    )


def _bookmark_tag(name: str) -> Q:
    """The bookmarker's own tags are a comma-separated list: match one whole entry."""
    return Q(tags__iregex=r"(^|,)\s*" + _regex_escape(name) + r"\s*(,|$)")


def _regex_escape(text: str) -> str:
    # Both SQLite's REGEXP (Python re) and PostgreSQL's ~* take backslash escapes.
    return "".join("\\" + char if not char.isalnum() and char != " " else char for char in text)


def _tag_names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]
