from django.contrib.auth import views as auth_views
from django.urls import path

from fanarchive.accounts import views
from fanarchive.site import ao3

app_name = "accounts"
urlpatterns = [
    path("signup", views.signup, name="signup"),
    path("users/login", ao3.login, name="login"),  # AO3's form fields too (site/ao3.py)
    path("pseuds", views.pseuds, name="pseuds"),
    path("claims", views.claim_works, name="claims"),
    path("users/logout", auth_views.LogoutView.as_view(), name="logout"),
]
