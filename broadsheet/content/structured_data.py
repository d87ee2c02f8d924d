"""schema.org NewsArticle JSON-LD for an article page."""

from typing import Any

from .models import ArticleByline, ArticlePage, PublicationSettings


def news_article_json_ld(
    page: ArticlePage,
    *,
    request: Any,
    bylines: list[ArticleByline],
    publication: PublicationSettings,
) -> dict[str, Any]:
    """Return the article's NewsArticle object: headline, times, authors, image, publisher."""
    base = request.build_absolute_uri("/").rstrip("/")
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": page.full_url,
        "headline": (page.social_headline or page.title)[:110],
        "description": page.meta_description or page.standfirst,
        "datePublished": page.published_at.isoformat() if page.published_at else None,
        "dateModified": (page.updated_at or page.published_at).isoformat()
        if page.published_at
        else None,
        "author": [
            {
                "@type": "Person",
                "name": byline.author.name,
                **(
                    {"url": base + byline.author.get_absolute_url()}
                    if byline.author.has_page
                    else {}
                ),
            }
            for byline in bylines
        ],
        "publisher": {"@type": "Organization", "name": publication.name},
        "copyrightHolder": {
            "@type": "Organization",
            "name": page.copyright_line_holder(publication),
        },
        "isAccessibleForFree": True,
    }
    if page.published_at:
        data["copyrightYear"] = page.published_at.year
    if page.section is not None:
        data["articleSection"] = page.section.title
    if page.lead_image is not None:
        rendition = page.lead_image.get_rendition("fill-1200x675|format-jpeg")
        data["image"] = [base + rendition.url]
    if page.lead_video is not None and page.lead_video.duration_seconds:
        data["video"] = {
            "@type": "VideoObject",
            "name": page.lead_video.title,
            "duration": page.lead_video.iso_duration,
            "contentUrl": page.lead_video.source_url
            if page.lead_video.hls_url
            else base + page.lead_video.source_url,
        }
    return {key: value for key, value in data.items() if value is not None}
