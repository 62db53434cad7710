# SPDX-License-Identifier: MPL-2.0
"""Bounded input types for the API schemas: ids that fit the database, text it can store.

Pydantic's plain ``int`` and ``str`` accept what PostgreSQL cannot hold — an id beyond 64 bits,
a NUL character, a title longer than its column — and the driver's error became a 500
(issue 23, item 5). These types refuse such values in the schema, so the answer is the
project's 400 ``invalid_input`` body (``code``, ``message``, ``field``) with a Danish message, before any query.

* ``Id`` — a record id: a whole number from 1 to ``MAX_ID`` (path, query, form or JSON).
* ``Annotated[str, text_for(Model, "field")]`` — text without NUL, at most the model field's
  ``max_length``.
* ``Text`` — free text without NUL (for ``TextField`` columns and search words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from annotated_types import GroupedMetadata
from django.db.models import Model
from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from smaajob.ids import MAX_ID, fits_id


def _id(value: int) -> int:
    if not fits_id(value):
        raise PydanticCustomError("invalid_id", f"Et id er et helt tal fra 1 til {MAX_ID}.")
    return value


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise PydanticCustomError("invalid_text", "Teksten indeholder et ugyldigt tegn (NUL, \\u0000); fjern det.")
    return value


def _at_most(max_length: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > max_length:
            raise PydanticCustomError(
                "text_too_long", f"Teksten må højst være {max_length} tegn lang (den er {len(value)})."
            )
        return value

    return check


# The schema is stated with WithJsonSchema, not Field(...): a Field inside the type would
# override the parameter's own default (an optional form field became required).
Id = Annotated[int, AfterValidator(_id), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_ID})]
Text = Annotated[str, AfterValidator(_no_nul)]


class FitsColumn(GroupedMetadata):
    """The checks of text that fits a column of ``max_length`` characters (``None``: unbounded).

    Used inside ``Annotated[str, …]``, which pydantic expands into its validators; the alias
    stays a type mypy can read (a function returning ``Annotated[...]`` is not one).
    """

    def __init__(self, max_length: int | None) -> None:
        self.max_length = max_length

    def __iter__(self) -> Iterator[object]:
        yield AfterValidator(_no_nul)
        if self.max_length is not None:
            yield AfterValidator(_at_most(self.max_length))
            yield WithJsonSchema({"type": "string", "maxLength": self.max_length})


def text_for(model: type[Model], field: str) -> FitsColumn:
    """Text that fits ``model.field``: its ``max_length`` if it has one (CharField), else unbounded.

    ``Title = Annotated[str, text_for(Opening, "title")]``."""
    return FitsColumn(getattr(model._meta.get_field(field), "max_length", None))
