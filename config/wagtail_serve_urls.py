"""The project's URLs without the lean article route: every page is served by Wagtail's serve.

Not used to serve the site: tests and ``bench/render_article.py`` compare what the lean route
answers with what Wagtail answers for the same article.
"""

from config.urls import handler404, handler500
from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    pattern for pattern in project_urlpatterns if getattr(pattern, "name", None) != "article_page"
]

__all__ = ["handler404", "handler500", "urlpatterns"]
