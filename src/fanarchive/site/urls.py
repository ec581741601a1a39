from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("fanarchive.accounts.urls")),
    path("", include("fanarchive.works.urls")),
    path("", include("fanarchive.tags.urls")),
    path("", include("fanarchive.insights.urls")),
    path("", include("fanarchive.browse.urls")),
    path("", include("fanarchive.readers.urls")),
    path("", include("fanarchive.collections.urls")),
]
