"""Template context shared by every page."""

from django.conf import settings


def site(request):
    user = request.user
    return {
        "site_name": settings.SITE_NAME,
        "is_wrangler": user.is_authenticated and user.has_perm("tags.wrangle_tag"),
    }
