"""Names of the Wagtail hooks through which higher layers change what content renders."""

ARTICLE_BODY_HOOK = "broadsheet_article_body"
"""``fn(page, items, request) -> items``: may insert items (e.g. ad slots) among the body's
blocks. An item is a dict with ``kind`` and ``block_type``; a block's item has its ``block``, an
inserted one carries its own ``html`` (safe HTML, written into the body as it is)."""
