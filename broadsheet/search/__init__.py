"""Site search."""
