"""Draft text never reaches anonymous readers: a canary in drafts, swept across the public pages."""

from __future__ import annotations

import secrets

import pytest
from django.test import Client

from broadsheet.content.tests.factories import AuthorFactory, ConceptFactory, make_article

pytestmark = pytest.mark.django_db

PUBLISHED_HEADLINE = "Lifeboat crew rescues two from the estuary"
PUBLISHED_STANDFIRST = "Both sailors were brought ashore unhurt after their dinghy overturned."


def canary() -> str:
    return f"CANARY{secrets.token_hex(8).upper()}"


def variants(token: str) -> list[str]:
    """Return the forms a leaked canary could take in a page: as is, lowercased, cut short."""
    return [token, token.lower(), token[:14]]


@pytest.fixture
def drafts(section, admin_user):
    """Return (never-published article, live article with a draft revision, canaries, author, concept)."""
    author = AuthorFactory(name="Marta Quintela", slug="marta-quintela")
    concept = ConceptFactory(pref_label="Coastal rescues", slug="coastal-rescues")
    never_published_canary = canary()
    draft_revision_canary = canary()
    never_published = make_article(
        section=section,
        title=f"Harbour master resigns {never_published_canary}",
        standfirst=f"The resignation letter {never_published_canary} was seen by staff.",
        body=[("paragraph", f"<p>Unpublished detail {never_published_canary}.</p>")],
        authors=[(author, "Aveiro")],
        display_concept=concept,
        slug="harbour-master-resigns",
        publish=False,
    )
    live = make_article(
        section=section,
        title=PUBLISHED_HEADLINE,
        standfirst=PUBLISHED_STANDFIRST,
        authors=[(author, "Aveiro")],
        display_concept=concept,
        slug="lifeboat-rescue",
    )
    live.title = f"Lifeboat crew rescues two {draft_revision_canary}"
    live.standfirst = f"Updated draft {draft_revision_canary}"
    live.body = [("paragraph", f"<p>Draft paragraph {draft_revision_canary}.</p>")]
    live.save_revision(user=admin_user)
    return never_published, live, [never_published_canary, draft_revision_canary], author, concept


def test_anonymous_pages_never_show_draft_text(drafts, home, section):
    never_published, live, canaries, author, concept = drafts
    client = Client()
    urls = [
        "/",
        section.url,
        author.get_absolute_url(),
        concept.get_absolute_url(),
        live.url,
        f"/{section.slug}/{never_published.slug}/",
        f"/admin/pages/{never_published.pk}/view_draft/",
        f"/admin/pages/{live.pk}/view_draft/",
        f"/admin/pages/{live.pk}/revisions/{live.latest_revision_id}/view/",
    ]

    # when anonymous readers request every page that lists or shows the articles
    responses = {url: client.get(url) for url in urls}

    # then the pages answer as expected and no form of either canary appears
    assert {url: response.status_code for url, response in responses.items()} == {
        "/": 200,
        section.url: 200,
        author.get_absolute_url(): 200,
        concept.get_absolute_url(): 200,
        live.url: 200,
        f"/{section.slug}/{never_published.slug}/": 404,
        f"/admin/pages/{never_published.pk}/view_draft/": 302,
        f"/admin/pages/{live.pk}/view_draft/": 302,
        f"/admin/pages/{live.pk}/revisions/{live.latest_revision_id}/view/": 302,
    }
    leaks = [
        (url, form)
        for url, response in responses.items()
        for token in canaries
        for form in variants(token)
        if form in response.content.decode()
    ]
    assert leaks == []


def test_the_live_article_shows_its_published_text_not_the_draft(drafts):
    _never_published, live, canaries, _author, _concept = drafts

    html = Client().get(live.url).content.decode()

    assert f">{PUBLISHED_HEADLINE}</h1>" in html
    assert PUBLISHED_STANDFIRST in html
    assert "Paragraph 1 of the report" in html
    assert canaries[1] not in html


def test_listings_show_the_live_article_once_and_never_the_draft(drafts, home, section):
    never_published, live, _canaries, author, concept = drafts
    client = Client()

    for url in ("/", section.url, author.get_absolute_url(), concept.get_absolute_url()):
        html = client.get(url).content.decode()

        assert html.count(f'href="{live.url}"') >= 1, url
        assert f"/{never_published.slug}/" not in html, url
