# SPDX-License-Identifier: MPL-2.0
"""Recording a progression assessment: one transaction, validated before anything is written."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from smaajob.audit.models import AuditAction
from smaajob.audit.services import record as audit
from smaajob.courses.models import Course
from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidInput, InvalidPeriod
from smaajob.organisation.models import User
from smaajob.progression.models import (
    DIMENSIONS,
    SCALE_MAX,
    SCALE_MIN,
    MotivationType,
    ProgressionAssessment,
    Rater,
)


def _score(value: Any, field: str, label: str) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise InvalidInput(f"{label}: angiv et helt tal fra {SCALE_MIN} til {SCALE_MAX}.", field=field) from None
    if not SCALE_MIN <= number <= SCALE_MAX:
        raise InvalidInput(f"{label}: {number} ligger uden for skalaen {SCALE_MIN}–{SCALE_MAX}.", field=field)
    return number


@transaction.atomic
def record_assessment(
    *,
    actor: User,
    course: Course,
    assessed_on: date,
    rater: str,
    scores: dict[str, Any],
    motivation: str = "",
    note: str = "",
    today: date | None = None,
    channel: str | None = None,
) -> ProgressionAssessment:
    """Record the four 001 dimensions (1–10) and, optionally, the 003 motivation type.

    The citizen's own rating is entered by staff together with the citizen; ``rater`` says
    whose rating it is, ``actor`` who typed it.
    """
    today = today or date.today()
    if rater not in Rater.values:
        raise InvalidInput("Angiv hvis vurdering det er: borgerens egen eller konsulentens.", field="rater")
    if motivation and motivation not in MotivationType.values:
        raise InvalidInput(
            f"Ukendt motivationstype »{motivation}«. Gyldige: {', '.join(MotivationType.values)}.", field="motivation"
        )
    if assessed_on > today:
        raise InvalidPeriod("En vurdering kan ikke dateres i fremtiden.", field="assessed_on")
    if assessed_on < course.started_on:
        raise InvalidPeriod(
            f"Vurderingen ligger før forløbet blev visiteret ({format_date(course.started_on)}).", field="assessed_on"
        )
    if course.ended_on is not None and assessed_on > course.ended_on:
        raise InvalidPeriod(f"Forløbet sluttede {format_date(course.ended_on)}.", field="assessed_on")
    unknown = set(scores) - {key for key, _ in DIMENSIONS}
    if unknown:
        raise InvalidInput(f"Ukendt dimension: {', '.join(sorted(unknown))}.", field=sorted(unknown)[0])
    values = {}
    for key, label in DIMENSIONS:
        if key not in scores or scores[key] in (None, ""):
            raise InvalidInput(f"{label}: skal udfyldes ({SCALE_MIN}–{SCALE_MAX}).", field=key)
        values[key] = _score(scores[key], key, label)
    if ProgressionAssessment.objects.filter(course=course, assessed_on=assessed_on, rater=rater).exists():
        raise InvalidInput(
            f"Der er allerede en {Rater(rater).label.lower()} fra {format_date(assessed_on)} på forløbet.",
            field="assessed_on",
        )
    row = ProgressionAssessment.objects.create(
        course=course,
        assessed_on=assessed_on,
        by=actor,
        rater=rater,
        motivation=motivation,
        note=note.strip(),
        **values,
    )
    audit(
        actor=actor,
        action=AuditAction.CREATE,
        channel=channel,
        object_type="progressionassessment",
        object_id=row.pk,
        citizen_id=course.citizen_id,
        detail=rater,
    )
    return row
