# SPDX-License-Identifier: MPL-2.0
"""The progression report for one citizen (DOMAIN §8): hours over time (present, paid,
effective), the four 001 dimensions as rated by citizen and consultant, the motivation type
(003 Figur 1), the employer's effectiveness ratings and a follow-up summary.

For the employer and for the rehabilitation team's decision on flexjob. Callers have already
passed ``smaajob.access.get_citizen``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import polars as pl
from django.db.models import FloatField
from django.db.models.functions import Cast

from smaajob.charts import line_chart
from smaajob.citizens.models import Citizen
from smaajob.courses.models import Attendance, FollowUp, WeeklyHours
from smaajob.progression.models import DIMENSIONS, MotivationType, Rater
from smaajob.progression.selectors import assessments_for_citizen, next_assessment_due
from smaajob.reports.counting.hours import TRAJECTORY_WEEKS, trajectory


def _weeks(citizen: Citizen) -> pl.DataFrame:
    """Every week of the citizen's ledger, paid or not, in ``TRAJECTORY_WEEKS`` columns (its own
    read: the reports' ``weeks`` table holds the paid weeks only)."""
    rows = WeeklyHours.objects.filter(placement__course__citizen=citizen).values_list(
        "placement_id",
        "placement__course__citizen_id",
        "week_start",
        Cast("hours_present", FloatField()),
        Cast("hours_paid", FloatField()),
        Cast("hours_effective", FloatField()),
    )
    return pl.DataFrame(list(rows), schema=TRAJECTORY_WEEKS, orient="row")


def context(citizen: Citizen) -> dict[str, Any]:
    hours = trajectory(_weeks(citizen), citizen.pk)
    weeks = hours["week_start"].to_list()
    chart = line_chart(
        weeks,
        [
            ("Til stede", hours["present"].to_list()),
            ("Løntimer", hours["paid"].to_list()),
            ("Effektive timer", hours["effective"].to_list()),
        ],
        title="Timer pr. uge over tid",
        description=f"{len(weeks)} uger med registrerede timer; tallene står i tabellen under figuren.",
    )
    assessments = list(assessments_for_citizen(citizen))
    dimension_series = []
    for rater in Rater:
        rows = [a for a in assessments if a.rater == rater]
        if rows:
            dimension_series.append((rater.label, rows))
    follow_ups = list(
        FollowUp.objects.filter(course__citizen=citizen).select_related("placement__company").order_by("happened_on")
    )
    attendance = Counter(f.attendance for f in follow_ups)
    open_courses = [c for c in citizen.courses.select_related("project") if c.ended_on is None]
    return {
        "citizen": citizen,
        "hours_rows": hours.iter_rows(named=True),
        "hours_chart": chart,
        "dimensions": DIMENSIONS,
        "assessments": assessments,
        "dimension_series": dimension_series,
        "motivations": MotivationType,
        "effectiveness": [
            (f.happened_on, f.effectiveness, f.placement.company.name if f.placement else "")
            for f in follow_ups
            if f.effectiveness is not None
        ],
        "follow_ups": follow_ups[-10:],
        "follow_up_count": len(follow_ups),
        "attendance": [(Attendance(k).label, v) for k, v in attendance.most_common()],
        "next_due": [(c, next_assessment_due(c)) for c in open_courses],
    }
