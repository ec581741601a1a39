from django.urls import path

from fanarchive.skins import views

app_name = "skins"
urlpatterns = [
    path("skins", views.skin_list, name="list"),
    path("skins/new", views.skin_new, name="new"),
    path("skins/unset", views.skin_unset, name="unset"),
    path("skins/<int:pk>", views.skin_detail, name="detail"),
    path("skins/<int:pk>/edit", views.skin_edit, name="edit"),
    path("skins/<int:pk>/delete", views.skin_delete, name="delete"),
    path("skins/<int:pk>/use", views.skin_use, name="use"),
    path("skins/<int:pk>/preview", views.skin_preview, name="preview"),
    path("skins/<int:pk>/skin.css", views.stylesheet, name="stylesheet"),
]
