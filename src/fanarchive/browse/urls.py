from django.urls import path

from fanarchive.browse import views

app_name = "browse"
urlpatterns = [
    path("browse/", views.listing, name="works"),
    path("browse/tags/<int:tag_id>/", views.listing, name="tag_works"),
]
