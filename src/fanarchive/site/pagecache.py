"""Whole-page cache for visitors who are not logged in (work pages, listings, tag pages).

Anonymous readers are most of an archive's traffic and all see the same page, so their GET
responses are kept in Django's cache (Redis when CACHE_URL is set, else per-process memory)
for FANARCHIVE_PAGE_CACHE_SECONDS. Logged-in users, requests carrying a session or messages
cookie, and responses that set a cookie are never cached. Any change to the archive's data
bumps a version number that is part of every key, so with a shared cache (Redis) no visitor
sees a stale page; with per-process memory a process that did not make the change can serve
its copy until the timeout.

The version is bumped when the change *commits* (transaction.on_commit), never inside the
transaction: a page another process renders between a bump and the commit shows the old data,
and would otherwise be stored under the new version and served after the commit.

A cache that fails (Redis down) never fails a request: the page is served uncached, a change
still saves, and the error is logged. A bump that could not be made is retried before this
process next uses the cache.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

log = logging.getLogger(__name__)
VERSION_KEY = "pagecache:version"
WATCHED_APPS = {"works", "tags", "insights", "accounts", "imports", "auth", "readers"}
# Rows that change on every visit or only show to their owner: no page a logged-out visitor
# sees depends on them, and bumping on each would empty the cache on every logged-in view.
UNWATCHED_MODELS = {
    "readers.reading",
    "readers.inboxitem",
    "readers.subscription",
    # A reader's own settings, read only on their own (logged-in, never cached) requests: the
    # display choices and exclude filter (and its two tag and creator lists), which emails they
    # get, whom they muted (hidden from them alone) and blocked (a block only refuses the
    # blocked user's own logged-in comments and kudos; it hides nothing a visitor sees, and
    # anything it removes, such as a comment, is a watched row of its own).
    "accounts.preference",
    "accounts.preference_excluded_tags",
    "accounts.preference_excluded_authors",
    "readers.emailpreference",
    "readers.mute",
    "readers.block",
}
SKIPPED_PREFIXES = ("/admin/",)
# Per response, not per page: never replayed from the cache.
DROPPED_HEADERS = {"set-cookie", "content-length", "date", "x-page-cache"}


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = getattr(settings, "FANARCHIVE_PAGE_CACHE_SECONDS", 60)

    def __call__(self, request):
        if self.seconds <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        _pay_owed_bump()
        key = _key(request)
        cached = _cache_call("get", key) if key else None
        if cached is not None and cached is not FAILED:
            return _rebuild(cached)
        response = self.get_response(request)
        if key and _cacheable_response(response):
            # Whatever the page depends on, a cached copy is only ever served without cookies.
            patch_vary_headers(response, ["Cookie"])
            headers = [(k, v) for k, v in response.items() if k.lower() not in DROPPED_HEADERS]
            _cache_call("set", key, (response.status_code, headers, response.content), self.seconds)
            response["X-Page-Cache"] = "miss"
        return response


def _cacheable_request(request) -> bool:
    cookies = request.COOKIES
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def _cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _key(request) -> str | None:
    """The page's key under the current version; None when the cache cannot be read."""
    version = _cache_call("get", VERSION_KEY, 0)
    if version is FAILED:
        return None
    path = hashlib.sha1(request.build_absolute_uri().encode("utf-8")).hexdigest()
    return f"page:{version}:{request.method}:{path}"


FAILED = object()  # what _cache_call returns when the cache raised


def _cache_call(name: str, *args):
    """A cache operation that logs and gives up instead of raising (a Redis that is down)."""
    try:
        return getattr(cache, name)(*args)
    except Exception as error:  # any backend, any failure: the page is still served
        log.warning("page cache: %s failed (%s); serving uncached", name, error)
        return FAILED


def _rebuild(cached) -> HttpResponse:
    status, headers, content = cached
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


# ---- invalidation --------------------------------------------------------------------------

_owed = {"bump": False}  # a bump that failed; paid before this process next uses the cache


def invalidate(**kwargs) -> None:
    """Every cached page becomes unreachable (their keys name the old version) once the
    current transaction commits; at once outside a transaction. Never raises."""
    sender = kwargs.get("sender")
    meta = getattr(sender, "_meta", None)
    if meta is not None and (
        meta.app_label not in WATCHED_APPS or meta.label_lower in UNWATCHED_MODELS
    ):
        return
    if set(kwargs.get("update_fields") or ()) == {"last_login"}:
        return  # every log-in saves it; no page shows it
    # A rolled-back transaction drops the callback: nothing changed, nothing to expire.
    transaction.on_commit(bump_version, robust=True)


def bump_version() -> bool:
    """Move every key to a new version; False (and owed) when the cache cannot be reached."""
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # not set yet (or evicted), or the cache is unreachable
            cache.set(VERSION_KEY, 1, None)
            if cache.get(VERSION_KEY) is None:
                raise ConnectionError("the page cache's version could not be stored") from None
    except Exception as error:
        if not _owed["bump"]:  # once per outage, not on every request that retries it
            log.warning("page cache: version not bumped (%s); retried on later requests", error)
        _owed["bump"] = True
        return False
    if _owed["bump"]:
        log.warning("page cache: the version bump owed since the cache failed is made")
    _owed["bump"] = False
    return True


def _pay_owed_bump() -> None:
    if _owed["bump"]:
        bump_version()


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(invalidate, dispatch_uid=f"pagecache-{signal!r}")
