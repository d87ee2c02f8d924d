"""Gunicorn's settings for Broadsheet in production (docs/delivery.md, "Serving the origin").

    gunicorn -c deploy/gunicorn.conf.py config.wsgi:application --bind 127.0.0.1:8000

``make bench`` and ``make bench-load`` serve the origin with this file too, with one worker per
CPU (``--workers``): there nothing the workers wait on is on another machine.
"""

from __future__ import annotations

import gc
import os
from typing import Any

# Sync workers, as many as gunicorn advises: two per CPU and one more. A sync worker waits while
# the database or the cache (Redis) answers; with more workers than CPUs another one uses the
# CPU meanwhile, so an app-cache hit, mostly that wait, does not leave a core idle.
_asked = os.environ.get("WEB_CONCURRENCY", "").strip()
if _asked and not (_asked.isdigit() and int(_asked) > 0):
    raise SystemExit(f"WEB_CONCURRENCY={_asked!r}: give the number of gunicorn workers, e.g. 5.")
workers = int(_asked) if _asked else 2 * (os.cpu_count() or 1) + 1
worker_class = "sync"
# A request that takes longer than this is stuck: the worker is replaced.
timeout = 30
graceful_timeout = 10
# Proxies in front (Varnish, a CDN) keep their own connections; sync workers close each one.
keepalive = 2


def post_worker_init(worker: Any) -> None:
    """Freeze what loading the application created, once per worker.

    Django, Wagtail and the URL and template caches are a few hundred thousand objects that live
    as long as the worker. ``gc.freeze()`` moves them out of the collector's generations, so a
    full collection no longer walks them on the request that triggers it.
    """
    gc.freeze()
