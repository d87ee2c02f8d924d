from django.urls import URLPattern, URLResolver, path, re_path, register_converter

from . import feeds, sitemaps

app_name = "syndication"

register_converter(feeds.FeedFileConverter, "feed_file")

urlpatterns: list[URLPattern | URLResolver] = [
    # Feeds, sitemaps and robots.txt (feeds.py, sitemaps.py).
    path("feeds/<feed_file:filename>", feeds.front_feed, name="front_feed"),
    path(
        "feeds/sections/<slug:slug>/<feed_file:filename>", feeds.section_feed, name="section_feed"
    ),
    path("feeds/topics/<slug:slug>/<feed_file:filename>", feeds.concept_feed, name="concept_feed"),
    path("feeds/authors/<slug:slug>/<feed_file:filename>", feeds.author_feed, name="author_feed"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap_index"),
    path("sitemaps/pages.xml", sitemaps.pages_sitemap, name="pages_sitemap"),
    re_path(
        r"^sitemaps/articles-(?P<year>[0-9]{4})-(?P<month>[0-9]{2})\.xml$",
        sitemaps.article_sitemap,
        name="article_sitemap",
    ),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news_sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
]
