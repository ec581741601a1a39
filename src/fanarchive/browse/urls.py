from django.urls import path

from fanarchive.browse import ao3views  # registers <tagname:...>

app_name = "browse"
urlpatterns = [
    # AO3's addresses (docs/ao3-compatibility.md); `/works` takes the sidebar's and AO3's parameters.
    path("works", ao3views.works_index, name="works"),
    path("works/search", ao3views.works_search, name="search"),
    path("tags/<tagname:name>/works", ao3views.tag_works, name="tag_works"),
    path("tags/<tagname:name>/feed.atom", ao3views.tag_feed, name="tag_feed"),
    # The old addresses, moved for good.
    path("browse", ao3views.legacy_browse),
    path("browse/", ao3views.legacy_browse),
    path("browse/tags/<int:tag_id>", ao3views.legacy_tag_works),
    path("browse/tags/<int:tag_id>/", ao3views.legacy_tag_works),
]
