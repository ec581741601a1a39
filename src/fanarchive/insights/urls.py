from django.urls import path

from fanarchive.insights import views

app_name = "insights"
urlpatterns = [
    path("works/<int:pk>/suggestions", views.suggestions, name="suggestions"),
    path("works/<int:pk>/suggestions/confirm", views.confirm_warnings, name="confirm_warnings"),
    path("works/<int:pk>/analysis", views.analysis, name="analysis"),
]
