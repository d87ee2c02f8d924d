"""The read-only content API (django-ninja), mounted at /api/v1/ by config/api.py.

``base.ContentApi`` is the NinjaAPI (key auth, JSON errors with a reason, ETags); ``routes``
holds the endpoints, ``queries`` the reads (live, public articles only), ``represent`` the JSON
shapes and ``schemas`` their OpenAPI types. Keys are issued and checked in
``broadsheet.syndication.api_keys``. May import content, concepts and core; nothing imports it
but config.
"""

from .base import ContentApi
from .routes import router

__all__ = ["ContentApi", "router"]
