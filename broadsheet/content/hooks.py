"""Names of the Wagtail hooks through which higher layers change what content renders."""

ARTICLE_BODY_HOOK = "broadsheet_article_body"
"""``fn(page, items, request) -> items``: may insert items (e.g. ad slots) among the body's rendered blocks."""
