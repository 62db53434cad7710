# SPDX-License-Identifier: MPL-2.0
"""Network events through the services: series, registration, attendance, buddy training,
call days — and bad input refused with a clear message and nothing saved."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from smaajob.errors import InvalidInput, InvalidPeriod
from smaajob.events import services
from smaajob.events.models import Event, EventSeries, Registration
from smaajob.network.models import OutreachEntry
from smaajob.network.services import add_buddy
from tests.events.conftest import at


def test_an_event_ending_before_it_starts_is_refused_and_not_saved(municipality, consultant):
    with pytest.raises(InvalidPeriod) as error:
        services.create_event(
            actor=consultant,
            municipality=municipality,
            kind="cluster",
            title="Klyngemøde",
            starts_at=at("2026-03-10", 12),
            ends_at=at("2026-03-10", 9),
        )
    assert error.value.field == "ends_at"
    assert "efter starttidspunktet" in error.value.message
    assert not Event.objects.exists()


def test_an_erfa_series_every_seven_weeks_makes_that_many_dated_meetings(municipality, consultant):
    series = services.create_series(
        actor=consultant,
        municipality=municipality,
        title="ERFA for buddies",
        first_starts_at=at("2026-01-13", 15),
        duration=timedelta(hours=1),
        count=6,
        interval_weeks=7,
    )
    days = [e.starts_at.date() for e in series.events.order_by("starts_at")]
    assert len(days) == 6
    assert {(b - a).days for a, b in zip(days, days[1:], strict=False)} == {49}


def test_an_erfa_series_every_ten_weeks_is_refused_as_the_seed_says_six_to_eight(municipality, consultant):
    with pytest.raises(InvalidInput, match="6.–8. uge"):
        services.create_series(
            actor=consultant,
            municipality=municipality,
            title="ERFA",
            first_starts_at=at("2026-01-13", 15),
            duration=timedelta(hours=1),
            count=3,
            interval_weeks=10,
        )
    assert not EventSeries.objects.exists() and not Event.objects.exists()


def test_a_full_event_refuses_one_more_registration_and_keeps_the_count(cluster_meeting, company, contacts):
    cluster_meeting.capacity = 2
    cluster_meeting.save()
    services.register(event=cluster_meeting, company=company, contact=contacts[0])
    services.register(event=cluster_meeting, company=company, contact=contacts[1])
    with pytest.raises(InvalidInput) as error:
        services.register(event=cluster_meeting, company=company, contact=contacts[2])
    assert error.value.code == "event_full"
    assert "2 pladser" in error.value.message
    assert cluster_meeting.registrations.count() == 2


def test_attendance_for_someone_not_registered_refuses_the_whole_list(cluster_meeting, company, contacts):
    registered = services.register(event=cluster_meeting, company=company, contact=contacts[0])
    other = services.register(event=cluster_meeting, company=company, contact=contacts[1])
    services.record_attendance(event=cluster_meeting, attended_ids=[other.pk])
    with pytest.raises(InvalidInput) as error:
        services.record_attendance(event=cluster_meeting, attended_ids=[registered.pk, 999999])
    assert error.value.code == "not_registered"
    assert "999999" in error.value.message
    # Nothing changed: the earlier attendance stands.
    assert set(Registration.objects.filter(attended=True).values_list("pk", flat=True)) == {other.pk}


def test_forty_participants_are_ticked_off_in_one_go(cluster_meeting, company):
    from smaajob.network.services import add_contact

    rows = [
        services.register(event=cluster_meeting, company=company, contact=add_contact(company=company, name=f"P{n}"))
        for n in range(40)
    ]
    assert services.record_attendance(event=cluster_meeting, attended_ids=[r.pk for r in rows[:34]]) == 34
    assert cluster_meeting.registrations.filter(attended=True).count() == 34


def test_attending_a_buddy_training_records_the_buddy_as_trained_on_that_day(municipality, consultant, company):
    buddy = add_buddy(company=company, name="Bo Buddy")
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    training = services.create_event(
        actor=consultant,
        municipality=municipality,
        kind="buddy_training",
        title="Buddytræning",
        starts_at=start,
        ends_at=start + timedelta(hours=4),
        capacity=20,
    )
    registration = services.register(event=training, company=company, buddy=buddy)
    services.record_attendance(event=training, attended_ids=[registration.pk])
    buddy.refresh_from_db()
    assert buddy.trained_on == start.date()


def test_a_company_of_another_municipality_cannot_be_registered(cluster_meeting, other_municipality, consultant):
    from smaajob.network.services import create_company

    stranger = create_company(actor=consultant, municipality=other_municipality, cvr="10150817", name="Fremmed ApS")
    with pytest.raises(InvalidInput, match="kommune"):
        services.register(event=cluster_meeting, company=stranger, name="Gæst")
    assert not Registration.objects.exists()


def test_a_call_on_a_call_day_lands_in_the_company_outreach_log(municipality, consultant, company):
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    call_day = services.create_event(
        actor=consultant,
        municipality=municipality,
        kind="call_day",
        title="Ringedag: detailhandel",
        starts_at=start,
        ends_at=start + timedelta(hours=6),
    )
    services.log_call(actor=consultant, event=call_day, company=company, note="Interesseret i småjob")
    entry = OutreachEntry.objects.get(company=company)
    assert (entry.kind, entry.note, entry.happened_on) == ("call_day", "Interesseret i småjob", start.date())
    assert entry.campaign_call.event == call_day
