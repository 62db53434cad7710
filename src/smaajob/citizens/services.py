# SPDX-License-Identifier: MPL-2.0
"""Writes for citizens: registration, resource mapping and their dated facts.

Each function is one transaction; each writes an audit entry naming the actor.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, cast

from django.db import transaction
from django.utils import timezone

from smaajob import plausibility
from smaajob.audit.models import AuditAction
from smaajob.audit.services import record as audit
from smaajob.citizens.models import (
    EXEMPTION_GROUND_CHOICES,
    SPOUSE_SUPPORT_CHOICES,
    Assignment,
    Benefit,
    BenefitRate,
    BenefitType,
    Citizen,
    Commitment,
    Consent,
    CoverageFacts,
    DisclosableFact,
    ExemptionDecision,
    MaritalStatus,
    ProjectMembership,
    RateFacts,
    Readiness,
    ReadinessCategory,
    SickLeave,
    StaffRole,
    TransferRequest,
    TransferStatus,
    WorkDuty,
    WorkDutyWeek,
)
from smaajob.citizens.rate_facts import RecordedFacts, age_on
from smaajob.citizens.selectors import citizen_by_cpr
from smaajob.danish_numbers import format_date
from smaajob.errors import IllegalTransition, InvalidHours, InvalidInput, InvalidPeriod, NotFound
from smaajob.history import record_change
from smaajob.hours import parse_hours
from smaajob.organisation.models import Municipality, Project, Role, TargetGroup, User
from smaajob.places import LocationSource, Relocated, relocate_from_postcodes, resolve_location
from smaajob.slots import normalise_slots
from smaajob.validators import check_period, cpr_birth_date, normalise_cpr

TRANSFER_NOT_FOUND = "Anmodningen findes ikke, eller du kan ikke besvare den."


def _facts_text(facts: list[str]) -> str:
    """The consent's facts as the data-protection officer reads them in the trail: Danish labels."""
    labels = dict(DisclosableFact.choices)
    return ", ".join(str(labels.get(f, f)) for f in facts) or "ingen"


def _choice(value: str, choices: Any, field: str, what: str) -> str:
    if value not in choices.values:
        raise InvalidInput(f"Ukendt {what} »{value}«. Gyldige værdier: {', '.join(choices.values)}.", field=field)
    return value


@transaction.atomic
def register_citizen(
    *,
    actor: User,
    cpr: str,
    first_name: str,
    last_name: str,
    municipality: Municipality,
    address: str = "",
    postcode: str = "",
    city: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    marital_status: str = MaritalStatus.SINGLE,
    is_synthetic: bool = False,
    channel: str | None = None,
) -> Citizen:
    number = normalise_cpr(cpr)
    # Within the municipality only: another municipality's record of the same person is theirs.
    if citizen_by_cpr(municipality, number) is not None:
        # Never echo the number back: the message may be shown or logged.
        raise InvalidInput("Der findes allerede en borger med dette CPR-nummer.", field="cpr")
    if not first_name.strip() or not last_name.strip():
        raise InvalidInput("Borgeren skal have både fornavn og efternavn.", field="first_name")
    location = resolve_location(postcode=postcode, latitude=latitude, longitude=longitude)
    citizen = Citizen.objects.create(
        cpr=number,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        birth_date=cpr_birth_date(number),
        municipality=municipality,
        address=address,
        postcode=postcode.strip(),
        city=city,
        latitude=location.latitude,
        longitude=location.longitude,
        location_source=location.source.value,
        marital_status=_choice(marital_status, MaritalStatus, "marital_status", "civilstand"),
        is_synthetic=is_synthetic,
    )
    audit(
        actor=actor,
        action=AuditAction.CREATE,
        channel=channel,
        object_type="citizen",
        object_id=citizen.pk,
        citizen_id=citizen.pk,
    )
    return citizen


_ADDRESS_FIELDS = ("address", "postcode", "city", "latitude", "longitude", "location_source")


