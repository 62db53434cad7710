# SPDX-License-Identifier: MPL-2.0
"""Rettidighed: the records a citizen's deadlines follow from, read for one citizen or many.

The counting rules (what the project records today, and what counts; ``docs/deadlines.md``):

* **Covered**: a citizen on kontanthjælp on the day (a ``Benefit`` row of that type); the rules
  of seed 002 are kontanthjælp rules. Anyone else gets no deadlines, with the reason.
* **Første henvendelse om hjælp** (and the start of unemployment and of public benefit): the
  first day of the unbroken run of kontanthjælp rows the day falls in.
* **Samtale**: a recorded follow-up (``FollowUp``) with the citizen present: at the workplace,
  by telephone, at a meeting in the jobcentre or by video, and not "udeblevet". An answer from
  the company is not a conversation with the citizen. The visitation is not counted by itself
  (the project records the day, not a conversation). Annulled follow-ups are not counted.
* **Tilbud** (for now, until orders/offers are wired in): a placement that has actually begun
  (``actual_start``) of the kinds virksomhedspraktik, hybridpraktik or løntilskud. Ordinary
  paid hours (småjob) are work, not an offer. Virksomhedspraktik and hybridpraktik have the
  13-week limit while the citizen is not job-ready.
* **Arbejdsmarkedsparat**: readiness jobparat, matchgruppe 1 or jobsøgningsindsats on the day;
  anything else, or none recorded, is treated as not job-ready (the effort's target group).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Q, QuerySet

from smaajob.citizens.models import Benefit, BenefitType, Citizen, Readiness, ReadinessCategory, full_name_of
from smaajob.courses.models import Attendance, Channel, Course, FollowUp, Placement
from smaajob.ids import IdIn
from smaajob.network.models import OpeningKind
from smaajob.rules.deadlines import CourseFacts, DeadlineReport, Offer, course_deadlines

CONVERSATION_CHANNELS = (Channel.VISIT, Channel.PHONE, Channel.MEETING, Channel.VIDEO)
OFFER_KINDS = (OpeningKind.PLACEMENT, OpeningKind.HYBRID, OpeningKind.WAGE_SUBSIDY)
COMPANY_PLACEMENT_KINDS = (OpeningKind.PLACEMENT, OpeningKind.HYBRID)
JOB_READY = (ReadinessCategory.JOBPARAT, ReadinessCategory.MATCHGRUPPE_1, ReadinessCategory.JOBSOEGNINGSINDSATS)
NOT_COVERED = "Fristerne gælder kontanthjælpsmodtagere; borgeren modtager ikke kontanthjælp på dagen."


@dataclass(frozen=True)
class CitizenDeadlines:
    citizen_id: int
    name: str
    course: Course | None
    report: DeadlineReport | None  # None: not covered
    reason: str = ""  # why there is no report


class _Run(NamedTuple):
    """A kontanthjælp row as the deadlines read it: four columns, not a model instance."""

    valid_from: date
    valid_to: date | None
    monthly_amount: Decimal | None


def _covering_runs(benefits: Iterable[_Run], on: date) -> _Run | None:
    for b in benefits:
        if b.valid_from <= on and (b.valid_to is None or on <= b.valid_to):
            return b
    return None


def _run_start(rows: list[_Run], current: _Run) -> date:
    """The first day of the unbroken run of kontanthjælp rows that ``current`` belongs to."""
    start = current.valid_from
    by_end = {b.valid_to: b for b in rows if b.valid_to is not None}
    while (previous := by_end.get(start - timedelta(days=1))) is not None:
        start = previous.valid_from
    return start


def deadlines_for_many(citizens: Iterable[Citizen], on: date, *, courses: bool = True) -> list[CitizenDeadlines]:
    """Each citizen's deadlines on ``on``, in a fixed number of queries (a team's list).

    ``courses=False``: without each citizen's open course (``CitizenDeadlines.course`` is None),
    for a reader that shows only the deadlines (the worklist): one query less."""
    if isinstance(citizens, QuerySet):
        # Only what is read below, as plain rows: a whole row also decrypts every citizen's
        # CPR number (about 30 µs each, 110 in a caseload).
        people = [
            (pk, full_name_of(first, last), born)
            for pk, first, last, born in citizens.values_list("pk", "first_name", "last_name", "birth_date")
        ]
    else:
        people = [(c.pk, c.full_name, c.birth_date) for c in citizens]
    ids = [pk for pk, _name, _born in people]
    # Plain rows throughout (issue 16): model instances cost more than the rules run on them,
    # and the ids go as one parameter (``IdIn``), not one placeholder each.
    benefits: dict[int, list[_Run]] = defaultdict(list)
    for citizen_id, valid_from, valid_to, monthly_amount in (
        Benefit.objects.filter(IdIn("citizen_id", ids), benefit_type=BenefitType.KONTANTHJAELP)
        .order_by("valid_from")
        .values_list("citizen_id", "valid_from", "valid_to", "monthly_amount")
    ):
        benefits[citizen_id].append(_Run(valid_from, valid_to, monthly_amount))
    # Only a covered citizen's records are read further: the others get no deadlines (a
    # caseload is mostly citizens on other benefits; their follow-ups were most of the rows).
    covering = {pk: run for pk in ids if (run := _covering_runs(benefits.get(pk, []), on)) is not None}
    covered = list(covering)
    readiness: dict[int, str] = {}
    for citizen_id, category in (
        Readiness.objects.filter(IdIn("citizen_id", covered), valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("valid_from", "pk")
        .values_list("citizen_id", "category")
    ):
        readiness[citizen_id] = category
    # The caseload's courses first, then their follow-ups by course id: joined in one query,
    # PostgreSQL's planner estimated the national follow-up index scans dear and chose a
    # parallel scan of every course in the country (30-60 ms against 2 ms for a caseload of
    # 110 at national volume; docs/performance.md).
    # ``all_objects``: as the join did, an annulled course's follow-ups still count (the
    # follow-up's own annulment is what leaves it out).
    citizen_of_course = dict(Course.all_objects.filter(IdIn("citizen_id", covered)).values_list("pk", "citizen_id"))
    conversations: dict[int, list[date]] = defaultdict(list)
    for course_id, happened_on in (
        FollowUp.objects.filter(
            IdIn("course_id", citizen_of_course), channel__in=CONVERSATION_CHANNELS, happened_on__lte=on
        )
        .exclude(attendance=Attendance.ABSENT)
        .values_list("course_id", "happened_on")
    ):
        conversations[citizen_of_course[course_id]].append(happened_on)
    offers: dict[int, list[Offer]] = defaultdict(list)
    # Plain rows, not three model instances each (placement, company, course); the kind's label
    # as ``get_kind_display`` gives it.
    kind_labels = dict(Placement._meta.get_field("kind").flatchoices)
    for citizen_id, started, ended, kind, company_name in (
        Placement.objects.filter(
            IdIn("course__citizen_id", covered), kind__in=OFFER_KINDS, actual_start__isnull=False, actual_start__lte=on
        )
        .order_by("actual_start", "pk")
        .values_list("course__citizen_id", "actual_start", "actual_end", "kind", "company__name")
    ):
        if started is None:  # excluded by the query; for the type checker
            continue
        offers[citizen_id].append(
            Offer(
                started,
                ended,
                kind in COMPANY_PLACEMENT_KINDS,
                f"{kind_labels.get(kind, kind)} hos {company_name}",
            )
        )
    open_courses: dict[int, Course] = {}
    if courses:
        for running in (
            Course.objects.filter(IdIn("citizen_id", ids), started_on__lte=on)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
            .select_related("project")
            .only("citizen_id", "project__name")  # what the readers show: the project's name
            .order_by("started_on", "pk")
        ):
            open_courses[running.citizen_id] = running  # the most recently started wins, as ``open_course``
    found = []
    for pk, name, born in people:
        current = covering.get(pk)
        course = open_courses.get(pk)
        if current is None:
            found.append(CitizenDeadlines(pk, name, course, None, NOT_COVERED))
            continue
        start = _run_start(benefits[pk], current)
        facts = CourseFacts(
            first_contact=start,
            birth_date=born,
            conversations=tuple(conversations.get(pk, ())),
            offers=tuple(offers.get(pk, ())),
            job_ready=readiness.get(pk) in JOB_READY,
            unemployed_since=start,
            monthly_benefit=float(current.monthly_amount) if current.monthly_amount is not None else None,
            benefit_since=start,
        )
        found.append(CitizenDeadlines(pk, name, course, course_deadlines(facts, on)))
    return found


def deadlines_for(citizen: Citizen, on: date) -> CitizenDeadlines:
    return deadlines_for_many([citizen], on)[0]
