"""Tests: tasks run immediately, email is kept in memory, passwords hash fast."""

import tempfile

from .base import *

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="broadsheet-test-media-"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"},
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "test-renditions",
    },
}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_AUTOREFRESH = True
# Most tests want every request rendered; the app cache's own tests switch it on.
BROADSHEET_APP_CACHE = False
BROADSHEET_PURGE_BACKENDS = {
    "dummy": {"BACKEND": "broadsheet.delivery.backends.dummy.DummyBackend"}
}
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}
