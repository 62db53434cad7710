# SPDX-License-Identifier: MPL-2.0
"""A course history that encodes VTA's published results (003 §2.5.1, Tabel 5, seed lines 686–695).

Built through the ordinary services (visitation, placements, conversions, the hours ledger)
so the proof runs through exactly the code a jobcentre's data would:

* original target group: 138 visited, 85 in a company placement, 34 into småjob, 18 of them
  still there after 6 months (all 34 measurable by the observation date);
* Ukrainian refugees: 90 visited, 59 placed, 44 into a job — 31 of them løntilskud (note **) —
  all after October 2022, so the 6-month step is not measurable yet (Tabel 5: "-").

Targets 120 / 70 / 48 / 36 and 50 / 40 / 32 and the published figures, including the total of
80 for "Kandidater i småjob/job", are stored as reference figures of the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import count

from smaajob.citizens.services import assign_staff, join_project, register_citizen
from smaajob.courses import services as courses
from smaajob.network.services import create_company
from smaajob.organisation.models import Project, TargetGroup
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.published import VTA_ORIGINAL, VTA_TABLE_5, VTA_UKRAINIAN
from smaajob.reports.models import FigureKind, ReferenceFigure

PERIOD = Period(date(2020, 1, 1), date(2022, 12, 31), observed_until=date(2023, 3, 31))


def _cvr(n: int) -> str:
    """A CVR number with a valid modulus-11 check digit (weights 2 7 6 5 4 3 2 1)."""
    for base in range(1000000 + n * 13, 10_000_000):
        digits = [int(d) for d in f"{base:07d}"]
        remainder = sum(w * d for w, d in zip((2, 7, 6, 5, 4, 3, 2), digits, strict=True)) % 11
        check = (11 - remainder) % 11
        if check < 10:
            return f"{base:07d}{check}"
    raise AssertionError("unreachable")


_serial = count(1)


def _cpr() -> str:
    n = next(_serial)
    day, month = 1 + n % 28, 1 + (n // 28) % 12
    return f"{day:02d}{month:02d}85{1000 + n:04d}"


@dataclass
class VtaHistory:
    project: Project
    original: TargetGroup
    ukrainian: TargetGroup


def build_vta_history(*, municipality, caseworker, consultant) -> VtaHistory:
    project = Project.objects.create(municipality=municipality, name="VTA – Varig Tilknytning")
    original = TargetGroup.objects.create(project=project, code="OPR", name=VTA_ORIGINAL)
    ukrainian = TargetGroup.objects.create(project=project, code="UKR", name=VTA_UKRAINIAN)
    companies = [
        create_company(actor=consultant, municipality=municipality, cvr=_cvr(i), name=f"Klyngevirksomhed {i}")
        for i in range(1, 9)
    ]

    def citizen(group: TargetGroup, visited: date):
        person = register_citizen(
            actor=caseworker,
            cpr=_cpr(),
            first_name="Test",
            last_name=f"Borger{next(_serial)}",
            municipality=municipality,
            is_synthetic=True,
        )
        join_project(actor=caseworker, citizen=person, project=project, valid_from=visited, target_group=group)
        assign_staff(actor=caseworker, citizen=person, staff=consultant, staff_role="consultant", valid_from=visited)
        return courses.start_course(actor=caseworker, citizen=person, project=project, started_on=visited)

    def praktik(course, company, start: date, weeks: int = 5):
        p = courses.create_placement(
            actor=consultant,
            course=course,
            company=company,
            kind="placement",
            planned_start=start,
            planned_end=start + timedelta(weeks=weeks),
        )
        return courses.start_placement(actor=consultant, placement=p, on=start)

    # Original target group: visited spread over 2020–2022, jobs no later than mid-2022.
    for i in range(138):
        visited = date(2020, 1, 6) + timedelta(days=(i * 5) % 800)
        course = citizen(original, visited)
        if i >= 85:
            continue  # visited, never placed (003: "En del visiterede er dog ikke kommet i forløb")
        company = companies[i % len(companies)]
        start = visited + timedelta(days=21)
        p = praktik(course, company, start)
        if i >= 34:
            courses.end_placement(actor=consultant, placement=p, on=start + timedelta(weeks=5, days=-1))
            continue  # praktik that did not become a småjob
        paid_from = start + timedelta(weeks=5)
        job = courses.convert_placement(
            actor=consultant, placement=p, to_kind="paid", on=paid_from, steps=[(paid_from, 6)]
        )
        courses.record_week(
            actor=consultant,
            placement=job,
            week=paid_from + timedelta(days=7),
            hours_present=8 + i % 20,
            hours_paid=8 + i % 20,
            today=date(2023, 3, 31),
        )
        if i >= 18:  # 16 leave before six months have passed
            courses.end_placement(actor=consultant, placement=job, on=paid_from + timedelta(days=120))

    # Ukrainian refugees: visited in the second half of 2022, jobs from October 2022.
    for i in range(90):
        visited = date(2022, 6, 1) + timedelta(days=i % 100)
        course = citizen(ukrainian, visited)
        if i >= 59:
            continue
        company = companies[i % len(companies)]
        start = max(visited + timedelta(days=14), date(2022, 9, 5))
        p = praktik(course, company, start, weeks=4)
        if i >= 44:
            courses.end_placement(actor=consultant, placement=p, on=start + timedelta(weeks=4))
            continue
        kind = "wage_subsidy" if i < 31 else "paid"
        job_from = max(start + timedelta(weeks=4), date(2022, 10, 3))
        courses.convert_placement(actor=consultant, placement=p, to_kind=kind, on=job_from)

    for row in VTA_TABLE_5:
        for group_name, tg in ((VTA_ORIGINAL, original), (VTA_UKRAINIAN, ukrainian)):
            target, achieved = row.targets.get(group_name), row.achieved.get(group_name)
            if target is not None:
                ReferenceFigure.objects.create(
                    project=project,
                    target_group=tg,
                    step=row.step,
                    kind=FigureKind.TARGET,
                    value=target,
                    source="003 Tabel 5",
                )
            if achieved is not None:
                ReferenceFigure.objects.create(
                    project=project,
                    target_group=tg,
                    step=row.step,
                    kind=FigureKind.PUBLISHED,
                    value=achieved,
                    source="003 Tabel 5",
                )
        if row.total is not None:
            ReferenceFigure.objects.create(
                project=project, step=row.step, kind=FigureKind.PUBLISHED, value=row.total, source="003 Tabel 5"
            )
    return VtaHistory(project, original, ukrainian)
