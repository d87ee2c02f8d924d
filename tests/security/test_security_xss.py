"""Stored XSS: every payload in every text field, then no executable construct on any page.

Payloads are packed into fields whole (as many as the column holds, so every payload reaches
every field), and saved through the models: the body as raw StreamField JSON, which the
sanitiser must clean on save. The public article, author, concept, section and front pages and
the admin edit, history, listing and snippet pages are parsed with html5lib and walked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from wagtail.models import Revision

from broadsheet.concepts.models import Concept
from broadsheet.content.models import (
    ArticlePage,
    Author,
    AuthorLink,
    BroadsheetImage,
    HomePage,
    SectionPage,
    Video,
)
from broadsheet.content.sanitise import clean_rich_text
from broadsheet.content.tests.factories import make_article, make_site

from .conftest import tiny_image_file
from .dom import Finding, executable_constructs, inline_script_shapes, json_ld_objects
from .payloads import PAYLOADS

BREAKOUT = "</script><script>alert(1)</script>"


@cache
def packed(max_length: int) -> tuple[str, ...]:
    """Return the payloads packed whole into strings of at most ``max_length`` characters.

    A payload longer than the column is cut to it (PostgreSQL enforces lengths; it stays hostile).
    """
    chunks: list[str] = []
    current = ""
    for payload in PAYLOADS:
        payload = payload[:max_length]
        if current and len(current) + len(payload) > max_length:
            chunks.append(current)
            current = ""
        current += payload
    return (*chunks, current)


ROWS = len(packed(200))
"""Objects of each kind: enough for the shortest hostile column (200 characters) to hold all."""


def hostile(row: int, max_length: int | None) -> str:
    """Return row ``row``'s value for a column of ``max_length`` (None: unbounded text)."""
    chunks = packed(max_length or 2000)
    return chunks[row % len(chunks)]


def column(model: type, field: str) -> int | None:
    return model._meta.get_field(field).max_length


@dataclass(frozen=True, slots=True)
class Dataset:
    home: HomePage
    section: SectionPage
    articles: list[ArticlePage]
    authors: list[Author]
    concepts: list[Concept]
    images: list[BroadsheetImage]
    videos: list[Video]
    harmless: ArticlePage


def make_image(row: int) -> BroadsheetImage:
    fields = ("title", "alt_text", "caption", "credit")
    return BroadsheetImage.objects.create(
        file=tiny_image_file(),
        **{field: hostile(row, column(BroadsheetImage, field)) for field in fields},
    )


def make_author(row: int) -> Author:
    author = Author.objects.create(
        slug=f"hostile-{row}",
        name=hostile(row, column(Author, "name")),
        job_title=hostile(row, column(Author, "job_title")),
        bio=hostile(row, None),
    )
    AuthorLink.objects.create(
        author=author, label=hostile(row, column(AuthorLink, "label")), url="https://example.org/"
    )
    return author


