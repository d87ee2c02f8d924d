"""API keys in the admin (Settings > API keys): issue one and see it once, rename, limit, revoke."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from .api_keys import issue_api_key
from .models import ApiKey


class ApiKeyCreateView(CreateView):
    """Issue the key through the action and show its secret on this one response only."""

    issued_key = ""

    def save_instance(self) -> ApiKey:
        draft = self.form.instance
        issued = issue_api_key(
            name=draft.name, requests_per_minute=draft.requests_per_minute, user=self.request.user
        )
        self.issued_key = issued.key
        return issued.api_key

    def save_action(self) -> HttpResponse:
        response = TemplateResponse(
            self.request,
            "syndication/api_key_created.html",
            {
                "api_key": self.object,
                "key": self.issued_key,
                "index_url": self.get_success_url(),
                "header_title": "API key issued",
                "page_title": "API key issued",
            },
        )
        response["Cache-Control"] = "no-store"
        return response


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    icon = "key"
    menu_label = "API keys"
    name = "api_keys"
    add_to_settings_menu = True
    form_fields = ["name", "requests_per_minute", "is_active"]
    list_display = ["name", "prefix", "requests_per_minute", "is_active", "last_used_at"]
    list_filter = ["is_active"]
    add_view_class = ApiKeyCreateView


api_key_viewset = ApiKeyViewSet()


@hooks.register("register_admin_viewset")
def register_api_key_viewset() -> Any:
    return api_key_viewset
