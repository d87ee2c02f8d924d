"""Unsubscribe: a confirmation page on GET, the change on POST (RFC 8058 one-click)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from broadsheet.follows.models import Follow

from . import actions
from .tokens import BadToken, read_token


@csrf_exempt  # RFC 8058: mail clients POST without a session; the signed token is the authority.
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Show what the link stops and a button (GET), or stop it (POST); safe to repeat."""
    try:
        wanted = read_token(token)
    except BadToken as error:
        return render(
            request, "alerts/unsubscribe_invalid.html", {"reason": str(error)}, status=400
        )
    follows = Follow.objects.filter(reader_id=wanted.reader_id).select_related("concept")
    if wanted.follow_ids is not None:
        follows = follows.filter(pk__in=wanted.follow_ids)
    labels = sorted(f.concept.pref_label for f in follows)
    context = {"labels": labels, "everything": wanted.follow_ids is None, "token": token}
    if request.method == "POST":
        actions.unsubscribe(wanted)
        return render(request, "alerts/unsubscribe_done.html", context)
    response = render(request, "alerts/unsubscribe_confirm.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
