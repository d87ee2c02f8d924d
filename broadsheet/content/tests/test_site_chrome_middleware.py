"""Reader pages take their site and publication settings from the chrome memo: no query for them."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from broadsheet.content.middleware import SiteChromeMiddleware
from broadsheet.content.models import PublicationSettings
from broadsheet.content.tests.factories import AuthorFactory, ConceptFactory, make_article


def _tables_read(client, url):
    client.get(url)  # the chrome memo is filled by the first request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return " ".join(query["sql"] for query in captured.captured_queries)


@pytest.fixture
def pages(home, section):
    author = AuthorFactory(name="Ana Lima", slug="ana-lima", has_page=True)
    concept = ConceptFactory(pref_label="Energy crisis", slug="energy-crisis")
    make_article(
        section=section,
        title="Grid warning",
        display_concept=concept,
        authors=[(author, "Lisbon")],
    )
    return ["/", section.url, "/topics/energy-crisis/", "/authors/ana-lima/"]


def test_no_reader_page_reads_the_site_or_the_publication_settings(client, pages):
    for url in pages:
        sql = _tables_read(client, url)
        assert '"wagtailcore_site"' not in sql, url
        assert '"content_publicationsettings"' not in sql, url


def test_a_settings_change_shows_on_wagtails_pages_and_the_concept_page_at_once(
    client, home, pages
):
    for url in pages:
        client.get(url)
    publication = PublicationSettings.for_site(home.get_site())
    publication.name = "The Evening Lantern"
    publication.save()
    for url in pages:
        assert "The Evening Lantern" in client.get(url).content.decode(), url


def test_writes_the_admin_and_the_api_are_left_alone(rf, home):
    middleware = SiteChromeMiddleware(lambda request: HttpResponse())
    for request in (
        rf.post("/"),
        rf.get("/admin/pages/"),
        rf.get("/api/v1/openapi.json"),
        rf.get("/healthz"),
    ):
        middleware(request)
        assert not hasattr(request, "_wagtail_site"), request.path
    front = rf.get("/")
    middleware(front)
    assert front._wagtail_site.root_page_id == home.pk
