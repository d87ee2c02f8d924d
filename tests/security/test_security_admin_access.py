"""Staff-only admin: every admin URL in the resolver, GET and POST, for anonymous and reader.

The table of URLs is built from the URL resolver, so an admin view added later (by an app or a
Wagtail upgrade) is exercised without editing this file. Only the sign-in and password reset
views, the icon sprite and the JavaScript catalogue may answer 200 to someone outside the
newsroom; everything else must refuse, show no draft text and change nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.models import Collection, Page, Revision, Site, Task, Workflow

from broadsheet.ads.models import HouseAd
from broadsheet.concepts.models import Concept
from broadsheet.content.models import (
    ArticlePage,
    Author,
    BroadsheetImage,
    PublicationSettings,
    Video,
)
from broadsheet.content.tests.factories import AuthorFactory, ConceptFactory, make_article

from .conftest import tiny_image_file

pytestmark = pytest.mark.django_db

ADMIN_PREFIX = "admin/"
PUBLIC_ADMIN_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
    }
)
"""Admin views anyone may load: signing in, resetting a password, and static helpers."""

REFUSALS = {302, 400, 401, 403, 404, 405}
"""What a refused request may get: a redirect to sign in, an error, never the page (200)."""


@dataclass(frozen=True, slots=True)
class AdminRoute:
    name: str
    url: str


def walk(
    resolver: URLResolver, prefix: str = "", namespace: str = "", params: tuple[str, ...] = ()
) -> list[tuple[str, str, tuple[str, ...]]]:
    """Return (route, qualified name, parameter names) of every pattern below ``resolver``."""
    found = []
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        names = tuple(
            pattern.converters if isinstance(pattern, RoutePattern) else pattern.regex.groupindex
        )
        route = prefix + str(pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            found += walk(entry, route, inner, params + names)
        elif isinstance(entry, URLPattern):
            qualified = f"{namespace}:{entry.name}".lstrip(":") if entry.name else ""
            found.append((route, qualified, params + names))
    return found


@dataclass(frozen=True, slots=True)
class Objects:
    article: ArticlePage
    canary: str
    ids: dict[str, Any]


def value_for(name: str, param: str, objects: Objects) -> Any:
    """Return a real object's id (or a valid word) for one URL parameter of one admin view."""
    ids = objects.ids
    by_namespace = {
        "concepts_concept": ids["concept"],
        "content_author": ids["author"],
        "content_video": ids["video"],
        "ads_housead": ids["house_ad"],
        "wagtailadmin_api:pages": ids["article"],
        "wagtailadmin_api:images": ids["image"],
        "wagtailadmin_api:documents": ids["document"],
        "wagtailimages": ids["image"],
        "wagtaildocs": ids["document"],
        "wagtailsites": ids["site"],
        "wagtailusers_users": ids["reader"],
        "wagtailusers_groups": ids["group"],
        "wagtailadmin_collections": ids["collection"],
        "wagtailsettings": ids["site"],  # site settings are edited per site
        "wagtailadmin_workflows:edit_task": ids["task"],
        "wagtailadmin_workflows:disable_task": ids["task"],
        "wagtailadmin_workflows:enable_task": ids["task"],
        "wagtailadmin_workflows": ids["workflow"],
        "wagtailadmin_pages": ids["article"],
    }
    by_param = {
        "page_id": ids["article"],
        "page_pk": ids["article"],
        "page_to_move_id": ids["article"],
        "parent_page_id": ids["section"],
        "destination_id": ids["section"],
        "revision_id": ids["revision"],
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "image_id": ids["image"],
        "document_id": ids["document"],
        "doc_id": ids["document"],
        "redirect_id": ids["redirect"],
        "collection_id": ids["collection"],
        "task_id": ids["task"],
        "workflow_pk": ids["workflow"],
        "filter_spec": "original",
        "content_type_app_name": "content",
        "content_type_model_name": "articlepage",
        "app_label": "wagtailcore",
        "model_name": "page",
        "app_name": "content",
        "action": "delete",
        "action_name": "approve",
        "object_id": str(ids["article"]),
        "uidb64": "MQ",
        "token": "set-password",
    }
    if name.startswith("wagtailsettings") and param in ("app_name", "model_name"):
        return {"app_name": "content", "model_name": "publicationsettings"}[param]
    if name.startswith("wagtailadmin_workflows:add_task") and param in ("app_label", "model_name"):
        return {"app_label": "wagtailcore", "model_name": "groupapprovaltask"}[param]
    if param == "pk":
        for fragment, value in by_namespace.items():
            if fragment in name:
                return value
    return by_param.get(param, 1)


def admin_routes(objects: Objects) -> list[AdminRoute]:
    """Return one URL for every admin pattern, filled in with real objects."""
    routes = []
    for route, name, params in walk(get_resolver()):
        if not route.startswith(ADMIN_PREFIX):
            continue
        if not name:
            # Wagtail's catch-all patterns: any unknown admin path.
            routes.append(AdminRoute("(catch-all)", "/admin/no-such-admin-view/"))
            continue
        kwargs = {param: value_for(name, param, objects) for param in params}
        routes.append(AdminRoute(name, reverse(name, kwargs=kwargs)))
    return list(dict.fromkeys(routes))


