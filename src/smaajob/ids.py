# SPDX-License-Identifier: MPL-2.0
"""Database ids at the edge: the range an id may take, and the URL path converter for it.

Every primary key is a signed 64-bit integer (``BigAutoField``). A number beyond that range
names no record, so a web address holding one is simply "not found": the ``id`` converter
below refuses it before any view runs, and the router answers 404. Without it the number
reached the database driver, which raised an overflow error — a 500 (issue 23, item 5).
The API uses the same bound through ``smaajob.api.types.Id``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import BooleanField, Expression, F
from django.urls import register_converter

MAX_ID = 2**63 - 1  # the largest value of a PostgreSQL bigint and of an SQLite INTEGER


def fits_id(value: int) -> bool:
    return 0 < value <= MAX_ID


class IdConverter:
    """``<id:citizen_id>``: 1 to 19 digits that fit a signed 64-bit integer; anything else is 404."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not fits_id(number):
            # ValueError makes Django try the next pattern, and in the end answer 404.
            raise ValueError("id uden for intervallet")
        return number

    def to_url(self, value: int) -> str:
        return str(int(value))


register_converter(IdConverter, "id")


class IdIn(Expression):
    """``column IN (ids)`` for a filter, with the ids as ONE parameter on PostgreSQL.

    ``filter(citizen_id__in=ids)`` sends one placeholder per id: Django prepares each id, and
    psycopg parses the long statement afresh each time instead of from its cache (a caseload of
    110 citizens, six such reads per home page; issue 16). ``= ANY(%s::bigint[])`` is the same
    condition with a statement that does not grow with the ids. Elsewhere (SQLite) it is the
    plain ``IN`` list. No ids: nothing matches, and as with ``__in=[]`` no query is sent.
    """

    conditional = True

    def __init__(self, column: str, ids: Iterable[int]) -> None:
        super().__init__(output_field=BooleanField())
        self.column = column
        self.ids = [int(i) for i in ids]
        self.lhs: Any = None

    def resolve_expression(self, query: Any = None, *args: Any, **kwargs: Any) -> IdIn:
        resolved = self.copy()
        resolved.lhs = F(self.column).resolve_expression(query, *args, **kwargs)
        return resolved

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[str | int, ...]]:
        if not self.ids:
            raise EmptyResultSet
        lhs, params = compiler.compile(self.lhs)
        if connection.vendor == "postgresql":
            # The array as its text form: psycopg dumps a list of ints element by element.
            return f"{lhs} = ANY(%s::bigint[])", (*params, "{" + ",".join(map(str, self.ids)) + "}")
        return f"{lhs} IN ({', '.join(['%s'] * len(self.ids))})", (*params, *self.ids)
