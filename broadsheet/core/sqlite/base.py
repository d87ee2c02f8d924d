"""Django's SQLite backend, except that a statement's placeholders are converted once.

Django writes ``%s`` placeholders; Python's ``sqlite3`` wants ``?``. Django's cursor converts
every statement on every execution with a regular expression (``(?<!%)%s``) that looks at
every character: 48 µs for the article page's 4 KB lookup on the bench's machine, about
100 µs of each article render's six queries (of about 2.5 ms). The ORM sends the same few
statements again and again, so this cursor keeps the converted text per statement (up to
``MAX_STATEMENTS``, then starts again). Everything else is Django's backend: settings select it with ``ENGINE =
"broadsheet.core.sqlite"`` (``config/settings/base.py`` does for every SQLite URL).
"""

from __future__ import annotations

from typing import Any

from django.db.backends.sqlite3 import base

MAX_STATEMENTS = 2048
"""Converted statements kept; a list of ids of every length is a statement each."""

_converted: dict[str, str] = {}


class SQLiteCursorWrapper(base.SQLiteCursorWrapper):
    """Django's SQLite cursor with ``%s`` → ``?`` conversion kept per statement."""

    def convert_query(self, query: str, *, param_names: Any = None) -> str:
        if param_names is not None:  # named parameters: rare, and the names vary
            return str(super().convert_query(query, param_names=param_names))
        try:
            return _converted[query]
        except KeyError:
            pass
        converted = str(super().convert_query(query))
        if len(_converted) >= MAX_STATEMENTS:
            _converted.clear()
        _converted[query] = converted
        return converted


class DatabaseWrapper(base.DatabaseWrapper):
    """Django's SQLite connection whose cursors are ``SQLiteCursorWrapper``."""

    def create_cursor(self, name: str | None = None) -> Any:
        return self.connection.cursor(factory=SQLiteCursorWrapper)
