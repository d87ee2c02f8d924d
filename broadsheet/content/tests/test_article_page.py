"""The article page carries every element of ARTICLE_PAGE.md with the right data."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import html5lib
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Site

from broadsheet.ads.models import AdSettings, HouseAd
from broadsheet.content.models import PublicationSettings, Video
from broadsheet.content.tests.factories import (
    AuthorFactory,
    ConceptFactory,
    ImageFactory,
    make_article,
    paragraphs,
)

NS = {"h": "http://www.w3.org/1999/xhtml"}
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def parse(response):
    return html5lib.parse(response.content, treebuilder="etree", namespaceHTMLElements=False)


def text(element):
    return " ".join("".join(element.itertext()).split())


def by_class(tree, tag, cls):
    return [e for e in tree.iter(tag) if cls in (e.get("class") or "").split()]


@pytest.fixture
def video(db, sample_video, sample_captions):
    clip = Video(
        title="Night shift at the container port",
        file=SimpleUploadedFile("port.mp4", Path(sample_video).read_bytes(), "video/mp4"),
        captions=SimpleUploadedFile("port.vtt", Path(sample_captions).read_bytes(), "text/vtt"),
        poster=ImageFactory(title="Poster"),
        caption="Cranes work through the night",
        credit="Meridian Post/Video desk",
    )
    clip.full_clean()
    clip.save()
    return clip


@pytest.fixture
def full_article(section, video):
    lisbon = AuthorFactory(name="Ana Lima", slug="ana-lima")
    nairobi = AuthorFactory(name="Ben Okafor", slug="ben-okafor")
    lima = AuthorFactory(name="Chen Wei", slug="chen-wei", has_page=False)
    story = ConceptFactory(pref_label="Election 2026", slug="election-2026")
    HouseAd.objects.create(
        name="Subscribe",
        image=ImageFactory(title="Ad"),
        link_url="https://example.org/subscribe",
        alt_text="Read without limits: subscribe today",
    )
    body = [
        (
            "paragraph",
            '<p>The vote was "close", said the <a href="https://example.org/council">council</a>.</p>',
        ),
        ("paragraph", "<p>Second paragraph.</p>"),
        ("paragraph", "<p>Third paragraph.</p>"),
        ("subheading", "What happens next"),
        ("paragraph", "<p>Fourth paragraph.</p>"),
        ("video", video),
        ("paragraph", "<p>Fifth paragraph.</p>"),
        ("blockquote", {"quote": "We will keep the port open.", "attribution": "Harbour master"}),
        ("pullquote", {"quote": "Nobody wanted a long strike.", "attribution": "A docker"}),
        *paragraphs(8),
    ]
    with time_machine.travel(NOW - timedelta(hours=4), tick=False):
        return make_article(
            section=section,
            title='Dockers back "fair" pay deal',
            standfirst="Harbour workers accepted a two-year offer after nine days on strike.",
            lead_image=ImageFactory(
                title="Quay",
                alt_text="Cranes over an empty quay",
                caption="The idle quay on Monday",
                credit="Wirephoto/Rosa Marin",
            ),
            display_concept=story,
            authors=[(lisbon, "Lisbon"), (nairobi, "Nairobi"), (lima, "Lima")],
            body=body,
        )


@pytest.fixture
def page(client, full_article):
    response = client.get(full_article.url)
    assert response.status_code == 200
    return response, parse(response)


def test_kicker_is_the_display_concept_and_links_to_its_page(page):
    _, tree = page
    (kicker,) = by_class(tree, "p", "article__kicker")
    link = kicker.find("a")
    assert (text(link), link.get("href")) == ("Election 2026", "/topics/election-2026/")


def test_kicker_falls_back_to_the_section(section, client):
    article = make_article(section=section, title="Plain story")
    tree = parse(client.get(article.url))
    link = by_class(tree, "p", "article__kicker")[0].find("a")
    assert (text(link), link.get("href")) == ("World", "/world/")


def test_one_h1_headline_with_typographic_quotes(page):
    _, tree = page
    h1s = list(tree.iter("h1"))
    assert [text(h) for h in h1s] == ["Dockers back \u201cfair\u201d pay deal"]


def test_standfirst_is_shown_and_is_the_meta_description(page):
    _, tree = page
    standfirst = "Harbour workers accepted a two-year offer after nine days on strike."
    assert text(by_class(tree, "p", "article__standfirst")[0]) == standfirst
    metas = {m.get("name") or m.get("property"): m.get("content") for m in tree.iter("meta")}
    assert metas["description"] == standfirst
    assert metas["og:description"] == standfirst


def test_lead_image_has_srcset_size_alt_caption_and_credit(page):
    _, tree = page
    (figure,) = by_class(tree, "figure", "lead-media")
    img = figure.find(".//img")
    assert img.get("alt") == "Cranes over an empty quay"
    assert (img.get("width"), img.get("height")) == ("480", "270")
    sources = figure.findall(".//source")
    assert sources[0].get("type") == "image/webp"
    assert len(sources[0].get("srcset").split(",")) == 4
    assert text(figure.find("figcaption")) == "The idle quay on Monday \u00a9 Wirephoto/Rosa Marin"


def test_bylines_joined_with_locations_and_author_links(page):
    _, tree = page
    (byline,) = by_class(tree, "p", "byline")
    assert text(byline) == "By Ana Lima in Lisbon, Ben Okafor in Nairobi and Chen Wei in Lima"
    links = [(a.get("href"), text(a)) for a in byline.iter("a")]
    assert links == [("/authors/ana-lima/", "Ana Lima"), ("/authors/ben-okafor/", "Ben Okafor")]


def test_timestamp_has_machine_time_and_absolute_date_without_script(page, full_article):
    _, tree = page
    (time,) = [t for t in tree.iter("time") if "timestamp" in (t.get("class") or "")][:1]
    assert time.get("datetime") == (NOW - timedelta(hours=4)).isoformat(timespec="seconds")
    assert time.get("data-prefix") == "Published"
    assert text(time) == "Published 25 November 2026"


def test_updated_article_shows_updated_and_keeps_first_publication_in_title(section, client):
    # Published a day before the update, whatever today's date (the update must come later).
    with time_machine.travel(datetime(2026, 11, 25, 9, tzinfo=UTC), tick=False):
        article = make_article(
            section=section, title="Updated story", updated_at=datetime(2026, 11, 26, 9, tzinfo=UTC)
        )
    tree = parse(client.get(article.url))
    time = next(t for t in tree.iter("time") if "timestamp" in (t.get("class") or ""))
    assert time.get("data-prefix") == "Updated"
    assert time.get("datetime") == "2026-11-26T09:00:00+00:00"
    assert time.get("title").startswith("First published ")


def test_body_has_links_subheading_quotes_and_typographic_marks(page):
    _, tree = page
    body = by_class(tree, "div", "article__body")[0]
    first = by_class(body, "div", "body-text")[0]
    assert text(first) == "The vote was \u201cclose\u201d, said the council."
    assert first.find(".//a").get("href") == "https://example.org/council"
    assert [text(h) for h in body.iter("h2")] == ["What happens next"]
    quote = by_class(body, "blockquote", "body-blockquote")[0]
    assert (text(quote.find("p")), text(quote.find("footer"))) == (
        "We will keep the port open.",
        "Harbour master",
    )
    pull = by_class(body, "figure", "pullquote")[0]
    assert (text(pull.find(".//p")), text(pull.find("figcaption"))) == (
        "Nobody wanted a long strike.",
        "A docker",
    )


def test_ad_slots_are_labelled_and_follow_the_cadence(page):
    _, tree = page
    body = by_class(tree, "div", "article__body")[0]
    children = list(body)
    slots = [i for i, child in enumerate(children) if "ad-slot" in (child.get("class") or "")]
    assert len(slots) == 2
    for index in slots:
        slot = children[index]
        assert slot.get("aria-label") == "Advertisement"
        assert text(by_class(slot, "p", "ad-slot__label")[0]) == "Advertisement"
        img = slot.find(".//img")
        assert int(img.get("width")) > 0
        assert int(img.get("height")) > 0
        neighbours = [children[index - 1], children[index + 1]]
        assert all(
            "video" not in (n.get("class") or "") and "body-figure" not in (n.get("class") or "")
            for n in neighbours
        )
    assert slots[-1] != len(children) - 1


def test_no_slot_without_a_creative(section, client):
    article = make_article(section=section, title="No ads", body=paragraphs(12))
    tree = parse(client.get(article.url))
    assert by_class(tree, "aside", "ad-slot") == []
    assert len(by_class(tree, "div", "body-text")) == 12


def test_no_slot_when_ads_are_switched_off(full_article, client):
    settings = AdSettings.for_site(Site.objects.get(is_default_site=True))
    settings.is_enabled = False
    settings.save()
    tree = parse(client.get(full_article.url))
    assert by_class(tree, "aside", "ad-slot") == []


def test_inline_video_has_poster_captions_track_duration_and_credit(page, video):
    _, tree = page
    (figure,) = by_class(tree, "figure", "video")
    player = figure.find(".//video")
    assert player.get("preload") == "none"
    assert player.get("poster")
    assert player.find("source").get("src") == video.file.url
    track = player.find("track")
    assert (track.get("kind"), track.get("src")) == ("captions", video.captions.url)
    play = by_class(figure, "button", "video__play")[0]
    assert text(play) == "Play 00:03"
    assert play.find("time").get("datetime") == "PT3S"
    assert (
        text(figure.find("figcaption"))
        == "Cranes work through the night \u00a9 Meridian Post/Video desk"
    )


def test_copyright_line_uses_the_publication_and_the_publication_year(page):
    _, tree = page
    line = by_class(tree, "p", "article__copyright")[0]
    assert text(line) == "Copyright \u00a9 The Broadsheet 2026. All rights reserved."
    assert line.find("a").get("href") == "/about/copyright/"


def test_wire_copy_carries_its_agency_copyright(section, client):
    article = make_article(
        section=section, title="Wire story", copyright_holder="Northwire News Agency"
    )
    tree = parse(client.get(article.url))
    assert (
        text(by_class(tree, "p", "article__copyright")[0])
        == "Copyright \u00a9 Northwire News Agency 2026. All rights reserved."
    )


def test_publication_name_and_copyright_holder_are_settings(full_article, client):
    publication = PublicationSettings.for_site(Site.objects.get(is_default_site=True))
    publication.name = "The Meridian Post"
    publication.copyright_holder = "Meridian Media Ltd"
    publication.save()
    tree = parse(client.get(full_article.url))
    assert text(by_class(tree, "p", "article__copyright")[0]).startswith(
        "Copyright \u00a9 Meridian Media Ltd 2026"
    )
    assert text(by_class(tree, "a", "site-header__name")[0]) == "The Meridian Post"


def test_follow_topics_lists_kicker_then_authors_with_pages(page):
    _, tree = page
    section = by_class(tree, "section", "follow")[0]
    assert text(section.find("h2")) == "Follow the topics in this article"
    items = [
        (a.get("href"), text(by_class(a, "span", "follow__label")[0])) for a in section.iter("a")
    ]
    assert items == [
        ("/topics/election-2026/", "Election 2026"),
        ("/authors/ana-lima/", "Ana Lima"),
        ("/authors/ben-okafor/", "Ben Okafor"),
    ]


def test_machine_readable_metadata(page, full_article):
    _, tree = page
    links = {link.get("rel"): link.get("href") for link in tree.iter("link")}
    assert links["canonical"] == full_article.full_url
    metas = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta")}
    assert metas["og:title"] == 'Dockers back "fair" pay deal'
    assert metas["og:type"] == "article"
    assert metas["twitter:card"] == "summary_large_image"
    (script,) = [s for s in tree.iter("script") if s.get("type") == "application/ld+json"]
    data = json.loads(script.text)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == 'Dockers back "fair" pay deal'
    assert data["datePublished"] == full_article.published_at.isoformat()
    assert [a["name"] for a in data["author"]] == ["Ana Lima", "Ben Okafor", "Chen Wei"]
    assert data["copyrightYear"] == 2026


def test_draft_article_is_not_served(section, client):
    draft = make_article(section=section, title="Not yet", publish=False)
    assert client.get(draft.url).status_code == 404


def _render_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: renditions are created once
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("extra", [0, 1])
def test_query_count_is_pinned_and_constant_in_bylines_and_blocks(section, client, video, extra):
    HouseAd.objects.create(
        name="Ad", image=ImageFactory(), link_url="https://example.org", alt_text="An ad"
    )
    small = make_article(
        section=section,
        title="Small",
        lead_image=ImageFactory(),
        authors=[(AuthorFactory(photo=ImageFactory()), "Lisbon")],
        body=[
            *paragraphs(4),
            ("image", {"image": ImageFactory(), "caption": ""}),
            ("video", video),
            *paragraphs(3),
        ],
    )
    many_authors = [(AuthorFactory(photo=ImageFactory()), f"City {n}") for n in range(6 + extra)]
    large = make_article(
        section=section,
        title="Large",
        lead_image=ImageFactory(),
        authors=many_authors,
        body=[
            *paragraphs(20),
            *[("image", {"image": ImageFactory(), "caption": ""}) for _ in range(5 + extra)],
            *paragraphs(20),
            ("video", video),
            ("pullquote", {"quote": "Q", "attribution": ""}),
            *paragraphs(10),
        ],
    )
    small_count = _render_queries(client, small.url)
    large_count = _render_queries(client, large.url)
    # The lean route (broadsheet/content/views.py): the article with its section, kicker and
    # lead media, view restrictions and aliases in its trail (1), bylines with authors (1), body
    # images (1), videos (1), their posters (1), concept annotations (1), their concepts'
    # exact-match links for the JSON-LD sameAs (1). The site, settings, section menu and house
    # ads are read once per process: the same for 1 or 7 bylines, 9 or 60 blocks.
    assert small_count == large_count == 7
