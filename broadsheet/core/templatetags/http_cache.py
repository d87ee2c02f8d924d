"""``{% cache_tag obj %}``: name what a template shows, so a purge of it refreshes the page."""

from typing import Any

from django import template

from broadsheet.core.http_cache import cache_publicly, key_for

register = template.Library()


@register.simple_tag(takes_context=True)
def cache_tag(context: template.Context, obj: Any, listing: bool = False) -> str:
    """Add obj's surrogate key (or its listing's) to the page; renders nothing."""
    request = context.get("request")
    if request is not None and obj is not None and getattr(obj, "pk", None) is not None:
        cache_publicly(request, key_for(obj, listing=listing))
    return ""
