from django.contrib import admin
from django.urls import include, path

from fanarchive.site import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),  # for load balancers (site/health.py)
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("", include("fanarchive.accounts.urls")),
    path("", include("fanarchive.works.urls")),
    path("", include("fanarchive.tags.urls")),
    path("", include("fanarchive.insights.urls")),
    path("", include("fanarchive.browse.urls")),
    path("", include("fanarchive.readers.urls")),
    path("", include("fanarchive.collections.urls")),
]
