from django.urls import path

from fanarchive.collections import views
from fanarchive.works import converters  # noqa: F401  (registers <name:...>)

app_name = "collections"
urlpatterns = [
    path("collections", views.collection_list, name="list"),
    path("collections/new", views.collection_new, name="new"),
    path("collections/mine", views.mine, name="mine"),
    path("collections/<name:name>", views.collection_detail, name="detail"),
    path("collections/<name:name>/edit", views.collection_edit, name="edit"),
    path("collections/<name:name>/delete", views.collection_delete, name="delete"),
    path("collections/<name:name>/manage", views.manage, name="manage"),
    path("collections/<name:name>/works", views.item_add, name="item_add"),
    path("collections/<name:name>/invite", views.invite, name="invite"),
    path("collections/<name:name>/join", views.join, name="join"),
    path("collections/<name:name>/leave", views.leave, name="leave"),
    path("collection-items/<int:pk>/review", views.item_review, name="item_review"),
    path("collection-items/<int:pk>/consent", views.item_consent, name="item_consent"),
    path("collection-items/<int:pk>/remove", views.item_remove, name="item_remove"),
    path("participants/<int:pk>/role", views.participant_role, name="participant_role"),
    path("participants/<int:pk>/remove", views.participant_remove, name="participant_remove"),
    path("works/<int:pk>/collections", views.work_collections, name="work_collections"),
]
