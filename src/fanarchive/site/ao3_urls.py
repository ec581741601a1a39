"""AO3's addresses that span apps (site/ao3.py); every app's own addresses are AO3's too."""

from django.urls import path
from django.views.generic import RedirectView

from fanarchive.browse import ao3views  # noqa: F401  (registers <tagname:...>)
from fanarchive.site import ao3
from fanarchive.tags import views as tags_views
from fanarchive.works import converters  # noqa: F401  (registers <name:...>)

app_name = "ao3"
urlpatterns = [
    path("chapters/<int:chapter_pk>", ao3.chapter, name="chapter"),
    path("kudos.js", ao3.kudos_js, name="kudos"),
    path("comments.js", ao3.comments_js, name="comments"),
    path("works/<int:pk>/navigate", ao3.navigate, name="navigate"),
    # After tags.urls: `/tags/ID` and `/tags/wrangling` keep their pages.
    path("tags/<tagname:name>", tags_views.tag_by_name, name="tag"),
    # The old download address (one hop to the new one, with or without its slash).
    path("works/<int:pk>/download/<str:fmt>", ao3.legacy_download, name="legacy_download"),
    path("works/<int:pk>/download/<str:fmt>/", ao3.legacy_download),
    # The old log-in and log-out addresses (a POST stays a POST: 308).
    path("login/", RedirectView.as_view(url="/users/login", permanent=True, query_string=True)),
    path("logout/", ao3.legacy_logout),
    path("users/<name:username>", ao3.profile, name="profile"),
    path("users/<name:username>/profile", ao3.profile, name="profile_page"),
    path("users/<name:username>/readings", ao3.readings, name="readings"),
    path("users/<name:username>/subscriptions", ao3.subscriptions, name="subscriptions"),
    path("users/<name:username>/pseuds/<name:pseud>", ao3.pseud_works, name="pseud"),
    path("users/<name:username>/pseuds/<name:pseud>/works", ao3.pseud_works, name="pseud_works"),
]
