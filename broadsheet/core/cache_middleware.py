"""Cache headers for every response, and the app cache that serves public pages without a render.

``CacheHeadersMiddleware`` sits below the session and CSRF middleware in the response path's
view of things (above them in ``MIDDLEWARE``), so it sees every cookie and ``Vary`` they add:

- a page marked with ``cache_publicly`` that sets no cookie and does not vary on the cookie is
  sent ``Cache-Control: public, max-age, s-maxage, stale-while-revalidate, stale-if-error``,
  with an ETag (and 304 on a match) and its surrogate keys in ``Surrogate-Key`` (Fastly),
  ``Cache-Tag`` (Cloudflare) and ``xkey`` (Varnish);
- anything else without its own ``Cache-Control`` is ``private, no-store``.

``AppCacheMiddleware`` sits above it: it keeps public pages in Django's cache, serves them
before sessions, CSRF or the view run, and drops them when one of their keys is purged (see
``broadsheet.core.http_cache.mark_purged``). When a hot page expires, one request renders it
again while the others are served the stale copy; after a purge, the others wait briefly for
the fresh copy instead of all rendering it at once. A process holds the pages it found fresh in
its own memory; on Redis its purge watch (``broadsheet.core.purge_watch``) lets it serve them
without reading the cache until a purge is heard.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from django.utils.text import compress_string

from .http_cache import GENERATION_KEY, public_keys, purged_at, start_generation
from .purge_watch import PurgeWatch, watch_for

logger = logging.getLogger(__name__)

Handler = Callable[[HttpRequest], HttpResponseBase]

KEY_HEADERS = ("Surrogate-Key", "Cache-Tag", "xkey")
_SKIP_HEADERS = {"set-cookie", "content-length", "date"}


@dataclass(frozen=True, slots=True, kw_only=True)
class CachePolicy:
    """How long shared caches and the app cache may keep a public page."""

    max_age: int
    """Seconds a browser may reuse the page."""
    s_maxage: int
    """Seconds a shared cache (and the app cache) may serve it without asking."""
    stale_while_revalidate: int
    """Seconds past s_maxage a cache may serve it while it fetches a fresh copy."""
    stale_if_error: int
    """Seconds past s_maxage a cache may serve it when the origin fails."""

    @classmethod
    def from_settings(cls) -> CachePolicy:
        configured = getattr(settings, "BROADSHEET_PAGE_CACHE", {})
        return cls(
            max_age=int(configured.get("max_age", 60)),
            s_maxage=int(configured.get("s_maxage", 300)),
            stale_while_revalidate=int(configured.get("stale_while_revalidate", 60)),
            stale_if_error=int(configured.get("stale_if_error", 86_400)),
        )

    @property
    def header(self) -> str:
        return (
            f"public, max-age={self.max_age}, s-maxage={self.s_maxage}, "
            f"stale-while-revalidate={self.stale_while_revalidate}, "
            f"stale-if-error={self.stale_if_error}"
        )


def is_personal(response: HttpResponseBase) -> bool:
    """Return True when the response set a cookie or depends on the reader's cookie."""
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    return bool(response.cookies) or "cookie" in vary


def etag_for(content: bytes) -> str:
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def _not_modified(request: HttpRequest, etag: str) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    # From META: request.headers would build a mapping of every header on each request.
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    # If-None-Match compares weakly (RFC 9110, 13.1.2): W/"x" matches "x".
    wanted = {tag.removeprefix("W/") for tag in parse_etags(header)}
    return "*" in wanted or etag.removeprefix("W/") in wanted


def _not_modified_response(response: HttpResponseBase) -> HttpResponseNotModified:
    not_modified = HttpResponseNotModified()
    for header in ("Cache-Control", "ETag", "Vary", *KEY_HEADERS):
        if header in response:
            not_modified[header] = response[header]
    return not_modified


