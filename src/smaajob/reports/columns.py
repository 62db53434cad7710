# SPDX-License-Identifier: MPL-2.0
"""Reading a query's rows as columns, for the reports: no model instance, no Python row per value.

The reports count millions of weekly-hours rows (issue 22, item 3). Django turns every row of
a ``values_list`` into a tuple of converted Python objects (≈ 5 µs and 430 bytes a row), which
at national size is a minute and gigabytes before the counting starts. Here the same queryset
— so the same columns, joins and access scoping (the municipality filter) — is compiled to
SQL by Django and run by a reader that hands back columns:

* **PostgreSQL**: the ADBC PostgreSQL driver streams the result as Apache Arrow (the server's
  binary COPY format, straight into typed column buffers) and polars takes the buffers without
  copying them row by row. Several tables stream at once, on a connection per thread.
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
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing, contextmanager
from datetime import date, datetime
from decimal import Decimal
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


def _literal(value: Any) -> str | None:
    """A typed SQL literal for a number or a date, whose text cannot carry SQL; None otherwise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal) and value.is_finite():
        return f"{value}::numeric"
    if isinstance(value, date) and not isinstance(value, datetime):
        return f"'{value.isoformat()}'::date"
    return None


def _statement(sql: str, params: tuple[Any, ...] | list[Any]) -> tuple[str, tuple[Any, ...] | None]:
    """The query for ADBC. With bound parameters the driver runs a prepared statement and
    converts the whole result at the end; without, it streams ``COPY … TO STDOUT (FORMAT
    binary)`` — 0.9 s less for the 5.4 M paid weeks. So numbers and dates (the ids of the scope,
    ``hours_paid > 0``) are written into the SQL as typed literals; any other parameter keeps
    every parameter bound."""
    literals = [_literal(v) for v in params]
    if any(text is None for text in literals):
        return _numbered(sql), tuple(params) if params else None
    rendered = iter(literals)
    return _PLACEHOLDER.sub(lambda m: "%" if m.group(0) == "%%" else str(next(rendered)), sql), None


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
    """Reads querysets as polars frames, each on the database its router names for reads.

    ``submit`` starts a read and returns its future: with ``workers`` > 1 the ADBC reads run on
    that many threads at once, each thread with its own ADBC connection per database (the
    driver waits for PostgreSQL and decodes without holding the GIL, so one thread's table
    streams while another's query runs, and the caller can read through Django meanwhile).
    The cursor path runs at once, on the caller's thread and connection. Connections are
    closed with the reader.
    """

    def __init__(self, workers: int = 1) -> None:
        self._workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self._local = threading.local()
        self._opened: list[Any] = []
        self._lock = threading.Lock()
        self._settings: dict[str, dict[str, Any]] = {}

    def frame(self, queryset: QuerySet[Any], schema: dict[str, pl.DataType]) -> pl.DataFrame:
        return self.submit(queryset, schema).result()

    def submit(self, queryset: QuerySet[Any], schema: dict[str, pl.DataType]) -> Future[pl.DataFrame]:
        # Compiled here, on the caller's thread: the router (and a replica's context) decides the alias.
        alias = queryset.db
        sql, params = queryset.query.get_compiler(using=alias).as_sql()
        connection = connections[alias]
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            self._settings.setdefault(alias, connection.settings_dict)  # read here, connected on a reader thread
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="columns")
            statement, bound = _statement(sql, params)
            return self._pool.submit(lambda: _conform(self._arrow(alias, statement, bound), schema))
        done: Future[pl.DataFrame] = Future()
        try:
            done.set_result(self._rows(alias, sql, params, schema))
        except BaseException as error:  # handed to whoever asks for the result, as from a thread
            done.set_exception(error)
        return done

    def _rows(self, alias: str, sql: str, params: Any, schema: dict[str, pl.DataType]) -> pl.DataFrame:
        with connections[alias].cursor() as cursor:
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

    def _arrow(self, alias: str, sql: str, params: tuple[Any, ...] | None) -> pl.DataFrame:
        own: dict[str, Any] = self._local.__dict__.setdefault("adbc", {})
        if alias not in own:
            own[alias] = _adbc_connect(alias, self._settings[alias])
            with self._lock:
                self._opened.append(own[alias])
        with closing(own[alias].cursor()) as cursor:
            cursor.execute(sql, params)
            table = cursor.fetch_arrow_table()
        table = table.rename_columns([f"c{i}" for i in range(table.num_columns)])
        frame = pl.from_arrow(table)
        assert isinstance(frame, pl.DataFrame)  # a table gives a frame (a chunked array a series)
        return frame

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        with self._lock:
            for connection in self._opened:
                connection.close()
            self._opened.clear()
        self._local = threading.local()


def _raw_type(dtype: pl.DataType) -> pl.DataType | None:
    """What the driver's values are read as before ``_conform``: dates may come as text."""
    return None if dtype == pl.Date() else dtype


def _adbc_connect(alias: str, settings: dict[str, Any]) -> Any:
    """An ADBC connection to the database ``alias`` names, with its Django ``settings``."""
    from adbc_driver_postgresql import dbapi  # imported here: SQLite installations never need it

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
def column_reader(workers: int = 1) -> Iterator[ColumnReader]:
    reader = ColumnReader(workers)
    try:
        yield reader
    finally:
        reader.close()
