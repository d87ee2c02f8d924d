"""page_urls: the URL Wagtail gives a page (``page.localized.url``), from its id and url_path."""

import pytest
from django.test import override_settings
from wagtail.models import Page, Site

from broadsheet.content.models import SectionPage
from broadsheet.content.page_urls import page_urls
from broadsheet.content.tests.factories import make_article

pytestmark = pytest.mark.django_db


def _wagtail_urls() -> dict[int, str | None]:
    return {page.pk: page.localized.url for page in Page.objects.all()}


def _ours() -> dict[int, str | None]:
    return page_urls(Page.objects.values_list("id", "url_path"))


def test_one_site_gives_the_relative_urls_wagtail_gives(section):
    article = make_article(section=section)
    urls = _ours()
    assert urls == _wagtail_urls()
    assert urls[article.pk] == "/world/harbour-workers-vote-to-end-strike/"
    # The tree's root lies outside every site: no URL.
    assert urls[Page.get_first_root_node().pk] is None


def test_several_sites_give_absolute_urls_from_the_most_specific_root(home, section):
    article = make_article(section=section)
    sport = home.add_child(instance=SectionPage(title="Sport", slug="sport"))
    Site.objects.create(hostname="sport.example.org", port=443, root_page=sport)
    Site.objects.create(hostname="world.example.org", port=80, root_page=section)
    urls = _ours()
    assert urls == _wagtail_urls()
    assert urls[article.pk] == "http://world.example.org/harbour-workers-vote-to-end-strike/"
    assert urls[sport.pk] == "https://sport.example.org/"


def test_without_a_trailing_slash_as_wagtail_writes_it(section, monkeypatch):
    article = make_article(section=section)
    monkeypatch.setattr("broadsheet.content.page_urls.WAGTAIL_APPEND_SLASH", False)
    monkeypatch.setattr("wagtail.models.pages.WAGTAIL_APPEND_SLASH", False)
    assert _ours() == _wagtail_urls()
    assert _ours()[article.pk] == "/world/harbour-workers-vote-to-end-strike"


def test_with_wagtail_i18n_on_wagtail_answers(section):
    article = make_article(section=section)
    with override_settings(WAGTAIL_I18N_ENABLED=True):
        assert _ours()[article.pk] == _wagtail_urls()[article.pk]


def test_no_rows_reads_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert page_urls([]) == {}


def test_full_url_is_wagtails_full_url_for_the_requests_site(home, section, rf):
    from broadsheet.content.page_urls import full_url

    article = make_article(section=section)
    request = rf.get("/", HTTP_HOST="testserver")
    assert full_url(article, request) == article.get_full_url(request)
    assert full_url(article, None) == "http://testserver/world/harbour-workers-vote-to-end-strike/"
    # The section is also the root of a second site: the request's site decides which.
    Site.objects.create(hostname="world.example.org", port=80, root_page=section)
    for host in ("testserver", "world.example.org"):
        request = rf.get("/", HTTP_HOST=host)
        assert full_url(article, request) == article.get_full_url(request), host
        assert full_url(section, request) == section.get_full_url(request), host
    assert full_url(Page.get_first_root_node(), None) is None