class CacheHeadersMiddleware:
    """Send public cache headers and surrogate keys for public pages, private for the rest."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        keys = public_keys(request)
        cacheable = (
            keys is not None
            and not getattr(request, "is_dummy", False)  # a Wagtail preview or moderation view
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.streaming
        )
        if cacheable and is_personal(response):
            # Previews in the admin and pages opened with a session are expected here.
            logger.debug(
                "%s was marked public but set a cookie or read the session; sent private.",
                request.path,
            )
            cacheable = False
        if not cacheable:
            for header in KEY_HEADERS:
                if header in response:
                    del response[header]
            if "Cache-Control" not in response or is_personal(response):
                response["Cache-Control"] = "private, no-store"
            return response
        assert keys is not None  # noqa: S101 -- narrowed by cacheable
        assert isinstance(response, HttpResponse)  # noqa: S101 -- not streaming
        response["Cache-Control"] = CachePolicy.from_settings().header
        response["Surrogate-Key"] = " ".join(keys)
        response["xkey"] = " ".join(keys)
        response["Cache-Tag"] = ",".join(keys)
        patch_vary_headers(response, ("Accept-Encoding",))
        etag = etag_for(response.content)
        response["ETag"] = etag
        if _not_modified(request, etag):
            return _not_modified_response(response)
        return response


GZIP_AT_LEAST = 200
"""Bytes below which a page is sent as it is (GZipMiddleware's own threshold)."""


def gzip_once(content: bytes) -> bytes | None:
    """Return ``content`` gzipped for every hit to come, or None when gzip would not shrink it.

    Compressed once when the page is stored, not on every hit as GZipMiddleware would. Public
    pages hold no secret, so the random padding GZipMiddleware adds against BREACH is not needed.
    """
    if len(content) < GZIP_AT_LEAST:
        return None
    packed = compress_string(content)
    return packed if len(packed) < len(content) else None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Entry:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    """The page as stored: gzipped when ``gzipped``, so that a hit reads a quarter of the bytes."""
    gzipped: bool
    keys: tuple[str, ...]
    rendered_at: float
    fresh_until: float

    def response(self, request: HttpRequest, *, state: str) -> HttpResponseBase:
        send_gzip = self.gzipped and bool(
            re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        )
        # Browsers and shared caches accept gzip; anything else gets it unpacked.
        body = self.content if send_gzip or not self.gzipped else gzip.decompress(self.content)
        response = HttpResponse(body, status=self.status)
        # The stored headers were checked and encoded when the page was rendered: they go back
        # as Django's ResponseHeaders keeps them (by lower-cased name), not checked again one by
        # one on every hit.
        response.headers._store.update(  # type: ignore[attr-defined]
            (name.lower(), (name, value)) for name, value in self.headers
        )
        response["Content-Length"] = str(len(body))
        if send_gzip:
            # As GZipMiddleware marks what it compresses (it leaves an encoded response alone).
            response["Content-Encoding"] = "gzip"
            etag = response.get("ETag", "")
            if etag.startswith('"'):
                response["ETag"] = "W/" + etag
        response["X-App-Cache"] = state
        if _not_modified(request, response.get("ETag", "")):
            not_modified = _not_modified_response(response)
            not_modified["X-App-Cache"] = state
            return not_modified
        return response


class AppCacheMiddleware:
    """Serve public pages from Django's cache; one render per expiry or purge, not a stampede."""

    wait_for_fresh_seconds = 2.0
    """After a purge, how long a request waits for the request that re-renders the page."""
    remembered_pages = 20_000
    """How many pages' checks a process remembers (forgotten all at once past that)."""
    held_pages = 1_000
    """How many fresh pages a process keeps in its own memory (forgotten all at once past that):
    while the purge generation stands still, a hit on one of them reads only the generation."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        # For each page: the stored copy (by when it began rendering) this process found
        # unpurged, and the purge generation it found it in. While the generation stands still
        # a hit reads two cache keys, the page and the generation, however many keys it names.
        self._checked: dict[str, tuple[float, Any]] = {}
        # The pages this process found fresh and unpurged, with the generation it found them in
        # and the purge watch's epoch when it began to look: a hit on one reads nothing while
        # the watch heard no purge since, else the generation alone, not the page's bytes.
        self._held: dict[str, tuple[_Entry, Any, int | None]] = {}

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not getattr(settings, "BROADSHEET_APP_CACHE", False) or request.method not in (
            "GET",
            "HEAD",
        ):
            return self.get_response(request)
        if getattr(request, "is_dummy", False):
            # Wagtail renders previews through the middleware with a made-up request for the
            # page's public URL: never answer it from, nor store it in, the public cache.
            return self.get_response(request)
        policy = CachePolicy.from_settings()
        alias = getattr(settings, "BROADSHEET_APP_CACHE_ALIAS", "default")
        cache = caches[alias]
        page_key = (
            "broadsheet:page:"
            + hashlib.blake2b(
                f"{request.get_host()}{request.get_full_path()}".encode(), digest_size=20
            ).hexdigest()
        )
        lock_key = page_key + ":render"
        entry, purged = self._lookup(cache, page_key, watch_for(alias))
        now = time.time()
        if entry is not None:
            if not purged and now < entry.fresh_until:
                return entry.response(request, state="hit")
            if not purged:
                # Expired but not purged: one request renders, the rest get the stale copy.
                if not cache.add(lock_key, 1, timeout=30):
                    return entry.response(request, state="stale")
                return self._render(request, cache, page_key, lock_key, policy)
        if cache.add(lock_key, 1, timeout=30):
            return self._render(request, cache, page_key, lock_key, policy)
        fresh = self._wait_for_fresh(cache, page_key)
        if fresh is not None:
            return fresh.response(request, state="hit")
        return self._render(request, cache, page_key, None, policy)

    def _lookup(
        self, cache: Any, page_key: str, watch: PurgeWatch | None
    ) -> tuple[_Entry | None, bool]:
        """Return the page's entry, if any, and whether one of its keys was purged since."""
        # Taken before anything is read: a purge heard after this moment drops what is read now.
        epoch = watch.epoch() if watch is not None else None
        held = self._held.get(page_key)
        if held is not None:
            kept, seen, held_in = held
            if time.time() < kept.fresh_until:
                if epoch is not None and epoch == held_in:
                    # The watch heard no purge since the page was found unpurged: no read at all.
                    return kept, False
                if cache.get(GENERATION_KEY) == seen:
                    self._held[page_key] = (kept, seen, epoch)
                    return kept, False
            self._held.pop(page_key, None)
        found = cache.get_many([page_key, GENERATION_KEY])
        entry: _Entry | None = found.get(page_key)
        if entry is None:
            return None, False
        generation = found.get(GENERATION_KEY)
        if generation is None:
            # No purge yet, or the cache lost the counter: start it for the hits to come.
            start_generation(cache)
        elif self._checked.get(page_key) == (
            entry.rendered_at,
            generation,
        ):
            self._hold(page_key, entry, generation, epoch)
            return entry, False
        # Something was purged since this process last looked (or it never looked): read the
        # purge times of the page's own keys, once per page and generation.
        purged = self._purged_since(entry)
        if not purged and generation is not None:
            if len(self._checked) >= self.remembered_pages:
                self._checked.clear()
            self._checked[page_key] = (entry.rendered_at, generation)
            self._hold(page_key, entry, generation, epoch)
        return entry, purged

    def _hold(self, page_key: str, entry: _Entry, generation: Any, epoch: int | None) -> None:
        if time.time() >= entry.fresh_until:
            return
        if len(self._held) >= self.held_pages:
            self._held.clear()
        self._held[page_key] = (entry, generation, epoch)

    def _purged_since(self, entry: _Entry) -> bool:
        return any(when >= entry.rendered_at for when in purged_at(entry.keys).values())

    def _wait_for_fresh(self, cache: Any, page_key: str) -> _Entry | None:
        deadline = time.monotonic() + self.wait_for_fresh_seconds
        while time.monotonic() < deadline:
            time.sleep(0.02)
            entry: _Entry | None = cache.get(page_key)
            if entry is not None and not self._purged_since(entry):
                return entry
        return None

    def _render(
        self,
        request: HttpRequest,
        cache: Any,
        page_key: str,
        lock_key: str | None,
        policy: CachePolicy,
    ) -> HttpResponseBase:
        rendered_at = time.time()
        try:
            response = self.get_response(request)
            keys = public_keys(request)
            if (
                keys is not None
                and response.status_code == 200
                and isinstance(response, HttpResponse)
                and str(response.get("Cache-Control", "")).startswith("public")
                and not response.cookies
            ):
                packed = (
                    None if response.has_header("Content-Encoding") else gzip_once(response.content)
                )
                entry = _Entry(
                    status=response.status_code,
                    headers=tuple(
                        (name, value)
                        for name, value in response.items()
                        if name.lower() not in _SKIP_HEADERS
                    ),
                    content=packed if packed is not None else response.content,
                    gzipped=packed is not None,
                    keys=tuple(keys),
                    rendered_at=rendered_at,
                    fresh_until=rendered_at + policy.s_maxage,
                )
                cache.set(
                    page_key,
                    entry,
                    timeout=policy.s_maxage + policy.stale_while_revalidate,
                )
                response["X-App-Cache"] = "miss"
            return response
        finally:
            if lock_key is not None:
                cache.delete(lock_key)