@transaction.atomic
def update_citizen_address(
    *,
    actor: User,
    citizen: Citizen,
    address: str,
    postcode: str,
    city: str,
    latitude: float | None = None,
    longitude: float | None = None,
    channel: str | None = None,
) -> Citizen:
    """Change the citizen's address; the location follows the postcode unless set by hand
    (both coordinates given). See ``smaajob.places.location`` for the rule."""
    location = resolve_location(postcode=postcode, latitude=latitude, longitude=longitude)
    before = {f: getattr(citizen, f) for f in _ADDRESS_FIELDS}
    citizen.address, citizen.postcode, citizen.city = address.strip(), postcode.strip(), city.strip()
    citizen.latitude, citizen.longitude = location.latitude, location.longitude
    citizen.location_source = location.source.value
    citizen.save(update_fields=list(_ADDRESS_FIELDS))
    changed = {f: [before[f], getattr(citizen, f)] for f in _ADDRESS_FIELDS if before[f] != getattr(citizen, f)}
    audit(
        actor=actor,
        action=AuditAction.UPDATE,
        channel=channel,
        object_type="citizen",
        object_id=citizen.pk,
        citizen_id=citizen.pk,
        detail="adresse og placering: " + (", ".join(sorted(changed)) or "uændret"),
    )
    return citizen


@transaction.atomic
def locate_citizens_from_postcodes(*, channel: str | None = None) -> Relocated:
    """Give every citizen not located by hand their postcode's point (after an upgrade or a
    new postcode table); one audit entry names how many were changed."""
    rows = Citizen.objects.exclude(location_source=LocationSource.MANUAL).only(
        "pk", "postcode", "latitude", "longitude", "location_source"
    )
    done = relocate_from_postcodes(rows.iterator())
    audit(
        actor=None,
        action=AuditAction.UPDATE,
        channel=channel,
        object_type="citizen",
        detail=f"placering fra postnummer: {done.located} borgere, {done.unknown_postcode} med ukendt postnummer",
    )
    return done


