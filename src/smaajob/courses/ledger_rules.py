# SPDX-License-Identifier: MPL-2.0
"""The rules one week of the hours ledger must obey, as one plain function.

Used by ``services.record_week`` (one row at a time, from forms, the API and payslips) and by
the demo's bulk writer, so that both refuse exactly the same rows. The database's check
constraints back up the first two rules.
"""

from __future__ import annotations

from decimal import Decimal

from smaajob.errors import InvalidHours
from smaajob.network.models import OpeningKind


def check_week_hours(*, kind: str, present: Decimal, paid: Decimal, effective: Decimal, training: Decimal) -> None:
    """Raise ``InvalidHours`` naming the field when the week's hours cannot be true together."""
    if paid > present:
        raise InvalidHours(f"Løntimer ({paid}) kan ikke overstige timer til stede ({present}).", field="hours_paid")
    if effective > present:
        raise InvalidHours(
            f"Effektive timer ({effective}) kan ikke overstige timer til stede ({present}).", field="hours_effective"
        )
    if paid + training > present:
        raise InvalidHours(
            f"Løntimer ({paid}) og oplæringstimer ({training}) er tilsammen flere end timer til stede "
            f"({present}); de samme timer kan ikke både være løn og oplæring.",
            field="hours_training",
        )
    # Praktik is unpaid by law; paid hours in it would count towards the 225 hours wrongly.
    if kind == OpeningKind.PLACEMENT and paid > 0:
        raise InvalidHours(
            "Praktik er ulønnet; omdan placeringen til småjob eller hybrid for at registrere løntimer.",
            field="hours_paid",
        )
    if kind in (OpeningKind.PAID, OpeningKind.WAGE_SUBSIDY) and training > 0:
        raise InvalidHours("Oplæringstimer hører til praktik eller hybridpraktik.", field="hours_training")
