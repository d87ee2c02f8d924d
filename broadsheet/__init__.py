"""Broadsheet: the Django project, one app per domain; dependencies point down (see STYLE.md)."""
