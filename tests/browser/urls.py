"""The site's URLs plus uploaded media, which the live test server must serve to the browser."""

from django.conf import settings
from django.urls import URLPattern, URLResolver, path
from django.views.static import serve

from config import urls as site_urls

urlpatterns: list[URLPattern | URLResolver] = [
    path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urls.urlpatterns,
]

handler404 = site_urls.handler404
handler500 = site_urls.handler500