@transaction.atomic
def update_resource_mapping(
    *,
    actor: User,
    citizen: Citizen,
    channel: str | None = None,
    **fields: Any,
) -> Citizen:
    """Record the resource mapping (ressourceafdækning): capacity, wishes, restrictions …"""
    allowed = {
        "weekly_hours_capacity",
        "availability",
        "restriction_tags",
        "restriction_text",
        "competences",
        "certificates",
        "wished_sectors",
        "wishes",
        "job_goal",
        "danish_level",
        "travel_limit_km",
        "waiting_since",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput(f"Ukendte felter i ressourceafdækningen: {', '.join(sorted(unknown))}.", field=min(unknown))
    if "weekly_hours_capacity" in fields:
        fields["weekly_hours_capacity"] = parse_hours(
            fields["weekly_hours_capacity"], field="weekly_hours_capacity", allow_blank=True
        )
    if "availability" in fields:
        fields["availability"] = normalise_slots(fields["availability"], field="availability")
    if "danish_level" in fields and int(fields["danish_level"]) not in range(4):
        raise InvalidInput("Danskniveau skal være 0 (intet) til 3 (flydende).", field="danish_level")
    if "travel_limit_km" in fields and not 0 <= int(fields["travel_limit_km"]) <= 200:
        raise InvalidInput("Rejseafstand skal være 0–200 km.", field="travel_limit_km")
    for list_field in ("restriction_tags", "competences", "certificates", "wished_sectors"):
        if list_field in fields:
            value = fields[list_field]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise InvalidInput('Skal være en liste af ord, fx ["truck", "hygiejne"].', field=list_field)
            fields[list_field] = sorted({v.strip().lower() for v in value})
    for name, value in fields.items():
        setattr(citizen, name, value)
    citizen.save(update_fields=list(fields))
    audit(
        actor=actor,
        action=AuditAction.UPDATE,
        channel=channel,
        object_type="citizen",
        object_id=citizen.pk,
        citizen_id=citizen.pk,
        detail="ressourceafdækning: " + ", ".join(sorted(fields)),
    )
    return citizen


@transaction.atomic
def set_readiness(*, actor: User, citizen: Citizen, category: str, valid_from: date) -> Readiness:
    _choice(category, ReadinessCategory, "category", "visitationskategori")
    row = record_change(
        Readiness, owner={"citizen": citizen}, valid_from=valid_from, category=category, decided_by=actor
    )
    audit(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="readiness",
        object_id=row.pk,
        citizen_id=citizen.pk,
        detail=str(ReadinessCategory(category).label),
    )
    return row


@transaction.atomic
def set_benefit(
    *,
    actor: User,
    citizen: Citizen,
    benefit_type: str,
    valid_from: date,
    rate: str = BenefitRate.FULL,
    monthly_amount: Decimal | None = None,
) -> Benefit:
    _choice(benefit_type, BenefitType, "benefit_type", "ydelse")
    _choice(rate, BenefitRate, "rate", "sats")
    if monthly_amount is not None and monthly_amount < 0:
        raise InvalidInput("Ydelsens beløb kan ikke være negativt.", field="monthly_amount")
    row = record_change(
        Benefit,
        owner={"citizen": citizen},
        valid_from=valid_from,
        benefit_type=benefit_type,
        rate=rate,
        monthly_amount=monthly_amount,
    )
    audit(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="benefit",
        object_id=row.pk,
        citizen_id=citizen.pk,
        detail=str(BenefitType(benefit_type).label),
    )
    return row


@transaction.atomic
def join_project(
    *,
    actor: User,
    citizen: Citizen,
    project: Project,
    valid_from: date,
    target_group: TargetGroup | None = None,
) -> ProjectMembership:
    if target_group is not None and target_group.project_id != project.pk:
        raise InvalidInput("Målgruppen hører ikke til projektet.", field="target_group")
    # A citizen may be in several projects at once; only the same project's history is dated.
    row = record_change(
        ProjectMembership,
        owner={"citizen": citizen, "project": project},
        valid_from=valid_from,
        target_group=target_group,
    )
    audit(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="project_membership",
        object_id=row.pk,
        citizen_id=citizen.pk,
        detail=project.name,
    )
    return row


@transaction.atomic
def assign_staff(*, actor: User, citizen: Citizen, staff: User, staff_role: str, valid_from: date) -> Assignment:
    _choice(staff_role, StaffRole, "staff_role", "rolle")
    expected = Role.CASEWORKER if staff_role == StaffRole.CASEWORKER else Role.CONSULTANT
    if staff.role != expected:
        raise InvalidInput(f"{staff} har ikke rollen {Role(expected).label}.", field="staff")
    row = record_change(
        Assignment, owner={"citizen": citizen, "staff_role": staff_role}, valid_from=valid_from, staff=staff
    )
    _audit_update(
        actor,
        citizen,
        "assignment",
        row.pk,
        f"{StaffRole(staff_role).label}: {staff.get_full_name() or staff.username}",
    )
    return row


@transaction.atomic
def record_consent(*, actor: User, citizen: Citizen, facts: list[str], valid_from: date) -> Consent:
    unknown = [f for f in facts if f not in DisclosableFact.values]
    if unknown:
        raise InvalidInput(
            f"Ukendte oplysninger: {', '.join(unknown)}. Gyldige: {', '.join(DisclosableFact.values)}.", field="facts"
        )
    row = record_change(
        Consent, owner={"citizen": citizen}, valid_from=valid_from, facts=sorted(set(facts)), recorded_by=actor
    )
    audit(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="consent",
        object_id=row.pk,
        citizen_id=citizen.pk,
        detail=_facts_text(sorted(set(facts))),
    )
    return row


@transaction.atomic
def add_commitment(
    *,
    actor: User,
    citizen: Citizen,
    description: str,
    slots: list[dict[str, Any]],
    starts_on: date,
    ends_on: date | None = None,
) -> Commitment:
    check_period(starts_on, ends_on, field="ends_on")
    row = Commitment.objects.create(
        citizen=citizen, description=description, slots=normalise_slots(slots), starts_on=starts_on, ends_on=ends_on
    )
    audit(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="commitment",
        object_id=row.pk,
        citizen_id=citizen.pk,
    )
    return row


@transaction.atomic
def record_sick_leave(*, actor: User, citizen: Citizen, starts_on: date, ends_on: date) -> SickLeave:
    check_period(starts_on, ends_on, field="ends_on")
    overlap = citizen.sick_leave.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).exists()
    if overlap:
        raise InvalidInput("Sygeperioden overlapper en allerede registreret sygeperiode.", field="starts_on")
    row = SickLeave.objects.create(citizen=citizen, starts_on=starts_on, ends_on=ends_on)
    audit(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="sick_leave",
        object_id=row.pk,
        citizen_id=citizen.pk,
    )
    return row