@pytest.fixture
def objects(section, reader, admin_user) -> Objects:
    canary = f"CANARY{secrets.token_hex(8).upper()}"
    author = AuthorFactory(name="Nuno Salgado", slug="nuno-salgado")
    article = make_article(section=section, title="Ferry fares frozen", authors=[(author, "")])
    article.title = f"Ferry fares {canary}"
    article.standfirst = f"Draft standfirst {canary}"
    article.save_revision(user=admin_user)
    image = BroadsheetImage.objects.create(title=f"Quay {canary}", file=tiny_image_file())
    house_ad = HouseAd.objects.create(
        name="Subscribe", image=image, link_url="https://example.org/", alt_text="Subscribe"
    )
    document = Document.objects.create(title="Timetable", file=tiny_image_file("timetable.png"))
    ids = {
        "article": article.pk,
        "section": section.pk,
        "revision": article.latest_revision_id,
        "author": author.pk,
        "concept": ConceptFactory(pref_label=f"Tides {canary}", slug="tides").pk,
        "video": Video.objects.create(
            title="Ferry", hls_url="https://stream.example.org/ferry.m3u8"
        ).pk,
        "image": image.pk,
        "document": document.pk,
        "house_ad": house_ad.pk,
        "site": Site.objects.get().pk,
        "reader": reader.pk,
        "group": Group.objects.get(name="Editors").pk,
        "collection": Collection.get_first_root_node().pk,
        "redirect": Redirect.objects.create(old_path="/old", redirect_link="/").pk,
        "workflow": Workflow.objects.first().pk,
        "task": Task.objects.first().pk,
    }
    return Objects(article=article, canary=canary, ids=ids)


def database_state() -> dict[str, Any]:
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live", "locked")),
        "revisions": Revision.objects.count(),
        "authors": list(Author.objects.order_by("pk").values_list("pk", "name")),
        "concepts": list(Concept.objects.order_by("pk").values_list("pk", "pref_label")),
        "videos": Video.objects.count(),
        "images": list(BroadsheetImage.objects.order_by("pk").values_list("pk", "title")),
        "documents": Document.objects.count(),
        "users": list(
            get_user_model()
            .objects.order_by("pk")
            .values_list("pk", "is_staff", "is_superuser", "is_active")
        ),
        "groups": Group.objects.count(),
        "sites": list(Site.objects.order_by("pk").values_list("pk", "hostname", "root_page_id")),
        "redirects": Redirect.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": list(Workflow.objects.order_by("pk").values_list("pk", "active")),
        "settings": list(PublicationSettings.objects.order_by("pk").values_list("pk", "name")),
    }


def test_the_route_table_covers_every_admin_pattern(objects):
    routes = admin_routes(objects)
    patterns = [
        route for route, _name, _params in walk(get_resolver()) if route.startswith(ADMIN_PREFIX)
    ]

    assert len(routes) >= 240
    assert len({route.name for route in routes}) == len(
        {
            name or "(catch-all)"
            for route, name, _ in walk(get_resolver())
            if route.startswith(ADMIN_PREFIX)
        }
    )
    assert len(patterns) >= len(routes)


def test_a_superuser_reaches_the_object_views_the_table_builds(admin_client, objects):
    # the positive control: the table's URLs point at real objects
    must_open = {
        "wagtailadmin_home",
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:history",
        "wagtailadmin_pages:revisions_compare",
        "wagtailadmin_pages:revisions_view",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_pages:preview_on_edit",
        "wagtailadmin_pages:copy",
        "wagtailadmin_pages:usage",
        "wagtailadmin_explore",
        "wagtailimages:edit",
        "wagtailimages:index",
        "wagtailsnippets_content_author:edit",
        "wagtailsnippets_content_author:history",
        "wagtailsnippets_content_video:edit",
        "wagtailsnippets_concepts_concept:edit",
        "wagtailsnippets_ads_housead:edit",
        "wagtailsettings:edit",
        "wagtailusers_users:edit",
        "wagtailadmin_choose_page",
        "wagtailimages_chooser:choose",
        "wagtailsnippetchoosers_content_author:choose",
        "wagtailsnippetchoosers_content_video:choose",
        "wagtailsnippetchoosers_concepts_concept:choose",
        "articles:index",
    }
    opened = set()
    for route in admin_routes(objects):
        if route.name in must_open and admin_client.get(route.url).status_code == 200:
            opened.add(route.name)

    assert opened == must_open


@pytest.mark.parametrize("role", ["anonymous", "reader"])
def test_no_admin_url_opens_for_anyone_outside_the_newsroom(role, objects, reader):
    client = Client()
    before = database_state()
    opened: list[str] = []
    leaked: list[str] = []
    statuses: dict[str, set[int]] = {}

    for route in admin_routes(objects):
        for method in ("get", "post"):
            if role == "reader":
                client.force_login(reader)
            response = getattr(client, method)(route.url)
            statuses.setdefault(route.name, set()).add(response.status_code)
            if route.name not in PUBLIC_ADMIN_VIEWS and response.status_code not in REFUSALS:
                opened.append(f"{method.upper()} {route.url} -> {response.status_code}")
            body = b"".join(response) if response.streaming else response.content
            if objects.canary.encode() in body:
                leaked.append(f"{method.upper()} {route.url}")
            if response.status_code == 302 and route.name not in PUBLIC_ADMIN_VIEWS:
                location = response["Location"]
                if not location.startswith("/admin/login/"):
                    opened.append(f"{method.upper()} {route.url} -> 302 {location}")

    assert opened == []
    assert leaked == []
    assert database_state() == before
    # and the table held every admin view, the public ones included
    assert set(statuses) >= PUBLIC_ADMIN_VIEWS
    assert len(set(statuses) - PUBLIC_ADMIN_VIEWS) >= 230
    assert statuses["wagtailadmin_login"] == {200}
    assert statuses["wagtailadmin_home"] == {302}
