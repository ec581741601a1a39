from django.urls import path

from fanarchive.readers.views import email, privacy, reader, series, work_actions
from fanarchive.site import ao3
from fanarchive.works import converters  # noqa: F401  (registers <name:...>)

app_name = "readers"
urlpatterns = [
    path("downloads/<int:pk>/<downloadfile:fmt>", ao3.download, name="download"),
    path("works/<int:pk>/kudos", work_actions.kudos, name="kudos"),
    path("works/<int:pk>/comments", work_actions.comment, name="comment"),
    path("comments/<int:pk>/delete", work_actions.comment_delete, name="comment_delete"),
    path("comments/<int:pk>/approve", work_actions.comment_approve, name="comment_approve"),
    path("works/<int:pk>/bookmark", work_actions.bookmark, name="bookmark"),
    path("bookmarks/<int:pk>/delete", work_actions.bookmark_delete, name="bookmark_delete"),
    path("works/<int:pk>/subscribe", work_actions.subscribe_work, name="subscribe_work"),
    path("users/<name:username>/subscribe", work_actions.subscribe_author, name="subscribe_author"),
    path("users/<name:username>/block", work_actions.block_user, name="block"),
    path("users/<name:username>/mute", work_actions.mute_user, name="mute"),
    path("account/blocked", reader.blocked, name="blocked"),
    path("works/<int:pk>/later", work_actions.mark_later, name="later"),
    path("works/<int:pk>/orphan", privacy.orphan, name="orphan"),
    path("works/<int:pk>/hide", privacy.hide, name="hide"),
    path("bookmarks", reader.bookmarks, name="bookmarks"),
    path("users/<name:username>/bookmarks", reader.user_bookmarks, name="user_bookmarks"),
    path("inbox", reader.inbox, name="inbox"),
    path("inbox/<int:pk>/read", reader.inbox_read, name="inbox_read"),
    path("history", reader.history, name="history"),
    path("moderation", reader.moderation, name="moderation"),
    path("series/new", series.series_new, name="series_new"),
    path("series/<int:pk>", series.series_detail, name="series"),
    path("series/<int:pk>/manage", series.series_manage, name="series_manage"),
    path("series/<int:pk>/subscribe", series.series_subscribe, name="series_subscribe"),
    path("works/<int:pk>/series", series.series_add, name="series_add"),
    path("account/delete", privacy.delete_account, name="delete_account"),
    path(
        "users/<name:username>/preferences/email",
        email.email_preferences,
        name="email_preferences",
    ),
]
