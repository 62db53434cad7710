# SPDX-License-Identifier: MPL-2.0
"""What the citizen page (``/borgere/<id>/``) was made cheaper in, pinned (issue 16).

Each shortcut must give what the longer way gave: the open courses from the courses the page
read, the two 225-hour statuses from one reading of the day-independent facts, the step-up
table's rows written by the tag, and the short date and truncation filters."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from smaajob import cases
from smaajob.charts import StepUpWeek
from smaajob.citizens.models import Benefit, CoverageFacts, RateFacts
from smaajob.courses.selectors import open_courses_among, open_courses_of
from smaajob.web.templatetags.danish import forkort, iso_dato, kort_dato, kort_maaned_dato
from smaajob.web.templatetags.step_up import week_rows
from smaajob.web.views.citizens import ids_url
from tests.web.test_citizen_page_reading import _page_queries


def _reads(queries, table):
    return sum(f'FROM "{table}"' in sql for sql in queries)


def test_the_page_reads_the_courses_once_and_names_the_open_one(client, caseworker, citizen, course, municipality):
    from smaajob.courses.services import start_course
    from smaajob.organisation.services import create_project

    other = create_project(municipality=municipality, name="Projekt B", follow_up_interval_days=7)
    start_course(actor=caseworker, citizen=citizen, project=other, started_on=date(2024, 3, 4))
    client.force_login(caseworker)
    answer, queries = _page_queries(client, citizen)
    # One reading of the courses for the cards; the open courses come from it (no second one).
    whole_rows = 'SELECT "courses_course"."id", "courses_course"."annulled_at"'
    assert sum(sql.startswith(whole_rows) for sql in queries) == 1
    text = answer.content.decode()
    assert "Handlingerne gælder forløbet i <strong>Projekt B</strong>" in text
    assert "Borgeren har også åbne forløb i: " + course.project.name in text


def test_the_open_courses_among_the_courses_read_are_those_of_the_rule(caseworker, citizen, course, municipality):
    from smaajob.courses.services import start_course
    from smaajob.organisation.services import create_project

    for i, started in enumerate((date(2024, 3, 4), date(2024, 3, 4), date(2023, 12, 1))):
        project = create_project(municipality=municipality, name=f"P{i}", follow_up_interval_days=7)
        start_course(actor=caseworker, citizen=citizen, project=project, started_on=started)
    citizen.courses.filter(pk=course.pk).update(state="exited", exit_outcome="ordinary_job")
    expected = open_courses_of(citizen)
    got = open_courses_among(list(citizen.courses.order_by("-started_on")))
    assert got.current == expected.current
    assert [c.pk for c in got.others] == [c.pk for c in expected.others]
    assert got.current is not None
    assert course.pk not in [c.pk for c in (got.current, *got.others)]


@pytest.fixture
def married_with_facts(citizen, caseworker, municipality):
    """A married citizen on kontanthjælp whose spouse is on kontanthjælp too, with coverage and
    rate facts that change between the rule's last month and today."""
    from smaajob.citizens.services import register_citizen

    spouse = register_citizen(
        actor=caseworker, cpr="020290-2345", first_name="Sara", last_name="Hansen", municipality=municipality
    )
    citizen.marital_status = "married"
    citizen.spouse = spouse
    citizen.save()
    for person in (citizen, spouse):
        Benefit.objects.create(citizen=person, valid_from=date(2023, 1, 1), benefit_type="kontanthjaelp")
    CoverageFacts.objects.create(
        citizen=citizen, valid_from=date(2023, 1, 1), valid_to=date(2025, 6, 30), provider=True
    )
    CoverageFacts.objects.create(citizen=citizen, valid_from=date(2025, 7, 1), provider=False)
    RateFacts.objects.create(citizen=citizen, valid_from=date(2023, 1, 1), children=2)
    return citizen


def _comparable(status):
    if status is None:
        return None
    return {k: (v.to_dict() if k == "result" and v is not None else v) for k, v in status.items()}


