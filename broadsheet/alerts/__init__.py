"""Instant alerts and digests by email."""
