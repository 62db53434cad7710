# SPDX-License-Identifier: MPL-2.0
"""Addresses of pages, remembered: long lists and the worklist name one page per row.

Resolving a URL name costs more than the rest of a row's work, and addresses never change
while the program runs (the script prefix is part of the key). Used by the ``link`` template
tag and by the worklist's alerts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.urls import get_script_prefix, reverse


def cached_reverse(viewname: str, *args: Any) -> str:
    """``reverse(viewname, args=args)``, remembered per view name and arguments."""
    return _reverse(get_script_prefix(), viewname, args)


def url_for(viewname: str) -> Callable[[int], str]:
    """The address of ``viewname`` for one record, as a function of its id."""
    return lambda pk: cached_reverse(viewname, pk)


@lru_cache(maxsize=100_000)
def _reverse(prefix: str, viewname: str, args: tuple[Any, ...]) -> str:
    return reverse(viewname, args=args)
