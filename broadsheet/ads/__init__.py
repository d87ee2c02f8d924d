"""Ads: cadence, house-ad creatives, placement in the article body; backends/ per ad server.

Sits above content: it plugs slots into the article body through content's ARTICLE_BODY_HOOK.
"""
