"""Concepts, authors and sections through the content API."""

from __future__ import annotations

import pytest

from broadsheet.concepts.models import Concept, ConceptLabel
from broadsheet.content.models import ArticleAnnotation
from broadsheet.content.tests.factories import AuthorFactory, ImageFactory, make_article

from .conftest import tag

pytestmark = pytest.mark.django_db


def test_concept_search_matches_label_or_alias_and_type(api, newsroom):
    ConceptLabel.objects.create(concept=newsroom["strike"], label="Dock walkout")
    Concept.objects.create(type="topic", pref_label="Harbour fees", slug="harbour-fees")
    Concept.objects.create(
        type="topic", pref_label="Harbour dredging", slug="harbour-dredging", is_active=False
    )
    slugs = [c["slug"] for c in api.get("/api/v1/concepts?q=harbour").json()["items"]]
    assert slugs == ["harbour-strike", "harbour-fees"]
    assert [c["slug"] for c in api.get("/api/v1/concepts?q=walkout").json()["items"]] == [
        "harbour-strike"
    ]
    typed = api.get("/api/v1/concepts", {"q": "harbour", "type": "story"}).json()["items"]
    assert [c["slug"] for c in typed] == ["harbour-strike"]


def test_concept_list_pages_by_cursor(api, db):
    made = [
        Concept.objects.create(type="topic", pref_label=f"Tides {n}", slug=f"tides-{n}")
        for n in range(5)
    ]
    first = api.get("/api/v1/concepts", {"q": "tides", "limit": 3}).json()
    second = api.get("/api/v1/concepts", {"q": "tides", "cursor": first["next_cursor"]}).json()
    assert [c["id"] for c in first["items"] + second["items"]] == [c.pk for c in made]
    assert second["next_cursor"] is None


def test_concept_detail_and_its_articles(api, newsroom):
    strike = newsroom["strike"]
    ConceptLabel.objects.create(concept=strike, label="Dock walkout")
    data = api.get("/api/v1/concepts/harbour-strike").json()
    assert data["uri"] == "bs:story/harbour-strike"
    assert data["aliases"] == ["Dock walkout"]
    articles = api.get("/api/v1/concepts/harbour-strike/articles").json()["items"]
    assert [a["id"] for a in articles] == [newsroom["first"].pk]


def test_a_merged_concept_answers_for_its_survivor(api, newsroom):
    old = Concept.objects.create(
        type="story", pref_label="Dock strike", slug="dock-strike", superseded_by=newsroom["strike"]
    )
    assert old.is_active
    assert api.get("/api/v1/concepts/dock-strike").json()["slug"] == "harbour-strike"


def test_inactive_and_unknown_concepts_are_404(api, newsroom):
    Concept.objects.create(type="topic", pref_label="Pending", slug="pending", is_active=False)
    for slug in ("pending", "no-such-thing"):
        response = api.get(f"/api/v1/concepts/{slug}")
        assert response.status_code == 404
        assert "no active concept has the slug" in response.json()["detail"]


def test_authors_only_with_published_articles(api, newsroom, section):
    ghost = AuthorFactory(name="Draft Only", slug="draft-only")
    make_article(section=section, title="Unpublished piece", authors=[(ghost, "")], publish=False)
    slugs = {a["slug"] for a in api.get("/api/v1/authors?limit=100").json()["items"]}
    assert {"ana-lima", "rui-faria"} <= slugs
    assert "draft-only" not in slugs
    assert api.get("/api/v1/authors/draft-only").status_code == 404
    ana = api.get("/api/v1/authors/ana-lima").json()
    assert ana["name"] == "Ana Lima"
    assert ana["url"] == "http://testserver/authors/ana-lima/"


def test_sections(api, newsroom, home):
    from broadsheet.content.models import SectionPage

    home.add_child(instance=SectionPage(title="Hidden", slug="hidden", live=False))
    assert [s["slug"] for s in api.get("/api/v1/sections").json()["items"]] == ["world"]
    world = api.get("/api/v1/sections/world").json()
    assert world["url"] == "http://testserver/world/"
    assert api.get("/api/v1/sections/hidden").status_code == 404


def test_detail_query_count_does_not_grow_with_bylines_images_or_annotations(api, section):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def article(n):
        authors = [(AuthorFactory(), f"City {i}") for i in range(n)]
        body = [
            ("image", {"image": ImageFactory(), "caption": ""}),
            ("paragraph", "<p>Text.</p>"),
        ] * n
        page = make_article(
            section=section,
            title=f"Story with {n}",
            authors=authors,
            body=body,
            lead_image=ImageFactory(),
        )
        for i in range(n):
            tag(
                page, Concept.objects.create(type="topic", pref_label=f"T{n}-{i}", slug=f"t{n}-{i}")
            )
        return page

    small, large = article(1), article(4)
    assert ArticleAnnotation.objects.filter(article=large, published_at__isnull=False).count() >= 4
    counts = []
    for page in (small, large):
        api.get(f"/api/v1/articles/{page.pk}")  # renditions made, caches warm
        with CaptureQueriesContext(connection) as captured:
            api.get(f"/api/v1/articles/{page.pk}")
        counts.append(len(captured.captured_queries))
    # The key; the article with section and lead media; bylines; annotations; renditions of the
    # lead image; the publication settings; body images; their renditions.
    assert counts == [counts[0], counts[0]]
    assert counts[0] <= 10
