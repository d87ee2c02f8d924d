"""The second factor in front of the admin; no shared caching of account pages."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from broadsheet.accounts import queries

ADMIN_VIEWS_BEFORE_SECOND_FACTOR = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
    }
)
"""Admin URLs that stay open to a signed-in user who has not passed the second factor."""


class StaffSecondFactorMiddleware:
    """Send staff who have not entered an authenticator code this session to do so.

    Whichever way staff signed in (the admin's login, the readers' login, a password reset),
    every admin URL except signing in and out waits for a TOTP code; staff without an
    authenticator app are asked to set one up first. BROADSHEET_STAFF_SECOND_FACTOR turns
    this off (development and tests only; production forces it on).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if not settings.BROADSHEET_STAFF_SECOND_FACTOR:
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in ADMIN_VIEWS_BEFORE_SECOND_FACTOR:
            return None
        user = request.user
        if not (user.is_authenticated and user.is_active):
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            return None  # Wagtail refuses them itself.
        if queries.passed_second_factor(request):
            return None
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse('accounts:staff_second_factor')}?{query}")


class PrivateAccountPagesMiddleware:
    """Mark every response under /account/ (sign-in, sign-up, the account page) private, no-store."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.path_info.startswith(reverse("accounts:account")):
            add_never_cache_headers(response)
        return response
