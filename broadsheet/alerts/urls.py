from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "alerts"

urlpatterns: list[URLPattern | URLResolver] = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
