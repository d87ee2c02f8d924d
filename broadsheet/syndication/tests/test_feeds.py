"""RSS 2.0, Atom 1.0 and JSON Feed 1.1: parsed by feedparser, checked against the JSON Feed
spec, answered conditionally, and constant in queries."""

from datetime import timedelta

import feedparser
import html5lib
import jsonschema
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.content.tests.factories import AuthorFactory, ConceptFactory, make_article

from .conftest import NOW, SECRET_WORDS, annotate
from .jsonfeed_schema import JSON_FEED_1_1

FILES = ("rss.xml", "atom.xml", "feed.json")
SCOPES = {
    "front": "/feeds/",
    "section": "/feeds/sections/world/",
    "concept": "/feeds/topics/port-strike/",
    "author": "/feeds/authors/ana-lima/",
}
EXPECTED_TITLES = {
    "front": [
        "Port budget shrinks by a tenth",
        "Dockers vote to end nine-day strike",
        "Harbour pilots ask for new tugs",
    ],
    "section": ["Dockers vote to end nine-day strike", "Harbour pilots ask for new tugs"],
    "concept": ["Port budget shrinks by a tenth", "Dockers vote to end nine-day strike"],
    "author": [
        "Port budget shrinks by a tenth",
        "Dockers vote to end nine-day strike",
        "Harbour pilots ask for new tugs",
    ],
}


def fetch(client, url, **headers):
    with time_machine.travel(NOW, tick=False):
        return client.get(url, **headers)


def parsed(response):
    """Return feedparser's reading of an RSS or Atom feed, which must be well formed."""
    result = feedparser.parse(response.content)
    assert not result.bozo, result.get("bozo_exception")
    return result


def titles(response, filename):
    if filename == "feed.json":
        document = response.json()
        jsonschema.validate(document, JSON_FEED_1_1, format_checker=jsonschema.FormatChecker())
        return [item["title"] for item in document["items"]]
    return [entry.title for entry in parsed(response).entries]


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("filename", FILES)
def test_every_feed_parses_and_lists_only_live_public_articles(client, newsroom, scope, filename):
    response = fetch(client, SCOPES[scope] + filename)
    assert response.status_code == 200
    assert titles(response, filename) == EXPECTED_TITLES[scope]
    body = response.content.decode()
    for secret in SECRET_WORDS:
        assert secret not in body


@pytest.mark.parametrize("filename", ["rss.xml", "atom.xml"])
def test_entry_carries_absolute_link_authors_categories_and_lead_image(client, newsroom, filename):
    feed = parsed(fetch(client, "/feeds/sections/world/" + filename))
    entry = feed.entries[0]
    assert entry.link == "http://testserver" + newsroom.strike.url
    assert entry.summary == "Harbour workers accepted a two-year pay offer on Tuesday night."
    assert [author.name for author in entry.authors] == ["Ana Lima", "Chen Wei"]
    assert "Port strike" in [tag.term for tag in entry.tags]
    assert "World" in [tag.term for tag in entry.tags]
    assert "Lisbon" not in [tag.term for tag in entry.tags]  # a passing mention only
    assert entry.published_parsed[:5] == (NOW - timedelta(days=1)).timetuple()[:5]
    (media,) = entry.media_content
    assert (media["medium"], media["width"], media["height"]) == ("image", "1200", "675")
    image = media["url"]
    assert image.startswith("http://testserver/media/images/")
    assert image.endswith(".jpg")


def test_atom_links_the_lead_image_as_an_enclosure_and_names_author_pages(client, newsroom):
    feed = parsed(fetch(client, "/feeds/atom.xml"))
    entry = next(e for e in feed.entries if e.title == "Dockers vote to end nine-day strike")
    (enclosure,) = entry.enclosures
    assert enclosure["type"] == "image/jpeg"
    assert enclosure["href"] == entry.media_content[0]["url"]
    assert [getattr(a, "href", None) for a in entry.authors] == [
        "http://testserver/authors/ana-lima/",
        None,
    ]
    assert feed.feed.links[1]["href"] == "http://testserver/feeds/atom.xml"


def test_rss_channel_names_itself_and_the_publication(client, newsroom):
    feed = parsed(fetch(client, "/feeds/authors/ana-lima/rss.xml"))
    assert feed.feed.title == "Ana Lima | The Broadsheet"
    assert feed.feed.link == "http://testserver/authors/ana-lima/"
    assert feed.feed.language == "en-gb"
    entry = feed.entries[1]
    assert entry.id == entry.link == "http://testserver" + newsroom.strike.url


