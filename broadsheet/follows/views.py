"""HTTP for follows: follow buttons, their state, My feed and its private Atom feed, management.

Cacheable pages (articles, concept and author pages) carry a plain GET form to the confirm page
and no CSRF token; follow.js reads the state and a token from ``state.json`` and posts in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from broadsheet.concepts.models import Concept
from broadsheet.core.pagination import BadCursor

from . import actions, queries
from .models import Delivery, Follow

if TYPE_CHECKING:
    from broadsheet.accounts.models import User

MAX_STATE_CONCEPTS = 50
ATOM_ENTRIES = 50
SESSION_NEW_ATOM_TOKEN = "follows_new_atom_token"  # noqa: S105 (a session key, not a secret)


def _reader(request: HttpRequest) -> User | None:
    return cast("User", request.user) if request.user.is_authenticated else None


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _next_url(request: HttpRequest, default: str) -> str:
    """Return the ``next`` the form carried if it is a path on this site, else ``default``."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def _concept(concept_id: int) -> Concept:
    concept = get_object_or_404(Concept, pk=concept_id)
    try:
        return actions.followable(concept)
    except actions.NotFollowable as error:
        raise Http404(str(error)) from error


def _confirm_url(concept: Concept, next_url: str) -> str:
    return reverse("follows:confirm", args=[concept.pk]) + "?" + urlencode({"next": next_url})


@never_cache
@require_GET
def follow_state(request: HttpRequest) -> JsonResponse:
    """Tell follow.js who is signed in, which of ``?concept=`` they follow, and a CSRF token."""
    try:
        wanted = [int(value) for value in request.GET.getlist("concept")][:MAX_STATE_CONCEPTS]
    except ValueError:
        return JsonResponse({"error": "concept must be a number"}, status=400)
    reader = _reader(request)
    if reader is None:
        return JsonResponse({"signed_in": False, "following": []})
    return JsonResponse(
        {
            "signed_in": True,
            "following": queries.followed_concept_ids(reader, wanted),
            "csrf_token": get_token(request),
        }
    )


@never_cache
@require_GET
def confirm(request: HttpRequest, concept_id: int) -> HttpResponse:
    """Where a follow button leads without JavaScript: sign in, then follow or unfollow here."""
    concept = _concept(concept_id)
    reader = _reader(request)
    if reader is None:
        return redirect_to_login(request.get_full_path())
    context = {
        "concept": concept,
        "is_following": Follow.objects.filter(reader=reader, concept=concept).exists(),
        "next": _next_url(request, concept.get_absolute_url()),
    }
    return render(request, "follows/confirm.html", context)


def _changed(request: HttpRequest, concept: Concept, *, is_following: bool) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"concept": concept.pk, "following": is_following})
    return redirect(_next_url(request, concept.get_absolute_url()))


@never_cache
@require_POST
def follow(request: HttpRequest, concept_id: int) -> HttpResponse:
    """Follow a concept (a second time changes nothing); anonymous readers sign in first."""
    concept = _concept(concept_id)
    reader = _reader(request)
    if reader is None:
        return redirect_to_login(
            _confirm_url(concept, _next_url(request, concept.get_absolute_url()))
        )
    actions.follow(reader, concept)
    return _changed(request, concept, is_following=True)


@never_cache
@require_POST
def unfollow(request: HttpRequest, concept_id: int) -> HttpResponse:
    """Stop following a concept."""
    concept = get_object_or_404(Concept, pk=concept_id)
    reader = _reader(request)
    if reader is None:
        return redirect_to_login(
            _confirm_url(concept, _next_url(request, concept.get_absolute_url()))
        )
    actions.unfollow(reader, concept)
    return _changed(request, concept, is_following=False)


