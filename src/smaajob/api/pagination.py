# SPDX-License-Identifier: MPL-2.0
"""Pages of the API's lists: django-ninja's own page-number pagination, with the total count.

Every list answers ``{"items": [...], "count": N}`` (``count`` is the whole list's length),
a page at a time: ``?page=2&page_size=100``. A page has ``PAGE_SIZE`` rows unless the caller
asks for another size of at most ``MAX_PAGE_SIZE``; both limits are in the OpenAPI schema.
Before, lists were cut silently at 500 or 1,000 rows.

Bad page parameters get a Danish answer: a page number below 1 or a page size out of range is
refused by the parameters' own bounds (400, ``invalid_input``, see ``smaajob.api.app``); a page
after the last one is ``not_found`` (404), as in Django's own paginator — except page 1 of an
empty list, which is an empty page.

A list that names citizens is audit-logged for the rows on the page only: the endpoint hands
over ``Rows`` with an ``on_page`` callback, called with the page's rows after the cut.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

from smaajob.errors import NotFound

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class Rows:
    """A list's rows, each turned into its API shape only when its page is cut out.

    ``rows`` is a queryset (counted in the database) or a list; ``shape`` makes one row's
    answer; ``on_page`` (if given) receives the shaped rows of the page, e.g. to log the read.
    """

    def __init__(
        self,
        rows: QuerySet[Any] | Sequence[Any],
        shape: Callable[[Any], Any] = lambda row: row,
        *,
        on_page: Callable[[list[Any]], None] | None = None,
    ) -> None:
        self.rows = rows
        self.shape = shape
        self.on_page = on_page

    def __len__(self) -> int:
        return self.rows.count() if isinstance(self.rows, QuerySet) else len(self.rows)

    def __getitem__(self, cut: slice) -> list[Any]:
        page = [self.shape(row) for row in self.rows[cut]]
        if self.on_page is not None:
            self.on_page(page)
        return page


class Pages(PageNumberPagination):
    """``PageNumberPagination`` with the project's sizes, bounds in the schema, Danish errors."""

    class Input(Schema):
        page: int = Field(1, ge=1, description="Sidenummer; første side er 1")
        page_size: int = Field(
            PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description=f"Rækker pr. side, 1–{MAX_PAGE_SIZE} (standard {PAGE_SIZE})"
        )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any) -> Any:
        count = len(queryset) if isinstance(queryset, Rows) else self._items_count(queryset)
        size = pagination.page_size
        last = max(1, math.ceil(count / size))
        if pagination.page > last:
            raise NotFound(
                f"Side {pagination.page} findes ikke: listen har {count} rækker, "
                f"det er {last} {'side' if last == 1 else 'sider'} med {size} pr. side.",
                field="page",
            )
        offset = (pagination.page - 1) * size
        return {self.items_attribute: queryset[offset : offset + size], "count": count}
