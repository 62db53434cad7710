# SPDX-License-Identifier: MPL-2.0
"""A fingerprint of the demo data that ignores ids and timestamps, for determinism tests."""

from __future__ import annotations

import hashlib

from django.db.models import Sum


def demo_fingerprint() -> str:
    from smaajob.citizens.models import Citizen
    from smaajob.courses.models import Course, WeeklyHours
    from smaajob.network.models import Company, Opening

    parts: list[str] = []
    parts += sorted(f"{c.cpr}|{c.first_name}|{c.last_name}|{c.postcode}|{c.latitude}" for c in Citizen.objects.all())
    parts += sorted(f"{c.cvr}|{c.name}|{c.sector}" for c in Company.objects.all())
    openings = Opening.objects.select_related("company")
    parts += sorted(f"{o.company.cvr}|{o.title}|{o.hours_max}|{o.slots}" for o in openings)
    parts += sorted(
        f"{c.citizen.cpr}|{c.state}|{c.started_on}|{c.exit_outcome}|{c.stop_reason}"
        for c in Course.objects.select_related("citizen")
    )
    totals = WeeklyHours.objects.aggregate(
        present=Sum("hours_present"), paid=Sum("hours_paid"), effective=Sum("hours_effective")
    )
    parts.append(f"{WeeklyHours.objects.count()}|{totals}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def demo_state() -> tuple[list[str], list[str]]:
    """Every log-in's username and every citizen's CPR number, sorted: what a reset must keep or replace."""
    from smaajob.citizens.models import Citizen
    from smaajob.organisation.models import User

    return (
        sorted(User.objects.values_list("username", flat=True)),
        sorted(Citizen.objects.values_list("cpr", flat=True)),
    )


def fails_on_call(real, n: int, error: BaseException):
    """``real``, except that its ``n``-th call raises ``error``."""
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise error
        return real(*args, **kwargs)

    return wrapper
