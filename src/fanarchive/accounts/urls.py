from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from fanarchive.accounts import views
from fanarchive.accounts.forms import PasswordResetRequestForm
from fanarchive.site import ao3
from fanarchive.works import converters  # noqa: F401  (registers <name:...>)

app_name = "accounts"
urlpatterns = [
    path("signup", views.signup, name="signup"),
    path("users/login", ao3.login, name="login"),  # AO3's form fields too (site/ao3.py)
    path("pseuds", views.pseuds, name="pseuds"),
    path("claims", views.claim_works, name="claims"),
    path("users/<name:username>/preferences", views.preferences, name="preferences"),
    path("users/logout", auth_views.LogoutView.as_view(), name="logout"),
    # Password reset at AO3's addresses (Django's views and tokens; the email through
    # Django's email backend: site/settings.py, accounts/mailconfig.py).
    path(
        "users/password/new",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetRequestForm,
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_sent"),
            extra_email_context={"site_name": settings.SITE_NAME},
        ),
        name="password_reset",
    ),
    path(
        "users/password/sent",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password_reset_sent",
    ),
    path(
        "users/password/edit/<uidb64>/<token>",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "users/password/done",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
