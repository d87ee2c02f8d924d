"""``url_for``: ``reverse`` kept per process, for the URLs a page names many times over.

Reversing a name walks the URL patterns and checks its arguments every time (a few dozen
microseconds); a page with follow buttons, bylines and a menu reverses the same few names again
and again. The result depends only on the URLconf, the script prefix and the arguments, all of
which are in the key.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from .memo import PureMemo

_urls: PureMemo[str] = PureMemo("core.url_for", max_entries=8192)


def url_for(viewname: str, *args: str | int) -> str:
    """Return ``reverse(viewname, args=args)``, kept per process by everything it depends on."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    key = (urlconf, get_script_prefix(), viewname, args)
    return _urls.get(key, lambda: reverse(viewname, urlconf=urlconf, args=args))


def url_context() -> tuple[str, str]:
    """Return what every reversed URL depends on besides its name and arguments: the URLconf
    and the script prefix. A memo of HTML holding reversed URLs puts this in its key."""
    return (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