def make_hostile_article(row: int, dataset_parts: dict[str, list]) -> ArticlePage:
    """Save row ``row``'s payloads into every field of an article and every block type."""
    image = dataset_parts["images"][row]
    video = dataset_parts["videos"][row]
    own = [payload for index, payload in enumerate(PAYLOADS) if index % ROWS == row]
    body = [
        *({"type": "paragraph", "value": payload} for payload in own),
        {"type": "paragraph", "value": f"<p>Report {row}: {''.join(own)}</p>"},
        {"type": "subheading", "value": hostile(row, 200)},
        {
            "type": "blockquote",
            "value": {"quote": hostile(row, 2000), "attribution": hostile(row, 200)},
        },
        {
            "type": "pullquote",
            "value": {"quote": hostile(row, 2000), "attribution": hostile(row, 200)},
        },
        {"type": "image", "value": {"image": image.pk, "caption": hostile(row, 500)}},
        {"type": "video", "value": video.pk},
    ]
    authors = dataset_parts["authors"]
    bylines = [
        (authors[(row + offset) % ROWS], hostile(row + offset * ROWS, 100)) for offset in range(3)
    ]
    return make_article(
        section=dataset_parts["section"],
        slug=f"hostile-{row}",
        title=hostile(row, column(ArticlePage, "title")),
        standfirst=hostile(row, 600),
        social_headline=hostile(row, column(ArticlePage, "social_headline")),
        meta_description=hostile(row, column(ArticlePage, "meta_description")),
        copyright_holder=hostile(row, column(ArticlePage, "copyright_holder")),
        seo_title=hostile(row, column(ArticlePage, "seo_title")),
        search_description=hostile(row, None),
        body=json.dumps(body),
        display_concept=dataset_parts["concepts"][row],
        lead_image=image,
        authors=bylines,
    )


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker) -> Iterator[Dataset]:
    """Build the hostile publication once for the module, inside a transaction rolled back after."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            home, section = make_site()
            parts: dict[str, list] = {"section": section}  # type: ignore[dict-item]
            parts["images"] = [make_image(row) for row in range(ROWS)]
            parts["authors"] = [make_author(row) for row in range(ROWS)]
            parts["concepts"] = [
                Concept.objects.create(
                    slug=f"hostile-{row}",
                    pref_label=hostile(row, column(Concept, "pref_label")),
                    description=hostile(row, None),
                )
                for row in range(ROWS)
            ]
            parts["videos"] = [
                Video.objects.create(
                    hls_url="https://stream.example.org/clip.m3u8",
                    poster=parts["images"][row],
                    **{
                        field: hostile(row, column(Video, field))
                        for field in ("title", "caption", "credit")
                    },
                )
                for row in range(ROWS)
            ]
            articles = [make_hostile_article(row, parts) for row in range(ROWS)]
            for row, article in enumerate(articles):
                # A calm draft on top, so the compare view shows the hostile text it replaced.
                article.title = f"Calm rewrite {row}"
                article.standfirst = "Nothing to see."
                article.save_revision()
                article.refresh_from_db()
            harmless = make_article(section=section, title="Quiet day at the harbour", slug="quiet")
            yield Dataset(
                home=home,
                section=section,
                articles=articles,
                authors=parts["authors"],
                concepts=parts["concepts"],
                images=parts["images"],
                videos=parts["videos"],
                harmless=harmless,
            )
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            # Rendition and site-root caches would outlive the rolled-back rows.
            caches["renditions"].clear()
            caches["default"].clear()


def listing_pages(client: Client, first_url: str) -> list[tuple[str, str]]:
    """Return (url, html) of a listing and of every older page it links to."""
    pages = []
    url: str | None = first_url
    while url is not None:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        pages.append((url, html))
        older = re.search(r'rel="next" href="\?before=([^"]+)"', html)
        url = f"{first_url}?before={older.group(1)}" if older else None
    return pages


def report(findings: dict[str, list[Finding]]) -> str:
    lines = [f"{url}: {finding}" for url, found in findings.items() for finding in found]
    return f"{len(lines)} executable constructs:\n" + "\n".join(lines[:40])


def test_there_are_at_least_200_distinct_payloads_and_every_field_holds_them_all():
    assert len(PAYLOADS) == len(set(PAYLOADS)) >= 200
    for max_length in (100, 200, 255, 300, 400, 500, 600, 2000):
        joined = "".join(packed(max_length))
        assert all(payload[:max_length] in joined for payload in PAYLOADS)
        assert max(len(chunk) for chunk in packed(max_length)) <= max_length
    assert len(packed(100)) <= 3 * ROWS  # three bylines an article hold every location


@pytest.mark.django_db
def test_no_payload_executes_on_any_public_page(client, dataset):
    # given every payload in every field; when anonymous readers open every public page
    pages = [
        *listing_pages(client, dataset.home.url),
        *listing_pages(client, dataset.section.url),
    ]
    urls = [
        *(article.url for article in dataset.articles),
        *(author.get_absolute_url() for author in dataset.authors),
        *(concept.get_absolute_url() for concept in dataset.concepts),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages.append((url, response.content.decode()))

    # then there is not one executable construct
    findings = {url: found for url, html in pages if (found := executable_constructs(html))}
    assert findings == {}, report(findings)
    assert len(pages) >= 3 * ROWS + 2


@pytest.mark.django_db
def test_json_ld_carries_a_script_breakout_as_data(client, dataset):
    # given an article whose headline and description close the script element
    row = next(row for row in range(ROWS) if BREAKOUT in hostile(row, 255))
    article = dataset.articles[row]

    # when the article page is rendered
    html = client.get(article.url).content.decode()

    # then the JSON-LD is one data block holding the text exactly
    (news_article,) = json_ld_objects(html)
    assert news_article["headline"] == article.social_headline[:110]
    assert news_article["description"] == article.meta_description
    assert BREAKOUT in article.social_headline
    assert BREAKOUT not in html


@pytest.mark.django_db
def test_stored_bodies_and_revisions_hold_only_sanitised_html(dataset):
    # given bodies assigned as raw StreamField JSON; when the rows and revisions are read raw
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM content_articlepage")
        streams = [json.loads(body) for (body,) in cursor.fetchall()]
    for revision in Revision.objects.filter(content_type__model="articlepage"):
        body = revision.content["body"]
        streams.append(json.loads(body) if isinstance(body, str) else body)

    # then every paragraph is already what the sanitiser makes of it, and inert
    paragraphs = [
        item["value"] for stream in streams for item in stream if item["type"] == "paragraph"
    ]
    harmless_paragraphs = 5
    assert len(paragraphs) == 3 * (len(PAYLOADS) + ROWS) + 2 * harmless_paragraphs
    assert [html for html in paragraphs if clean_rich_text(html) != html] == []
    assert [html for html in paragraphs if executable_constructs(html)] == []


def admin_urls(
    *, article: ArticlePage, author: Author, concept: Concept, video: Video, image: BroadsheetImage
) -> list[str]:
    return [
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{article.pk}/history/",
        f"/admin/pages/{article.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{article.pk}/revisions/{article.live_revision_id}/view/",
        f"/admin/snippets/content/author/edit/{author.pk}/",
        f"/admin/snippets/concepts/concept/edit/{concept.pk}/",
        f"/admin/snippets/content/video/edit/{video.pk}/",
        f"/admin/images/{image.pk}/",
    ]


ADMIN_SAMPLE_STEP = 4
"""Every fourth row's object pages: each admin page costs a fifth of a second to render."""

