"""Ad-server backends: ``base.AdServerBackend`` is the interface; the setting picks one."""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import AdServerBackend, Creative, SlotRequest

__all__ = ["AdServerBackend", "Creative", "SlotRequest", "get_backend"]


def get_backend() -> AdServerBackend:
    """Return the configured ad server (``BROADSHEET_AD_BACKEND``)."""
    backend_class = import_string(settings.BROADSHEET_AD_BACKEND)
    backend: AdServerBackend = backend_class()
    return backend
