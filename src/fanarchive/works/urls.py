from django.urls import path

from fanarchive.readers.views import series
from fanarchive.site import ao3
from fanarchive.works import (
    converters,  # noqa: F401  (registers <name:...>)
    posting_views,
    views,
)

app_name = "works"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard", views.dashboard, name="dashboard"),
    path("users/<name:username>/works", ao3.user_works, name="user_works"),
    path("users/<name:username>/gifts", views.user_gifts, name="user_gifts"),
    path("works/new", views.work_new, name="new"),
    path("works/<int:pk>", views.work_detail, name="detail"),
    path("works/<int:pk>/edit", views.work_edit, name="edit"),
    path("works/<int:pk>/delete", views.work_delete, name="delete"),
    path("works/<int:pk>/complete", views.work_set_complete, name="set_complete"),
    path("works/<int:pk>/preview", posting_views.preview, name="preview"),
    path("works/<int:pk>/post", posting_views.post, name="post"),
    path("works/<int:pk>/chapters/manage", posting_views.manage_chapters, name="manage_chapters"),
    path(
        "users/<name:username>/creatorships",
        posting_views.creatorships,
        name="creatorships",
    ),
    path(
        "creatorships/<int:pk>/answer",
        posting_views.creatorship_answer,
        name="creatorship_answer",
    ),
    path("series/<int:pk>/edit", series.series_edit, name="series_edit"),  # readers' Series
    path("works/<int:pk>/chapters/new", views.chapter_new, name="chapter_new"),
    path(
        "works/<int:pk>/chapters/<int:chapter_pk>/preview",
        posting_views.chapter_preview,
        name="chapter_preview",
    ),
    path(
        "works/<int:pk>/chapters/<int:chapter_pk>/post",
        posting_views.chapter_post,
        name="chapter_post",
    ),
    path("works/<int:pk>/chapters/<int:chapter_pk>", views.work_detail, name="chapter"),
    path("works/<int:pk>/chapters/<int:chapter_pk>/edit", views.chapter_edit, name="chapter_edit"),
    path(
        "works/<int:pk>/chapters/<int:chapter_pk>/delete",
        views.chapter_delete,
        name="chapter_delete",
    ),
]
