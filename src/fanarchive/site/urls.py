from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from fanarchive.site import ao3, health, metrics

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),  # for load balancers (site/health.py)
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),  # Prometheus (site/metrics.py)
    path("admin", RedirectView.as_view(url="/admin/", permanent=True)),  # APPEND_SLASH is off
    path("admin/", admin.site.urls),
    path("", include("fanarchive.accounts.urls")),
    path("", include("fanarchive.works.urls")),
    path("", include("fanarchive.tags.urls")),
    path("", include("fanarchive.insights.urls")),
    path("", include("fanarchive.browse.urls")),
    path("", include("fanarchive.readers.urls")),
    path("", include("fanarchive.collections.urls")),
    path("", include("fanarchive.skins.urls")),
    path("", include("fanarchive.search.urls")),  # before ao3_urls: /tags/search is no tag
    path("", include("fanarchive.site.ao3_urls")),
    # Last: the old addresses with a trailing slash (and `//x` paths) move for good.
    re_path(r"^(?P<path>/.*|.+/)$", ao3.without_trailing_slash, name="without_trailing_slash"),
]
