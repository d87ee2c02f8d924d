"""The content security policy, with the one exception the Wagtail admin needs."""

import functools
import re
from typing import Any

from csp.constants import HEADER, HEADER_REPORT_ONLY, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

from .urls import url_for

PUBLIC_TEMPLATE_VIEWS = re.compile(r"preview|view_draft|revisions_view")
"""Admin views that render public page templates: these keep the strict policy."""

ADMIN_ADDITIONS = {"script-src": UNSAFE_INLINE, "style-src": UNSAFE_INLINE, "frame-src": SELF}
"""What the signed-in admin adds to the policy: its inline code, and its own preview iframe."""

_PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)
"""What django-csp's view decorators set on a response to change its policy."""


@functools.cache
def _site_headers() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The policy headers of a response nothing changed: name, value, excluded URL prefixes.

    Built as django-csp builds them, once per process (and again when a test changes the
    settings): the settings are fixed for a process's lifetime.
    """
    headers = []
    for header, setting, report_only in (
        (HEADER, "CONTENT_SECURITY_POLICY", False),
        (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", True),
    ):
        value = build_policy(report_only=report_only)
        if value:
            policy = getattr(settings, setting, None) or {}
            excluded = tuple(policy.get("EXCLUDE_URL_PREFIXES", None) or ())
            headers.append((header, value, excluded))
    return tuple(headers)


@receiver(setting_changed)
def _forget_site_headers(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _site_headers.cache_clear()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Send CONTENT_SECURITY_POLICY; allow inline script and style only in the signed-in admin.

    Wagtail 8's admin writes inline scripts (inline panels, date pickers), Draftail adds
    style elements and the preview panel frames the admin's own preview URL, so the admin
    breaks under the public policy. The exception holds only
    for users who may use the admin, on admin URLs other than previews; the public site, the
    admin login page and every preview keep the strict policy.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        """Send the site's policy, built once, on a response nothing changed it for: no nonce
        asked for, no view decorator, not the signed-in admin, not a debug page; anything else
        goes through django-csp's own per-response build."""
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(getattr(response, name, None) is not None for name in _PER_RESPONSE)
            or (settings.DEBUG and response.status_code in (404, 500))
            or _is_admin_interface(request)
        ):
            return super().process_response(request, response)
        for header, value, excluded in _site_headers():
            if header not in response and not request.path_info.startswith(excluded):
                response[header] = value
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and _is_admin_interface(request):
            update = dict(parts.update or {})
            for directive, source in ADMIN_ADDITIONS.items():
                existing = update.get(directive) or []
                extra = [existing] if isinstance(existing, str) else list(existing)
                update[directive] = [*extra, source]
            parts.update = update
        return parts


def _is_admin_interface(request: HttpRequest) -> bool:
    if not request.path_info.startswith(url_for("wagtailadmin_home")):
        return False
    match = request.resolver_match
    if match is None or PUBLIC_TEMPLATE_VIEWS.search(match.url_name or ""):
        return False
    user = getattr(request, "user", None)
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("wagtailadmin.access_admin")
    )
