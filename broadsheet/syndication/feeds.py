"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the front page, sections, concepts and authors.

Each view reads one listing through ``broadsheet.content.queries`` (the same rows the HTML page
lists), adds one query for the articles' concepts, renders the feed and answers conditional GETs
(``ETag`` is a hash of the body, ``Last-Modified`` the newest publication among the entries).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from wagtail.models import Site

from broadsheet.concepts.models import Concept, ConceptType
from broadsheet.content.models import (
    ArticleAnnotation,
    ArticlePage,
    Author,
    Predicate,
    PublicationSettings,
    SectionPage,
)
from broadsheet.content.queries import (
    articles_by_author,
    articles_for_concept,
    latest_articles,
    section_page_of_articles,
)
from broadsheet.core.http_cache import cache_publicly, key_for

from .links import absolute
from .structured_data import IMAGE_RENDITIONS, language_tag

FEED_LENGTH = 20
CATEGORY_PREDICATES = (
    Predicate.ABOUT,
    Predicate.MAJOR_MENTIONS,
    Predicate.PRIMARY_SECTION,
    Predicate.DISPLAY_TAG,
)
"""Concepts an entry lists as categories: what it is about, majorly mentions, and is filed
under; authors are listed as authors, passing mentions not at all."""
EMPTY_FEED_UPDATED_AT = datetime(2000, 1, 1, tzinfo=UTC)
"""``updated`` of a feed with no entries, fixed so its ETag stays stable."""
CACHE_SECONDS = 300

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"
ET.register_namespace("atom", ATOM_NS)
ET.register_namespace("media", MEDIA_NS)
ET.register_namespace("dc", DC_NS)


# --- What a feed says, whatever its format ------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedImage:
    url: str
    width: int
    height: int
    alt: str
    media_type: str = "image/jpeg"


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedAuthor:
    name: str
    url: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedCategory:
    label: str
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedEntry:
    url: str
    title: str
    summary: str
    published_at: datetime
    updated_at: datetime
    authors: list[FeedAuthor]
    categories: list[FeedCategory]
    image: FeedImage | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Feed:
    title: str
    description: str
    home_url: str
    feed_url: str
    """The address of this feed in the format being rendered (its self link)."""
    language: str
    publisher: str
    category_scheme: str
    updated_at: datetime
    entries: list[FeedEntry]


def feed_entries(articles: Sequence[ArticlePage], *, request: HttpRequest) -> list[FeedEntry]:
    """Return feed entries for articles read by ``content.queries.article_cards``.

    Costs one query for all the articles' concepts; bylines, lead images and renditions come
    prefetched with the cards.
    """
    prefetch_related_objects(
        list(articles),
        Prefetch(
            "annotations",
            queryset=ArticleAnnotation.objects.filter(
                published_at__isnull=False,
                predicate__in=CATEGORY_PREDICATES,
                concept__is_active=True,
                concept__superseded_by__isnull=True,
            )
            .select_related("concept")
            .order_by("-score", "concept__pref_label", "pk"),
            to_attr="feed_annotations",
        ),
    )
    entries = []
    for article in articles:
        published = article.published_at
        if published is None:
            continue
        updated = (
            article.updated_at
            if article.updated_at and article.updated_at > published
            else published
        )
        categories: dict[int, FeedCategory] = {}
        for row in article.feed_annotations:  # type: ignore[attr-defined]
            if row.concept.type == ConceptType.AUTHOR:
                continue
            categories.setdefault(
                row.concept_id,
                FeedCategory(
                    label=row.concept.pref_label,
                    url=absolute(request, row.concept.get_absolute_url()),
                ),
            )
        image = None
        if article.lead_image is not None:
            rendition = article.lead_image.get_rendition(IMAGE_RENDITIONS["16x9"])
            image = FeedImage(
                url=absolute(request, rendition.url),
                width=rendition.width,
                height=rendition.height,
                alt=article.lead_image.alt_text,
            )
        entries.append(
            FeedEntry(
                url=absolute(request, article.get_url(request) or ""),
                title=article.social_headline or article.title,
                summary=article.meta_description or article.standfirst,
                published_at=published,
                updated_at=updated,
                authors=[
                    FeedAuthor(
                        name=byline.author.name,
                        url=absolute(request, byline.author.get_absolute_url())
                        if byline.author.has_page
                        else None,
                    )
                    for byline in article.bylines.all()
                ],
                categories=list(categories.values()),
                image=image,
            )
        )
    return entries


# --- Formats ------------------------------------------------------------------------------


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _media_content(
    parent: ET.Element, image: FeedImage, *, prefix: str = f"{{{MEDIA_NS}}}"
) -> None:
    """Add the image as Media RSS ``content``; ``prefix`` is the namespace, or ``media:``."""
    media = ET.SubElement(
        parent,
        prefix + "content",
        {
            "url": image.url,
            "type": image.media_type,
            "medium": "image",
            "width": str(image.width),
            "height": str(image.height),
        },
    )
    if image.alt:
        _text(media, prefix + "description", image.alt, type="plain")


