# SPDX-License-Identifier: MPL-2.0
"""Retention (issue 14 item 8): a citizen whose cases all closed more than
``SMAAJOB_RETENTION_YEARS`` years ago is anonymised; nothing else is deleted.

A *closed case* is a course in the state ``exited``; a citizen qualifies when every one of their
courses is exited and the latest ``ended_on`` lies before the cut-off (today minus the period).
A citizen with an open course, or with no course at all, is left alone.

Anonymising keeps what statistics, accounting and the audit trail need and removes what names
the person:

* the citizen: name, CPR number (replaced by a unique non-number, so the lookup hash stays
  unique), address and coordinates, free-text and list fields (restrictions, wishes, competences),
  the spouse link; the birth date becomes 1 January of the birth year (age groups stay right);
* the citizen's log-in: made inactive, renamed, password unusable, name and e-mail removed;
* every row about the citizen (the relation walk of ``smaajob.privacy.insight``): free-text
  fields emptied and uploaded files (payslip scans) removed from storage; dates, hours, amounts
  and states stay;
* the audit log and handled alerts are kept: they hold the citizen's internal id only, which
  after this points to an anonymised record (a pseudonymised reference).

``run(dry_run=True)`` reports exactly what a run would change and changes nothing. Each citizen
is anonymised in its own transaction and the run is audit-logged (one ``update`` per citizen).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Max, Q

from smaajob.audit.models import AuditAction
from smaajob.audit.services import record
from smaajob.citizens.models import Citizen
from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidInput
from smaajob.privacy.insight import plan

# Kept whole: only ever added, and they name the citizen by internal id only.
KEPT = frozenset({"audit.AuditEntry", "audit.HandledAlert", "citizens.Citizen"})

CITIZEN_BLANKED = (
    "address",
    "postcode",
    "city",
    "restriction_text",
    "wishes",
    "job_goal",
    "location_source",
)
CITIZEN_EMPTIED_LISTS = ("availability", "restriction_tags", "competences", "certificates", "wished_sectors")


@dataclass
class Candidate:
    citizen_id: int
    closed_on: date


@dataclass
class RetentionReport:
    cutoff: date
    years: int
    dry_run: bool
    candidates: list[Candidate] = field(default_factory=list)
    # model label -> rows whose free text or files are (or would be) emptied
    rows_changed: dict[str, int] = field(default_factory=dict)
    files_removed: int = 0

    def lines(self) -> list[str]:
        verb = "ville blive" if self.dry_run else "er"
        out = [
            f"Opbevaringsperiode: {self.years} år; sager afsluttet før {format_date(self.cutoff)}.",
            f"{len(self.candidates)} borgere {verb} anonymiseret"
            + (" (prøvekørsel: intet er ændret)." if self.dry_run else "."),
        ]
        for c in self.candidates:
            out.append(f"  borger-id {c.citizen_id}: sidste sag afsluttet {format_date(c.closed_on)}")
        for label, n in sorted(self.rows_changed.items()):
            out.append(f"  {label}: fritekst tømt i {n} rækker")
        if self.files_removed:
            out.append(f"  {self.files_removed} uploadede filer {'ville blive' if self.dry_run else 'er'} fjernet")
        return out


def checked_years(value: object, *, source: str = "SMAAJOB_RETENTION_YEARS") -> int:
    try:
        years = int(str(value))
    except (TypeError, ValueError):
        years = -1
    if years < 1 or years > 100:
        raise InvalidInput(f"{source} skal være et helt antal år fra 1 til 100, fx 6.", field="years")
    return years


def retention_years() -> int:
    return checked_years(getattr(settings, "SMAAJOB_RETENTION_YEARS", 6))


def _cutoff(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def candidates(*, today: date, years: int) -> list[Candidate]:
    cutoff = _cutoff(today, years)
    rows = (
        Citizen.objects.filter(anonymised_on__isnull=True, courses__isnull=False)
        .annotate(
            closed_on=Max("courses__ended_on"),
            open_courses=models.Count(
                "courses", filter=~Q(courses__state="exited") | Q(courses__ended_on__isnull=True)
            ),
        )
        .filter(open_courses=0, closed_on__lt=cutoff)
        .order_by("pk")
        .values_list("pk", "closed_on")
    )
    return [Candidate(pk, closed) for pk, closed in rows]


def _free_text_fields(model: type[models.Model]) -> tuple[list[str], list[str]]:
    texts = [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.TextField) and not f.choices and f.blank and not f.primary_key
    ]
    files = [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
    return texts, files


def run(*, today: date | None = None, years: int | None = None, dry_run: bool = True) -> RetentionReport:
    today = today or date.today()
    years = checked_years(years, source="Opbevaringsperioden") if years is not None else retention_years()
    report = RetentionReport(cutoff=_cutoff(today, years), years=years, dry_run=dry_run)
    report.candidates = candidates(today=today, years=years)
    sources = [s for s in plan() if s.label not in KEPT]
    for candidate in report.candidates:
        with transaction.atomic():
            citizen = Citizen.objects.select_for_update().get(pk=candidate.citizen_id)
            for source in sources:
                texts, files = _free_text_fields(source.model)
                if not texts and not files:
                    continue
                condition = Q()
                for path in source.paths:
                    condition |= Q(**{path: citizen.pk})
                rows = source.model._default_manager.filter(condition)
                with_text = Q(pk__in=[])
                for t in texts:
                    with_text |= ~Q(**{t: ""})
                n = rows.filter(with_text).count() if texts else 0
                for f in files:
                    for row in rows.exclude(**{f: ""}):
                        report.files_removed += 1
                        if not dry_run:
                            getattr(row, f).delete(save=False)
                            type(row)._default_manager.filter(pk=row.pk).update(**{f: ""})
                if n:
                    report.rows_changed[source.label] = report.rows_changed.get(source.label, 0) + n
                    if not dry_run:
                        rows.update(**{t: "" for t in texts})
            if not dry_run:
                _anonymise_citizen(citizen, today=today)
                record(
                    actor=None,
                    action=AuditAction.UPDATE,
                    object_type="citizen",
                    object_id=citizen.pk,
                    citizen_id=citizen.pk,
                    detail=(
                        f"anonymiseret efter {years} års opbevaring "
                        f"(sidste sag afsluttet {format_date(candidate.closed_on)})"
                    ),
                )
    return report


def _anonymise_citizen(citizen: Citizen, *, today: date) -> None:
    values: dict[str, Any] = {name: "" for name in CITIZEN_BLANKED}
    values.update({name: [] for name in CITIZEN_EMPTIED_LISTS})
    for name, value in values.items():
        setattr(citizen, name, value)
    citizen.first_name = "Anonymiseret"
    citizen.last_name = "borger"
    citizen.cpr = f"anonymiseret-{citizen.pk}"
    citizen.birth_date = date(citizen.birth_date.year, 1, 1)
    citizen.latitude = citizen.longitude = None
    citizen.spouse = None
    citizen.anonymised_on = today
    user = citizen.user
    citizen.user = None
    Citizen.objects.filter(spouse=citizen).update(spouse=None)
    citizen.save()
    if user is not None:
        user.username = f"anonymiseret-{user.pk}"
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
