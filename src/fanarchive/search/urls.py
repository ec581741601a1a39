from django.urls import path

from fanarchive.browse import ao3views  # noqa: F401  (registers <tagname:...>)
from fanarchive.search import views

app_name = "search"
urlpatterns = [
    path("media", views.media_index, name="media"),
    path("media/<tagname:media>/fandoms", views.media_fandoms, name="media_fandoms"),
    path("media/<tagname:media>", views.media_redirect, name="media_redirect"),
    path("fandoms/<int:pk>/media", views.fandom_media, name="fandom_media"),
    path("tags/search", views.tag_search, name="tags"),
    path("people/search", views.people_search, name="people"),
    path("bookmarks/search", views.bookmark_search, name="bookmarks"),
]
