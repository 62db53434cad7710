# SPDX-License-Identifier: MPL-2.0
"""Placements with stepped hours and the weekly hours ledger (DOMAIN.md §4–§7.1)."""

from datetime import date
from decimal import Decimal

import pytest

from smaajob.courses.models import Placement, WeeklyHours
from smaajob.courses.selectors import planned_hours_on
from smaajob.courses.services import convert_placement, create_placement, record_week
from smaajob.errors import InvalidHours, InvalidInput, InvalidPeriod, OverlappingActivity
from smaajob.network.services import create_company

TODAY = date(2024, 12, 31)
MORNINGS = [{"weekday": 0, "start": "08:00", "end": "10:00"}, {"weekday": 3, "start": "08:00", "end": "10:00"}]


@pytest.fixture
def placement(course, company, consultant):
    # 001 Figure 1: hours step up during the placement, 2 → 6 → 12 h/week.
    return create_placement(
        actor=consultant,
        course=course,
        company=company,
        kind="hybrid",
        planned_start=date(2024, 2, 5),
        planned_end=date(2024, 5, 3),
        slots=MORNINGS,
        steps=[(date(2024, 2, 5), 2), (date(2024, 3, 4), 6), (date(2024, 4, 1), 12)],
    )


def test_a_placement_keeps_its_planned_step_up_of_hours(placement):
    assert planned_hours_on(placement, date(2024, 2, 10)) == Decimal(2)
    assert planned_hours_on(placement, date(2024, 3, 10)) == Decimal(6)
    assert planned_hours_on(placement, date(2024, 4, 30)) == Decimal(12)
    assert planned_hours_on(placement, date(2024, 2, 1)) is None


def test_a_placement_ending_before_it_starts_is_refused_and_nothing_is_saved(course, company, consultant):
    with pytest.raises(InvalidPeriod, match="før startdatoen"):
        create_placement(
            actor=consultant,
            course=course,
            company=company,
            kind="placement",
            planned_start=date(2024, 3, 1),
            planned_end=date(2024, 2, 1),
        )
    assert Placement.objects.count() == 0


def test_a_step_outside_the_placement_period_is_refused(course, company, consultant):
    with pytest.raises(InvalidPeriod, match="uden for placeringens periode"):
        create_placement(
            actor=consultant,
            course=course,
            company=company,
            kind="placement",
            planned_start=date(2024, 3, 1),
            planned_end=date(2024, 4, 1),
            steps=[(date(2024, 5, 1), 4)],
        )
    assert Placement.objects.count() == 0


def test_paid_hours_differ_from_effective_hours(placement, consultant):
    # 001 L451: Omar was paid for 6 hours but effective for 4.
    row = record_week(
        actor=consultant,
        placement=placement,
        week=date(2024, 3, 13),
        hours_present=8,
        hours_paid=6,
        hours_effective=4,
        hours_training=2,
        today=TODAY,
    )
    assert row.week_start == date(2024, 3, 11)
    assert (row.hours_paid, row.hours_effective) == (Decimal(6), Decimal(4))


def test_two_hundred_hours_in_a_week_are_refused(placement, consultant):
    with pytest.raises(InvalidHours, match="168"):
        record_week(actor=consultant, placement=placement, week=date(2024, 3, 11), hours_present=200, today=TODAY)
    assert WeeklyHours.objects.count() == 0


def test_negative_hours_are_refused(placement, consultant):
    with pytest.raises(InvalidHours, match="negative"):
        record_week(actor=consultant, placement=placement, week=date(2024, 3, 11), hours_present=-1, today=TODAY)


def test_the_same_hours_cannot_be_both_paid_and_training(placement, consultant):
    with pytest.raises(InvalidHours, match="både være løn og oplæring"):
        record_week(
            actor=consultant,
            placement=placement,
            week=date(2024, 3, 11),
            hours_present=10,
            hours_paid=8,
            hours_training=4,
            today=TODAY,
        )


def test_paid_hours_cannot_exceed_hours_present(placement, consultant):
    with pytest.raises(InvalidHours, match="overstige"):
        record_week(
            actor=consultant, placement=placement, week=date(2024, 3, 11), hours_present=5, hours_paid=6, today=TODAY
        )


def test_hours_for_a_week_that_has_not_begun_are_refused(placement, consultant):
    with pytest.raises(InvalidPeriod, match="ikke begyndt"):
        record_week(
            actor=consultant, placement=placement, week=date(2024, 3, 11), hours_present=5, today=date(2024, 3, 1)
        )


