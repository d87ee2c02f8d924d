"""The SQLite backend converts each statement's placeholders once and otherwise is Django's."""

import sqlite3

import pytest
from django.db import connection

from broadsheet.core.sqlite import base as backend


@pytest.fixture
def cursor():
    backend._converted.clear()
    with sqlite3.connect(":memory:") as raw:
        yield raw.cursor(factory=backend.SQLiteCursorWrapper)
    backend._converted.clear()


def test_placeholders_become_question_marks_and_a_literal_percent_stays(cursor):
    sql = "SELECT %s || '%%s' || %s"
    assert cursor.convert_query(sql) == "SELECT ? || '%s' || ?"
    cursor.execute(sql, ["a", "b"])
    assert cursor.fetchone() == ("a%sb",)


def test_a_statement_is_converted_once_and_its_answer_kept(cursor, monkeypatch):
    sql = "SELECT %s + %s"
    cursor.execute(sql, [1, 2])
    assert backend._converted == {sql: "SELECT ? + ?"}
    calls = []
    original = backend.base.FORMAT_QMARK_REGEX.sub

    class Counting:
        def sub(self, *args):
            calls.append(args)
            return original(*args)

    monkeypatch.setattr(backend.base, "FORMAT_QMARK_REGEX", Counting())
    cursor.execute(sql, [3, 4])
    assert cursor.fetchone() == (7,)
    assert calls == []  # the kept conversion, no regular expression
    cursor.execute("SELECT %s", [5])
    assert len(calls) == 1


def test_named_parameters_are_converted_as_django_does(cursor):
    cursor.execute("SELECT %(first)s * %(second)s", {"first": 6, "second": 7})
    assert cursor.fetchone() == (42,)
    assert backend._converted == {}


def test_the_kept_statements_are_bounded(cursor, monkeypatch):
    monkeypatch.setattr(backend, "MAX_STATEMENTS", 3)
    for value in range(5):
        cursor.execute(f"SELECT %s + {value}", [1])
    assert 1 <= len(backend._converted) <= 3
    assert cursor.fetchone() == (5,)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backend only")
@pytest.mark.django_db
def test_the_sites_sqlite_connection_uses_it():
    assert connection.settings_dict["ENGINE"] == "broadsheet.core.sqlite"
    with connection.cursor() as wrapped:
        assert isinstance(wrapped.cursor, backend.SQLiteCursorWrapper)
        wrapped.execute("SELECT %s", ["kept"])
        assert wrapped.fetchone() == ("kept",)
