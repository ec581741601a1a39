"""Whole-page cache for visitors who are not logged in (work pages, listings, tag pages).

Anonymous readers are most of an archive's traffic and all see the same page, so their GET
responses are kept in Django's cache (Redis when CACHE_URL is set, else per-process memory)
for FANARCHIVE_PAGE_CACHE_SECONDS. Logged-in users, requests carrying a session or messages
cookie, and responses that set a cookie are never cached. Any change to the archive's data
bumps a version number that is part of every key, so with a shared cache (Redis) no visitor
sees a stale page; with per-process memory a process that did not make the change can serve
its copy until the timeout.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse

VERSION_KEY = "pagecache:version"
WATCHED_APPS = {"works", "tags", "insights", "accounts", "imports", "auth"}
SKIPPED_PREFIXES = ("/admin/",)
KEPT_HEADERS = {"content-type", "content-language", "x-frame-options", "x-content-type-options"}


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = getattr(settings, "FANARCHIVE_PAGE_CACHE_SECONDS", 60)

    def __call__(self, request):
        if self.seconds <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            return _rebuild(cached)
        response = self.get_response(request)
        if _cacheable_response(response):
            headers = [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS]
            cache.set(key, (response.status_code, headers, response.content), self.seconds)
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


def _key(request) -> str:
    version = cache.get(VERSION_KEY) or 0
    path = hashlib.sha1(request.build_absolute_uri().encode("utf-8")).hexdigest()
    return f"page:{version}:{request.method}:{path}"


def _rebuild(cached) -> HttpResponse:
    status, headers, content = cached
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def invalidate(**kwargs) -> None:
    """Every cached page becomes unreachable (their keys name the old version)."""
    sender = kwargs.get("sender")
    meta = getattr(sender, "_meta", None)
    if meta is not None and meta.app_label not in WATCHED_APPS:
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, 1, None)


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(invalidate, dispatch_uid=f"pagecache-{signal!r}")
