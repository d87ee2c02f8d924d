"""The reader's account page, their data download and deletion, and the staff second factor."""

import base64

from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.base.forms import AuthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from broadsheet.accounts import actions, queries, registry
from broadsheet.accounts.forms import DeleteAccountForm, EmailPreferencesForm
from broadsheet.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User


@login_required
@require_http_methods(["GET", "POST"])
def account(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Show the account page; save the email preferences posted from it."""
    status = 200
    if request.method == "POST":
        form = EmailPreferencesForm.for_user(request.user, request.POST)
        if form.is_valid():
            actions.update_email_preferences(request.user, **form.cleaned_data)
            messages.success(request, "Your email preferences are saved.")
            return redirect("accounts:account")
        status = 400
    else:
        form = EmailPreferencesForm.for_user(request.user)
    sections = []
    for section in registry.account_sections():
        try:
            sections.append((section, reverse(section.url_name)))
        except NoReverseMatch:
            continue
    context = {
        "preferences_form": form,
        "sections": sections,
        "has_totp": queries.has_totp(request.user),
    }
    return render(request, "accounts/account.html", context, status=status)


@login_required
@require_GET
def download_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Send everything kept about the signed-in user as a JSON file."""
    response = JsonResponse(queries.personal_data(request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="broadsheet-my-data.json"'
    add_never_cache_headers(response)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Ask for confirmation, then delete the signed-in user's account and sign them out."""
    user = request.user
    recently_signed_in = queries.signed_in_recently(request)
    data = request.POST if request.method == "POST" else None
    form = DeleteAccountForm(data, user=user, recently_signed_in=recently_signed_in)
    if request.method == "POST":
        if form.is_valid():
            actions.delete_account(user)
            logout(request)
            messages.success(request, "Your account and everything in it are deleted.")
            return redirect("/")
        status = 400
    else:
        status = 200
    context = {"form": form, "recently_signed_in": recently_signed_in}
    return render(request, "accounts/delete_account.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def staff_second_factor(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Set up, or ask for, the authenticator code staff need before the admin opens."""
    user = request.user
    if not user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied("Only newsroom staff use the admin.")
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("wagtailadmin_home")
    if queries.passed_second_factor(request):
        return redirect(next_url)

    data = request.POST if request.method == "POST" else None
    context: dict[str, object] = {"next": next_url}
    if queries.has_totp(user):
        form = AuthenticateForm(data, user=user)
        if data is not None and form.is_valid():
            form.save()
            return redirect(next_url)
        template = "accounts/staff_second_factor.html"
    else:
        form = ActivateTOTPForm(data, user=user)
        if data is not None and form.is_valid():
            actions.activate_totp(request, secret=form.secret)
            messages.success(request, "Your authenticator app is set up.")
            return redirect(next_url)
        adapter = get_mfa_adapter()
        totp_url = adapter.build_totp_url(user, form.secret)
        svg = adapter.build_totp_svg(totp_url).encode()
        context.update(
            {
                "secret": form.secret,
                "totp_url": totp_url,
                "qr_code": "data:image/svg+xml;base64," + base64.b64encode(svg).decode(),
            }
        )
        template = "accounts/staff_set_up_second_factor.html"
    context["form"] = form
    return render(request, template, context, status=400 if form.errors else 200)
