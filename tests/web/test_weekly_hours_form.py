# SPDX-License-Identifier: MPL-2.0
"""The weekly hours screen saves exactly what a person typed or approved, nothing else.

The form is submitted the way a browser submits it: every input the page renders is sent back
with the value the page gave it, plus what the person typed (``submit_as_a_browser``).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smaajob.courses.models import WeeklyHours
from tests.web.test_pages import log_in

KINDS = ("placement", "paid", "wage_subsidy", "hybrid")
ROWS = 6


class _FormInputs(HTMLParser):
    """The (name, value) pairs a browser sends for the page's hours form, without its buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "form" and named.get("method") == "post":
            self.in_form = True
        if self.in_form and tag == "input" and "disabled" not in named and named.get("name"):
            self.fields[named["name"] or ""] = named.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_form = False


def submit_as_a_browser(client, week: date, typed: dict[str, str], button: dict[str, str] | None = None):
    page = client.get(reverse("web:weekly_hours"), {"uge": week.isoformat()})
    assert page.status_code == 200
    parser = _FormInputs()
    parser.feed(page.content.decode())
    data = {**parser.fields, **typed, **(button or {})}
    return client.post(reverse("web:weekly_hours"), data)


def _monday_last_week() -> date:
    day = date.today() - timedelta(days=7)
    return day - timedelta(days=day.weekday())


@pytest.fixture
def placements(municipality, project, caseworker, consultant, company):
    """Six citizens of the consultant in companies last week, each planned for 6 hours a week."""
    from smaajob.citizens.services import assign_staff, register_citizen
    from smaajob.courses.services import create_placement, start_course, start_placement

    start = _monday_last_week() - timedelta(weeks=2)
    made = []
    for i in range(ROWS):
        person = register_citizen(
            actor=caseworker,
            cpr=f"0{i + 1}0190-1234",
            first_name=f"Borger{i}",
            last_name=f"Efternavn{i}",
            municipality=municipality,
        )
        for staff, role in ((caseworker, "caseworker"), (consultant, "consultant")):
            assign_staff(actor=caseworker, citizen=person, staff=staff, staff_role=role, valid_from=start)
        course = start_course(actor=caseworker, citizen=person, project=project, started_on=start)
        placement = create_placement(
            actor=consultant,
            course=course,
            company=company,
            kind=KINDS[i % len(KINDS)],
            planned_start=start,
            steps=[(start, 6)],
        )
        made.append(start_placement(actor=consultant, placement=placement, on=start))
    return made


def _typed(placement) -> dict[str, str]:
    key = f"p{placement.pk}"
    values = {f"{key}-hours_present": "5"}
    if placement.kind != "placement":
        values[f"{key}-hours_paid"] = "3"
    return values


def test_the_planned_hours_are_a_suggestion_and_not_a_value(client, consultant, placements):
    page = log_in(client, consultant).get(reverse("web:weekly_hours"), {"uge": _monday_last_week().isoformat()})
    parser = _FormInputs()
    parser.feed(page.content.decode())
    assert all(value == "" for name, value in parser.fields.items() if name.endswith("-hours_present"))
    assert 'placeholder="6"' in page.content.decode() and "Forslag, ikke gemt" in page.content.decode()


def test_filling_two_rows_of_six_saves_exactly_those_two(client, consultant, placements):
    log_in(client, consultant)
    chosen = placements[:2]
    response = submit_as_a_browser(client, _monday_last_week(), {k: v for p in chosen for k, v in _typed(p).items()})
    assert response.status_code == 302
    assert set(WeeklyHours.objects.values_list("placement_id", flat=True)) == {p.pk for p in chosen}
    assert all(w.hours_present == Decimal(5) for w in WeeklyHours.objects.all())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edited=st.sets(st.integers(min_value=0, max_value=ROWS - 1)))
def test_any_subset_of_edited_rows_saves_exactly_that_subset(client, consultant, placements, edited):
    log_in(client, consultant)
    with transaction.atomic():
        typed = {k: v for i in edited for k, v in _typed(placements[i]).items()}
        response = submit_as_a_browser(client, _monday_last_week(), typed)
        assert response.status_code == 302
        saved = set(WeeklyHours.objects.values_list("placement_id", flat=True))
        transaction.set_rollback(True)
    assert saved == {placements[i].pk for i in edited}


def test_a_paid_row_with_hours_present_but_no_paid_hours_is_refused_not_saved_as_zero(
    client, consultant, placements
):
    log_in(client, consultant)
    paid = next(p for p in placements if p.kind == "paid")
    response = submit_as_a_browser(client, _monday_last_week(), {f"p{paid.pk}-hours_present": "5"})
    assert response.status_code == 400 and "Angiv løntimer" in response.content.decode()
    assert not WeeklyHours.objects.exists()


def test_godkend_som_planlagt_saves_that_one_row_with_the_planned_hours(client, consultant, placements):
    log_in(client, consultant)
    paid = next(p for p in placements if p.kind == "paid")
    response = submit_as_a_browser(client, _monday_last_week(), {}, {"godkend": f"p{paid.pk}"})
    assert response.status_code == 302
    week = WeeklyHours.objects.get()
    assert (week.placement_id, week.hours_present, week.hours_paid) == (paid.pk, Decimal(6), Decimal(6))


def test_godkend_alle_approves_every_empty_row_a_plan_can_speak_for_and_keeps_typed_rows(
    client, consultant, placements
):
    log_in(client, consultant)
    hybrid = next(p for p in placements if p.kind == "hybrid")
    typed_row = placements[0]
    response = submit_as_a_browser(client, _monday_last_week(), _typed(typed_row), {"godkend": "alle"})
    assert response.status_code == 302
    saved = {w.placement_id: w.hours_present for w in WeeklyHours.objects.all()}
    # A hybrid plan does not say which hours were paid: that row waits for a person to type it.
    assert set(saved) == {p.pk for p in placements} - {hybrid.pk}
    assert saved[typed_row.pk] == Decimal(5)
    assert all(hours == Decimal(6) for pk, hours in saved.items() if pk != typed_row.pk)


def test_resubmitting_the_page_leaves_recorded_weeks_untouched_and_a_change_updates_only_that_row(
    client, consultant, placements
):
    from smaajob.audit.models import AuditEntry

    log_in(client, consultant)
    week = _monday_last_week()
    submit_as_a_browser(client, week, {k: v for p in placements[:2] for k, v in _typed(p).items()})
    updates = AuditEntry.objects.filter(object_type="weeklyhours").count()
    assert submit_as_a_browser(client, week, {}).status_code == 302
    assert AuditEntry.objects.filter(object_type="weeklyhours").count() == updates
    first = placements[0]
    submit_as_a_browser(client, week, {f"p{first.pk}-hours_present": "7"})
    assert WeeklyHours.objects.get(placement=first).hours_present == Decimal(7)
    assert WeeklyHours.objects.get(placement=placements[1]).hours_present == Decimal(5)
    assert AuditEntry.objects.filter(object_type="weeklyhours").count() == updates + 1


def test_clearing_a_recorded_week_is_refused_with_a_hint(client, consultant, placements):
    log_in(client, consultant)
    week = _monday_last_week()
    first = placements[0]
    submit_as_a_browser(client, week, _typed(first))
    response = submit_as_a_browser(client, week, {f"p{first.pk}-hours_present": ""})
    assert response.status_code == 400 and "skriv 0" in response.content.decode()
    assert WeeklyHours.objects.get(placement=first).hours_present == Decimal(5)
