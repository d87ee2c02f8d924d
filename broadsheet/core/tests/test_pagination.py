import pytest

from broadsheet.core.pagination import BadCursor, Cursor


def test_cursor_round_trips():
    from datetime import UTC, datetime

    cursor = Cursor(published_at=datetime(2026, 11, 25, 8, 30, 12, 5, tzinfo=UTC), pk=42)
    assert Cursor.decode(cursor.encode()) == cursor


@pytest.mark.parametrize("token", ["", "x", "bm90IGEgY3Vyc29y", "MjAyNi0xMS0yNVQwODozMDoxMnw0Mg"])
def test_foreign_cursors_are_refused(token):
    # The last one is a valid encoding of a time without a zone.
    with pytest.raises(BadCursor):
        Cursor.decode(token)
