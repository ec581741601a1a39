"""The site's own page for a refused form (CSRF_FAILURE_VIEW): Django's built-in one is an
unstyled "403 Forbidden" that drops what the reader typed. This one is 403.html, in the
site's layout, with AO3's words and the typed comment shown back to copy."""

from __future__ import annotations

from django.shortcuts import render

# AO3's message when a form's authenticity token fails (an expired session, a log-in or
# log-out in another tab).
SESSION_EXPIRED = (
    "Your current session has expired and we can't authenticate your request. Try logging "
    "in again, refreshing the page, or clearing your cache if you continue to experience "
    "problems."
)


def csrf_failure(request, reason: str = ""):
    return render(request, "403.html", {"exception": SESSION_EXPIRED}, status=403)