def render_rss(feed: Feed) -> bytes:
    """Return the feed as RSS 2.0, with Media RSS images and Dublin Core creators."""
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", feed.home_url)
    _text(channel, "description", feed.description)
    _text(channel, "language", feed.language.lower())
    _text(channel, "lastBuildDate", format_datetime(feed.updated_at.astimezone(UTC)))
    ET.SubElement(
        channel,
        f"{{{ATOM_NS}}}link",
        {"href": feed.feed_url, "rel": "self", "type": "application/rss+xml"},
    )
    for entry in feed.entries:
        item = ET.SubElement(channel, "item")
        _text(item, "title", entry.title)
        _text(item, "link", entry.url)
        _text(item, "guid", entry.url, isPermaLink="true")
        _text(item, "description", entry.summary)
        _text(item, "pubDate", format_datetime(entry.published_at.astimezone(UTC)))
        for author in entry.authors:
            _text(item, f"{{{DC_NS}}}creator", author.name)
        for category in entry.categories:
            _text(item, "category", category.label, domain=feed.category_scheme)
        if entry.image is not None:
            _media_content(item, entry.image)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)


def _atom_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def render_atom(feed: Feed) -> bytes:
    """Return the feed as Atom 1.0, the lead image as an enclosure link and Media RSS content."""
    # Atom is the default namespace, declared by hand: ElementTree's default_namespace option
    # refuses the unqualified attributes every Atom element has.
    atom = ET.Element(
        "feed", {"xmlns": ATOM_NS, "xmlns:media": MEDIA_NS, "xml:lang": feed.language.lower()}
    )
    _text(atom, "title", feed.title)
    _text(atom, "subtitle", feed.description)
    _text(atom, "id", feed.feed_url)
    ET.SubElement(atom, "link", {"rel": "alternate", "href": feed.home_url})
    ET.SubElement(
        atom, "link", {"rel": "self", "href": feed.feed_url, "type": "application/atom+xml"}
    )
    _text(atom, "updated", _atom_time(feed.updated_at))
    publisher = ET.SubElement(atom, "author")
    _text(publisher, "name", feed.publisher)
    for entry in feed.entries:
        element = ET.SubElement(atom, "entry")
        _text(element, "title", entry.title)
        ET.SubElement(element, "link", {"rel": "alternate", "href": entry.url})
        _text(element, "id", entry.url)
        _text(element, "published", _atom_time(entry.published_at))
        _text(element, "updated", _atom_time(entry.updated_at))
        _text(element, "summary", entry.summary, type="text")
        for author in entry.authors:
            person = ET.SubElement(element, "author")
            _text(person, "name", author.name)
            if author.url:
                _text(person, "uri", author.url)
        for category in entry.categories:
            ET.SubElement(
                element,
                "category",
                {"term": category.label, "scheme": feed.category_scheme, "label": category.label},
            )
        if entry.image is not None:
            ET.SubElement(
                element,
                "link",
                {"rel": "enclosure", "href": entry.image.url, "type": entry.image.media_type},
            )
            _media_content(element, entry.image, prefix="media:")
    return ET.tostring(atom, encoding="utf-8", xml_declaration=True)