def check_exemption(
    *,
    citizen: Citizen,
    decided_on: date,
    valid_from: date,
    valid_to: date | None,
    reason: str,
    legal_basis: str,
    review_on: date,
    today: date,
) -> None:
    """What a valid exemption decision is: checked alike when one is made and when one is corrected."""
    if not reason.strip():
        raise InvalidInput("En afgørelse om fritagelse skal begrundes.", field="reason")
    if not legal_basis.strip():
        raise InvalidInput("Angiv hjemmel, fx »LAS § 13 f, stk. 9«.", field="legal_basis")
    plausibility.happened_by(decided_on, today=today, field="decided_on", what="Afgørelsen")
    plausibility.not_before_birth(decided_on, citizen.birth_date, field="decided_on", what="Afgørelsen")
    check_period(valid_from, valid_to, field="valid_to")
    if review_on < decided_on:
        raise InvalidPeriod(
            f"Revurderingen ({format_date(review_on)}) ligger før afgørelsen ({format_date(decided_on)}); "
            "vælg en revurderingsdato efter afgørelsen, fx et halvt år senere.",
            field="review_on",
        )


@transaction.atomic
def decide_exemption(
    *,
    actor: User,
    citizen: Citizen,
    decided_on: date,
    valid_from: date,
    reason: str,
    review_on: date,
    valid_to: date | None = None,
    legal_basis: str = "LAS § 13 f, stk. 9",
    ground: str = "work_capacity",
    today: date | None = None,
) -> ExemptionDecision:
    """Record a caseworker's exemption from the 225-hour rule. Only caseworkers decide it.
    A decision has been made (not after today, not before the citizen was born); its review
    is planned after it (``smaajob.plausibility``)."""
    if actor.role != Role.CASEWORKER:
        raise InvalidInput("Kun en rådgiver (myndighed) kan træffe afgørelse om fritagelse.", field="decided_by")
    _listed(ground, EXEMPTION_GROUND_CHOICES, "ground", "grundlag for fritagelsen")
    check_exemption(
        citizen=citizen,
        decided_on=decided_on,
        valid_from=valid_from,
        valid_to=valid_to,
        reason=reason,
        legal_basis=legal_basis,
        review_on=review_on,
        today=today or date.today(),
    )
    row = ExemptionDecision.objects.create(
        citizen=citizen,
        decided_by=actor,
        decided_on=decided_on,
        valid_from=valid_from,
        valid_to=valid_to,
        reason=reason.strip(),
        legal_basis=legal_basis.strip(),
        ground=ground,
        review_on=review_on,
    )
    audit(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="exemption",
        object_id=row.pk,
        citizen_id=citizen.pk,
    )
    return row


@transaction.atomic
def link_spouses(*, actor: User, citizen: Citizen, spouse: Citizen) -> None:
    """Marry two citizen records. The link is stored on one side (a one-to-one field);
    ``spouse_of`` in the selectors reads it from either side."""
    if citizen.pk == spouse.pk:
        raise InvalidInput("En borger kan ikke være gift med sig selv.", field="spouse")
    citizen.spouse = spouse
    citizen.marital_status = MaritalStatus.MARRIED
    citizen.save(update_fields=["spouse", "marital_status"])
    spouse.marital_status = MaritalStatus.MARRIED
    spouse.save(update_fields=["marital_status"])
    for person in (citizen, spouse):
        audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="citizen",
            object_id=person.pk,
            citizen_id=person.pk,
            detail="ægtefælle",
        )


@transaction.atomic
def set_consent(*, actor: User, citizen: Citizen, facts: list[str], on: date) -> Consent | None:
    """Record consent as of ``on``; a second change the same day corrects that day's row.

    Returns None when nothing changed (no new row, no audit entry).
    """
    current = Consent.objects.filter(citizen=citizen, valid_to__isnull=True).order_by("-valid_from").first()
    wanted = sorted(set(facts))
    if current is not None and sorted(current.facts) == wanted:
        return None
    if current is not None and current.valid_from >= on:
        unknown = [f for f in wanted if f not in DisclosableFact.values]
        if unknown:
            raise InvalidInput(f"Ukendte oplysninger: {', '.join(unknown)}.", field="facts")
        current.facts = wanted
        current.recorded_by = actor
        current.save(update_fields=["facts", "recorded_by"])
        audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="consent",
            object_id=current.pk,
            citizen_id=citizen.pk,
            detail=_facts_text(wanted),
        )
        return current
    return record_consent(actor=actor, citizen=citizen, facts=wanted, valid_from=on)


