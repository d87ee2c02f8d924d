"""Content: articles, sections, authors, bylines, images and video; pages, snippets and blocks.

Imports concepts, accounts and core. Higher layers (ads, syndication) plug in through Wagtail
hooks: see ``hooks.ARTICLE_BODY_HOOK``.
"""
