"""Sitemap index, monthly article sitemaps with images, listing pages, the Google News sitemap
and robots.txt: only live public articles, the news window, the fields search engines read."""

from datetime import timedelta

import pytest
import time_machine
from defusedxml import ElementTree

from broadsheet.content.tests.factories import AuthorFactory, ConceptFactory, make_article

from .conftest import NOW, SECRET_WORDS

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
ROOT = "http://testserver"


def fetch(client, url):
    with time_machine.travel(NOW, tick=False):
        response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(("application/xml", "text/plain"))
    return response


def xml(client, url):
    response = fetch(client, url)
    for secret in SECRET_WORDS:
        assert secret not in response.content.decode()
    return ElementTree.fromstring(response.content)


def locs(tree):
    return [loc.text for loc in tree.findall("s:url/s:loc", NS)]


def test_index_lists_the_pages_sitemap_and_one_sitemap_per_month_with_lastmod(client, newsroom):
    index = xml(client, "/sitemap.xml")
    entries = [
        (entry.findtext("s:loc", namespaces=NS), entry.findtext("s:lastmod", namespaces=NS))
        for entry in index.findall("s:sitemap", NS)
    ]
    assert entries == [
        (f"{ROOT}/sitemaps/pages.xml", "2026-11-25T09:00:00Z"),
        (f"{ROOT}/sitemaps/articles-2026-10.xml", "2026-10-16T12:00:00Z"),
        (f"{ROOT}/sitemaps/articles-2026-11.xml", "2026-11-25T09:00:00Z"),
    ]


def test_month_sitemap_lists_its_live_articles_with_lastmod_and_lead_image(client, newsroom):
    month = xml(client, "/sitemaps/articles-2026-11.xml")
    urls = {url.findtext("s:loc", namespaces=NS): url for url in month.findall("s:url", NS)}
    assert list(urls) == [ROOT + newsroom.strike.url, ROOT + newsroom.budget.url]
    strike = urls[ROOT + newsroom.strike.url]
    assert strike.findtext("s:lastmod", namespaces=NS) == "2026-11-24T12:00:00Z"
    (image,) = strike.findall("image:image/image:loc", NS)
    assert image.text.startswith(f"{ROOT}/media/images/")
    assert urls[ROOT + newsroom.budget.url].findall("image:image", NS) == []
    october = xml(client, "/sitemaps/articles-2026-10.xml")
    assert locs(october) == [ROOT + newsroom.older.url]


@pytest.mark.parametrize("month", ["2026-09", "2026-13", "2026-00"])
def test_a_month_without_articles_is_404(client, newsroom, month):
    with time_machine.travel(NOW, tick=False):
        assert client.get(f"/sitemaps/articles-{month}.xml").status_code == 404


def test_pages_sitemap_lists_front_sections_concepts_with_articles_and_authors(client, newsroom):
    ConceptFactory(pref_label="Quiet topic", slug="quiet-topic")
    AuthorFactory(name="Dee Silent", slug="dee-silent")
    tree = xml(client, "/sitemaps/pages.xml")
    assert locs(tree) == [
        f"{ROOT}/",
        f"{ROOT}/world/",
        f"{ROOT}/business/",
        f"{ROOT}/topics/port-strike/",
        f"{ROOT}/authors/ana-lima/",
    ]
    lastmods = [url.findtext("s:lastmod", namespaces=NS) for url in tree.findall("s:url", NS)]
    assert lastmods[:3] == ["2026-11-25T09:00:00Z", "2026-11-24T12:00:00Z", "2026-11-25T09:00:00Z"]


def test_news_sitemap_holds_the_last_two_days_with_publication_language_title_and_date(
    client, newsroom
):
    tree = xml(client, "/news-sitemap.xml")
    # The article of 40 days ago is out; yesterday's and this morning's are in, newest first.
    assert locs(tree) == [ROOT + newsroom.budget.url, ROOT + newsroom.strike.url]
    news = tree.find("s:url/news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "The Broadsheet"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert news.findtext("news:title", namespaces=NS) == "Port budget shrinks by a tenth"
    assert news.findtext("news:publication_date", namespaces=NS) == "2026-11-25T09:00:00Z"


def test_news_window_closes_after_two_days(client, newsroom, section):
    with time_machine.travel(NOW - timedelta(days=2, minutes=1), tick=False):
        make_article(section=section, title="Just outside the window")
    with time_machine.travel(NOW - timedelta(days=1, hours=23, minutes=59), tick=False):
        inside = make_article(section=section, title="Just inside the window")
    tree = xml(client, "/news-sitemap.xml")
    assert [n.text for n in tree.findall("s:url/news:news/news:title", NS)] == [
        "Port budget shrinks by a tenth",
        "Dockers vote to end nine-day strike",
        "Just inside the window",
    ]
    assert ROOT + inside.url in locs(tree)


def test_robots_txt_names_both_sitemaps_and_keeps_out_of_the_admin(client, newsroom):
    text = fetch(client, "/robots.txt").content.decode()
    assert text.splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {ROOT}/sitemap.xml",
        f"Sitemap: {ROOT}/news-sitemap.xml",
    ]
