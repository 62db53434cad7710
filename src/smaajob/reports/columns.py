# SPDX-License-Identifier: MPL-2.0
"""Reading a query's rows as columns, for the reports: no model instance, no Python row per value.

The reports count millions of weekly-hours rows (issue 22, item 3). Django turns every row of
a ``values_list`` into a tuple of converted Python objects (≈ 5 µs and 430 bytes a row), which
at national size is a minute and gigabytes before the counting starts. Here the same queryset
— so the same columns, joins and access scoping (the municipality filter) — is compiled to
SQL by Django and run by a reader that hands back columns:

* **PostgreSQL**: the ADBC PostgreSQL driver streams the result as Apache Arrow (the server's
  binary COPY format, straight into typed column buffers) and polars takes the buffers without
  copying them row by row.
* **SQLite** (and PostgreSQL inside a transaction, see below): the database connection's own
  DB-API cursor, whose plain tuples go into polars column by column, skipping Django's per-row
  converters.

The ADBC reader opens its own connection, which cannot see rows the Django connection has
written but not committed; inside a transaction (``atomic``, and every test that does not ask
for committed transactions) the cursor reader is used, so a report never misses its own
request's writes. Each query goes to the database Django's router names for its reads
(``QuerySet.db``), so a configured reports replica serves these reads as it serves the ORM's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import Any

import polars as pl
from django.db import connections
from django.db.models import QuerySet

_PLACEHOLDER = re.compile(r"%s|%%")


def _numbered(sql: str) -> str:
    """Django's ``%s`` placeholders as PostgreSQL's ``$1, $2 …`` (``%%`` is a literal ``%``)."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        if match.group(0) == "%%":
            return "%"
        count += 1
        return f"${count}"

    return _PLACEHOLDER.sub(replace, sql)


def _conform(table: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """The query's columns renamed to the schema's, each cast to its type (dates read as text
    by SQLite's driver are parsed as ISO dates)."""
    table.columns = list(schema)
    casts = []
    for name, dtype in schema.items():
        column = pl.col(name)
        if dtype == pl.Date() and table.schema[name] == pl.String():
            casts.append(column.str.to_date("%Y-%m-%d").alias(name))
        else:
            casts.append(column.cast(dtype))
    return table.select(casts)


class ColumnReader:
    """Reads querysets as polars frames, each on the database its router names for reads; one
    ADBC connection per database for all the reader's queries, closed with the reader."""

    def __init__(self) -> None:
        self._adbc: dict[str, Any] = {}

    def frame(self, queryset: QuerySet[Any], schema: dict[str, pl.DataType]) -> pl.DataFrame:
        alias = queryset.db
        sql, params = queryset.query.get_compiler(using=alias).as_sql()
        connection = connections[alias]
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            return _conform(self._arrow(alias, _numbered(sql), params), schema)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        names = [f"c{i}" for i in range(len(schema))]
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
        # A column per list: polars builds each typed buffer in one pass, without row tuples.
        raw = pl.DataFrame(
            {n: pl.Series(n, list(values), dtype=_raw_type(dtype), strict=False)
             for n, values, dtype in zip(names, columns, schema.values(), strict=True)}
        )
        return _conform(raw, schema)

    def _arrow(self, alias: str, sql: str, params: tuple[Any, ...] | list[Any]) -> pl.DataFrame:
        if alias not in self._adbc:
            self._adbc[alias] = _adbc_connect(alias)
        with closing(self._adbc[alias].cursor()) as cursor:
            cursor.execute(sql, tuple(params) if params else None)
            table = cursor.fetch_arrow_table()
        table = table.rename_columns([f"c{i}" for i in range(table.num_columns)])
        frame = pl.from_arrow(table)
        assert isinstance(frame, pl.DataFrame)  # a table gives a frame (a chunked array a series)
        return frame

    def close(self) -> None:
        for connection in self._adbc.values():
            connection.close()
        self._adbc.clear()


def _raw_type(dtype: pl.DataType) -> pl.DataType | None:
    """What the driver's values are read as before ``_conform``: dates may come as text."""
    return None if dtype == pl.Date() else dtype


def _adbc_connect(alias: str) -> Any:
    from adbc_driver_postgresql import dbapi  # imported here: SQLite installations never need it

    settings = connections[alias].settings_dict
    # libpq's key=value form: no escaping of passwords with URL characters to get wrong.
    parts = {
        "host": settings.get("HOST") or "",
        "port": str(settings.get("PORT") or ""),
        "dbname": settings["NAME"],
        "user": settings.get("USER") or "",
        "password": settings.get("PASSWORD") or "",
    }
    options = settings.get("OPTIONS", {})
    for key in ("sslmode", "sslrootcert", "sslcert", "sslkey", "application_name"):
        if options.get(key):
            parts[key] = str(options[key])
    conninfo = " ".join(f"{k}='{_quoted(v)}'" for k, v in parts.items() if v)
    return dbapi.connect(conninfo, autocommit=True)


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


@contextmanager
def column_reader() -> Iterator[ColumnReader]:
    reader = ColumnReader()
    try:
        yield reader
    finally:
        reader.close()
