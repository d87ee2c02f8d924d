from django.urls import URLPattern, URLResolver

app_name = "follows"

urlpatterns: list[URLPattern | URLResolver] = []
