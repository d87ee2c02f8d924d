from django.urls import URLPattern, URLResolver

app_name = "syndication"

urlpatterns: list[URLPattern | URLResolver] = []