LISTINGS = [
    "/admin/articles/",
    "/admin/snippets/content/author/",
    "/admin/snippets/concepts/concept/",
    "/admin/snippets/content/video/",
    "/admin/images/",
    "/admin/pages/search/?q=alert",
]


@pytest.mark.django_db
def test_no_payload_executes_in_the_admin(admin_client, dataset):
    # given the admin's own inline scripts, taken from the same pages for harmless objects
    harmless_author = dataset.harmless.bylines.get().author
    harmless_image = BroadsheetImage.objects.create(title="Quay", file=tiny_image_file())
    harmless_concept = Concept.objects.create(slug="tides", pref_label="Tides")
    harmless_video = Video.objects.create(title="Tide", hls_url="https://stream.example.org/t.m3u8")
    baseline_urls = [
        *admin_urls(
            article=dataset.harmless,
            author=harmless_author,
            concept=harmless_concept,
            video=harmless_video,
            image=harmless_image,
        ),
        f"/admin/pages/{dataset.section.pk}/",
        "/admin/pages/search/?q=quiet",
    ]
    allowed = frozenset().union(
        *(inline_script_shapes(admin_client.get(url).content.decode()) for url in baseline_urls)
    )

    # when a superuser opens every page of each listing (all titles and names), and the edit,
    # history, compare and revision pages of every fourth row and its snippets and image
    urls = [f"/admin/pages/{dataset.section.pk}/?p={page}" for page in range(1, ROWS // 50 + 2)]
    urls += [
        f"{listing}{'&' if '?' in listing else '?'}p={page}"
        for listing in LISTINGS
        for page in range(1, ROWS // 20 + 2)
    ]
    for row in range(0, ROWS, ADMIN_SAMPLE_STEP):
        urls += admin_urls(
            article=dataset.articles[row],
            author=dataset.authors[row],
            concept=dataset.concepts[row],
            video=dataset.videos[row],
            image=dataset.images[row],
        )
    findings: dict[str, list[Finding]] = {}
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code in (200, 404), url
        if response.status_code == 404:
            assert "?p=" in url or "&p=" in url, url  # past the last page of a listing
            continue
        html = response.content.decode()
        if found := executable_constructs(
            html,
            allowed_inline_scripts=allowed,
            allowed_script_paths=("/static/", "/admin/jsi18n/"),
        ):
            findings[url] = found

    # then only the admin's own scripts are there
    assert findings == {}, report(findings)
