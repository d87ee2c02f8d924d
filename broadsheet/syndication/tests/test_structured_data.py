"""JSON-LD read back with extruct: NewsArticle per article, the publication on the front page;
Open Graph and card tags; canonical URLs; text that cannot break out of its script element."""

import extruct
import html5lib
import pytest
import time_machine

from broadsheet.content.tests.factories import ImageFactory, make_article

from .conftest import NOW

ROOT = "http://testserver"


def page_of(client, url):
    with time_machine.travel(NOW, tick=False):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html):
    return extruct.extract(html, base_url=ROOT, syntaxes=["json-ld"], uniform=False)["json-ld"]


def metas(html):
    tree = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    found = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta")}
    canonical = [link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"]
    return found, canonical


def test_news_article_fields(client, newsroom):
    (article,) = json_ld(page_of(client, newsroom.strike.url))
    url = ROOT + newsroom.strike.url
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Dockers vote to end nine-day strike"
    assert (
        article["description"] == "Harbour workers accepted a two-year pay offer on Tuesday night."
    )
    assert article["datePublished"] == "2026-11-24T12:00:00+00:00"
    assert article["dateModified"] == "2026-11-24T12:00:00+00:00"
    assert article["url"] == article["mainEntityOfPage"]["@id"] == url
    assert article["articleSection"] == "World"
    assert article["isAccessibleForFree"] is True
    assert article["inLanguage"] == "en-GB"
    assert article["author"] == [
        {"@type": "Person", "name": "Ana Lima", "url": f"{ROOT}/authors/ana-lima/"},
        {"@type": "Person", "name": "Chen Wei"},
    ]
    publisher = article["publisher"]
    assert (publisher["@type"], publisher["name"]) == ("NewsMediaOrganization", "The Broadsheet")
    assert publisher["logo"]["url"] == f"{ROOT}/static/favicon.svg"


def test_images_in_16_9_4_3_and_1_1_with_absolute_urls(client, newsroom):
    (article,) = json_ld(page_of(client, newsroom.strike.url))
    # The factory's original is 1600x900, so the square is as tall as the original allows.
    sizes = [(image["width"], image["height"]) for image in article["image"]]
    assert sizes == [(1200, 675), (1200, 900), (900, 900)]
    for image in article["image"]:
        assert image["url"].startswith(f"{ROOT}/media/images/")
    assert len({image["url"] for image in article["image"]}) == 3


def test_about_and_mentions_come_from_annotations_with_same_as_links(client, newsroom):
    (article,) = json_ld(page_of(client, newsroom.strike.url))
    assert article["about"] == [
        {
            "@type": "Thing",
            "name": "Port strike",
            "url": f"{ROOT}/topics/port-strike/",
            "sameAs": ["https://www.wikidata.org/wiki/Q900001"],
        }
    ]
    assert article["mentions"] == [
        {
            "@type": "Place",
            "name": "Lisbon",
            "url": f"{ROOT}/topics/lisbon/",
            "sameAs": ["https://www.wikidata.org/wiki/Q597", "https://www.geonames.org/2267057/"],
        }
    ]
    (budget,) = json_ld(page_of(client, newsroom.budget.url))
    assert "about" not in budget
    assert [thing["name"] for thing in budget["mentions"]] == ["Port strike"]
    assert "image" not in budget


def test_breadcrumbs_lead_from_the_front_page_through_the_section(client, newsroom):
    (article,) = json_ld(page_of(client, newsroom.strike.url))
    trail = article["mainEntityOfPage"]["breadcrumb"]
    assert trail["@type"] == "BreadcrumbList"
    assert [(i["position"], i["name"], i["item"]) for i in trail["itemListElement"]] == [
        (1, "Home", f"{ROOT}/"),
        (2, "World", f"{ROOT}/world/"),
        (3, "Dockers vote to end nine-day strike", ROOT + newsroom.strike.url),
    ]


def test_updated_article_has_a_later_date_modified(client, newsroom, section):
    with time_machine.travel(NOW, tick=False):
        article = make_article(
            section=section, title="Ferry timetable changes", updated_at=NOW.replace(hour=15)
        )
    (data,) = json_ld(page_of(client, article.url))
    assert (data["datePublished"], data["dateModified"]) == (
        "2026-11-25T12:00:00+00:00",
        "2026-11-25T15:00:00+00:00",
    )


def test_front_page_names_the_organisation_and_the_website(client, newsroom):
    (graph,) = json_ld(page_of(client, "/"))
    organisation, website = graph["@graph"]
    assert organisation["@type"] == "NewsMediaOrganization"
    assert organisation["url"] == f"{ROOT}/"
    assert organisation["logo"]["url"] == f"{ROOT}/static/favicon.svg"
    assert website["@type"] == "WebSite"
    assert website["publisher"] == {"@id": organisation["@id"]}


@pytest.mark.parametrize(
    "text", ["</script><script>alert(1)</script>", "<!-- & -->", "Tom & Jerry <b>"]
)
def test_text_cannot_break_out_of_the_json_ld_script(client, section, text):
    with time_machine.travel(NOW, tick=False):
        article = make_article(
            section=section,
            title=f"Headline {text}",
            standfirst=f"Standfirst {text}",
            lead_image=ImageFactory(),
        )
    html = page_of(client, article.url)
    (data,) = json_ld(html)
    assert data["headline"] == f"Headline {text}"
    assert data["description"] == f"Standfirst {text}"
    script = html[html.index('<script type="application/ld+json">') :]
    script = script[: script.index("</script>")]
    for character in "<>&":
        assert character not in script.removeprefix('<script type="application/ld+json">')


def test_article_has_open_graph_card_tags_and_canonical(client, newsroom):
    found, canonical = metas(page_of(client, newsroom.strike.url))
    url = ROOT + newsroom.strike.url
    assert canonical == [url]
    assert found["og:url"] == url
    assert found["og:type"] == "article"
    assert found["og:title"] == found["twitter:title"] == "Dockers vote to end nine-day strike"
    assert found["og:image"].startswith(f"{ROOT}/media/images/")
    assert found["twitter:card"] == "summary_large_image"
    assert found["article:section"] == "World"


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/", "The Broadsheet"),
        ("/world/", "World"),
        ("/topics/port-strike/", "Port strike"),
        ("/authors/ana-lima/", "Ana Lima"),
    ],
)
def test_listing_pages_have_open_graph_card_tags_and_canonical(client, newsroom, path, title):
    found, canonical = metas(page_of(client, path))
    assert canonical == [ROOT + path]
    assert found["og:url"] == ROOT + path
    assert (found["og:type"], found["og:title"], found["twitter:card"]) == (
        "website",
        title,
        "summary",
    )


def test_canonical_ignores_a_forged_host_header(client, newsroom, settings):
    settings.ALLOWED_HOSTS = ["*"]
    with time_machine.travel(NOW, tick=False):
        html = client.get("/topics/port-strike/", HTTP_HOST="evil.example").content.decode()
    _, canonical = metas(html)
    assert canonical == [f"{ROOT}/topics/port-strike/"]
