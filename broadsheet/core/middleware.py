"""The content security policy, with the one exception the Wagtail admin needs."""

import re

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

PUBLIC_TEMPLATE_VIEWS = re.compile(r"preview|view_draft|revisions_view")
"""Admin views that render public page templates: these keep the strict policy."""

ADMIN_ADDITIONS = {"script-src": UNSAFE_INLINE, "style-src": UNSAFE_INLINE, "frame-src": SELF}
"""What the signed-in admin adds to the policy: its inline code, and its own preview iframe."""


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Send CONTENT_SECURITY_POLICY; allow inline script and style only in the signed-in admin.

    Wagtail 8's admin writes inline scripts (inline panels, date pickers), Draftail adds
    style elements and the preview panel frames the admin's own preview URL, so the admin
    breaks under the public policy. The exception holds only
    for users who may use the admin, on admin URLs other than previews; the public site, the
    admin login page and every preview keep the strict policy.
    """

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
    if not request.path_info.startswith(reverse("wagtailadmin_home")):
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
