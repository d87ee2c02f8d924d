"""Production settings plus what the page benchmarks need: a bare view and a run-only key prefix.

Served by gunicorn exactly as ``config.settings.production`` is, with the same middleware. The
additions are ``bench.urls`` (the site's URLs and ``/bench/bare``), a cache key prefix that keeps
one run's pages apart from anything else in a shared Redis (``BENCH_CACHE_PREFIX``). Page
lifetimes come from the usual PAGE_S_MAXAGE and friends.
"""

# ruff: noqa: F403, F405 - the production settings, extended.

import os

from config.settings.production import *

ROOT_URLCONF = "bench.urls"

_prefix = os.environ.get("BENCH_CACHE_PREFIX", "")
if _prefix:
    for _alias in CACHES.values():
        _alias["KEY_PREFIX"] = _prefix


# Lighthouse loads the page's images too; nginx serves media in production, gunicorn here.
SERVE_MEDIA = os.environ.get("BENCH_SERVE_MEDIA", "") == "1"