@never_cache
@require_GET
def my_feed(request: HttpRequest) -> HttpResponse:
    """My feed: what the reader's follows bring, newest first, new since the last visit marked."""
    reader = _reader(request)
    if reader is None:
        return redirect_to_login(request.get_full_path())
    cursor = request.GET.get("before") or None
    concept = None
    if request.GET.get("concept"):
        try:
            concept = get_object_or_404(Concept, pk=int(request.GET["concept"]))
        except ValueError:
            return HttpResponseBadRequest("concept must be a number")
    # The first page records this visit; every page marks against the visit before it.
    since = queries.previous_visit(reader) if cursor else actions.record_feed_visit(reader)
    try:
        feed = queries.personal_feed(reader, cursor=cursor, concept=concept, since=since)
    except BadCursor as error:
        raise Http404(str(error)) from error
    except Follow.DoesNotExist as error:
        raise Http404("You do not follow that concept.") from error
    context = {
        "feed": feed,
        "follows": queries.follows_of(reader),
        "concept": concept,
        "since": since,
    }
    return render(request, "follows/my_feed.html", context)


@require_GET
def atom_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The reader's My feed as Atom at a secret URL; 404 once the URL is revoked."""
    reader = queries.reader_for_atom_token(token)
    if reader is None:
        raise Http404("This feed address is not (or no longer) valid.")
    feed = queries.personal_feed(reader, per_page=ATOM_ENTRIES)
    site = f"{request.scheme}://{request.get_host()}"
    atom = Atom1Feed(
        title="My feed",
        link=site + reverse("follows:my_feed"),
        description="The latest articles of the topics you follow.",
        feed_url=request.build_absolute_uri(),
        language="en-GB",
    )
    for item in feed.items:
        article = item.article
        atom.add_item(
            title=article.title,
            link=site + article.url,
            unique_id=site + article.url,
            description="Because you follow " + ", ".join(c.pref_label for c in item.because),
            pubdate=article.published_at,
            updateddate=article.last_published_at or article.published_at,
            categories=[c.pref_label for c in item.because],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    atom.write(response, "utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
def manage(request: HttpRequest) -> HttpResponse:
    """List the reader's follows with delivery and mentions choices, unfollow, and the Atom URL."""
    reader = _reader(request)
    if reader is None:
        return redirect_to_login(request.get_full_path())
    new_token = request.session.pop(SESSION_NEW_ATOM_TOKEN, None)
    context = {
        "follows": queries.follows_of(reader),
        "delivery_choices": Delivery.choices,
        "has_atom_token": queries.has_atom_token(reader),
        "new_atom_url": (
            request.build_absolute_uri(reverse("follows:atom", args=[new_token]))
            if new_token
            else None
        ),
    }
    return render(request, "follows/manage.html", context)


@never_cache
@require_POST
def update_follow(request: HttpRequest, concept_id: int) -> HttpResponse:
    """Change one follow's delivery and whether mentions count."""
    reader = _reader(request)
    if reader is None:
        return redirect_to_login(reverse("follows:manage"))
    following = get_object_or_404(Follow, reader=reader, concept_id=concept_id)
    delivery = request.POST.get("delivery", following.delivery)
    if delivery not in Delivery.values:
        return HttpResponseBadRequest(f"{delivery!r} is not a delivery choice.")
    actions.set_delivery(following, delivery)
    actions.set_include_mentions(following, request.POST.get("include_mentions") == "on")
    return redirect("follows:manage")


@never_cache
@require_POST
def atom_token(request: HttpRequest) -> HttpResponse:
    """Make a new private Atom URL (the old one stops working), or turn it off."""
    reader = _reader(request)
    if reader is None:
        return redirect_to_login(reverse("follows:manage"))
    if request.POST.get("action") == "revoke":
        actions.revoke_atom_token(reader)
    elif request.POST.get("action") == "regenerate":
        request.session[SESSION_NEW_ATOM_TOKEN] = actions.issue_atom_token(reader)
    else:
        return HttpResponseBadRequest("action must be regenerate or revoke")
    return redirect("follows:manage")
