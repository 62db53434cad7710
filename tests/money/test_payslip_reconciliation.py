# SPDX-License-Identifier: MPL-2.0
"""Payslips reconcile with the weekly ledger, never overwrite it (issue 18, item 2), and a
second person approves what someone calculated (issue 23, item 11).

The payslip in these tests: 1–31 May 2022, 26 hours, 3,380 kr., for a paid småjob that an
employer already reported 6 paid hours for in the week of 2 May (7 hours present).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from unittest import mock

import pytest
from django.urls import reverse

from smaajob.cases import hours_requirement_case
from smaajob.courses.models import WeeklyHours
from smaajob.errors import FourEyesRequired, IllegalTransition, InvalidHours, InvalidInput, NotFound
from smaajob.money import selectors, services
from smaajob.money.models import PayslipWeek
from tests.money.conftest import TODAY

MAY = 2022 * 12 + 4  # month index of May 2022
# The proposal on the page: 26 hours over May's working days (Ascension Day 26 May is a holiday).
PROPOSED = {
    date(2022, 4, 25): "0",
    date(2022, 5, 2): "6,5",
    date(2022, 5, 9): "5,2",
    date(2022, 5, 16): "6,5",
    date(2022, 5, 23): "5,2",
    date(2022, 5, 30): "2,6",
}


@pytest.fixture
def reported_week(employer_user, paid_placement):
    from smaajob.courses.services import record_week

    return record_week(
        actor=employer_user,
        placement=paid_placement,
        week=date(2022, 5, 2),
        hours_present=7,
        hours_paid=6,
        source="employer",
        today=TODAY,
    )


@pytest.fixture
def approved(submit, benefit_officer, second_officer, on_kontanthjaelp, reported_week):
    payslip = submit()
    services.calculate(actor=benefit_officer, payslip=payslip)
    return services.approve(actor=second_officer, payslip=payslip)


def _ledger(placement) -> list[tuple[date, Decimal, Decimal, str]]:
    return list(
        WeeklyHours.objects.filter(placement=placement)
        .order_by("week_start")
        .values_list("week_start", "hours_present", "hours_paid", "source")
    )


# ------------------------------------------------------------------------------ approval


def test_approval_records_who_and_when_and_changes_no_week(
    submit, benefit_officer, second_officer, on_kontanthjaelp, reported_week, paid_placement
):
    before = _ledger(paid_placement)
    payslip = submit()
    calculation = services.calculate(actor=benefit_officer, payslip=payslip)
    services.approve(actor=second_officer, payslip=payslip)
    payslip.refresh_from_db()
    assert _ledger(paid_placement) == before == [(date(2022, 5, 2), Decimal(7), Decimal(6), "employer")]
    assert calculation.calculated_by == benefit_officer and calculation.calculated_at is not None
    assert payslip.approved_by == second_officer and payslip.approved_at is not None
    assert [t.actor for t in payslip.transitions.all()] == [payslip.submitted_by, benefit_officer, second_officer]


def test_the_difference_to_the_weeks_is_open_until_a_person_resolves_it(approved):
    difference = selectors.difference_for(approved)
    assert difference.recorded_hours == Decimal(6) and difference.difference == Decimal(20)
    assert difference.open
    assert [w.week_start for w in difference.weeks] == list(PROPOSED)
    assert {w.week_start: w.proposed for w in difference.weeks} == {
        d: Decimal(h.replace(",", ".")) for d, h in PROPOSED.items()
    }


def test_the_person_who_calculated_cannot_approve_alone(submit, benefit_officer, on_kontanthjaelp):
    payslip = submit()
    services.calculate(actor=benefit_officer, payslip=payslip)
    with pytest.raises(FourEyesRequired) as caught:
        services.approve(actor=benefit_officer, payslip=payslip)
    assert caught.value.code == "four_eyes_required" and "en anden" in caught.value.message
    payslip.refresh_from_db()
    assert payslip.status == "calculated" and payslip.approved_by is None


def test_an_administrator_cannot_approve_a_manual_amount_they_calculated_through_the_page(
    client, submit, make_user, benefit_officer, on_kontanthjaelp
):
    admin = make_user("administrator", username="admin", first_name="Anna", last_name="Admin")
    payslip = submit()
    client.force_login(admin)
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        client.post(
            reverse("money:payslip_action", args=[payslip.pk, "beregn"]),
            {"manual_amount": "9000", "manual_reason": "Beregnet i KMD"},
        )
        refused = client.post(reverse("money:payslip_action", args=[payslip.pk, "godkend"]))
        assert refused.status_code == 409 and "fire øjne" in refused.content.decode()
        payslip.refresh_from_db()
        assert payslip.status == "calculated" and payslip.calculation.manual
        client.force_login(benefit_officer)
        assert client.post(reverse("money:payslip_action", args=[payslip.pk, "godkend"])).status_code == 302
    payslip.refresh_from_db()
    assert payslip.status == "approved" and payslip.approved_by == benefit_officer


def test_with_four_eyes_turned_off_one_person_may_calculate_and_approve(
    settings, submit, benefit_officer, on_kontanthjaelp
):
    settings.FOUR_EYES_APPROVAL = False
    payslip = submit()
    services.calculate(actor=benefit_officer, payslip=payslip)
    assert services.approve(actor=benefit_officer, payslip=payslip).status == "approved"


def test_four_eyes_is_on_in_the_shipped_settings():
    from smaajob import settings as shipped

    assert shipped.FOUR_EYES_APPROVAL is True


# ------------------------------------------------------------------------------ resolving


def test_transferring_a_chosen_distribution_sets_the_paid_hours_and_never_the_hours_present(
    approved, consultant, paid_placement
):
    chosen = {**PROPOSED, date(2022, 5, 2): "6", date(2022, 5, 9): "5,7"}
    services.transfer_to_weeks(actor=consultant, payslip=approved, hours_by_week=chosen, today=TODAY)
    ledger = {w: (present, paid) for w, present, paid, _source in _ledger(paid_placement)}
    assert ledger == {
        date(2022, 5, 2): (Decimal(7), Decimal(6)),  # hours present as the employer reported them
        date(2022, 5, 9): (Decimal("5.7"), Decimal("5.7")),
        date(2022, 5, 16): (Decimal("6.5"), Decimal("6.5")),
        date(2022, 5, 23): (Decimal("5.2"), Decimal("5.2")),
        date(2022, 5, 30): (Decimal("2.6"), Decimal("2.6")),
    }
    assert all(week >= date(2022, 4, 25) for week in ledger)  # nothing outside the period's weeks
    approved.refresh_from_db()
    assert approved.reconciliation == "transferred" and approved.reconciled_by == consultant
    assert not selectors.difference_for(approved).open
    assert sum(PayslipWeek.objects.filter(payslip=approved).values_list("hours", flat=True)) == Decimal(26)


TOO_MANY_IN_WEEK_18 = {**PROPOSED, date(2022, 5, 2): "7,5", date(2022, 5, 9): "4,2"}


def test_a_transfer_beyond_a_weeks_hours_present_is_refused_and_nothing_changes(
    approved, consultant, paid_placement
):
    before = _ledger(paid_placement)
    with pytest.raises(InvalidHours) as caught:
        services.transfer_to_weeks(
            actor=consultant, payslip=approved, hours_by_week=TOO_MANY_IN_WEEK_18, today=TODAY
        )
    assert "Uge 18" in caught.value.message and "til stede" in caught.value.message
    assert caught.value.field == "uge-2022-05-02"
    assert _ledger(paid_placement) == before


def test_a_distribution_that_does_not_add_up_to_the_payslip_is_refused(approved, benefit_officer):
    with pytest.raises(InvalidHours, match="Fordelingen giver 20 timer"):
        services.transfer_to_weeks(
            actor=benefit_officer, payslip=approved, hours_by_week={date(2022, 5, 9): "20"}, today=TODAY
        )
    with pytest.raises(Exception, match="uden for lønsedlens periode"):
        services.transfer_to_weeks(
            actor=benefit_officer, payslip=approved, hours_by_week={date(2022, 6, 6): "26"}, today=TODAY
        )


def test_keeping_the_weeks_needs_a_reason_and_holds_until_the_weeks_change(
    approved, benefit_officer, employer_user, paid_placement
):
    from smaajob.courses.services import record_week

    with pytest.raises(InvalidInput):
        services.keep_weeks(actor=benefit_officer, payslip=approved, reason=" ")
    services.keep_weeks(actor=benefit_officer, payslip=approved, reason="Lønsedlen indeholder feriepenge")
    approved.refresh_from_db()
    assert not selectors.difference_for(approved).open and approved.reconciliation_note.startswith("Lønsedlen")
    record_week(
        actor=employer_user, placement=paid_placement, week=date(2022, 5, 9), hours_present=5, hours_paid=5,
        source="employer", today=TODAY,
    )
    assert selectors.difference_for(approved).open


def test_only_the_benefit_office_and_consultants_resolve_and_only_approved_payslips(
    submit, approved, caseworker, consultant, citizen_user
):
    for who in (caseworker, citizen_user):
        with pytest.raises(NotFound):
            services.keep_weeks(actor=who, payslip=approved, reason="x")
    with pytest.raises(IllegalTransition):
        services.keep_weeks(actor=consultant, payslip=submit(period_start=date(2022, 4, 1),
                                                              period_end=date(2022, 4, 30)), reason="x")


def test_a_consultant_of_another_citizen_cannot_resolve(approved, make_user):
    stranger = make_user("consultant", username="fremmed")
    with pytest.raises(NotFound):
        services.keep_weeks(actor=stranger, payslip=approved, reason="x")


# ------------------------------------------------------------------------------ shown to people


def test_the_payslip_page_shows_the_difference_and_who_acted_to_the_benefit_office(
    client, approved, benefit_officer
):
    client.force_login(benefit_officer)
    page = client.get(reverse("money:payslip", args=[approved.pk])).content.decode()
    assert "Forskel:" in page and "ugerne har 6" in page and "forskel 20 timer" in page
    assert "Overfør lønsedlens timer til ugerne" in page
    assert "Beregnet af Yrsa Ydelse" in page and "Godkendt af Yvonne Ydelse" in page


def test_the_citizen_sees_the_steps_but_not_the_staff_names_or_the_ledger(client, approved, citizen_user):
    client.force_login(citizen_user)
    page = client.get(reverse("money:payslip", args=[approved.pk])).content.decode()
    assert "Godkendt" in page and "Yvonne" not in page and "Forskel:" not in page


def test_the_consultant_sees_the_difference_on_the_weekly_hours_screen_and_transfers_from_the_page(
    client, approved, consultant, paid_placement
):
    client.force_login(consultant)
    screen = client.get(reverse("web:weekly_hours")).content.decode()
    assert "Lønsedler, der ikke stemmer med ugerne" in screen and "ugerne 6" in screen
    data = {f"uge-{d.isoformat()}": h for d, h in {**PROPOSED, date(2022, 5, 2): "6", date(2022, 5, 9): "5,7"}.items()}
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        response = client.post(reverse("money:payslip_action", args=[approved.pk, "overfoer"]), data)
    assert response.status_code == 302
    assert WeeklyHours.objects.filter(placement=paid_placement).count() == 5
    assert "Lønsedler, der ikke stemmer" not in client.get(reverse("web:weekly_hours")).content.decode()


def test_a_refused_transfer_is_shown_on_the_page_and_changes_nothing(client, approved, consultant, paid_placement):
    client.force_login(consultant)
    before = _ledger(paid_placement)
    data = {f"uge-{d.isoformat()}": h for d, h in TOO_MANY_IN_WEEK_18.items()}
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        response = client.post(reverse("money:payslip_action", args=[approved.pk, "overfoer"]), data)
    assert response.status_code == 400 and "Uge 18" in response.content.decode()
    assert _ledger(paid_placement) == before


# ------------------------------------------------------------------------------ the 225 hours


def test_the_ledger_counts_for_a_month_it_holds_paid_hours_for_and_the_payslip_adds_nothing(approved, citizen):
    # Until a person resolves the difference, the recorded weeks are the count; never both.
    assert hours_requirement_case(citizen, date(2022, 6, 30)).record(MAY).ordinary_hours == pytest.approx(6.0)


def test_after_a_transfer_the_payslips_hours_count_once_from_the_weeks(approved, citizen, consultant):
    chosen = {**PROPOSED, date(2022, 5, 2): "6", date(2022, 5, 9): "5,7"}
    services.transfer_to_weeks(actor=consultant, payslip=approved, hours_by_week=chosen, today=TODAY)
    case = hours_requirement_case(citizen, date(2022, 6, 30))
    # The week of 30 May – 5 June is split over the two months by working days, as every ledger
    # week is; May and June together hold the payslip's 26 hours, not 26 + the employer's 6.
    may, june = case.record(MAY).ordinary_hours, case.record(MAY + 1).ordinary_hours
    assert may + june == pytest.approx(26.0) and may == pytest.approx(26.0 - 2.6 * 3 / 5)


def test_a_payslip_only_month_counts_the_payslips_paid_hours(
    submit, benefit_officer, second_officer, on_kontanthjaelp, citizen
):
    payslip = submit()  # no week of May recorded
    services.calculate(actor=benefit_officer, payslip=payslip)
    services.approve(actor=second_officer, payslip=payslip)
    assert hours_requirement_case(citizen, date(2022, 6, 30)).record(MAY).ordinary_hours == pytest.approx(26.0)


def test_a_payslip_from_a_job_outside_smaajob_always_counts(
    submit, benefit_officer, second_officer, on_kontanthjaelp, citizen, reported_week
):
    payslip = submit(placement=None, employer_name="Bageriet", hours="10", gross_wage="1300")
    services.calculate(actor=benefit_officer, payslip=payslip)
    services.approve(actor=second_officer, payslip=payslip)
    assert hours_requirement_case(citizen, date(2022, 6, 30)).record(MAY).ordinary_hours == pytest.approx(16.0)
