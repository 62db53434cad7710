# SPDX-License-Identifier: MPL-2.0
"""How the worklist and the home page's next actions read a caseload (issue 16, national volume).

The alerts themselves are tested rule by rule in ``test_alert_rules``; here: the rettidighed
deadlines that two rules share are computed once per reading (and not remembered from one
reading to the next), a caseload's queries do not grow with its citizens, and the
conversations that count are those of every course of the citizen, as before."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smaajob.access import worklist as worklist_module
from smaajob.access.worklist import next_actions, worklist
from smaajob.courses.models import Course
from smaajob.courses.selectors.deadlines import deadlines_for_many
from smaajob.rules.deadlines import DeadlineKind, DeadlineStatus
from tests.web.test_deadlines import kontanthjaelp_2011

# The offer was due 31 May 2011 (missed), the contact interval's next conversation 20 June (soon).
DAY = date(2011, 6, 10)


def _add_citizens(n, *, start, caseworker, consultant, project, company, municipality):
    from smaajob.citizens.services import register_citizen

    made = []
    for i in range(start, start + n):
        person = register_citizen(
            actor=caseworker,
            cpr=f"{i + 1:02d}0190-{1000 + i}",
            first_name="Borger",
            last_name=f"Nummer {i}",
            municipality=municipality,
        )
        kontanthjaelp_2011(
            citizen=person, caseworker=caseworker, consultant=consultant, project=project, company=company, offer=False
        )
        made.append(person)
    return made


@pytest.fixture
def omar_2011(citizen, caseworker, consultant, project, company):
    kontanthjaelp_2011(
        citizen=citizen, caseworker=caseworker, consultant=consultant, project=project, company=company, offer=False
    )
    return citizen


def test_both_deadline_rules_read_the_deadlines_once_per_reading_and_not_across_readings(
    caseworker, omar_2011, monkeypatch
):
    calls = []

    def counting(citizens, on, **options):
        calls.append(on)
        return deadlines_for_many(citizens, on, **options)

    monkeypatch.setattr(worklist_module, "deadlines_for_many", counting)
    found = worklist(caseworker, today=DAY)
    codes = {a.code for a in found}
    assert {"deadline_missed", "deadline_soon"} <= codes  # both rules still fire from the one computation
    assert calls == [DAY]
    # A second reading (another request, another day) computes afresh: nothing is kept between.
    next_actions(caseworker, today=date(2011, 6, 11))
    assert calls == [DAY, date(2011, 6, 11)]


def test_a_caseloads_queries_do_not_grow_with_its_citizens(
    caseworker, consultant, project, company, municipality, omar_2011
):
    world = {"caseworker": caseworker, "consultant": consultant, "project": project, "company": company}
    _add_citizens(2, start=1, municipality=municipality, **world)
    with CaptureQueriesContext(connection) as few:
        small = worklist(caseworker, today=DAY)
    _add_citizens(6, start=3, municipality=municipality, **world)
    with CaptureQueriesContext(connection) as many:
        large = worklist(caseworker, today=DAY)
    assert len({a.citizen_id for a in small}) == 3 and len({a.citizen_id for a in large}) == 9
    assert len(many) == len(few), [q["sql"][:80] for q in many.captured_queries]


def _first_conversation(citizen):
    [row] = deadlines_for_many([citizen], DAY)
    assert row.report is not None  # on kontanthjælp: covered
    [first] = [d for d in row.report.deadlines if d.kind == DeadlineKind.FIRST_CONVERSATION]
    return first.status


def test_a_conversation_on_another_course_of_the_citizen_counts(caseworker, omar_2011, municipality):
    from smaajob.courses.services import start_course
    from smaajob.organisation.services import create_project

    # The conversation of 20 March 2011 is on the first course; a second, later course runs.
    assert _first_conversation(omar_2011) == DeadlineStatus.MET
    stv = create_project(municipality=municipality, name="STV", follow_up_interval_days=21)
    start_course(actor=caseworker, citizen=omar_2011, project=stv, started_on=date(2011, 4, 1))
    assert _first_conversation(omar_2011) == DeadlineStatus.MET
    # As before the course ids were read first: an annulled course's conversations still count
    # (only the follow-up's own annulment leaves it out).
    Course.objects.filter(citizen=omar_2011, project__name="VTA").update(annulled_at=timezone.now())
    assert _first_conversation(omar_2011) == DeadlineStatus.MET


def test_without_the_conversation_the_first_conversation_is_missed(caseworker, omar_2011):
    # The counterpart of the test above: the status does depend on the conversation being read.
    from smaajob.courses.models import FollowUp

    FollowUp.objects.filter(course__citizen=omar_2011).update(annulled_at=timezone.now())
    assert _first_conversation(omar_2011) == DeadlineStatus.MISSED


def test_an_offer_is_named_by_its_kinds_danish_label_and_the_company(citizen, caseworker, consultant, project, company):
    kontanthjaelp_2011(citizen=citizen, caseworker=caseworker, consultant=consultant, project=project, company=company)
    [row] = deadlines_for_many([citizen], date(2011, 7, 1))
    assert row.report is not None
    [limit] = [d for d in row.report.deadlines if d.kind == DeadlineKind.PLACEMENT_LIMIT]
    assert f"(Virksomhedspraktik hos {company.name})" in limit.note, limit.note


def test_the_deadlines_of_a_caseload_read_no_citizen_field_one_by_one(caseworker, omar_2011):
    # The citizens come in with only the fields the deadlines use; a field read later would be
    # one more query per citizen.
    from smaajob.access.citizens import citizens_for

    citizens = citizens_for(caseworker, on=DAY).order_by("pk")
    with CaptureQueriesContext(connection) as read:
        [row] = deadlines_for_many(citizens, DAY)
    assert row.name == "Omar Hansen" and row.report is not None
    assert not [
        q for q in read.captured_queries if 'FROM "citizens_citizen" WHERE "citizens_citizen"."id" =' in q["sql"]
    ]
    assert len(read.captured_queries) == 7


def test_the_worklist_reads_the_deadlines_without_the_open_courses(caseworker, omar_2011, monkeypatch):
    # The alerts show the deadlines only; the open course (its project's name, for the
    # rettidighed pages) is one query and a model instance per citizen the worklist never shows.
    seen = []

    def counting(citizens, on, **options):
        rows = deadlines_for_many(citizens, on, **options)
        seen.extend(rows)
        return rows

    monkeypatch.setattr(worklist_module, "deadlines_for_many", counting)
    assert {"deadline_missed", "deadline_soon"} <= {a.code for a in worklist(caseworker, today=DAY)}
    assert seen and all(row.course is None for row in seen)
    # The rettidighed pages still get the course, with its project's name in the same query.
    from smaajob.access.citizens import citizens_for

    with CaptureQueriesContext(connection) as read:
        [row] = deadlines_for_many(citizens_for(caseworker, on=DAY).order_by("pk"), DAY)
        assert row.course is not None and row.course.project.name == "VTA"
    assert len(read.captured_queries) == 7
    with CaptureQueriesContext(connection) as lean:
        [bare] = deadlines_for_many(citizens_for(caseworker, on=DAY).order_by("pk"), DAY, courses=False)
    assert bare.course is None and bare.report == row.report
    assert len(lean.captured_queries) == 6


def test_the_ids_filter_matches_the_in_lookup_and_sends_nothing_for_no_ids(citizen, caseworker, omar_2011):
    from smaajob.citizens.models import Citizen
    from smaajob.ids import IdIn

    everyone = sorted(Citizen.objects.values_list("pk", flat=True))
    some = everyone[:1]
    assert sorted(Citizen.objects.filter(IdIn("pk", some)).values_list("pk", flat=True)) == some
    assert sorted(Citizen.objects.filter(IdIn("pk", everyone)).values_list("pk", flat=True)) == everyone
    assert list(Course.objects.filter(IdIn("citizen_id", some)).values_list("citizen_id", flat=True)) == list(
        Course.objects.filter(citizen_id__in=some).values_list("citizen_id", flat=True)
    )
    with CaptureQueriesContext(connection) as none:
        assert list(Citizen.objects.filter(IdIn("pk", []))) == []
    assert len(none.captured_queries) == 0


def test_the_ids_go_as_one_array_parameter_on_postgresql(omar_2011):
    # SQLite gets the IN list; on PostgreSQL the statement does not grow with the ids.
    from smaajob.citizens.models import Citizen
    from smaajob.ids import IdIn

    query = Citizen.objects.filter(IdIn("pk", [3, 1, 2])).values_list("pk").query
    compiler = query.get_compiler(connection=connection)

    class Postgres:
        vendor = "postgresql"
        ops = connection.ops

    where, params = IdIn("pk", [3, 1, 2]).resolve_expression(query).as_sql(compiler, Postgres())
    assert where.endswith("= ANY(%s::bigint[])") and params == ("{3,1,2}",)


def test_the_home_pages_citizen_rows_are_those_the_prefetch_gave(
    caseworker, consultant, project, company, municipality
):
    # The rows of "Mine borgere" read the open courses and running placements by the ids; they
    # must be what prefetch_related gave: each citizen's first open course, its running
    # placements, no exited course, and citizens without a course too.
    from django.db.models import Prefetch

    from smaajob.access.citizens import citizens_for
    from smaajob.courses.models import Placement
    from smaajob.courses.selectors import active_on
    from smaajob.web.home_pages import _citizen_rows

    world = {"caseworker": caseworker, "consultant": consultant, "project": project, "company": company}
    people = _add_citizens(3, start=1, municipality=municipality, **world)
    from smaajob.courses.services import register_placement

    Course.objects.filter(citizen=people[1]).update(state="exited", exit_outcome="ordinary_job")
    register_placement(
        actor=consultant,
        course=Course.objects.get(citizen=people[2]),
        company=company,
        kind="placement",
        planned_start=date(2011, 5, 1),
        planned_end=date(2011, 8, 31),
        step_up="4",
    )
    Placement.objects.filter(course__citizen=people[2]).update(actual_start=date(2011, 5, 1))
    day = date(2011, 6, 10)
    citizens = citizens_for(caseworker, on=day)

    active = (
        Placement.objects.filter(active_on(day)).select_related("company").only("course_id", "kind", "company__name")
    )
    courses = (
        Course.objects.exclude(state="exited")
        .select_related("project")
        .only("citizen_id", "state", "project__name")
        .prefetch_related(Prefetch("placements", queryset=active, to_attr="active_placements"))
    )
    expected = []
    for c in (
        citizens.only("first_name", "last_name", "cpr")
        .prefetch_related(Prefetch("courses", queryset=courses, to_attr="open_courses"))
        .order_by("last_name", "first_name")
    ):
        course = c.open_courses[0] if c.open_courses else None
        placements = course.active_placements if course else []
        expected.append(
            (c.pk, c.masked_cpr, course and course.pk, [(p.pk, p.company.name, p.kind) for p in placements])
        )

    with CaptureQueriesContext(connection) as read:
        rows = _citizen_rows(citizens, day)
    got = [
        (
            r["citizen"].pk,
            r["citizen"].masked_cpr,
            r["course"] and r["course"].pk,
            [(p.pk, p.company.name, p.kind) for p in r["placements"]],
        )
        for r in rows
    ]
    assert got == expected
    assert [g[2] is None for g in got] == [False, True, False]  # the exited course is left out
    assert [len(g[3]) for g in got] == [0, 0, 1]  # the running placement is shown
    assert len(read.captured_queries) == 3  # citizens, courses, placements
