# SPDX-License-Identifier: MPL-2.0
"""Recording a change to a dated fact (see ``smaajob.dated``) without overlapping periods."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from smaajob.danish_numbers import format_date
from smaajob.dated import DatedFact
from smaajob.errors import InvalidPeriod


def record_change[F: DatedFact](model: type[F], *, owner: dict[str, Any], valid_from: date, **values: Any) -> F:
    """Close the fact that is open for ``owner`` the day before ``valid_from``; open a new one.

    ``owner`` selects the history (e.g. ``{"citizen": c}`` or ``{"citizen": c, "staff_role": r}``).
    A change dated on or before the start of the current fact is refused: history is corrected
    by an explicit correction, not silently rewritten.
    """
    current = model.objects.filter(**owner, valid_to__isnull=True).order_by("-valid_from").first()  # type: ignore[attr-defined]
    if current is not None:
        if valid_from <= current.valid_from:
            raise InvalidPeriod(
                "Ændringen skal gælde fra en dato efter den nuværende periodes start "
                f"({format_date(current.valid_from)}).",
                field="valid_from",
            )
        current.valid_to = valid_from - timedelta(days=1)
        current.save(update_fields=["valid_to"])
    return model.objects.create(**owner, valid_from=valid_from, **values)  # type: ignore[attr-defined,no-any-return]


def fact_on[F: DatedFact](model: type[F], *, owner: dict[str, Any], on: date) -> F | None:
    """The fact in force on a date, or None."""
    return (  # type: ignore[no-any-return]
        model.objects.filter(**owner, valid_from__lte=on)  # type: ignore[attr-defined]
        .exclude(valid_to__lt=on)
        .order_by("-valid_from")
        .first()
    )
