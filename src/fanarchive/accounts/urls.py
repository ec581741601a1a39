from django.contrib.auth import views as auth_views
from django.urls import path

from fanarchive.accounts import views

app_name = "accounts"
urlpatterns = [
    path("signup", views.signup, name="signup"),
    path(
        "users/login",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="login",
    ),
    path("pseuds", views.pseuds, name="pseuds"),
    path("claims", views.claim_works, name="claims"),
    path("users/logout", auth_views.LogoutView.as_view(), name="logout"),
]
