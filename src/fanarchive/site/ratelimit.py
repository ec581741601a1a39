"""Log-in lockout, through django-axes (settings: AXES_*; docs/security.md, findings 4 and 5).

Axes counts failed log-ins in the database, so the count holds across gunicorn processes
without a shared cache, and it watches Django's `authenticate`, so the admin's log-in form is
limited like the site's. A failure counts against the pair (canonical username, client
address): 5 in 15 minutes lock that pair out until the window ends; a success clears it.
Keyed by the pair, 50 failures from one address (a reverse proxy not configured, a shared
network) lock out nobody else. This module holds the three hooks the settings name:
the canonical username, the client address behind trusted proxies and the lockout answer.
"""

from __future__ import annotations

import ipaddress
import unicodedata

from django.conf import settings
from django.http import HttpResponse

TOO_MANY = (
    "Too many failed log-in attempts. Wait 15 minutes and try again, "
    "or reset your password with the archive's admins."
)


def per_username() -> int:
    return settings.AXES_FAILURE_LIMIT


MAX_COUNTED_NAME = 255  # axes' AccessAttempt.username column


def canonical_username(request, credentials: dict | None = None) -> str | None:
    """The name a failure counts against: NFKC and case-folded, as the log-in form reads it
    (a full-width "ｃａｒｏｌ" logs in as carol, so it counts as carol)."""
    raw = (credentials or {}).get("username") if credentials else request.POST.get("username")
    if raw is None:
        return None
    name = unicodedata.normalize("NFKC", str(raw)).casefold().strip().replace("\x00", "")
    # No account name is longer than 150 characters; the cut keeps a huge one within the
    # attempts table's column (PostgreSQL refuses the row otherwise: a 500).
    return name[:MAX_COUNTED_NAME]


def client_address(request) -> str:
    """The client's address. Behind FANARCHIVE_TRUSTED_PROXIES reverse proxies, the address
    the outermost trusted proxy saw: the N-th address of X-Forwarded-For counted from the
    right (each proxy appends its peer; anything further left was written by the client and
    proves nothing). Without the setting, REMOTE_ADDR: X-Forwarded-For is ignored."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.FANARCHIVE_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-proxies]))
    except ValueError:
        return remote


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    return HttpResponse(TOO_MANY, status=429, content_type="text/plain; charset=utf-8")
