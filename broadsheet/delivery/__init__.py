"""Delivery: purge what a change affects from the app cache and every edge cache in front."""
