from django.urls import path

from fanarchive.tags import views

app_name = "tags"
urlpatterns = [
    path("tags/<int:pk>", views.tag_detail, name="detail"),
    path("tags/wrangling", views.wrangling, name="wrangling"),
    path("tags/<int:pk>/wrangle", views.wrangle_tag, name="wrangle"),
]
