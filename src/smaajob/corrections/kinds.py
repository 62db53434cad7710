# SPDX-License-Identifier: MPL-2.0
"""The kinds of record a person enters and may correct or annul, declared once each.

A kind says which fields may be corrected (with their Danish labels), who may write it (the
``smaajob.access`` predicates the pages that enter it use), which records the user may reach,
and how a correction is checked and saved: by the same rules as a new entry — the services'
own checks and ``smaajob.plausibility`` — so a correction cannot make a record that could not
have been entered. ``children`` names the records an annulment takes with it (a placement's
weeks), so that nothing counted hangs off an annulled record.

The web pages, the API and ``smaajob.corrections.services`` read this table; no kind is
handled anywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import QuerySet

from smaajob import access, plausibility
from smaajob.citizens import services as citizen_services
from smaajob.citizens.models import Citizen, ExemptionDecision
from smaajob.courses import services as course_services
from smaajob.courses.follow_up_rules import check_follow_up
from smaajob.courses.models import Attendance, Course, FollowUp, HoursSource, Placement, WeeklyHours
from smaajob.danish_numbers import format_date
from smaajob.errors import IllegalTransition, InvalidInput, InvalidPeriod, NotFound
from smaajob.money import deadlines
from smaajob.money import permissions as payslip_permissions
from smaajob.money.models import Payslip, PayslipStatus
from smaajob.money.services import check_payslip_figures
from smaajob.network import services as network_services
from smaajob.network.models import Opening
from smaajob.organisation.models import User
from smaajob.validators import check_period

NOT_FOUND = "Posten findes ikke, eller du har ikke adgang til den."


@dataclass(frozen=True)
class Field:
    """A correctable field. ``type``: ``date``, ``hours``, ``money``, ``int``, ``text``, ``line``
    (one line of text) or ``choice``; ``unit`` follows the value in the history (»5 → 4 timer«)."""

    name: str
    label: str
    type: str
    required: bool = True
    unit: str = ""
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RecordKind:
    key: str
    label: str
    model: type[models.Model]
    fields: tuple[Field, ...]
    may_write: Callable[[User], bool]
    # The records (annulled ones too) the user may reach; ``NotFound`` for the rest.
    reachable: Callable[[User], QuerySet[Any]]
    citizen_id: Callable[[Any], int | None]
    describe: Callable[[Any], str]
    # Check and save ``values`` (every field, the current value where none was given).
    apply: Callable[[User, Any, dict[str, Any], date, str], None]
    annullable: bool = True
    # Refuses to annul a record that can no longer be undone (a paid payslip).
    annul_check: Callable[[Any], None] = field(default=lambda _obj: None)
    children: Callable[[Any], list[tuple[str, Any]]] = field(default=lambda _obj: [])
    # The page the record is shown on ("web:…" name and its argument).
    page: Callable[[Any], tuple[str, int]] = field(default=lambda obj: ("web:citizen", obj.citizen_id))


def _case_writer(user: User) -> bool:
    return access.may_write_cases(user)


def _citizens(user: User) -> QuerySet[Citizen]:
    return access.citizens_for(user)


def _save(obj: Any, values: dict[str, Any]) -> None:
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save(update_fields=list(values))


# --- visitation (the course it started) ---------------------------------------------------


def _apply_course(actor: User, course: Course, values: dict[str, Any], today: date, channel: str) -> None:
    started_on = values["started_on"]
    plausibility.happened_by(started_on, today=today, field="started_on", what="Visitationen")
    plausibility.not_before_birth(started_on, course.citizen.birth_date, field="started_on", what="Visitationen")
    later = [t.happened_on for t in course.transitions.exclude(from_state="")]
    later += [p.actual_start or p.planned_start for p in course.placements.all()]
    later += [f.happened_on for f in course.follow_ups.all()]
    if course.ended_on is not None:
        later.append(course.ended_on)
    if later and started_on > min(later):
        raise InvalidPeriod(
            f"Visitationen kan ikke ligge efter det, der skete i forløbet bagefter ({format_date(min(later))}).",
            field="started_on",
        )
    _save(course, values)
    course.transitions.filter(from_state="").update(happened_on=started_on)


def _course_children(course: Course) -> list[tuple[str, Any]]:
    return [("placering", p) for p in course.placements.all()] + [
        ("opfoelgning", f) for f in course.follow_ups.filter(placement__isnull=True)
    ]


# --- resource mapping (facts on the citizen) ------------------------------------------------


def _apply_resources(actor: User, citizen: Citizen, values: dict[str, Any], today: date, channel: str) -> None:
    citizen_services.update_resource_mapping(actor=actor, citizen=citizen, channel=channel, **values)


# --- placement ------------------------------------------------------------------------------


def _apply_placement(actor: User, placement: Placement, values: dict[str, Any], today: date, channel: str) -> None:
    course = placement.course
    check_period(values["planned_start"], values["planned_end"], field="planned_end")
    plausibility.not_before(
        values["planned_start"], course.started_on, field="planned_start", what="Placeringen", belongs_to="forløbet"
    )
    for name, what in (("actual_start", "Starten"), ("actual_end", "Slutningen")):
        if values[name] is not None:
            plausibility.happened_by(values[name], today=today, field=name, what=what)
            plausibility.not_before(values[name], course.started_on, field=name, what=what, belongs_to="forløbet")
    if values["actual_start"] is not None:
        check_period(values["actual_start"], values["actual_end"], field="actual_end")
    elif values["actual_end"] is not None:
        raise InvalidPeriod(
            "En placering kan ikke slutte, før den er startet; angiv den faktiske start.", field="actual_start"
        )
    first = values["actual_start"] or values["planned_start"]
    last = values["actual_end"]
    outside = placement.weeks.filter(week_start__lt=course_services.monday_of(first))
    if last is not None:
        outside = outside | placement.weeks.filter(week_start__gt=last)
    if outside.exists():
        raise InvalidPeriod(
            "Der er registreret timer uden for den nye periode; ret eller annullér de uger først.", field="actual_end"
        )
    _save(placement, values)


def _placement_children(placement: Placement) -> list[tuple[str, Any]]:
    return [("uge", w) for w in placement.weeks.all()] + [("opfoelgning", f) for f in placement.follow_ups.all()]


# --- a week of the hours ledger -------------------------------------------------------------


def _apply_week(actor: User, week: WeeklyHours, values: dict[str, Any], today: date, channel: str) -> None:
    # The ledger's own write, with all its checks; a person's correction is the consultant's entry.
    course_services.record_week(
        actor=actor,
        placement=week.placement,
        week=week.week_start,
        source=HoursSource.CONSULTANT,
        today=today,
        **values,
    )


# --- follow-up ------------------------------------------------------------------------------


def _apply_follow_up(actor: User, row: FollowUp, values: dict[str, Any], today: date, channel: str) -> None:
    check_follow_up(
        course=row.course,
        placement=row.placement,
        happened_on=values["happened_on"],
        channel=row.channel,
        attendance=values["attendance"],
        effectiveness=values["effectiveness"],
        next_on=values["next_on"],
        today=today,
    )
    _save(row, values)


# --- exemption from the 225-hour rule -------------------------------------------------------


def _apply_exemption(actor: User, row: ExemptionDecision, values: dict[str, Any], today: date, channel: str) -> None:
    citizen_services.check_exemption(citizen=row.citizen, today=today, **values)
    values = {**values, "reason": values["reason"].strip(), "legal_basis": values["legal_basis"].strip()}
    _save(row, values)


# --- opening --------------------------------------------------------------------------------


def _apply_opening(actor: User, opening: Opening, values: dict[str, Any], today: date, channel: str) -> None:
    network_services.update_opening(actor=actor, opening=opening, **values)


# --- payslip --------------------------------------------------------------------------------


def _apply_payslip(actor: User, payslip: Payslip, values: dict[str, Any], today: date, channel: str) -> None:
    if payslip.status != PayslipStatus.RECEIVED:
        raise InvalidInput(
            f"Lønsedlen er {payslip.get_status_display().lower()}; kun en modtaget lønseddel kan rettes. "
            "Annullér den, og registrér den rigtige.",
            field="hours",
        )
    hours, wage = check_payslip_figures(placement=payslip.placement, today=today, **values)
    # The benefit month and the deadline follow from the period, as on submission.
    derived = {
        "benefit_month": deadlines.benefit_month(values["period_end"]),
        "deadline": deadlines.deadline_for(values["period_end"]),
    }
    _save(payslip, {**values, "hours": hours, "gross_wage": wage, **derived})


def _payslip_not_paid(payslip: Payslip) -> None:
    if payslip.status == PayslipStatus.PAID:
        raise IllegalTransition(
            "Lønsedlen er udbetalt og kan ikke annulleres; en fejl rettes ved en ny beregning af den næste måned."
        )


def _reachable_payslips(user: User) -> QuerySet[Payslip]:
    return Payslip.all_objects.filter(citizen__in=payslip_permissions.citizens_with_payslip_work(user))


KINDS: dict[str, RecordKind] = {
    kind.key: kind
    for kind in (
        RecordKind(
            key="visitation",
            label="visitation",
            model=Course,
            fields=(Field("started_on", "visiteret den", "date"),),
            may_write=access.may_decide,
            reachable=lambda user: Course.all_objects.filter(citizen__in=_citizens(user)).select_related("citizen"),
            citizen_id=lambda c: c.citizen_id,
            describe=lambda c: f"Visitation til {c.project.name} den {format_date(c.started_on)}",
            apply=_apply_course,
            children=_course_children,
        ),
        RecordKind(
            key="ressourceafdaekning",
            label="ressourceafdækning",
            model=Citizen,
            fields=(
                Field("weekly_hours_capacity", "kan arbejde timer pr. uge", "hours", required=False, unit="timer"),
                Field("travel_limit_km", "kan rejse højst (km)", "int", unit="km"),
                Field("job_goal", "jobmål", "line", required=False),
                Field("wishes", "ønsker", "text", required=False),
                Field("restriction_text", "skånehensyn (beskrivelse)", "text", required=False),
            ),
            may_write=_case_writer,
            reachable=_citizens,
            citizen_id=lambda c: c.pk,
            describe=lambda c: f"Ressourceafdækning for {c.full_name}",
            apply=_apply_resources,
            # The mapping is what is known about the person: it is corrected, never annulled.
            annullable=False,
            page=lambda c: ("web:citizen", c.pk),
        ),
        RecordKind(
            key="placering",
            label="placering",
            model=Placement,
            fields=(
                Field("planned_start", "planlagt start", "date"),
                Field("planned_end", "planlagt slut", "date", required=False),
                Field("actual_start", "faktisk start", "date", required=False),
                Field("actual_end", "faktisk slut", "date", required=False),
                Field("tasks", "opgaver", "text", required=False),
            ),
            may_write=_case_writer,
            reachable=lambda user: Placement.all_objects.filter(course__citizen__in=_citizens(user)).select_related(
                "course__citizen", "company"
            ),
            citizen_id=lambda p: p.course.citizen_id,
            describe=lambda p: f"{p.get_kind_display()} hos {p.company.name} fra {format_date(p.planned_start)}",
            apply=_apply_placement,
            children=_placement_children,
            page=lambda p: ("web:placement", p.pk),
        ),
        RecordKind(
            key="uge",
            label="ugens timer",
            model=WeeklyHours,
            fields=(
                Field("hours_present", "timer til stede", "hours", unit="timer"),
                Field("hours_paid", "løntimer", "hours", unit="timer"),
                Field("hours_effective", "effektive timer", "hours", unit="timer"),
                Field("hours_training", "timer med oplæringsopgaver", "hours", unit="timer"),
            ),
            may_write=_case_writer,
            reachable=lambda user: WeeklyHours.all_objects.filter(
                placement__course__citizen__in=_citizens(user)
            ).select_related("placement__course", "placement__company"),
            citizen_id=lambda w: w.placement.course.citizen_id,
            describe=lambda w: (
                f"Uge {w.week_start.isocalendar().week} ({w.week_start.isocalendar().year}) "
                f"hos {w.placement.company.name}"
            ),
            apply=_apply_week,
            page=lambda w: ("web:placement", w.placement_id),
        ),
        RecordKind(
            key="opfoelgning",
            label="opfølgning",
            model=FollowUp,
            fields=(
                Field("happened_on", "dato", "date"),
                Field(
                    "attendance",
                    "fremmøde",
                    "choice",
                    choices=tuple((value, str(label)) for value, label in Attendance.choices),
                ),
                Field("effectiveness", "effektivitet (0–10)", "int", required=False),
                Field("notes", "noter", "text", required=False),
                Field("next_on", "næste opfølgning", "date", required=False),
            ),
            may_write=_case_writer,
            reachable=lambda user: FollowUp.all_objects.filter(course__citizen__in=_citizens(user)).select_related(
                "course__citizen"
            ),
            citizen_id=lambda f: f.course.citizen_id,
            describe=lambda f: f"Opfølgning den {format_date(f.happened_on)} ({f.get_channel_display().lower()})",
            apply=_apply_follow_up,
            page=lambda f: ("web:citizen", f.course.citizen_id),
        ),
        RecordKind(
            key="fritagelse",
            label="fritagelse fra 225-timersreglen",
            model=ExemptionDecision,
            fields=(
                Field("decided_on", "afgjort den", "date"),
                Field("valid_from", "gælder fra", "date"),
                Field("valid_to", "gælder til og med", "date", required=False),
                Field("review_on", "revurderes senest", "date"),
                Field("reason", "begrundelse for afgørelsen", "text"),
                Field("legal_basis", "hjemmel", "line"),
            ),
            may_write=access.may_decide,
            reachable=lambda user: ExemptionDecision.all_objects.filter(citizen__in=_citizens(user)),
            citizen_id=lambda e: e.citizen_id,
            describe=lambda e: f"Fritagelse afgjort den {format_date(e.decided_on)}",
            apply=_apply_exemption,
        ),
        RecordKind(
            key="jobaabning",
            label="jobåbning",
            model=Opening,
            fields=(
                Field("title", "opgave", "line"),
                Field("hours_min", "timer pr. uge (mindst)", "hours", unit="timer"),
                Field("hours_max", "timer pr. uge (højst)", "hours", unit="timer"),
                Field("description", "beskrivelse", "text", required=False),
            ),
            may_write=access.may_edit_network,
            reachable=lambda user: Opening.all_objects.filter(company__in=access.companies_for(user)).select_related(
                "company"
            ),
            citizen_id=lambda o: None,
            describe=lambda o: f"{o.title} hos {o.company.name}",
            apply=_apply_opening,
            page=lambda o: ("web:company", o.company_id),
        ),
        RecordKind(
            key="loenseddel",
            label="lønseddel",
            model=Payslip,
            fields=(
                Field("period_start", "periode fra", "date"),
                Field("period_end", "periode til og med", "date"),
                Field("hours", "timer", "hours", unit="timer"),
                Field("gross_wage", "bruttoløn", "money", unit="kr."),
            ),
            may_write=payslip_permissions.may_handle,
            reachable=_reachable_payslips,
            citizen_id=lambda p: p.citizen_id,
            describe=lambda p: f"Lønseddel for {format_date(p.period_start)}–{format_date(p.period_end)}",
            apply=_apply_payslip,
            annul_check=_payslip_not_paid,
            page=lambda p: ("money:payslip", p.pk),
        ),
    )
}


def kind_named(key: str) -> RecordKind:
    kind = KINDS.get(key)
    if kind is None:
        raise NotFound(NOT_FOUND)
    return kind


def parse_value(spec: Field, raw: Any) -> Any:
    """A submitted value as the record holds it: dates from ISO text, numbers from Danish or
    English notation; blank is ``None`` for an optional field and refused for a required one."""
    if isinstance(raw, str) and "\x00" in raw:
        raise InvalidInput("Teksten indeholder et ugyldigt tegn (NUL, \\u0000); fjern det.", field=spec.name)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if spec.required:
            raise InvalidInput(f"Angiv {spec.label}.", field=spec.name)
        return "" if spec.type in ("text", "line") else None
    if spec.type == "date":
        if isinstance(raw, date):
            return raw
        try:
            return date.fromisoformat(str(raw).strip())
        except ValueError:
            raise InvalidInput(f"»{raw}« er ikke en dato; skriv fx 2026-12-02.", field=spec.name) from None
    if spec.type in ("hours", "money"):
        # Parsed by the service that saves it (``parse_hours``, the payslip's own checks).
        return raw if isinstance(raw, Decimal) else str(raw).strip()
    if spec.type == "int":
        try:
            return int(str(raw).strip())
        except ValueError:
            raise InvalidInput(f"»{raw}« er ikke et helt tal.", field=spec.name) from None
    if spec.type == "choice":
        if raw not in dict(spec.choices):
            shown = ", ".join(label for _, label in spec.choices)
            raise InvalidInput(f"Vælg {spec.label}: {shown}.", field=spec.name)
        return raw
    return str(raw).strip() if spec.type == "line" else str(raw)


def shown(spec: Field, value: Any) -> str:
    """A value as the history shows it: 02.12.2026, 7,5, »ingen«."""
    from babel.numbers import format_decimal

    if value is None or value == "":
        return "ingen"
    if spec.type == "date":
        return f"{format_date(value)}"
    if spec.type in ("hours", "money"):
        return str(format_decimal(Decimal(value).normalize(), locale="da_DK", format="#,##0.##"))
    if spec.type == "choice":
        return str(dict(spec.choices).get(value, value))
    return str(value)


def reach(user: User, kind: RecordKind, record_id: int | str) -> Any:
    """The record, annulled or not, if the user may reach it; else ``NotFound``."""
    try:
        pk = int(record_id)
    except (TypeError, ValueError):
        raise NotFound(NOT_FOUND) from None
    obj = kind.reachable(user).filter(pk=pk).first()
    if obj is None:
        raise NotFound(NOT_FOUND)
    return obj
