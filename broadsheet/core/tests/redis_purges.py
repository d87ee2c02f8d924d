"""A Redis app cache of the test's own and purges from another process, for the purge watch's tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.core.cache import caches

from broadsheet.core import purge_watch

REDIS_URL = "redis://127.0.0.1:6379/12"
ROOT = Path(__file__).resolve().parents[3]

# Another process purges: the settings it needs and nothing else (no database, no apps).
PURGE_ELSEWHERE = """
import json
import sys
import django
from django.conf import settings

settings.configure(CACHES={"default": json.loads(sys.argv[1])})
django.setup()
from broadsheet.core.http_cache import mark_purged

mark_purged(sys.argv[2:])
"""


def use_redis_cache(settings: Any) -> Iterator[str]:
    """Make the default cache a Redis of this test's own key prefix; yield the prefix.

    Afterwards the watches stop and the test's keys are deleted (never FLUSHDB on a shared server).
    """
    prefix = f"test-watch-{uuid.uuid4().hex[:10]}"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    yield prefix
    purge_watch.stop_watches()
    client = caches["default"]._cache.get_client(write=True)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


def purge_in_another_process(prefix: str, *keys: str) -> None:
    """Run ``mark_purged(keys)`` in a separate Python process on the test's Redis cache."""
    purge_from_another_process(
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
        *keys,
    )


def purge_from_another_process(cache: dict[str, Any], *keys: str) -> None:
    """Run ``mark_purged(keys)`` in a separate Python process whose default cache is ``cache``."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(ROOT)
    subprocess.run(
        [sys.executable, "-c", PURGE_ELSEWHERE, json.dumps(cache), *keys],
        check=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )


def eventually(check: Callable[[], bool], *, seconds: float = 5.0) -> bool:
    """Poll ``check`` until it holds or ``seconds`` pass; return its last answer."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.01)
    return check()