def render_json_feed(feed: Feed) -> bytes:
    """Return the feed as JSON Feed 1.1."""
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": feed.feed_url,
        "description": feed.description,
        "language": feed.language,
        "authors": [{"name": feed.publisher}],
        "items": [
            {
                "id": entry.url,
                "url": entry.url,
                "title": entry.title,
                "summary": entry.summary,
                "content_text": entry.summary,
                **({"image": entry.image.url} if entry.image is not None else {}),
                "date_published": entry.published_at.isoformat(timespec="seconds"),
                "date_modified": entry.updated_at.isoformat(timespec="seconds"),
                "authors": [
                    {"name": a.name, **({"url": a.url} if a.url else {})} for a in entry.authors
                ],
                **({"tags": [c.label for c in entry.categories]} if entry.categories else {}),
            }
            for entry in feed.entries
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedFormat:
    label: str
    media_type: str
    render: Callable[[Feed], bytes]


FEED_FILES = {
    "rss.xml": FeedFormat(label="RSS", media_type="application/rss+xml", render=render_rss),
    "atom.xml": FeedFormat(label="Atom", media_type="application/atom+xml", render=render_atom),
    "feed.json": FeedFormat(
        label="JSON Feed", media_type="application/feed+json", render=render_json_feed
    ),
}
"""Each feed is served under these three file names."""


class FeedFileConverter:
    """URL converter for the three feed file names."""

    regex = "rss\\.xml|atom\\.xml|feed\\.json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


# --- Views --------------------------------------------------------------------------------


def feed_response(
    request: HttpRequest,
    *,
    filename: str,
    title: str,
    description: str,
    home_path: str,
    articles: Sequence[ArticlePage],
    listing_key: str,
) -> HttpResponseBase:
    """Render a feed in the format ``filename`` names; answer 304 when the client has it.

    The feed is a public page like the listing it follows: it carries the listing's key and
    its articles' keys, so publishing purges it with the listing (docs/delivery.md).
    """
    feed_format = FEED_FILES[filename]
    cache_publicly(request, listing_key, *(key_for(article) for article in articles))
    publication = PublicationSettings.for_request(request)
    entries = feed_entries(articles, request=request)
    feed = Feed(
        title=title,
        description=description or title,
        home_url=absolute(request, home_path),
        feed_url=absolute(request, request.path),
        language=language_tag(),
        publisher=publication.name,
        category_scheme=absolute(
            request, reverse("content:concept", kwargs={"slug": "x"}).removesuffix("x/")
        ),
        updated_at=max((e.updated_at for e in entries), default=EMPTY_FEED_UPDATED_AT),
        entries=entries,
    )
    body = feed_format.render(feed)
    last_published = max(
        (a.last_published_at or a.published_at for a in articles if a.published_at),
        default=EMPTY_FEED_UPDATED_AT,
    )
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    last_modified = int(last_published.timestamp())
    response = HttpResponse(body, content_type=f"{feed_format.media_type}; charset=utf-8")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    conditional = get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )
    return conditional if conditional is not None else response


def front_feed(request: HttpRequest, filename: str) -> HttpResponseBase:
    """The newest articles across the site."""
    publication = PublicationSettings.for_request(request)
    return feed_response(
        request,
        filename=filename,
        title=publication.name,
        description=publication.tagline,
        home_path="/",
        articles=latest_articles(limit=FEED_LENGTH),
        listing_key=_front_listing_key(request),
    )


def _front_listing_key(request: HttpRequest) -> str:
    site = Site.find_for_request(request)
    return f"list-homepage-{site.root_page_id}" if site is not None else "list-front"


def section_feed(request: HttpRequest, slug: str, filename: str) -> HttpResponseBase:
    """The newest articles of one live, public section of this site."""
    site = Site.find_for_request(request)
    sections = SectionPage.objects.live().public().filter(slug=slug)
    if site is not None:
        sections = sections.descendant_of(site.root_page)
    section = sections.order_by("path").first()
    if section is None:
        raise Http404("No such section.")
    publication = PublicationSettings.for_request(request)
    return feed_response(
        request,
        filename=filename,
        title=f"{section.title} | {publication.name}",
        description=section.description,
        home_path=section.get_url(request) or "/",
        articles=section_page_of_articles(section, cursor=None).items,
        listing_key=key_for(section, listing=True),
    )


def concept_feed(request: HttpRequest, slug: str, filename: str) -> HttpResponseBase:
    """The newest articles listed on a concept's page; authors' and sections' go to theirs."""
    concept = get_object_or_404(Concept.objects.select_related("superseded_by"), slug=slug)
    if concept.superseded_by_id is not None:
        target = concept.survivor()
        return redirect(
            "syndication:concept_feed", slug=target.slug, filename=filename, permanent=True
        )
    if not concept.is_active:
        raise Http404("This concept is no longer in use.")
    if concept.type == ConceptType.AUTHOR and hasattr(concept, "author"):
        return redirect(
            "syndication:author_feed", slug=concept.author.slug, filename=filename, permanent=True
        )
    if concept.type == ConceptType.SECTION and hasattr(concept, "section"):
        return redirect(
            "syndication:section_feed", slug=concept.section.slug, filename=filename, permanent=True
        )
    publication = PublicationSettings.for_request(request)
    return feed_response(
        request,
        filename=filename,
        title=f"{concept.pref_label} | {publication.name}",
        description=concept.description,
        home_path=concept.get_absolute_url(),
        articles=articles_for_concept(concept, cursor=None).items,
        listing_key=key_for(concept, listing=True),
    )


def author_feed(request: HttpRequest, slug: str, filename: str) -> HttpResponseBase:
    """Everything an author with a page wrote or co-wrote, newest first."""
    author = get_object_or_404(Author, slug=slug, has_page=True)
    publication = PublicationSettings.for_request(request)
    return feed_response(
        request,
        filename=filename,
        title=f"{author.name} | {publication.name}",
        description=author.job_title or f"Articles by {author.name}",
        home_path=author.get_absolute_url(),
        articles=articles_by_author(author, cursor=None).items,
        listing_key=key_for(author, listing=True),
    )
