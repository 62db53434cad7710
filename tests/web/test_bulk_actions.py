# SPDX-License-Identifier: MPL-2.0
"""Bulk actions (issue 21): an employer confirms a month's weeks in one go after seeing the
totals; a consultant marks several worklist alerts as handled with one reason."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from smaajob.audit.models import AuditEntry, HandledAlert
from smaajob.courses.models import WeeklyHours
from tests.web.test_pages import log_in

TODAY = date.today()
START = TODAY - timedelta(days=TODAY.weekday(), weeks=9)  # a Monday nine weeks ago


@pytest.fixture
def second_citizen(municipality, caseworker, consultant, project):
    from smaajob.citizens.services import assign_staff, register_citizen
    from smaajob.courses.services import start_course

    person = register_citizen(
        actor=caseworker, cpr="020290-2345", first_name="Sara", last_name="Holm", municipality=municipality
    )
    for staff, role in ((caseworker, "caseworker"), (consultant, "consultant")):
        assign_staff(actor=caseworker, citizen=person, staff=staff, staff_role=role, valid_from=date(2024, 1, 1))
    return start_course(actor=caseworker, citizen=person, project=project, started_on=date(2024, 1, 8))


def _paid_weeks(consultant, course, company, hours_present):
    from smaajob.courses.services import create_placement, record_week, start_placement

    placement = create_placement(
        actor=consultant, course=course, company=company, kind="paid", planned_start=START, steps=[(START, 6)]
    )
    start_placement(actor=consultant, placement=placement, on=START)
    for n in range(9):
        record_week(
            actor=consultant,
            placement=placement,
            week=START + timedelta(weeks=n),
            hours_present=hours_present,
            hours_paid=hours_present,
        )
    return placement


@pytest.fixture
def elsewhere_course(consultant, municipality, project):
    from smaajob.citizens.services import assign_staff, register_citizen
    from smaajob.courses.services import start_course

    person = register_citizen(
        actor=consultant, cpr="030390-3456", first_name="Ib", last_name="Lund", municipality=municipality
    )
    assign_staff(
        actor=consultant, citizen=person, staff=consultant, staff_role="consultant", valid_from=date(2024, 1, 1)
    )
    return start_course(actor=consultant, citizen=person, project=project, started_on=date(2024, 1, 8))


@pytest.fixture
def ledger(consultant, course, second_citizen, elsewhere_course, company, municipality):
    """Two citizens with nine paid weeks at Netto; a third with nine at another company."""
    from smaajob.network.services import create_company

    elsewhere = create_company(
        actor=consultant, municipality=municipality, cvr="10150817", name="Rema Bolbro", sector="detail"
    )
    return {
        "mine": _paid_weeks(consultant, course, company, Decimal("4")),
        "also_mine": _paid_weeks(consultant, second_citizen, company, Decimal("3")),
        "theirs": _paid_weeks(consultant, elsewhere_course, elsewhere, Decimal("5")),
    }


def month_of(day: date) -> tuple[int, int]:
    return day.year, day.month


MONTH = month_of(START + timedelta(weeks=4))
MONTH_KEY = f"{MONTH[0]:04d}-{MONTH[1]:02d}"  # as the address names it


def weeks_in(placement, month):
    return [w for w in placement.weeks.order_by("week_start") if month_of(w.week_start) == month]


def test_the_confirm_page_shows_a_citizens_totals_for_the_month_before_anything_is_confirmed(
    client, employer_user, ledger
):
    mine = ledger["mine"]
    url = reverse("web:employer_confirm_month_citizen", args=[MONTH_KEY, mine.course.citizen_id])
    page = log_in(client, employer_user).get(url).content.decode()
    expected = weeks_in(mine, MONTH)
    assert 4 <= len(expected) <= 5
    assert f'<td id="total-present">{4 * len(expected)}</td>' in page
    assert f"Bekræft {len(expected)} uger" in page
    assert sorted(int(i) for i in re.findall(r'name="week" value="(\d+)"', page)) == sorted(w.pk for w in expected)
    assert not WeeklyHours.objects.filter(confirmed_by_employer=True).exists()


def test_one_post_confirms_exactly_the_citizens_weeks_of_the_month_and_logs_each(client, employer_user, ledger):
    mine = ledger["mine"]
    url = reverse("web:employer_confirm_month_citizen", args=[MONTH_KEY, mine.course.citizen_id])
    log_in(client, employer_user)
    ids = re.findall(r'name="week" value="(\d+)"', client.get(url).content.decode())
    response = client.post(url, {"week": ids})
    assert response.status_code == 302
    confirmed = set(WeeklyHours.objects.filter(confirmed_by_employer=True).values_list("pk", flat=True))
    assert confirmed == {w.pk for w in weeks_in(mine, MONTH)}
    logged = AuditEntry.objects.filter(actor=employer_user, action="update", detail__startswith="bekræftet uge")
    assert logged.count() == len(confirmed)
    assert not ledger["also_mine"].weeks.filter(confirmed_by_employer=True).exists()
    assert not ledger["theirs"].weeks.filter(confirmed_by_employer=True).exists()


def test_the_whole_month_for_all_the_employers_citizens_leaves_the_other_companys_weeks_untouched(
    client, employer_user, ledger
):
    url = reverse("web:employer_confirm_month", args=[MONTH_KEY])
    log_in(client, employer_user)
    page = client.get(url).content.decode()
    n = len(weeks_in(ledger["mine"], MONTH))
    assert f'<td id="total-present">{4 * n + 3 * n}</td>' in page
    ids = re.findall(r'name="week" value="(\d+)"', page)
    client.post(url, {"week": ids})
    confirmed = set(WeeklyHours.objects.filter(confirmed_by_employer=True).values_list("pk", flat=True))
    assert confirmed == {w.pk for w in weeks_in(ledger["mine"], MONTH) + weeks_in(ledger["also_mine"], MONTH)}
    assert not ledger["theirs"].weeks.filter(confirmed_by_employer=True).exists()


def test_another_companys_week_in_the_post_refuses_all_in_danish_and_confirms_nothing(client, employer_user, ledger):
    url = reverse("web:employer_confirm_month", args=[MONTH_KEY])
    log_in(client, employer_user)
    ids = re.findall(r'name="week" value="(\d+)"', client.get(url).content.decode())
    foreign = weeks_in(ledger["theirs"], MONTH)[0].pk
    response = client.post(url, {"week": [*ids, str(foreign)]})
    assert response.status_code == 400
    assert "Intet er bekræftet" in response.content.decode()
    assert not WeeklyHours.objects.filter(confirmed_by_employer=True).exists()


def test_a_week_of_another_month_in_the_post_refuses_all(client, employer_user, ledger):
    url = reverse("web:employer_confirm_month", args=[MONTH_KEY])
    other_month = next(w for w in ledger["mine"].weeks.all() if month_of(w.week_start) != MONTH)
    response = log_in(client, employer_user).post(url, {"week": [str(other_month.pk)]})
    assert response.status_code == 400
    assert not WeeklyHours.objects.filter(confirmed_by_employer=True).exists()


@pytest.mark.parametrize(
    ("args", "post", "message"),
    [
        ("2026-13", None, "Måneden findes ikke"),
        ("1999-05", None, "Måneden findes ikke"),
        ("november", None, "Måneden findes ikke"),
        ("2026-1", None, "Måneden findes ikke"),
        (MONTH_KEY, {"week": ["abc"]}, "Ugerne kunne ikke læses"),
        (MONTH_KEY, {}, "Der er ingen uger at bekræfte"),
    ],
)
def test_bad_input_gets_a_danish_error_and_nothing_is_confirmed(client, employer_user, ledger, args, post, message):
    url = reverse("web:employer_confirm_month", args=[args])
    log_in(client, employer_user)
    response = client.get(url) if post is None else client.post(url, post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not WeeklyHours.objects.filter(confirmed_by_employer=True).exists()


def test_a_citizen_not_placed_with_the_employer_answers_as_a_missing_one(client, employer_user, ledger):
    log_in(client, employer_user)
    theirs = ledger["theirs"].course.citizen_id
    refused = client.get(reverse("web:employer_confirm_month_citizen", args=[MONTH_KEY, theirs]))
    missing = client.get(reverse("web:employer_confirm_month_citizen", args=[MONTH_KEY, 987654321]))
    assert refused.status_code == missing.status_code == 404
    assert "Ib Lund" not in refused.content.decode()


def test_staff_cannot_use_the_employers_confirm_page(client, consultant, ledger):
    response = log_in(client, consultant).get(reverse("web:employer_confirm_month", args=[MONTH_KEY]))
    assert response.status_code == 404


def test_the_employers_home_page_links_to_each_month_to_confirm(client, employer_user, ledger):
    page = log_in(client, employer_user).get("/").content.decode()
    assert reverse("web:employer_confirm_month", args=[MONTH_KEY]) in page
    assert reverse("web:employer_confirm_month_citizen", args=[MONTH_KEY, ledger["mine"].course.citizen_id]) in page


# --------------------------------------------------------------------------- handled alerts


@pytest.fixture
def two_overdue(consultant, course, second_citizen, company, opening):
    """Two citizens whose follow-ups are overdue (their placements began three weeks ago)."""
    from smaajob.courses.services import register_placement

    start = TODAY - timedelta(days=TODAY.weekday(), weeks=3)
    for c in (course, second_citizen):
        register_placement(
            actor=consultant,
            course=c,
            company=company,
            opening=opening,
            kind="placement",
            planned_start=start,
            planned_end=start + timedelta(weeks=8),
            step_up="4",
        )
    return course, second_citizen


def _keys(page: str, code: str) -> list[str]:
    return re.findall(rf'name="key" value="({code}:[^"]+)"', page)


def test_a_consultant_marks_several_alerts_handled_with_one_reason_and_they_leave_the_worklist(
    client, consultant, two_overdue
):
    log_in(client, consultant)
    keys = _keys(client.get(reverse("web:worklist")).content.decode(), "follow_up_overdue")
    assert len(keys) == 2
    response = client.post(reverse("web:worklist_mark_handled"), {"key": keys, "reason": "Talt med begge i telefonen"})
    assert response.status_code == 302
    page = client.get(reverse("web:worklist")).content.decode()
    assert not _keys(page, "follow_up_overdue") and "2 advarsler er markeret som håndteret" in page
    marks = list(HandledAlert.objects.order_by("citizen_id"))
    assert sorted(m.key for m in marks) == sorted(keys)
    assert {(m.handled_by_id, m.reason) for m in marks} == {(consultant.pk, "Talt med begge i telefonen")}
    assert all(m.handled_at is not None for m in marks)
    assert AuditEntry.objects.filter(actor=consultant, object_type="alert").count() == 2


def test_a_handled_alert_comes_back_when_its_condition_changes(client, consultant, two_overdue):
    from smaajob.courses.services import record_follow_up

    course, _ = two_overdue
    log_in(client, consultant)
    keys = _keys(client.get(reverse("web:worklist")).content.decode(), "follow_up_overdue")
    client.post(reverse("web:worklist_mark_handled"), {"key": keys, "reason": "Klaret"})
    # A new follow-up sets a new due date (today): a new condition, so a new alert.
    record_follow_up(
        actor=consultant, course=course, happened_on=TODAY, channel="phone", attendance="as_agreed", next_on=TODAY
    )
    [back] = _keys(client.get(reverse("web:worklist")).content.decode(), "follow_up_overdue")
    assert back == f"follow_up_overdue:course:{course.pk}:{TODAY.isoformat()}" and back not in keys


@pytest.mark.parametrize(
    ("reason", "extra_key", "message"),
    [
        ("", None, "Skriv en begrundelse."),
        ("   ", None, "Skriv en begrundelse."),
        ("Klaret", "follow_up_overdue:course:999999:2020-01-01", "findes ikke længere på din arbejdsliste"),
        ("x" * 2001, None, "højst være 2000 tegn"),
    ],
)
def test_marking_without_a_reason_or_with_a_foreign_alert_is_refused_in_danish_and_nothing_is_stored(
    client, consultant, two_overdue, reason, extra_key, message
):
    log_in(client, consultant)
    keys = _keys(client.get(reverse("web:worklist")).content.decode(), "follow_up_overdue")
    response = client.post(
        reverse("web:worklist_mark_handled"), {"key": keys + ([extra_key] if extra_key else []), "reason": reason}
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert not HandledAlert.objects.exists()


def test_marking_nothing_is_refused_in_danish(client, consultant, two_overdue):
    response = log_in(client, consultant).post(reverse("web:worklist_mark_handled"), {"reason": "Klaret"})
    assert response.status_code == 400 and "Vælg mindst én advarsel." in response.content.decode()


def test_another_consultants_alert_cannot_be_marked(client, make_user, consultant, two_overdue):
    log_in(client, consultant)
    keys = _keys(client.get(reverse("web:worklist")).content.decode(), "follow_up_overdue")
    client.logout()
    stranger = make_user("consultant", username="fremmed")
    response = log_in(client, stranger).post(reverse("web:worklist_mark_handled"), {"key": keys, "reason": "Klaret"})
    assert response.status_code == 400
    assert not HandledAlert.objects.exists()


def test_an_employer_cannot_mark_alerts(client, employer_user, two_overdue):
    response = log_in(client, employer_user).post(
        reverse("web:worklist_mark_handled"), {"key": ["x"], "reason": "Klaret"}
    )
    assert response.status_code == 404
    assert not HandledAlert.objects.exists()


def test_opening_the_mark_handled_address_leads_back_to_the_worklist(client, consultant):
    response = log_in(client, consultant).get(reverse("web:worklist_mark_handled"))
    assert response.status_code == 302 and response["Location"] == reverse("web:worklist")
