"""The production static files storage: WhiteNoise's compressed manifest storage whose
``url()`` is kept per name.

``{% static %}`` asks the storage for a file's hashed URL; the manifest storage splits, unquotes
and looks the name up in its manifest on every call, and the base template names eight static
files. The manifest is read once, when the storage is created, so a name's URL cannot change
for the storage's lifetime (a deploy starts new processes): it is kept per storage and name.
"""

from __future__ import annotations

import threading

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

MAX_NAMES = 4096


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """``CompressedManifestStaticFilesStorage`` with each name's URL kept after its first use."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._urls: dict[str, str] = {}
        self._urls_lock = threading.Lock()

    def url(self, name: str | None, force: bool = False) -> str:
        if force or name is None or settings.DEBUG:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            pass
        # A missing file raises here (manifest_strict) and is not kept.
        found = super().url(name)
        with self._urls_lock:
            if len(self._urls) >= MAX_NAMES:
                self._urls.clear()
            self._urls[name] = found
        return found