def test_unpaid_praktik_cannot_carry_paid_hours(course, company, consultant):
    praktik = create_placement(
        actor=consultant, course=course, company=company, kind="placement", planned_start=date(2024, 2, 5)
    )
    with pytest.raises(InvalidHours, match="ulønnet"):
        record_week(
            actor=consultant, placement=praktik, week=date(2024, 2, 5), hours_present=5, hours_paid=2, today=TODAY
        )


def test_recording_a_week_again_corrects_it_instead_of_adding_a_second_row(placement, consultant):
    record_week(actor=consultant, placement=placement, week=date(2024, 3, 11), hours_present=4, today=TODAY)
    record_week(actor=consultant, placement=placement, week=date(2024, 3, 12), hours_present=5, today=TODAY)
    assert list(WeeklyHours.objects.values_list("hours_present", flat=True)) == [Decimal(5)]


def test_two_activities_at_the_same_hours_are_refused(placement, course, consultant, municipality):
    other = create_company(actor=consultant, municipality=municipality, cvr="10150817", name="Bageriet")
    clashing = [{"weekday": 3, "start": "09:00", "end": "11:00"}]
    with pytest.raises(OverlappingActivity, match="torsdag 09:00–11:00 overlapper 08:00–10:00"):
        create_placement(
            actor=consultant, course=course, company=other, kind="paid", planned_start=date(2024, 3, 1), slots=clashing
        )


def test_a_second_small_job_at_other_hours_is_allowed(placement, course, consultant, municipality):
    # 003 §4.3.2.3: Igor held two small jobs at once.
    other = create_company(actor=consultant, municipality=municipality, cvr="10150817", name="IT-hjælpen")
    second = create_placement(
        actor=consultant,
        course=course,
        company=other,
        kind="paid",
        planned_start=date(2024, 3, 1),
        slots=[{"weekday": 1, "start": "13:00", "end": "16:00"}],
    )
    assert second.pk


def test_a_placement_clashing_with_language_school_is_refused(course, company, consultant, citizen):
    from smaajob.citizens.services import add_commitment

    add_commitment(
        actor=consultant,
        citizen=citizen,
        description="Sprogskole",
        slots=[{"weekday": 0, "start": "09:00", "end": "12:00"}],
        starts_on=date(2024, 1, 1),
    )
    with pytest.raises(OverlappingActivity, match="Sprogskole"):
        create_placement(
            actor=consultant,
            course=course,
            company=company,
            kind="placement",
            planned_start=date(2024, 2, 5),
            slots=MORNINGS,
        )


def test_more_than_168_hours_across_two_placements_in_one_week_is_refused(placement, course, consultant, municipality):
    other = create_company(actor=consultant, municipality=municipality, cvr="10150817", name="Lageret")
    second = create_placement(
        actor=consultant, course=course, company=other, kind="paid", planned_start=date(2024, 3, 1)
    )
    record_week(actor=consultant, placement=placement, week=date(2024, 3, 11), hours_present=100, today=TODAY)
    with pytest.raises(OverlappingActivity, match="over 168"):
        record_week(actor=consultant, placement=second, week=date(2024, 3, 11), hours_present=80, today=TODAY)


def test_converting_praktik_to_paid_hours_ends_one_placement_and_starts_the_next(course, company, consultant):
    praktik = create_placement(
        actor=consultant,
        course=course,
        company=company,
        kind="placement",
        planned_start=date(2024, 2, 5),
        slots=MORNINGS,
    )
    paid = convert_placement(
        actor=consultant, placement=praktik, to_kind="paid", on=date(2024, 3, 4), steps=[(date(2024, 3, 4), 8)]
    )
    praktik.refresh_from_db()
    assert praktik.actual_end == date(2024, 3, 3)
    assert paid.previous == praktik and paid.kind == "paid" and paid.actual_start == date(2024, 3, 4)


def test_an_opening_with_fewer_max_than_min_hours_is_refused(company, consultant):
    from smaajob.network.services import create_opening

    with pytest.raises(InvalidInput, match="mindre end laveste"):
        create_opening(actor=consultant, company=company, title="Opfyldning", kind="paid", hours_min=10, hours_max=5)


def test_a_slot_that_ends_before_it_starts_is_refused(company, consultant):
    from smaajob.network.services import create_opening

    with pytest.raises(InvalidInput, match="efter starttidspunktet"):
        create_opening(
            actor=consultant,
            company=company,
            title="Opvask",
            kind="paid",
            hours_min=2,
            hours_max=4,
            slots=[{"weekday": 2, "start": "14:00", "end": "12:00"}],
        )
