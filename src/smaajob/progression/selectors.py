# SPDX-License-Identifier: MPL-2.0
"""Reads of progression assessments. Callers reach the citizen through ``smaajob.access`` first."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import QuerySet

from smaajob.citizens.models import Citizen
from smaajob.courses.models import Course
from smaajob.progression.models import ProgressionAssessment

# How often the four dimensions are rated. 001 gives no interval; every 8 weeks is our
# default: two or three ratings inside a 13-week placement (002) and several in VTA's
# 6-month follow-up (003).
ASSESSMENT_INTERVAL = timedelta(weeks=8)


def assessments_for_citizen(citizen: Citizen) -> QuerySet[ProgressionAssessment]:
    return (
        ProgressionAssessment.objects.filter(course__citizen=citizen)
        .select_related("course__project", "by")
        .order_by("assessed_on", "rater", "id")
    )


def next_assessment_due(course: Course, *, interval: timedelta = ASSESSMENT_INTERVAL) -> date:
    """The date the next rating is due: the interval after the latest one, or after visitation."""
    latest = course.progression_assessments.order_by("-assessed_on").values_list("assessed_on", flat=True).first()
    return (latest or course.started_on) + interval
