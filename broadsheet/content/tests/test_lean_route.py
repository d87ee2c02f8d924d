"""The lean article route: the same page as Wagtail's serve in a fixed, small number of queries,
and everything it must not serve (drafts, restricted pages, other methods) left to Wagtail."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import timezone
from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from bench.article_fixture import EXPECTED_MARKUP, seed
from broadsheet.ads.models import AdSettings, HouseAd
from broadsheet.concepts.models import ConceptLink
from broadsheet.content.models import (
    ArticleAnnotation,
    ArticleByline,
    PublicationSettings,
    SectionPage,
)
from broadsheet.content.tests.factories import (
    AuthorFactory,
    ConceptFactory,
    ImageFactory,
    make_article,
    paragraphs,
)

WAGTAIL_ONLY = "config.wagtail_serve_urls"


def count_queries(client, url, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(captured), response


@pytest.fixture
def bench_article(db):
    """The benchmark's representative article (lead image, three bylines, 12 paragraphs, an
    inline image, a pull quote, two page links, ad slots, a running-story kicker)."""
    seeded = seed(host="testserver", port=80)
    return seeded["path"]


def test_article_urls_take_the_lean_route(section):
    article = make_article(section=section, title="Ferry timetable changes")
    assert resolve(article.url).url_name == "article_page"


def test_the_bench_article_in_six_queries_as_wagtail_renders_it(client, bench_article, settings):
    # Warm twice: the first render makes renditions and the settings rows it reads.
    client.get(bench_article)
    client.get(bench_article)
    count, lean = count_queries(client, bench_article)
    html = lean.content.decode()
    assert {marker: html.count(marker) for marker in EXPECTED_MARKUP} == EXPECTED_MARKUP
    # The article with its section, kicker and lead media (1), bylines with authors (1), the
    # body's images (1), the pages its paragraphs link to (1), annotations with concepts (1)
    # and their exact-match links (1). Site, settings, sections and ads are read once per
    # process; renditions are held per process (content.renditions).
    assert count == 6

    # Its paragraphs' page links point at the pages, as Wagtail writes them.
    freight = Page.objects.get(slug__startswith="border-line-reopens")
    unions = Page.objects.get(slug__startswith="rail-unions")
    assert f'<a href="{freight.url}">reopened to freight</a>' in html
    assert f'<a href="{unions.url}">agreed a summer timetable</a>' in html
    assert 'linktype="page"' not in html

    # Wagtail's serve answers the same bytes and cache headers.
    settings.ROOT_URLCONF = WAGTAIL_ONLY
    assert resolve(bench_article).url_name != "article_page"
    wagtail = client.get(bench_article)
    assert wagtail.status_code == 200
    assert lean.content == wagtail.content
    for header in ("Cache-Control", "Surrogate-Key", "Cache-Tag", "xkey", "ETag", "Vary"):
        assert lean[header] == wagtail[header], header
    assert "articlepage-" in lean["Surrogate-Key"]


def _grow(article, *, concepts: int, authors: int) -> None:
    start = article.bylines.count()
    for n in range(authors):
        ArticleByline.objects.create(
            page=article,
            author=AuthorFactory(photo=ImageFactory()),
            location=f"City {n}",
            sort_order=start + n,
        )
    for n in range(concepts):
        concept = ConceptFactory(
            pref_label=f"Topic {article.pk}-{n}", type="topic" if n % 2 else "person"
        )
        ConceptLink.objects.create(concept=concept, url=f"https://www.wikidata.org/wiki/Q{n + 1}")
        ArticleAnnotation.objects.create(
            article=article,
            concept=concept,
            predicate="about" if n % 3 == 0 else "majorMentions",
            source="auto",
            score=1.0 - n / 100,
            published_at=article.published_at,
        )


def test_query_count_is_constant_in_concepts_bylines_and_links(client, section):
    HouseAd.objects.create(
        name="Ad", image=ImageFactory(), link_url="https://example.org", alt_text="An ad"
    )
    small = make_article(section=section, title="Small", lead_image=ImageFactory())
    target = make_article(section=section, title="Linked to")
    linked_body = [
        (
            "paragraph",
            f'<p>See <a linktype="page" id="{target.pk}">the earlier story</a>, part {n}.</p>',
        )
        for n in range(8)
    ]
    large = make_article(
        section=section,
        title="Large",
        lead_image=ImageFactory(),
        body=[
            *paragraphs(4),
            *linked_body,
            *[("image", {"image": ImageFactory(), "caption": ""}) for _ in range(4)],
            *paragraphs(10),
        ],
    )
    small.body = [
        *paragraphs(4),
        ("paragraph", f'<p>One <a linktype="page" id="{target.pk}">link</a>.</p>'),
        ("image", {"image": ImageFactory(), "caption": ""}),
    ]
    small.save_revision().publish()
    _grow(small, concepts=1, authors=0)
    _grow(large, concepts=12, authors=7)
    counts = []
    for article in (small, large):
        client.get(article.url)
        client.get(article.url)
        counts.append(count_queries(client, article.url)[0])
    assert counts == [6, 6]


def test_query_string_still_takes_the_lean_route(client, section):
    url = make_article(section=section, title="Shared story").url
    client.get(url)
    client.get(url)
    plain_count, plain = count_queries(client, url)
    tagged_count, tagged = count_queries(client, url + "?utm_source=newsletter")
    assert tagged_count == plain_count
    assert tagged.content == plain.content


def test_a_draft_is_not_served_and_its_text_never_leaks(client, section, admin_user):
    never = make_article(
        section=section, title="Unpublished CANARYDRAFT", slug="secret", publish=False
    )
    assert client.get(f"/{section.slug}/{never.slug}/").status_code == 404

    live = make_article(section=section, title="Published headline", slug="open")
    live.title = "Draft headline CANARYREVISION"
    live.body = [("paragraph", "<p>Draft paragraph CANARYREVISION.</p>")]
    live.save_revision(user=admin_user)
    html = client.get(live.url).content.decode()
    assert "Published headline" in html
    assert "CANARY" not in html


def test_an_unpublished_article_is_gone(client, section):
    article = make_article(section=section, title="Withdrawn story", slug="withdrawn")
    url = article.url
    assert client.get(url).status_code == 200
    article.unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("on", ["article", "section"])
def test_password_restricted_articles_go_through_wagtail(client, section, on):
    article = make_article(
        section=section,
        title="Members' briefing",
        body=[("paragraph", "<p>Restricted paragraph CANARYPRIVATE.</p>")],
    )
    url = article.url
    client.get(url)  # the lean route has seen the article while it was public
    restricted = article if on == "article" else section
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "CANARYPRIVATE" not in html
    assert 'name="password"' in html
    assert response["Cache-Control"] == "private, no-store"
    assert "Surrogate-Key" not in response


def test_login_restricted_articles_redirect_to_sign_in(client, section):
    article = make_article(section=section, title="Staff notice")
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_other_methods_are_answered_by_wagtail(client, section):
    article = make_article(section=section, title="Options")
    response = client.options(article.url)
    assert response.status_code == 200
    assert "GET" in response["Allow"]


def test_unknown_articles_fall_through_to_wagtail_and_its_redirects(client, section):
    assert client.get(f"/{section.slug}/no-such-story/").status_code == 404
    target = make_article(section=section, title="New home", slug="new-home")
    Redirect.objects.create(old_path=f"/{section.slug}/old-home", redirect_page=target)
    response = client.get(f"/{section.slug}/old-home/")
    assert response.status_code == 301
    assert response["Location"].endswith(target.url)


def test_before_serve_page_hooks_still_run(client, section):
    article = make_article(section=section, title="Hooked")

    def refuse(page, request, args, kwargs):
        return HttpResponse(f"refused {page.pk}", status=451)

    with hooks.register_temporarily("before_serve_page", refuse):
        response = client.get(article.url)
    assert response.status_code == 451
    assert response.content.decode() == f"refused {article.pk}"


def test_site_chrome_is_read_again_after_a_change(client, home, section):
    article = make_article(section=section, title="Chrome story", body=paragraphs(12))
    HouseAd.objects.create(
        name="Ad", image=ImageFactory(), link_url="https://example.org", alt_text="An ad"
    )
    first = client.get(article.url).content.decode()
    assert 'class="ad-slot"' in first

    publication = PublicationSettings.for_site(home.get_site())
    publication.name = "The Evening Lantern"
    publication.save()
    home.add_child(instance=SectionPage(title="Science", slug="science"))
    ads = AdSettings.for_site(home.get_site())
    ads.is_enabled = False
    ads.save()

    html = client.get(article.url).content.decode()
    assert "The Evening Lantern" in html
    assert ">Science</a>" in html
    assert 'class="ad-slot"' not in html


def test_an_article_published_later_is_served_at_once(client, section):
    make_article(section=section, title="First")
    article = make_article(section=section, title="Second story", slug="second", publish=False)
    assert client.get(f"/{section.slug}/second/").status_code == 404
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.live
    assert timezone.now() >= article.first_published_at
    assert client.get(f"/{section.slug}/second/").status_code == 200


def test_a_paragraph_follows_its_link_target_and_its_own_edits(section, client):
    # Paragraph HTML is kept per process by its source and its link targets' current URLs.
    target = make_article(section=section, title="Ferry fares rise")
    article = make_article(
        section=section,
        title="Harbour reopens",
        body=[("paragraph", f'<p>See <a linktype="page" id="{target.pk}">the fares</a>.</p>')],
    )
    assert f'<a href="{target.url}">the fares</a>' in client.get(article.url).content.decode()

    target.slug = "ferry-fares-rise-again"
    target.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert '<a href="/world/ferry-fares-rise-again/">the fares</a>' in html

    article.body = [("paragraph", f'<p>See <a linktype="page" id="{target.pk}">new fares</a>.</p>')]
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert '<a href="/world/ferry-fares-rise-again/">new fares</a>' in html
    assert "the fares" not in html


def test_an_edited_image_shows_its_new_alt_text_and_caption(section, client):
    # Pictures are kept per process by their renditions and attributes, alt text included.
    image = ImageFactory(alt_text="A quay", caption="The quay")
    article = make_article(section=section, title="Quay reopens", lead_image=image)
    assert 'alt="A quay"' in client.get(article.url).content.decode()

    image.alt_text = "An empty quay at dawn"
    image.caption = "The quay at dawn"
    image.save()
    html = client.get(article.url).content.decode()
    assert 'alt="An empty quay at dawn"' in html
    assert "The quay at dawn" in html
    assert 'alt="A quay"' not in html


def test_held_renditions_are_looked_up_once_and_follow_a_new_focal_point(section, client):
    from broadsheet.content import rendering
    from broadsheet.content.renditions import attach_renditions

    image = ImageFactory(width=1600, height=900)
    article = make_article(section=section, title="Ferry returns", lead_image=image)
    first = client.get(article.url).content.decode()
    assert client.get(article.url).content.decode() == first

    # Within the process, the same specs find the same renditions without a second search.
    attach_renditions([image])
    held = image.prefetched_renditions
    assert isinstance(held, rendering.HeldRenditions)
    found = rendering.renditions(image, ["fill-1200x675|format-jpeg"])
    assert held.lookups
    assert rendering.renditions(image, ["fill-1200x675|format-jpeg"]) == found
    # A rendition Wagtail adds to the list forgets the lookups made without it.
    held.append(found["fill-1200x675|format-jpeg"])
    assert held.lookups == {}

    # A new focal point crops differently: the JSON-LD's cropped images follow it.
    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width, image.focal_point_height = 50, 50
    image.save()
    moved = client.get(article.url).content.decode()
    assert moved != first
    attach_renditions([image])
    cropped = rendering.renditions(image, ["fill-1200x675|format-jpeg"])
    assert (
        cropped["fill-1200x675|format-jpeg"].focal_point_key
        != found["fill-1200x675|format-jpeg"].focal_point_key
    )
