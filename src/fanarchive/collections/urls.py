from django.urls import path

from fanarchive.collections import views

app_name = "collections"
urlpatterns = [
    path("collections/", views.collection_list, name="list"),
    path("collections/new/", views.collection_new, name="new"),
    path("collections/mine/", views.mine, name="mine"),
    path("collections/<str:name>/", views.collection_detail, name="detail"),
    path("collections/<str:name>/edit/", views.collection_edit, name="edit"),
    path("collections/<str:name>/delete/", views.collection_delete, name="delete"),
    path("collections/<str:name>/manage/", views.manage, name="manage"),
    path("collections/<str:name>/works/", views.item_add, name="item_add"),
    path("collections/<str:name>/invite/", views.invite, name="invite"),
    path("collections/<str:name>/join/", views.join, name="join"),
    path("collections/<str:name>/leave/", views.leave, name="leave"),
    path("collection-items/<int:pk>/review/", views.item_review, name="item_review"),
    path("collection-items/<int:pk>/consent/", views.item_consent, name="item_consent"),
    path("collection-items/<int:pk>/remove/", views.item_remove, name="item_remove"),
    path("participants/<int:pk>/role/", views.participant_role, name="participant_role"),
    path("participants/<int:pk>/remove/", views.participant_remove, name="participant_remove"),
    path("works/<int:pk>/collections/", views.work_collections, name="work_collections"),
]
