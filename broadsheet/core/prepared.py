"""A queryset compiled to SQL once per thread and run many times with new values.

Compiling a query with several ``select_related`` joins through multi-table pages costs more
than running it; a read on every page view (the article lookup) pays that once instead:

    lookup = PreparedQuery(
        lambda: ArticlePage.objects.filter(url_path=slot("url_path")).select_related("section"),
        slots=["url_path"],
    )
    pages = lookup.all(url_path="/home/world/story/")

Rows become instances exactly as Django's ``ModelIterable`` builds them (``from_db``, the
``select_related`` populators, annotations), with the backend's converters applied; ``rows()``
returns them as tuples instead, for a ``values_list()`` queryset whose caller needs no model. A slot
may only be used where its value reaches the SQL unchanged (an exact or ``in`` comparison of
text); ``PreparedQuery`` refuses a queryset in which a slot is missing or appears twice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators

M = TypeVar("M", bound=Model)


def slot(name: str) -> str:
    """Return the placeholder a prepared queryset uses where ``name``'s text value goes."""
    return f"\x00prepared-slot:{name}\x00"


def int_slot(name: str) -> int:
    """Return the placeholder a prepared queryset uses where ``name``'s integer value goes.

    A negative number no primary key takes, inside a 32-bit integer column's range: outside
    it, Django compiles a comparison with an ``integer`` column on PostgreSQL to "matches
    nothing" and the placeholder never reaches the SQL.
    """
    spread = sum(ord(char) * 131**position for position, char in enumerate(name)) % 2**20
    return -(2**31) + 1 + spread


@dataclass(frozen=True, slots=True)
class _Compiled:
    compiler: Any
    sql: str
    params: tuple[Any, ...]
    positions: dict[str, int]
    model: type[Model] | None
    init_list: list[str]
    start: int
    end: int
    populators: list[Any]
    annotation_col_map: dict[str, int]
    converters: Any


class PreparedQuery(Generic[M]):
    """Build a queryset once, keep its SQL, and run it with new slot values."""

    def __init__(self, build: Callable[[], QuerySet[M]], *, slots: Sequence[str]) -> None:
        self._build = build
        self._slots = tuple(slots)
        self._local = threading.local()

    def _compile(self) -> _Compiled:
        queryset = self._build()
        db = queryset.db
        compiler = queryset.query.get_compiler(using=db)
        sql, params = compiler.as_sql()
        positions = {}
        for name in self._slots:
            found = [
                index
                for index, value in enumerate(params)
                if value in (slot(name), int_slot(name)) and not isinstance(value, bool)
            ]
            if len(found) != 1:
                raise ValueError(f"The slot {name!r} must appear once in the query's parameters.")
            positions[name] = found[0]
        select, klass_info = compiler.select, compiler.klass_info
        converters = compiler.get_converters([s[0] for s in select[: compiler.col_count]])
        if klass_info is None or not issubclass(queryset._iterable_class, ModelIterable):
            # A values_list() queryset: its rows are read with rows(), never made instances.
            return _Compiled(
                compiler=compiler,
                sql=sql,
                params=tuple(params),
                positions=positions,
                model=None,
                init_list=[],
                start=0,
                end=compiler.col_count,
                populators=[],
                annotation_col_map={},
                converters=converters,
            )
        select_fields = klass_info["select_fields"]
        start, end = select_fields[0], select_fields[-1] + 1
        return _Compiled(
            compiler=compiler,
            sql=sql,
            params=tuple(params),
            positions=positions,
            model=klass_info["model"],
            init_list=[column[0].target.attname for column in select[start:end]],
            start=start,
            end=end,
            # django-stubs describe a newer signature than Django 5.2's (klass_info, select, db).
            populators=get_related_populators(klass_info, select, db),  # type: ignore[call-arg]
            annotation_col_map=dict(compiler.annotation_col_map or {}),
            converters=converters,
        )

    def _run(self, values: dict[str, Any]) -> tuple[_Compiled, list[tuple[Any, ...]]]:
        compiled: _Compiled | None = getattr(self._local, "compiled", None)
        if compiled is None:
            compiled = self._compile()
            self._local.compiled = compiled
        if set(values) != set(compiled.positions):
            raise TypeError(f"Give exactly these slots: {sorted(compiled.positions)}")
        params = list(compiled.params)
        for name, position in compiled.positions.items():
            params[position] = values[name]
        with connections[compiled.compiler.using].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows: Any = cursor.fetchall()
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        return compiled, rows

    def rows(self, **values: Any) -> list[tuple[Any, ...]]:
        """Run the query with these slot values and return its rows as tuples, no instances:
        for a ``values_list()`` queryset, the columns it names, in order."""
        compiled, rows = self._run(values)
        return [tuple(row[: compiled.end]) for row in rows]

    def all(self, **values: Any) -> list[M]:
        """Run the query with these slot values and return its instances."""
        compiled, rows = self._run(values)
        if compiled.model is None:
            raise TypeError("A values_list() query has no instances: read it with rows().")
        db = compiled.compiler.using
        found = []
        for row in rows:
            instance = compiled.model.from_db(
                db, compiled.init_list, row[compiled.start : compiled.end]
            )
            for populator in compiled.populators:
                populator.populate(row, instance)
            for attribute, column in compiled.annotation_col_map.items():
                setattr(instance, attribute, row[column])
            found.append(instance)
        return found  # type: ignore[return-value]


class PreparedByIds(Generic[M]):
    """A queryset narrowed to a list of integer ids, compiled once per length of the list.

    ``pk__in`` with n values is a different SQL statement for each n; this keeps one
    ``PreparedQuery`` per n up to ``max_prepared`` and builds longer lists the ordinary way:

        images = PreparedByIds(lambda: BroadsheetImage.objects.all())
        found = images.all([4, 9])
    """

    def __init__(
        self, build: Callable[[], QuerySet[M]], *, field: str = "pk", max_prepared: int = 32
    ) -> None:
        self._build = build
        self._field = field
        self._max_prepared = max_prepared
        self._by_count: dict[int, PreparedQuery[M]] = {}

    def all(self, ids: Sequence[int]) -> list[M]:
        """Return the rows whose ``field`` is one of ``ids`` (each id once), in no set order."""
        unique = list(dict.fromkeys(ids))
        if not unique:
            return []
        if len(unique) > self._max_prepared:
            return list(self._build().filter(**{f"{self._field}__in": unique}))
        return self._query(len(unique)).all(**self._values(unique))

    def rows(self, ids: Sequence[int]) -> list[tuple[Any, ...]]:
        """Return, as tuples, the rows of a ``values_list()`` queryset whose ``field`` is one of
        ``ids`` (each id once), in no set order."""
        unique = list(dict.fromkeys(ids))
        if not unique:
            return []
        if len(unique) > self._max_prepared:
            found: Any = self._build().filter(**{f"{self._field}__in": unique})
            return [tuple(row) for row in found]
        return self._query(len(unique)).rows(**self._values(unique))

    def _query(self, count: int) -> PreparedQuery[M]:
        query = self._by_count.get(count)
        if query is None:
            names = [f"id{position}" for position in range(count)]
            lookup = {f"{self._field}__in": [int_slot(name) for name in names]}
            query = PreparedQuery(lambda: self._build().filter(**lookup), slots=names)
            self._by_count[count] = query
        return query

    @staticmethod
    def _values(unique: list[int]) -> dict[str, int]:
        return {f"id{position}": value for position, value in enumerate(unique)}
