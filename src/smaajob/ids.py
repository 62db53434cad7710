# SPDX-License-Identifier: MPL-2.0
"""Database ids at the edge: the range an id may take, and the URL path converter for it.

Every primary key is a signed 64-bit integer (``BigAutoField``). A number beyond that range
names no record, so a web address holding one is simply "not found": the ``id`` converter
below refuses it before any view runs, and the router answers 404. Without it the number
reached the database driver, which raised an overflow error — a 500 (issue 23, item 5).
The API uses the same bound through ``smaajob.api.types.Id``.
"""

from __future__ import annotations

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
