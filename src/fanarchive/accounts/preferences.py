"""Reader preferences applied when pages are built; first of them AO3's adult-content gate.

A Mature, Explicit or Not Rated work first shows "This work could have adult content"
unless the reader proceeded (`?view_adult=true`, remembered in their session, as AO3's
cookie), chose "Show me adult content without checking", wrote the work, or is an admin.

Page cache: the gate is sent `Cache-Control: private, no-store`, so it is never stored
under the work's address; proceeding saves the flag in the session, whose cookie keeps the
reader off cached pages from then on, and the work page sent with it sets that cookie and
so is not cached either."""

from __future__ import annotations

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
