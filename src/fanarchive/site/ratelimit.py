"""Login rate limit: failed logins are counted in the cache per IP address + username and
per IP address alone; past the limit, the login form answers 429 until the window ends.

A success clears the IP + username count. Counting happens around Django's LoginView, so
the accounts app stays as it is: a POST that re-renders the form (200) is a failure, a
redirect is a success.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse

WINDOW_SECONDS = getattr(settings, "FANARCHIVE_LOGIN_WINDOW_SECONDS", 15 * 60)
PER_USERNAME = getattr(settings, "FANARCHIVE_LOGIN_ATTEMPTS", 5)
PER_ADDRESS = PER_USERNAME * 10
TOO_MANY = (
    "Too many failed log-in attempts. Wait 15 minutes and try again, "
    "or reset your password with the archive's admins."
)


def _keys(request) -> tuple[str, str]:
    address = request.META.get("REMOTE_ADDR", "")
    username = request.POST.get("username", "").strip().lower()
    pair = hashlib.sha256(f"{address}\0{username}".encode()).hexdigest()
    return f"login-fail:pair:{pair}", f"login-fail:ip:{address}"


def _count(key: str) -> int:
    return cache.get(key, 0)


def _fail(key: str) -> None:
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW_SECONDS)


class LoginRateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path != reverse("accounts:login"):
            return self.get_response(request)
        pair, address = _keys(request)
        if _count(pair) >= PER_USERNAME or _count(address) >= PER_ADDRESS:
            return HttpResponse(TOO_MANY, status=429, content_type="text/plain; charset=utf-8")
        response = self.get_response(request)
        if response.status_code == 200:
            _fail(pair)
            _fail(address)
        elif response.status_code == 302:
            cache.delete(pair)
        return response
