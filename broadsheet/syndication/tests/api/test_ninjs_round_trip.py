"""An article exported as ninjs and imported into an empty site with import_ninjs comes back the same."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import TestCase

from broadsheet.concepts.models import Concept
from broadsheet.content.models import (
    AnnotationSource,
    ArticleAnnotation,
    ArticlePage,
    Author,
    BroadsheetImage,
    Predicate,
)

from .conftest import tag

pytestmark = pytest.mark.django_db


def mirror(item: dict, folder: Path) -> dict:
    """Save each rendition next to the JSON and point its href there, as a partner's mirror does."""
    (folder / "media").mkdir()
    for association in item.get("associations", []):
        for rendition in association["renditions"]:
            name = urlsplit(rendition["href"]).path.removeprefix(settings.MEDIA_URL)
            target = folder / "media" / Path(name).name
            with default_storage.open(name, "rb") as source:
                target.write_bytes(source.read())
            rendition["href"] = f"media/{target.name}"
    return item


def comparable(item: dict) -> dict:
    """Return the export without what names this copy's files and revision."""
    item = json.loads(json.dumps(item))
    item.pop("version")
    for association in item.get("associations", []):
        association.pop("uri")
        for rendition in association["renditions"]:
            rendition.pop("href")
    return item


def empty_the_site() -> None:
    for page in ArticlePage.objects.all():
        page.delete()
    Author.objects.all().delete()
    BroadsheetImage.objects.all().delete()
    Concept.objects.filter(section__isnull=True).delete()


def snapshot(page: ArticlePage) -> dict:
    body = []
    for block in page.body:
        if block.block_type == "paragraph":
            body.append(("paragraph", block.value.source))
        elif block.block_type == "image":
            image = block.value["image"]
            caption = block.value["caption"] or image.caption
            body.append(("image", caption, image.alt_text, image.credit, image.width, image.height))
        elif block.block_type == "blockquote":
            body.append(("blockquote", block.value["quote"], block.value["attribution"]))
        else:
            body.append((block.block_type, str(block.value)))
    lead = page.lead_image
    return {
        "headline": page.title,
        "social_headline": page.social_headline,
        "standfirst": page.standfirst,
        "body": body,
        "bylines": [(b.author.name, b.location) for b in page.bylines.order_by("sort_order")],
        "published_at": page.published_at,
        "updated_at": page.updated_at,
        "lead": (lead.title, lead.caption, lead.alt_text, lead.credit, lead.width, lead.height),
        "live": page.live,
    }


def test_export_then_import_into_an_empty_site_gives_back_the_article(
    api, newsroom, section, tmp_path
):
    article = newsroom["first"]
    ArticlePage.objects.filter(pk=article.pk).update(
        social_headline="Dockers back deal", updated_at=datetime(2030, 5, 1, 9, 30, tzinfo=UTC)
    )
    minister = Concept.objects.create(
        type="person", pref_label="Marta Quintela", slug="marta-quintela", uri="bs:person/mq"
    )
    port = Concept.objects.create(type="location", pref_label="Porto Novo", slug="porto-novo")
    tag(article, minister, Predicate.MAJOR_MENTIONS, score=3.5, source=AnnotationSource.AUTO)
    tag(article, port, Predicate.MENTIONS, score=1.0, source=AnnotationSource.AUTO)
    article.refresh_from_db()
    before = snapshot(article)

    exported = api.get(f"/api/v1/articles/{article.pk}/ninjs").json()
    assert exported["subjects"] == [
        {"name": "Harbour strike", "rel": "about", "uri": "bs:story/harbour-strike"}
    ]
    assert exported["people"] == [
        {"name": "Marta Quintela", "rel": "majorMentions", "uri": "bs:person/mq"}
    ]
    assert exported["places"] == [
        {
            "name": "Porto Novo",
            "rel": "mentions",
            "uri": "http://testserver" + port.get_absolute_url(),
        }
    ]
    path = tmp_path / "article.json"
    path.write_text(json.dumps(mirror(json.loads(json.dumps(exported)), tmp_path)))

    empty_the_site()
    assert not ArticlePage.objects.exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("import_ninjs", str(path), "--publish", "--section", "world")

    imported = ArticlePage.objects.get(wire_uri=exported["uri"])
    assert snapshot(imported) == before
    wire_tags = sorted(
        (row.concept.pref_label, row.concept.uri, row.predicate)
        for row in ArticleAnnotation.objects.filter(
            article=imported, source=AnnotationSource.WIRE
        ).select_related("concept")
    )
    assert wire_tags == sorted(
        [
            ("Harbour strike", "bs:story/harbour-strike", "about"),
            ("Marta Quintela", "bs:person/mq", "majorMentions"),
            ("Porto Novo", exported["places"][0]["uri"], "mentions"),
        ]
    )

    # Once an editor accepts the concepts the import suggested, the new site exports the same item.
    Concept.objects.filter(is_suggested=True).update(is_active=True)
    again = api.get(f"/api/v1/articles/{imported.pk}/ninjs").json()
    assert comparable(again) == comparable(exported)
