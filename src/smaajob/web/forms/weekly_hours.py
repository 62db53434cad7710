# SPDX-License-Identifier: MPL-2.0
"""The weekly hours screen's form: which rows a person changed, and what they typed.

The screen shows every placement of the week. A row is saved only when the person changed it
(typed into an empty row, or changed a recorded value) or explicitly approved the planned hours
with »Godkend som planlagt«. The planned hours are shown as a suggestion (a placeholder), never
as a value, so a row nobody touched is never saved with hours nobody typed.

A new row needs the hours present and, where the placement is paid, the paid hours: a blank
there would otherwise become 0 paid hours nobody typed. A blank effective-hours field means
"as the paid hours" and a blank training field "none", as the services define them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from smaajob.danish_numbers import NotANumber, format_decimal, read_decimal
from smaajob.errors import InvalidHours, InvalidInput, SmaajobError
from smaajob.network.models import OpeningKind

FIELDS = ("hours_present", "hours_paid", "hours_effective", "hours_training")
APPROVE = "godkend"
APPROVE_ALL = "alle"

# The inputs the template disables per kind: a browser sends nothing for them, so their
# recorded value is not compared with the (absent) submitted one.
DISABLED = {
    OpeningKind.PLACEMENT: frozenset({"hours_paid"}),
    OpeningKind.PAID: frozenset({"hours_training"}),
    OpeningKind.WAGE_SUBSIDY: frozenset({"hours_training"}),
}
PAID_KINDS = frozenset({OpeningKind.PAID, OpeningKind.HYBRID, OpeningKind.WAGE_SUBSIDY})


def planned_values(kind: str, planned: Decimal | None) -> dict[str, Any] | None:
    """The week »as planned«, or None where a plan cannot say what the week held.

    Praktik is unpaid; in a småjob and in wage subsidy the planned hours are paid hours; a
    hybrid placement's plan does not say which hours are paid and which are training, so a
    person must type them.
    """
    if planned is None or kind == OpeningKind.HYBRID:
        return None
    paid = planned if kind in (OpeningKind.PAID, OpeningKind.WAGE_SUBSIDY) else Decimal(0)
    return {"hours_present": planned, "hours_paid": paid, "hours_effective": None, "hours_training": Decimal(0)}


def _number(text: str) -> Decimal | str | None:
    """A typed value for comparison: a Decimal, None for blank, the raw text when unreadable."""
    text = text.strip()
    if not text:
        return None
    try:
        return read_decimal(text)
    except NotANumber:
        return text


def shown(value: Any) -> str:
    """How a recorded value is shown in its input (and so what an untouched input sends back)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value, grouping=False)
    return str(value)


def row_entry(row: dict[str, Any], post: Any, approve: str) -> tuple[dict[str, Any] | None, SmaajobError | None]:
    """What to save for one row of the screen: an entry, nothing, or an error.

    ``row`` holds ``key``, ``placement``, ``planned`` and ``recorded`` (the week's ledger row
    or None); ``post`` the submitted form; ``approve`` the »Godkend som planlagt« button pressed
    (a row key, ``"alle"`` or ``""``).
    """
    key, kind, recorded = row["key"], row["placement"].kind, row["recorded"]
    disabled = DISABLED.get(kind, frozenset())
    # A disabled input sends nothing; a value sent anyway goes to the services, which refuse it.
    typed = {f: str(post.get(f"{key}-{f}", "")).strip() for f in FIELDS}
    before = {f: shown(getattr(recorded, f)) if recorded and f not in disabled else "" for f in FIELDS}
    changed = {f for f in FIELDS if _number(typed[f]) != _number(before[f])}
    row["values"] = typed
    if not changed:
        if recorded is None and approve in (key, APPROVE_ALL):
            values = planned_values(kind, row["planned"])
            if values is None:
                if approve == key:
                    return None, InvalidInput(
                        "Planen siger ikke, hvilke timer der var løn og oplæring; skriv ugens timer.",
                        field="hours_present",
                    )
                return None, None  # »Godkend alle« approves the rows a plan can speak for
            row["values"] = {f: shown(v) for f, v in values.items()}
            return {"key": key, "placement": row["placement"], **values}, None
        return None, None
    if not typed["hours_present"]:
        if recorded is not None:
            return None, InvalidHours(
                "Ugen er allerede registreret; skriv 0, hvis borgeren ikke var der.", field="hours_present"
            )
        return None, InvalidHours("Angiv timer til stede for rækken, fx 4.", field="hours_present")
    if kind in PAID_KINDS and not typed["hours_paid"]:
        return None, InvalidHours("Angiv løntimer for ugen (0, hvis ingen).", field="hours_paid")
    return {"key": key, "placement": row["placement"], **typed}, None
