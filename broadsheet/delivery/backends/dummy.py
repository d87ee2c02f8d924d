"""A purge backend that remembers what it was asked to purge: for tests and for development."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .base import PurgeBackend

purged: list[list[str]] = []
"""Every batch of keys any DummyBackend was asked to purge, in order."""


class DummyBackend(PurgeBackend):
    def __init__(self, *, name: str, **options: Any) -> None:
        super().__init__(name=name, **options)

    def purge_batch(self, keys: Sequence[str]) -> None:
        purged.append(list(keys))