@pytest.mark.parametrize("day", [date(2026, 12, 7), date(2025, 3, 10), date(2024, 6, 1)])
def test_the_two_statuses_together_are_the_two_statuses_apart(married_with_facts, day):
    now, last = cases.hours_requirement_now_and_last(married_with_facts, day)
    assert _comparable(now) == _comparable(cases.hours_requirement_for(married_with_facts, day))
    assert _comparable(last) == _comparable(cases.last_hours_requirement_status(married_with_facts, day))


def test_the_two_statuses_read_the_day_independent_facts_once(married_with_facts):
    with CaptureQueriesContext(connection) as captured:
        _, last = cases.hours_requirement_now_and_last(married_with_facts, date(2026, 12, 7))
    assert last is not None  # the rule's last month was computed too
    queries = [q["sql"] for q in captured.captured_queries]
    assert _reads(queries, "citizens_coveragefacts") == 1
    assert _reads(queries, "citizens_ratefacts") == 1
    assert sum('"citizens_citizen"."marital_status"' in sql for sql in queries) == 1
    assert sum('."spouse_id" IN' in sql for sql in queries) == 1


# The table's loop as the template wrote it before the tag wrote the rows.
_LOOP = Template(
    '{% for w in weeks %}<tr><th scope="row">Uge {{ w.week_number }} ({{ w.week_start|dato }})</th>'
    "<td>{{ w.phase }}</td>"
    '<td>{% if w.planned != None %}{{ w.planned|number:"-1" }}{% else %}–{% endif %}</td>'
    '<td>{% if w.present != None %}{{ w.present|number:"-2" }}{% else %}–{% endif %}</td>'
    '<td>{% if w.paid != None %}{{ w.paid|number:"-2" }}{% else %}–{% endif %}</td></tr>\n      {% endfor %}'
)


def test_the_step_up_rows_are_the_templates():
    weeks = [
        StepUpWeek(date(2025, 12, 29), 1, "Praktik uden løn", 8.5, 8.5, 0.0),
        StepUpWeek(date(2026, 1, 5), 2, "Hybrid: løn & <praktik>", 12.0, None, 1234.25),
        StepUpWeek(date(2026, 1, 12), 3, "Løntimer", None, 0.0, None),
        StepUpWeek(date(2026, 1, 19), 4, "Løntilskud", 37.0, 36.755, 7.125),
    ]
    assert str(week_rows(weeks)) == _LOOP.render(Context({"weeks": weeks}))
    assert str(week_rows([])) == ""


@pytest.mark.parametrize(
    "value",
    [date(2026, 1, 4), date(999, 12, 31), datetime(2026, 3, 1, 23, 30, tzinfo=UTC), None, "", "x"],
)
def test_the_short_dates_are_djangos(value):
    template = Template('{{ v|date:"j.n.Y" }}|{{ v|date:"Y-m-d" }}|{{ v|date:"j. M Y" }}')
    fast = Template("{{ v|kort_dato }}|{{ v|iso_dato }}|{{ v|kort_maaned_dato }}")
    context = {"v": value}
    assert fast.render(Context(context)) == template.render(Context(context))
    if type(value) is date:
        assert (kort_dato(value), iso_dato(value)) == (f"{value.day}.{value.month}.{value.year:04d}", str(value))
        assert kort_maaned_dato(value).split()[0] == f"{value.day}."


@pytest.mark.parametrize("text", ["kort", "x" * 160, "x" * 161, "ø" * 200, "e\u0301" * 100, "<b>&</b>", 42, None])
def test_the_truncation_is_truncatechars(text):
    context = {"v": text}
    assert Template("{{ v|forkort:160 }}").render(Context(context)) == Template("{{ v|truncatechars:160 }}").render(
        Context(context)
    )
    if type(text) is str and len(text) <= 160 and text.isascii():
        assert forkort(text, 160) is text


@pytest.mark.parametrize("pk", [1, 42, 9_223_372_036_854_775_807])
def test_the_reversed_once_links_are_reverses(pk):
    assert ids_url("web:record_history", "opfoelgning")(pk) == reverse("web:record_history", args=("opfoelgning", pk))
