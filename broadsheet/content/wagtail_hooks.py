"""Admin wiring: authors and videos as snippets, a model-based article listing, the ninjs
upload and the concept review of an article."""

from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ArticlePage, Author, Video


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "job_title", "slug"]


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = "Videos"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "duration_label", "created_at"]


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


from wagtail import hooks  # noqa: E402


@hooks.register("register_admin_viewset")
def register_article_listing() -> ArticleListingViewSet:
    return ArticleListingViewSet("articles")


# --- ninjs import: /admin/import-ninjs/ and its menu item ----------------------------------

from django.http import HttpRequest  # noqa: E402
from django.urls import URLPattern, path, reverse  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402


class NinjsImportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        from .ingest.views import sections_open_to

        return bool(sections_open_to(request.user))


@hooks.register("register_admin_urls")
def register_ninjs_import_url() -> list[URLPattern]:
    from .ingest.views import import_ninjs

    return [path("import-ninjs/", import_ninjs, name="import_ninjs")]


@hooks.register("register_admin_menu_item")
def register_ninjs_import_menu_item() -> MenuItem:
    return NinjsImportMenuItem(
        "Import ninjs", reverse("import_ninjs"), icon_name="download", order=120
    )


@hooks.register("register_admin_urls")
def register_concept_review_url() -> list[URLPattern]:
    from .concept_review import review_concepts

    return [
        path("articles/<int:page_id>/concepts/", review_concepts, name="content_review_concepts"),
    ]
