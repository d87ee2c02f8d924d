from django.urls import URLPattern, URLResolver

app_name = "alerts"

urlpatterns: list[URLPattern | URLResolver] = []
