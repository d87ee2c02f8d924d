"""Articles through the content API: lists, filters, cursors, detail; never a draft."""

from __future__ import annotations

import pytest

from broadsheet.content.tests.factories import make_article

pytestmark = pytest.mark.django_db


def ids(response):
    return [item["id"] for item in response.json()["items"]]


def test_list_gives_published_articles_newest_first(api, newsroom):
    response = api.get("/api/v1/articles")
    assert response.status_code == 200
    assert ids(response) == [newsroom["second"].pk, newsroom["first"].pk]
    first = response.json()["items"][1]
    assert first["headline"] == "Harbour workers vote to end strike"
    assert [(b["author"]["name"], b["location"]) for b in first["bylines"]] == [
        ("Ana Lima", "Lisbon"),
        ("Rui Faria", ""),
    ]
    assert first["section"]["slug"] == "world"
    assert [r["width"] for r in first["lead_image"]["renditions"]] == [640, 1024, 1600]
    assert first["lead_image"]["renditions"][0]["url"].startswith("http://testserver/")


def test_list_filters_by_concept_slug_or_uri_section_and_author(api, newsroom):
    first, second = newsroom["first"].pk, newsroom["second"].pk
    assert ids(api.get("/api/v1/articles?concept=harbour-strike")) == [first]
    assert ids(api.get("/api/v1/articles?concept=bs:story/harbour-strike")) == [first]
    assert ids(api.get("/api/v1/articles?section=world")) == [second, first]
    assert ids(api.get("/api/v1/articles?author=ana-lima")) == [first]
    assert ids(api.get("/api/v1/articles?author=rui-faria")) == [second, first]


def test_updated_since_keeps_articles_published_after_it(api, newsroom):
    second = newsroom["second"]
    since = second.last_published_at.isoformat()
    response = api.get("/api/v1/articles", {"updated_since": since})
    assert ids(response) == [second.pk]
    assert ids(api.get("/api/v1/articles", {"updated_since": "2100-01-01T00:00:00Z"})) == []


def test_cursor_walks_every_article_once(api, section):
    made = [make_article(section=section, title=f"Tide report {n}") for n in range(5)]
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = api.get("/api/v1/articles", params).json()
        seen += [item["id"] for item in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == [a.pk for a in reversed(made)]


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("?colour=red", "unknown query parameter: colour"),
        ("?section=world&sectoin=world", "unknown query parameter: sectoin"),
        ("?cursor=not-a-cursor", "malformed cursor"),
        ("?cursor=MjAyNi0wMS0wMVQwMDowMDowMCswMDowMHw1", "malformed cursor"),
        ("?updated_since=last-tuesday", "invalid parameter: updated_since"),
        ("?limit=0", "invalid parameter: limit"),
        ("?concept=no-such-concept", "concept: no concept has the slug or URI"),
        ("?section=nowhere", "section: no section has the slug"),
        ("?limit=2&limit=3", "query parameter limit is given 2 times"),
        ("?concept=a%00b", "invalid parameter: concept"),
    ],
)
def test_bad_input_is_400_with_the_reason(api, newsroom, query, reason):
    response = api.get("/api/v1/articles" + query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert reason in response.json()["detail"]


def test_detail_has_bylines_media_body_and_annotations(api, newsroom):
    article = newsroom["first"]
    response = api.get(f"/api/v1/articles/{article.pk}")
    assert response.status_code == 200
    data = response.json()
    assert data["standfirst"] == article.standfirst
    assert data["lead_media"]["kind"] == "image"
    assert data["lead_media"]["image"]["alt_text"] == "A quay at dusk with fishing boats tied up"
    assert [b["type"] for b in data["body"]] == [
        "paragraph",
        "subheading",
        "blockquote",
        "image",
        "paragraph",
    ]
    assert data["body"][0]["html"] == "<p>Dockers voted <b>by a wide margin</b> to return.</p>"
    assert data["body"][2]["attribution"] == "A crane driver"
    assert data["body"][3]["caption"] == "Cranes idle at the port"
    assert data["body"][3]["image"]["renditions"][0]["name"] == "small"
    strike = next(a for a in data["annotations"] if a["concept"]["slug"] == "harbour-strike")
    assert strike["predicate"] == "about"
    assert strike["source"] == "editor"
    assert strike["score"] == 5.0
    assert strike["evidence"] == [{"zone": "headline", "start": 0, "end": 7, "text": "Harbour"}]
    assert data["ninjs_url"] == f"http://testserver/api/v1/articles/{article.pk}/ninjs"


def test_drafts_unpublished_and_private_articles_are_404(api, newsroom, section):
    from wagtail.models import PageViewRestriction

    private = make_article(section=section, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    gone = make_article(section=section, title="Withdrawn")
    gone.unpublish()
    for article in (newsroom["draft"], private, gone):
        response = api.get(f"/api/v1/articles/{article.pk}")
        assert response.status_code == 404
        assert "no published article has the id" in response.json()["detail"]
        assert api.get(f"/api/v1/articles/{article.pk}/ninjs").status_code == 404
    listed = ids(api.get("/api/v1/articles?limit=100"))
    assert {newsroom["draft"].pk, private.pk, gone.pk}.isdisjoint(listed)
    assert ids(api.get("/api/v1/articles?concept=harbour-strike")) == [newsroom["first"].pk]


def test_unknown_id_and_unknown_path_are_json_404(api, newsroom):
    assert api.get("/api/v1/articles/999999").status_code == 404
    response = api.get("/api/v1/nothing/here")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("no such endpoint")


def test_list_query_count_does_not_grow_with_articles(api, section, django_assert_num_queries):
    for n in range(3):
        make_article(section=section, title=f"Short item {n}")
    api.get("/api/v1/articles")  # renditions and site caches warm
    # The key; the articles with sections and lead images; bylines; renditions.
    with django_assert_num_queries(4):
        api.get("/api/v1/articles")
    for n in range(4):
        make_article(section=section, title=f"More item {n}")
    api.get("/api/v1/articles")
    with django_assert_num_queries(4):
        response = api.get("/api/v1/articles")
    assert len(response.json()["items"]) == 7


def test_a_pending_draft_of_a_live_article_never_shows(api, newsroom):
    import secrets

    canary = f"CANARY{secrets.token_hex(8).upper()}"
    article = newsroom["first"]
    draft = article.get_latest_revision_as_object()
    draft.title = f"Harbour {canary}"
    draft.standfirst = f"Standfirst {canary}"
    draft.body = [("paragraph", f"<p>Body {canary}</p>")]
    draft.save_revision()
    never = newsroom["draft"]
    never.title = f"Never published {canary}"
    never.save_revision()
    urls = [
        "/api/v1/articles?limit=100",
        f"/api/v1/articles/{article.pk}",
        f"/api/v1/articles/{article.pk}/ninjs",
        f"/api/v1/articles/{never.pk}",
        "/api/v1/concepts/harbour-strike/articles",
        "/api/v1/articles?author=ana-lima",
    ]
    for url in urls:
        response = api.get(url)
        assert response.status_code in (200, 404), url
        assert canary not in response.content.decode(), url
    headline = api.get(f"/api/v1/articles/{article.pk}").json()["headline"]
    assert headline == "Harbour workers vote to end strike"