def _audit_update(
    actor: User,
    citizen: Citizen | int,
    kind: str,
    pk: int,
    detail: str = "",
    channel: str | None = None,
    *,
    action: str = AuditAction.UPDATE,
) -> None:
    """The audit entry every write to a citizen's record leaves (``citizen`` or its id)."""
    audit(
        actor=actor,
        action=action,
        channel=channel,
        object_type=kind,
        object_id=pk,
        citizen_id=citizen if isinstance(citizen, int) else citizen.pk,
        detail=detail,
    )


@transaction.atomic
def record_rate_facts(
    *,
    actor: User,
    citizen: Citizen,
    valid_from: date,
    children: int | None,
    single: bool | None,
    lives_with_parent: bool | None,
    full_time_work_years_last_10: Decimal | None,
    residence_requirement_met: bool | None,
    channel: str | None = None,
) -> RateFacts:
    """Record the facts the kontanthjælp rate follows from, as of ``valid_from``.

    A second recording dated the same day as the current row corrects that row (a caseworker
    fixing a typo); an earlier date is refused, as for every dated fact (``record_change``).
    """
    facts = RecordedFacts(
        children=children,
        single=single,
        lives_with_parent=lives_with_parent,
        full_time_work_years_last_10=full_time_work_years_last_10,
        residence_requirement_met=residence_requirement_met,
    )
    if valid_from < citizen.birth_date:
        raise InvalidPeriod("Oplysningerne kan ikke gælde fra før borgerens fødselsdato.", field="valid_from")
    facts.check(age=age_on(citizen.birth_date, valid_from), day=valid_from)
    values = {
        "children": children,
        "single": single,
        "lives_with_parent": lives_with_parent,
        "full_time_work_years_last_10": full_time_work_years_last_10,
        "residence_requirement_met": residence_requirement_met,
        "recorded_by": actor,
        "migrated": False,
    }
    row = _record_or_correct(RateFacts, citizen=citizen, valid_from=valid_from, values=values)
    _audit_update(actor, citizen, "rate_facts", row.pk, "oplysninger til satsen", channel)
    return row


def _record_or_correct[F: RateFacts | CoverageFacts](
    model: type[F], *, citizen: Citizen, valid_from: date, values: dict[str, Any]
) -> F:
    """A dated fact recorded from ``valid_from``; recorded again the same day as the current row,
    it corrects that row (a caseworker fixing a typo) instead of opening a new one."""
    current = model.objects.filter(citizen=citizen, valid_to__isnull=True).order_by("-valid_from").first()
    if current is not None and current.valid_from == valid_from:
        for name, value in values.items():
            setattr(current, name, value)
        current.save(update_fields=list(values))
        return cast(F, current)
    return record_change(model, owner={"citizen": citizen}, valid_from=valid_from, **values)


def _listed(value: str, choices: list[tuple[str, Any]], field: str, what: str) -> str:
    codes = [code for code, _label in choices]
    if value not in codes:
        raise InvalidInput(f"Ukendt {what} »{value}«. Gyldige værdier: {', '.join(codes)}.", field=field)
    return value


@transaction.atomic
def record_coverage_facts(
    *,
    actor: User,
    citizen: Citizen,
    valid_from: date,
    spouse_support: str = "",
    provider: bool | None = None,
    full_child_benefit_from: date | None = None,
    channel: str | None = None,
) -> CoverageFacts:
    """Record the facts who is covered by the 225-hour rule follows from, as of ``valid_from``
    (what the spouse lives on, whether the couple provides for children, and from when the
    family is entitled to full child benefit). Blank / ``None`` is "not recorded".

    A second recording dated the same day as the current row corrects that row; an earlier
    date is refused, as for every dated fact (``record_change``).
    """
    if spouse_support:
        _listed(spouse_support, SPOUSE_SUPPORT_CHOICES, "spouse_support", "forsørgelse for ægtefællen")
    if valid_from < citizen.birth_date:
        raise InvalidPeriod("Oplysningerne kan ikke gælde fra før borgerens fødselsdato.", field="valid_from")
    if full_child_benefit_from is not None and full_child_benefit_from < citizen.birth_date:
        raise InvalidPeriod(
            "Retten til fuld børne- og ungeydelse kan ikke begynde før borgerens fødselsdato; "
            "skriv datoen fra afgørelsen om børne- og ungeydelse, fx 01.07.2023.",
            field="full_child_benefit_from",
        )
    if full_child_benefit_from is not None and provider is False:
        raise InvalidInput(
            "Fuld børne- og ungeydelse forudsætter børn: vælg »Ja« til, at ægteparret forsørger børn, "
            "eller lad datoen stå tom.",
            field="full_child_benefit_from",
        )
    values = {
        "spouse_support": spouse_support,
        "provider": provider,
        "full_child_benefit_from": full_child_benefit_from,
        "recorded_by": actor,
    }
    row = _record_or_correct(CoverageFacts, citizen=citizen, valid_from=valid_from, values=values)
    _audit_update(actor, citizen, "coverage_facts", row.pk, "oplysninger til 225-timersreglen", channel)
    return row


