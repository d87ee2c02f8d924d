"""Admin wiring: authors and videos as snippets, a model-based article listing."""

from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from broadsheet.concepts.models import Concept

from .models import ArticlePage, Author, Video


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "job_title", "slug"]
    search_fields = ["name"]


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = "Videos"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "duration_label", "created_at"]
    search_fields = ["title"]


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "tag"
    menu_label = "Concepts"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["pref_label", "type", "slug", "is_active"]
    list_filter = ["type", "is_active"]
    search_fields = ["pref_label"]


class ArticleListingViewSet(PageListingViewSet):
    """All articles in one paginated, filterable listing, whatever section holds them."""

    model = ArticlePage
    icon = "doc-full"
    menu_label = "Articles"
    menu_order = 110
    add_to_admin_menu = True
    name = "articles"


register_snippet(AuthorViewSet)
register_snippet(VideoViewSet)
register_snippet(ConceptViewSet)


from wagtail import hooks  # noqa: E402


@hooks.register("register_admin_viewset")
def register_article_listing() -> ArticleListingViewSet:
    return ArticleListingViewSet("articles")