def test_json_feed_item_fields(client, newsroom):
    document = fetch(client, "/feeds/sections/world/feed.json").json()
    item = document["items"][0]
    assert item["id"] == item["url"] == "http://testserver" + newsroom.strike.url
    assert item["authors"] == [
        {"name": "Ana Lima", "url": "http://testserver/authors/ana-lima/"},
        {"name": "Chen Wei"},
    ]
    assert item["tags"] == ["Port strike", "World"]
    assert item["image"].startswith("http://testserver/media/images/")
    assert item["date_published"] == (NOW - timedelta(days=1)).isoformat()
    assert document["language"] == "en-GB"
    assert document["feed_url"] == "http://testserver/feeds/sections/world/feed.json"
    assert document["home_page_url"] == "http://testserver/world/"


def test_json_feed_schema_rejects_what_the_spec_forbids():
    item = {"id": "1", "content_text": "x"}
    valid = {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [item]}
    jsonschema.validate(valid, JSON_FEED_1_1)
    for broken in (
        {**valid, "version": "https://jsonfeed.org/version/1"},
        {**valid, "items": [{"id": "1"}]},  # neither content_html nor content_text
        {k: v for k, v in valid.items() if k != "title"},
        {**valid, "items": [{**item, "authors": [{}]}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, JSON_FEED_1_1)


@pytest.mark.parametrize("filename", FILES)
def test_conditional_get_answers_304_until_the_feed_changes(client, newsroom, section, filename):
    url = "/feeds/sections/world/" + filename
    first = fetch(client, url)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert last_modified == "Tue, 24 Nov 2026 12:00:00 GMT"

    again = fetch(client, url, HTTP_IF_NONE_MATCH=etag)
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", etag)
    since = fetch(client, url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert since.status_code == 304

    with time_machine.travel(NOW - timedelta(minutes=5), tick=False):
        make_article(section=section, title="Cranes back at work")
    changed = fetch(client, url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed["Last-Modified"] == "Wed, 25 Nov 2026 11:55:00 GMT"


def count_queries(client, url):
    fetch(client, url)  # warm: renditions are made once
    with CaptureQueriesContext(connection) as captured:
        assert fetch(client, url).status_code == 200
    return len(captured)


# Front: view restrictions and the articles (2), lead-image renditions, bylines with authors,
# kicker candidates, the entries' concepts (6; the site and settings come from the chrome memo,
# content.middleware). A section adds its own lookup with view restrictions (2); a concept or
# an author its row (1).
@pytest.mark.parametrize(
    ("scope", "pinned"), [("front", 6), ("section", 8), ("concept", 7), ("author", 7)]
)
def test_query_count_is_pinned_and_constant_in_the_number_of_articles(
    client, newsroom, section, scope, pinned
):
    url = SCOPES[scope] + "rss.xml"
    before = count_queries(client, url)
    for n in range(4):
        article = make_article(
            section=section,
            title=f"More news {n}",
            authors=[(AuthorFactory(), ""), (AuthorFactory(name="Ana Lima", slug="ana-lima"), "")],
        )
        annotate(article, newsroom.port_strike, "about")
        annotate(article, ConceptFactory(), "about")
    assert count_queries(client, url) == before == pinned


def test_unknown_feeds_are_404_and_merged_or_author_concepts_redirect(client, newsroom):
    assert fetch(client, "/feeds/sections/nowhere/rss.xml").status_code == 404
    assert fetch(client, "/feeds/topics/nothing-here/rss.xml").status_code == 404
    assert fetch(client, "/feeds/authors/chen-wei/rss.xml").status_code == 404  # no page
    assert fetch(client, "/feeds/rss.txt").status_code == 404
    strike = newsroom.port_strike
    merged = ConceptFactory(pref_label="Dock strike", slug="dock-strike", superseded_by=strike)
    response = fetch(client, f"/feeds/topics/{merged.slug}/atom.xml")
    assert (response.status_code, response["Location"]) == (
        301,
        "/feeds/topics/port-strike/atom.xml",
    )
    ana_concept = AuthorFactory(name="Ana Lima", slug="ana-lima").concept
    if ana_concept is not None:
        response = fetch(client, f"/feeds/topics/{ana_concept.slug}/feed.json")
        assert (response.status_code, response["Location"]) == (
            301,
            "/feeds/authors/ana-lima/feed.json",
        )


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/", "/feeds/"),
        ("/world/", "/feeds/sections/world/"),
        ("/topics/port-strike/", "/feeds/topics/port-strike/"),
        ("/authors/ana-lima/", "/feeds/authors/ana-lima/"),
    ],
)
def test_pages_advertise_their_three_feeds(client, newsroom, page, feed):
    response = fetch(client, page)
    assert response.status_code == 200
    tree = html5lib.parse(response.content, treebuilder="etree", namespaceHTMLElements=False)
    links = {
        link.get("type"): link.get("href")
        for link in tree.iter("link")
        if link.get("rel") == "alternate"
    }
    assert links == {
        "application/rss+xml": f"http://testserver{feed}rss.xml",
        "application/atom+xml": f"http://testserver{feed}atom.xml",
        "application/feed+json": f"http://testserver{feed}feed.json",
    }
    for href in links.values():
        assert fetch(client, href.removeprefix("http://testserver")).status_code == 200