@transaction.atomic
def set_target_group(*, actor: User, citizen: Citizen, category: str, valid_from: date) -> Readiness | None:
    """Record the citizen's target group; nothing is written when it is already the current one."""
    current = Readiness.objects.filter(citizen=citizen, valid_to__isnull=True).order_by("-valid_from").first()
    if current is not None and current.category == category:
        return None
    if current is not None and current.valid_from == valid_from:
        _choice(category, ReadinessCategory, "target_group", "målgruppe")
        current.category = category
        current.decided_by = actor
        current.save(update_fields=["category", "decided_by"])
        _audit_update(actor, citizen, "readiness", current.pk, category)
        return current
    return set_readiness(actor=actor, citizen=citizen, category=category, valid_from=valid_from)


@transaction.atomic
def decide_work_duty(
    *,
    actor: User,
    citizen: Citizen,
    valid_from: date,
    legal_basis: str,
    planned_hours_per_week: Any = None,
    note: str = "",
    channel: str | None = None,
) -> WorkDuty:
    """Record that the citizen is subject to the work duty from ``valid_from`` (the authority's decision)."""
    if actor.role != Role.CASEWORKER:
        raise InvalidInput(
            "Kun en rådgiver (myndighed) kan registrere, at en borger er omfattet af arbejdspligt.", field="decided_by"
        )
    if not legal_basis.strip():
        raise InvalidInput("Angiv hjemmel for arbejdspligten (lov og paragraf i afgørelsen).", field="legal_basis")
    hours = parse_hours(planned_hours_per_week, field="planned_hours_per_week", allow_blank=True)
    if hours is not None and hours > 37:
        raise InvalidHours("Arbejdspligten er højst 37 timer om ugen.", field="planned_hours_per_week")
    current = WorkDuty.objects.filter(citizen=citizen, valid_to__isnull=True).order_by("-valid_from").first()
    values = {
        "legal_basis": legal_basis.strip(),
        "planned_hours_per_week": hours,
        "note": note.strip(),
        "decided_by": actor,
    }
    if current is not None and current.valid_from == valid_from:
        for name, value in values.items():
            setattr(current, name, value)
        current.save(update_fields=list(values))
        row = current
    else:
        row = record_change(WorkDuty, owner={"citizen": citizen}, valid_from=valid_from, **values)
    _audit_update(actor, citizen, "work_duty", row.pk, f"planlagt {hours if hours is not None else '-'} t/uge", channel)
    return row


@transaction.atomic
def end_work_duty(*, actor: User, citizen: Citizen, last_day: date, channel: str | None = None) -> WorkDuty:
    current = WorkDuty.objects.filter(citizen=citizen, valid_to__isnull=True).order_by("-valid_from").first()
    if current is None:
        raise InvalidInput("Borgeren er ikke omfattet af arbejdspligt.", field="valid_to")
    check_period(current.valid_from, last_day, field="valid_to")
    current.valid_to = last_day
    current.save(update_fields=["valid_to"])
    _audit_update(actor, citizen, "work_duty", current.pk, "ophørt", channel)
    return current


@transaction.atomic
def record_work_duty_week(
    *, actor: User, citizen: Citizen, week: date, attended_hours: Any, channel: str | None = None
) -> WorkDutyWeek:
    """The hours attended in the work duty's activities in the week that holds ``week``."""
    from datetime import timedelta

    monday = week - timedelta(days=week.weekday())
    if (
        not WorkDuty.objects.filter(citizen=citizen, valid_from__lte=monday + timedelta(days=6))
        .exclude(valid_to__lt=monday)
        .exists()
    ):
        raise InvalidPeriod(
            f"Borgeren er ikke omfattet af arbejdspligt i ugen fra {format_date(monday)}.", field="week"
        )
    hours = parse_hours(attended_hours, field="attended_hours")
    row, _ = WorkDutyWeek.objects.update_or_create(
        citizen=citizen, week_start=monday, defaults={"attended_hours": hours, "recorded_by": actor}
    )
    _audit_update(actor, citizen, "work_duty_week", row.pk, f"{monday:%Y-%m-%d}: {hours} t", channel)
    return row


