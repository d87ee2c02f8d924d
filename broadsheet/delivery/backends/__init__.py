"""Purge backends: one module per edge cache, chosen in settings.BROADSHEET_PURGE_BACKENDS."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from .base import PurgeBackend, PurgeError


@cache
def _configured(
    items: tuple[tuple[str, str, tuple[tuple[str, Any], ...]], ...],
) -> tuple[PurgeBackend, ...]:
    return tuple(import_string(path)(name=name, **dict(options)) for name, path, options in items)


def purge_backends() -> tuple[PurgeBackend, ...]:
    """Return the configured backends, built once per configuration."""
    configured: dict[str, dict[str, Any]] = getattr(settings, "BROADSHEET_PURGE_BACKENDS", {})
    items = tuple(
        (
            name,
            str(spec["BACKEND"]),
            tuple(sorted((key, _freeze(value)) for key, value in spec.get("OPTIONS", {}).items())),
        )
        for name, spec in sorted(configured.items())
    )
    return _configured(items)


def _freeze(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


__all__ = ["PurgeBackend", "PurgeError", "purge_backends"]
