"""URL wiring: the admin, the public views of each app, then Wagtail's page tree."""

from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from broadsheet.accounts import urls as accounts_urls
from broadsheet.alerts import urls as alerts_urls
from broadsheet.content import urls as content_urls
from broadsheet.content import views as content_views
from broadsheet.core import views as core_views
from broadsheet.follows import urls as follows_urls
from broadsheet.search import urls as search_urls
from broadsheet.syndication import urls as syndication_urls
from config.api import api_urls

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", core_views.health, name="health"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("account/", include(accounts_urls)),
    path("account/", include("allauth.urls")),
    path("api/v1/", api_urls()),
    path("", include(content_urls)),
    path("", include(syndication_urls)),
    path("search/", include(search_urls)),
    path("", include(follows_urls)),
    path("alerts/", include(alerts_urls)),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    urlpatterns.append(path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}))

# Articles (/<section>/<slug>/) take a lean route; whatever it does not serve goes to Wagtail.
urlpatterns.append(
    path("<slug:section>/<slug:slug>/", content_views.article_page, name="article_page")
)
urlpatterns.append(path("", include(wagtail_urls)))

handler404 = "broadsheet.core.views.page_not_found"
handler500 = "broadsheet.core.views.server_error"