# --------------------------------------------------------------------------- transfers


def current_caseworker(citizen: Citizen, on: date) -> User | None:
    held = (
        Assignment.objects.filter(citizen=citizen, staff_role=StaffRole.CASEWORKER, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .select_related("staff")
        .order_by("-valid_from")
        .first()
    )
    return held.staff if held else None


def may_answer_transfer(user: User, transfer: TransferRequest, *, on: date) -> bool:
    """The citizen's current caseworker, or the coordinator of that caseworker's team."""
    holder = current_caseworker(transfer.citizen, on)
    if holder is None or not user.is_active:
        return False
    if user.pk == holder.pk:
        return True
    return user.role == Role.COORDINATOR and user.team_id is not None and user.team_id == holder.team_id


@transaction.atomic
def request_transfer(*, actor: User, citizen: Citizen, reason: str, on: date) -> TransferRequest:
    """Ask to become the caseworker of a citizen another caseworker holds; changes nothing yet.

    A second request from the same caseworker while one is waiting is the same request.
    """
    if actor.role != Role.CASEWORKER or citizen.municipality_id != actor.municipality_id:
        raise NotFound("Borgeren findes ikke, eller du har ikke adgang til borgeren.")
    holder = current_caseworker(citizen, on)
    if holder is None or holder.pk == actor.pk:
        raise InvalidInput("Borgeren har ingen anden rådgiver; der er intet at overdrage.", field="cpr")
    if not reason.strip():
        raise InvalidInput(
            "Borgeren har allerede en rådgiver. Skriv en begrundelse, så sendes en anmodning om overdragelse "
            "til rådgiveren og koordinatoren.",
            field="reason",
        )
    waiting = TransferRequest.objects.filter(citizen=citizen, requested_by=actor, status=TransferStatus.PENDING).first()
    if waiting is not None:
        return waiting
    transfer = TransferRequest.objects.create(
        citizen=citizen, requested_by=actor, held_by=holder, reason=reason.strip()
    )
    _audit_update(actor, citizen, "transfer_request", transfer.pk, f"fra {holder.username}", action=AuditAction.CREATE)
    return transfer


def _pending_for_answer(actor: User, transfer_id: int, on: date) -> TransferRequest:
    transfer = (
        TransferRequest.objects.select_for_update()
        .select_related("citizen", "requested_by")
        .filter(pk=transfer_id)
        .first()
    )
    if transfer is None or not may_answer_transfer(actor, transfer, on=on):
        raise NotFound(TRANSFER_NOT_FOUND)
    if transfer.status != TransferStatus.PENDING:
        raise IllegalTransition(
            f"Anmodningen er allerede besvaret ({transfer.get_status_display().lower()}).", field="status"
        )
    return transfer


def _close(actor: User, transfer: TransferRequest, status: str, note: str) -> None:
    transfer.status = status
    transfer.decided_by = actor
    transfer.decided_at = timezone.now()
    transfer.decision_note = note.strip()
    transfer.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    _audit_update(actor, transfer.citizen_id, "transfer_request", transfer.pk, status)


@transaction.atomic
def accept_transfer(*, actor: User, transfer_id: int, on: date, note: str = "") -> TransferRequest:
    """The current caseworker or their coordinator accepts: the requester becomes the
    caseworker from ``on`` (the old assignment ends the day before)."""
    transfer = _pending_for_answer(actor, transfer_id, on)
    if not transfer.requested_by.is_active or transfer.requested_by.role != Role.CASEWORKER:
        raise InvalidInput("Den rådgiver, der bad om borgeren, er ikke længere rådgiver.", field="status")
    assign_staff(
        actor=actor,
        citizen=transfer.citizen,
        staff=transfer.requested_by,
        staff_role=StaffRole.CASEWORKER,
        valid_from=on,
    )
    _close(actor, transfer, TransferStatus.ACCEPTED, note)
    return transfer


@transaction.atomic
def refuse_transfer(*, actor: User, transfer_id: int, on: date, note: str = "") -> TransferRequest:
    """The current caseworker or their coordinator refuses: nothing else changes."""
    transfer = _pending_for_answer(actor, transfer_id, on)
    _close(actor, transfer, TransferStatus.REFUSED, note)
    return transfer
