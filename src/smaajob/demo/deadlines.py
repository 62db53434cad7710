# SPDX-License-Identifier: MPL-2.0
"""Three synthetic citizens of 2012 for the rettidighed pages (docs/deadlines.md).

Our sources give the deadlines for 2011-2012 only (seed 002), so a course of today shows
"ukendt regel for perioden". These three courses ran in 2012, when the rules are known; the
overview shows them at ``/rettidighed/?dato=2012-10-01``: one on time, one whose first
conversation came late, one still waiting for an offer. Their kontanthjælp ended on
31 January 2013 and their courses ended the same day, so nothing of them reaches today's
worklist. Written through the services, in a fixed order, with the loader's seeded Faker.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from faker import Faker

from smaajob.citizens import services as citizen_services
from smaajob.courses import services as course_services
from smaajob.demo.geography import random_place
from smaajob.demo.identifiers import synthetic_cpr
from smaajob.network.models import Company
from smaajob.organisation.models import Municipality, Project, User

LAST_DAY = date(2013, 1, 31)
# The day the demo guide opens the overview on (docs/demo.md, docs/deadlines.md).
SHOW_ON = date(2012, 10, 1)


@dataclass(frozen=True)
class HistoricCase:
    birth_date: date
    male: bool
    benefit_from: date
    monthly_amount: Decimal
    conversations: tuple[date, ...]
    placement: tuple[date, date] | None  # virksomhedspraktik, start and end
    summary: str


CASES = (
    HistoricCase(
        date(1988, 4, 12),
        False,
        date(2012, 2, 6),
        Decimal("7338"),
        (date(2012, 2, 20), date(2012, 5, 10), date(2012, 8, 1)),
        (date(2012, 4, 23), date(2012, 7, 13)),
        "Rettidigt forløb 2012: samtaler og praktik til tiden",
    ),
    HistoricCase(
        date(1977, 9, 3),
        True,
        date(2012, 3, 5),
        Decimal("10335"),
        (date(2012, 7, 2), date(2012, 9, 20)),
        (date(2012, 9, 24), date(2012, 12, 14)),
        "Forløb 2012: første samtale en måned for sent",
    ),
    HistoricCase(
        date(1990, 1, 22),
        True,
        date(2012, 5, 7),
        Decimal("7338"),
        (date(2012, 5, 21), date(2012, 8, 13)),
        None,
        "Forløb 2012: venter stadig på tilbud efter 13 ugers ledighed",
    ),
)


def write_historic(
    rng: random.Random,
    fake: Faker,
    *,
    municipality: Municipality,
    project: Project,
    caseworker: User,
    consultant: User,
    company: Company,
    used_cpr: set[str],
) -> int:
    """Write the three 2012 courses; returns how many citizens were written."""
    for case in CASES:
        place = random_place(rng)
        citizen = citizen_services.register_citizen(
            actor=caseworker,
            cpr=synthetic_cpr(rng, case.birth_date, male=case.male, used=used_cpr),
            first_name=fake.first_name_male() if case.male else fake.first_name_female(),
            last_name=fake.last_name(),
            municipality=municipality,
            address=fake.street_address(),
            postcode=place.postcode,
            city=place.city,
            latitude=place.latitude,
            longitude=place.longitude,
            is_synthetic=True,
        )
        for role, person in (("caseworker", caseworker), ("consultant", consultant)):
            citizen_services.assign_staff(
                actor=caseworker, citizen=citizen, staff=person, staff_role=role, valid_from=case.benefit_from
            )
        citizen_services.set_readiness(
            actor=caseworker, citizen=citizen, category="matchgruppe_2", valid_from=case.benefit_from
        )
        citizen_services.set_benefit(
            actor=caseworker,
            citizen=citizen,
            benefit_type="kontanthjaelp",
            valid_from=case.benefit_from,
            monthly_amount=case.monthly_amount,
        )
        citizen_services.set_benefit(
            actor=caseworker, citizen=citizen, benefit_type="none", valid_from=LAST_DAY.replace(day=1, month=2)
        )
        course = course_services.start_course(
            actor=caseworker, citizen=citizen, project=project, started_on=case.benefit_from, reason=case.summary
        )
        placement = None
        if case.placement is not None:
            start, end = case.placement
            placement = course_services.register_placement(
                actor=consultant,
                course=course,
                company=company,
                kind="placement",
                planned_start=start,
                planned_end=end,
                step_up="6 → 10",
                step_every_weeks=4,
                deviation_reason="Historisk forløb (2012)",
            )
        for day in case.conversations:
            course_services.record_follow_up(
                actor=caseworker,
                course=course,
                happened_on=day,
                channel="meeting",
                attendance="as_agreed",
                notes="Jobsamtale i kontaktforløbet.",
            )
        if placement is not None and case.placement is not None:
            course_services.end_placement(actor=consultant, placement=placement, on=case.placement[1])
        course_services.end_course(
            actor=caseworker,
            course=course,
            on=LAST_DAY,
            outcome="returned",
            reason="Kontanthjælpen ophørte 31. januar 2013.",
        )
    return len(CASES)
