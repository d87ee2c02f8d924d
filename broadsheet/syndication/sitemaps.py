"""Sitemaps for search engines: an index of monthly article sitemaps with images, the listing
pages, a Google News sitemap of the last two days, and robots.txt naming them.

Only live, public, published articles appear (``ArticlePage.objects.published()``).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree as ET

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from broadsheet.concepts.models import ConceptType
from broadsheet.content.models import (
    ArticleAnnotation,
    ArticleByline,
    ArticlePage,
    PublicationSettings,
    SectionPage,
)
from broadsheet.content.queries import FEED_PREDICATES

from .links import absolute, site_root_url

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
ET.register_namespace("image", IMAGE_NS)
ET.register_namespace("news", NEWS_NS)

NEWS_WINDOW = timedelta(days=2)
"""Google News reads articles published in the last two days."""
NEWS_LIMIT = 1000
"""At most this many URLs in a news sitemap (Google's limit)."""
SITEMAP_IMAGE_RENDITION = "width-1200|format-jpeg"
CACHE_SECONDS = 600


def _w3c(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _xml_response(root: ET.Element) -> HttpResponse:
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True, default_namespace=SITEMAP_NS)
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


def news_language() -> str:
    """Return the publication language as Google News wants it: ISO 639 (``en``), or zh-cn/zh-tw."""
    code = str(settings.LANGUAGE_CODE).lower()
    return code if code in ("zh-cn", "zh-tw") else code.split("-")[0]


def _month_url(request: HttpRequest, month: datetime) -> str:
    path = reverse(
        "syndication:article_sitemap",
        kwargs={"year": f"{month.year:04d}", "month": f"{month.month:02d}"},
    )
    return absolute(request, path)


def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The sitemap index: the listing pages' sitemap, then one article sitemap per month."""
    months = (
        ArticlePage.objects.published()
        .annotate(month=TruncMonth("published_at", tzinfo=UTC))
        .values("month")
        .annotate(lastmod=Max("last_published_at"))
        .order_by("month")
    )
    index = ET.Element(f"{{{SITEMAP_NS}}}sitemapindex")
    rows = list(months)
    newest = max((row["lastmod"] for row in rows if row["lastmod"]), default=None)
    pages = ET.SubElement(index, f"{{{SITEMAP_NS}}}sitemap")
    _text(pages, f"{{{SITEMAP_NS}}}loc", absolute(request, reverse("syndication:pages_sitemap")))
    if newest is not None:
        _text(pages, f"{{{SITEMAP_NS}}}lastmod", _w3c(newest))
    for row in rows:
        entry = ET.SubElement(index, f"{{{SITEMAP_NS}}}sitemap")
        _text(entry, f"{{{SITEMAP_NS}}}loc", _month_url(request, row["month"]))
        if row["lastmod"] is not None:
            _text(entry, f"{{{SITEMAP_NS}}}lastmod", _w3c(row["lastmod"]))
    return _xml_response(index)


def article_sitemap(request: HttpRequest, year: str, month: str) -> HttpResponse:
    """The articles first published in one month, with their lead images."""
    try:
        start = datetime(int(year), int(month), 1, tzinfo=UTC)
    except ValueError as error:
        raise Http404("No such month.") from error
    end = datetime(start.year + (start.month == 12), start.month % 12 + 1, 1, tzinfo=UTC)
    articles = list(
        ArticlePage.objects.published()
        .filter(published_at__gte=start, published_at__lt=end)
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("published_at", "pk")
    )
    if not articles:
        raise Http404("No articles were published that month.")
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for article in articles:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        _text(url, f"{{{SITEMAP_NS}}}loc", absolute(request, article.get_url(request) or ""))
        _text(url, f"{{{SITEMAP_NS}}}lastmod", _w3c(article.last_published_at or start))
        if article.lead_image is not None:
            rendition = article.lead_image.get_rendition(SITEMAP_IMAGE_RENDITION)
            image = ET.SubElement(url, f"{{{IMAGE_NS}}}image")
            _text(image, f"{{{IMAGE_NS}}}loc", absolute(request, rendition.url))
    return _xml_response(urlset)


def pages_sitemap(request: HttpRequest) -> HttpResponse:
    """The listing pages: the front page, sections, concept pages with articles, authors."""
    published = ArticlePage.objects.published()
    site = Site.find_for_request(request)
    entries: list[tuple[str, datetime | None]] = []
    newest = published.aggregate(lastmod=Max("last_published_at"))["lastmod"]
    entries.append((f"{site_root_url(request)}/", newest))
    if site is not None:
        by_section = dict(
            published.values_list("section_id").annotate(lastmod=Max("last_published_at"))
        )
        sections = SectionPage.objects.live().public().child_of(site.root_page).order_by("path")
        entries.extend(
            (absolute(request, section.get_url(request) or ""), by_section.get(section.pk))
            for section in sections
        )
    concepts = (
        ArticleAnnotation.objects.filter(
            article__in=published,
            predicate__in=FEED_PREDICATES,
            concept__is_active=True,
            concept__superseded_by__isnull=True,
        )
        .exclude(concept__type__in=(ConceptType.AUTHOR, ConceptType.SECTION))
        .values_list("concept__slug")
        .annotate(lastmod=Max("published_at"))
        .order_by("concept__slug")
    )
    entries.extend(
        (absolute(request, reverse("content:concept", kwargs={"slug": slug})), lastmod)
        for slug, lastmod in concepts
    )
    authors = (
        ArticleByline.objects.filter(page__in=published, author__has_page=True)
        .values_list("author__slug")
        .annotate(lastmod=Max("page__last_published_at"))
        .order_by("author__slug")
    )
    entries.extend(
        (absolute(request, reverse("content:author", kwargs={"slug": slug})), lastmod)
        for slug, lastmod in authors
    )
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for loc, lastmod in entries:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        _text(url, f"{{{SITEMAP_NS}}}loc", loc)
        if lastmod is not None:
            _text(url, f"{{{SITEMAP_NS}}}lastmod", _w3c(lastmod))
    return _xml_response(urlset)


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Google News sitemap: articles first published in the last two days, newest first."""
    since = timezone.now() - NEWS_WINDOW
    articles = list(
        ArticlePage.objects.published()
        .filter(published_at__gte=since)
        .order_by("-published_at", "-pk")[:NEWS_LIMIT]
    )
    publication = PublicationSettings.for_request(request)
    language = news_language()
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for article in articles:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        _text(url, f"{{{SITEMAP_NS}}}loc", absolute(request, article.get_url(request) or ""))
        news = ET.SubElement(url, f"{{{NEWS_NS}}}news")
        source = ET.SubElement(news, f"{{{NEWS_NS}}}publication")
        _text(source, f"{{{NEWS_NS}}}name", publication.name)
        _text(source, f"{{{NEWS_NS}}}language", language)
        if article.published_at is not None:
            _text(news, f"{{{NEWS_NS}}}publication_date", _w3c(article.published_at))
        _text(news, f"{{{NEWS_NS}}}title", article.title)
    response = _xml_response(urlset)
    patch_cache_control(response, max_age=300)
    return response


def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt: keep crawlers out of the admin and name both sitemaps."""
    lines = [
        "User-agent: *",
        "Disallow: " + reverse("wagtailadmin_home"),
        "",
        "Sitemap: " + absolute(request, reverse("syndication:sitemap_index")),
        "Sitemap: " + absolute(request, reverse("syndication:news_sitemap")),
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response
