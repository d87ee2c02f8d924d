"""Feeds, sitemaps, structured data and the content API."""
