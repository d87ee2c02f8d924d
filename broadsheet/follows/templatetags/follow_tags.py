"""``{% follow_button concept_id label %}`` and ``{% follow_list items %}``: follow buttons of
reading pages, in Python."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from broadsheet.core.memo import PureMemo
from broadsheet.core.urls import url_context, url_for

register = template.Library()

_lists: PureMemo[SafeString] = PureMemo("follows.follow_list", max_entries=4096)
""""Follow the topics" lists by their items, the page's path and the URL context."""


@register.simple_tag(takes_context=True)
def follow_button(context: dict[str, Any], concept_id: int | str, label: str) -> SafeString:
    """Return a follow button that is the same for every reader, so the page stays cacheable.

    A GET form to the follows confirm page (sign in, then follow); static/js/follow.js reads
    the state from ``follows:state`` and turns it into an aria-pressed toggle that posts in
    place.
    """
    request = context.get("request")
    return _button(request.path if request is not None else "", concept_id, label)


def _button(path: str, concept_id: int | str, label: str) -> SafeString:
    concept = conditional_escape(str(concept_id))
    return mark_safe(  # noqa: S308 - every value is escaped
        f'\n<form class="follow-button" method="get" action="{url_for("follows:confirm", concept_id)}"'
        f' data-follow-concept="{concept}" data-follow-url="{url_for("follows:follow", concept_id)}"'
        f' data-unfollow-url="{url_for("follows:unfollow", concept_id)}"><input type="hidden"'
        f' name="next" value="{conditional_escape(path)}">'
        f'<button type="submit" class="follow-button__button"><span class="follow-button__word">'
        f'Follow</span><span class="visually-hidden"> {conditional_escape(label)}</span></button>'
        "</form>\n"
    )


@register.simple_tag(takes_context=True)
def follow_list(context: dict[str, Any], items: list[dict[str, str]]) -> SafeString:
    """Return the items of "Follow the topics in this article": a link to each topic's page,
    with its follow button when it is a concept (``content.queries.follow_topics``).

    Kept per process by everything it shows: the items, the page's path (each button's
    ``next``) and the URLconf the buttons' URLs come from.
    """
    request = context.get("request")
    path = request.path if request is not None else ""
    shown = tuple((item["url"], item["label"], item["kind"], item["concept_id"]) for item in items)
    return _lists.get((url_context(), path, shown), lambda: _follow_list(path, shown))


def _follow_list(path: str, items: tuple[tuple[str, str, str, str], ...]) -> SafeString:
    e = conditional_escape
    return mark_safe(  # noqa: S308 - every value is escaped, the buttons by _button
        "".join(
            f'<li class="follow__item"><a href="{e(url)}"><span class="follow__label">'
            f'{e(label)}</span> <span class="follow__kind">{e(kind)}</span></a>'
            + (_button(path, concept_id, label) if concept_id else "")
            + "</li>"
            for url, label, kind, concept_id in items
        )
    )
