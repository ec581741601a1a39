"""Reader preferences applied when pages are built: AO3's adult-content gate (below), the
tag groups a reader folds away ("Hide warnings", "Hide additional tags": hidden_tag_groups)
and the saved exclude filter with muted users (reader_exclusions, applied to listings by
browse.exclusions).

A Mature, Explicit or Not Rated work first shows "This work could have adult content"
unless the reader proceeded (`?view_adult=true`, remembered in their session, as AO3's
cookie), chose "Show me adult content without checking", wrote the work, or is an admin.

Page cache: the gate is sent `Cache-Control: private, no-store`, so it is never stored
under the work's address; proceeding saves the flag in the session, whose cookie keeps the
reader off cached pages from then on, and the work page sent with it sets that cookie and
so is not cached either."""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import render
from django.utils.cache import patch_cache_control

from fanarchive.accounts.models import Preference

ADULT_RATINGS = {"Mature", "Explicit", "Not Rated"}
SESSION_KEY = "view_adult"


def is_adult(work) -> bool:
    """AO3's Work#adult?: rated Mature or Explicit, or not rated (no rating counts as that)."""
    rating = work.rating
    return rating is None or rating.name in ADULT_RATINGS


def proceed_to_adult(request) -> bool:
    """True when the reader may see adult content now; `?view_adult=true` is remembered."""
    if request.GET.get("view_adult") == "true":
        request.session[SESSION_KEY] = True
        return True
    if request.session.get(SESSION_KEY):
        return True
    user = request.user
    if not user.is_authenticated:
        return False
    return user.is_staff or Preference.of(user).view_adult


def adult_gate(request, work):
    """The warning page for this reader, or None when they go straight to the work."""
    if not is_adult(work) or work.is_authored_by(request.user) or proceed_to_adult(request):
        return None
    query = request.GET.copy()
    query["view_adult"] = "true"
    context = {"work": work, "proceed_url": f"{request.path}?{query.urlencode()}"}
    response = render(request, "works/adult_gate.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


# ---- what a reader chose to hide ------------------------------------------------------------

HIDDEN_GROUPS = {"warning": "hide_warnings", "freeform": "hide_freeform"}
REQUEST_CACHE = "_reader_preference"


def preference_of_request(request) -> Preference | None:
    """The logged-in reader's preferences, read once per request (blurbs ask for each work)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if not hasattr(request, REQUEST_CACHE):
        setattr(request, REQUEST_CACHE, Preference.of(user))
    return getattr(request, REQUEST_CACHE)


def hidden_tag_groups(preference: Preference | None, authored: bool) -> set[str]:
    """Tag groups folded behind "Show warnings" / "Show additional tags" for this reader;
    as on AO3, never on the reader's own works."""
    if preference is None or authored:
        return set()
    return {group for group, flag in HIDDEN_GROUPS.items() if getattr(preference, flag)}


@dataclass(frozen=True)
class ReaderExclusions:
    """What a reader never wants listed: their saved excluded tags (archive tag ids) and the
    accounts whose works they excluded or muted (AO3's mute hides a user's works)."""

    tag_ids: frozenset[int] = frozenset()
    author_ids: frozenset[int] = frozenset()
    excluded_authors: int = 0
    muted_authors: int = 0

    def __bool__(self) -> bool:
        return bool(self.tag_ids or self.author_ids)

    def describe(self) -> str:
        parts = []
        if self.tag_ids:
            parts.append(_count(len(self.tag_ids), "excluded tag"))
        if self.excluded_authors:
            parts.append(_count(self.excluded_authors, "excluded creator"))
        if self.muted_authors:
            parts.append(_count(self.muted_authors, "muted user"))
        return ", ".join(parts)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def reader_exclusions(user) -> ReaderExclusions:
    """The saved exclude filter of a logged-in user (nothing for guests)."""
    if user is None or not user.is_authenticated:
        return ReaderExclusions()
    from fanarchive.readers.models import Mute  # readers builds on accounts, not the reverse

    preference = Preference.objects.filter(user=user).first()
    tags: set[int] = set()
    excluded: set[int] = set()
    if preference is not None:
        tags = set(preference.excluded_tags.values_list("pk", flat=True))
        excluded = set(preference.excluded_authors.values_list("pk", flat=True))
    muted = set(Mute.objects.filter(user=user).values_list("muted_id", flat=True))
    # A reader's own works are never hidden from them.
    authors = (excluded | muted) - {user.pk}
    return ReaderExclusions(
        frozenset(tags), frozenset(authors), len(excluded - {user.pk}), len(muted - excluded)
    )
