# SPDX-License-Identifier: MPL-2.0
"""The small demo's year of network events follows seed 003 (VTA): 7 cluster meetings with
30-40 participants, ERFA meetings every 6-8 weeks, buddy trainings that record buddies as trained,
a call day in the outreach log, and coming events in the calendar."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from smaajob.events import selectors
from smaajob.events.models import Event
from smaajob.network.models import OutreachEntry
from tests.demo.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_seven_cluster_meetings_were_held_each_with_thirty_to_forty_registered(small_demo):
    held = selectors.with_counts(Event.objects.filter(kind="cluster", starts_at__date__lte=TODAY))
    assert held.count() == 7
    assert all(30 <= e.registered <= 40 and 0 < e.attended_count <= e.registered for e in held)


def test_the_erfa_meetings_are_a_series_every_six_to_eight_weeks(small_demo):
    days = [timezone.localtime(e.starts_at).date() for e in Event.objects.filter(kind="erfa").order_by("starts_at")]
    gaps = {(b - a).days for a, b in zip(days, days[1:], strict=False)}
    assert len(days) >= 7 and gaps <= {42, 49, 56}


def test_buddies_who_attended_a_training_are_trained_on_its_day(small_demo):
    training = Event.objects.filter(kind="buddy_training").first()
    assert training is not None
    day = timezone.localtime(training.starts_at).date()
    attended = training.registrations.filter(attended=True).select_related("buddy")
    assert attended.exists()
    assert all(r.buddy is not None and r.buddy.trained_on is not None and r.buddy.trained_on <= day for r in attended)


def test_the_call_day_calls_are_in_the_outreach_log_and_events_are_coming(small_demo):
    call_day = Event.objects.get(kind="call_day")
    assert (
        OutreachEntry.objects.filter(campaign_call__event=call_day, kind="call_day").count()
        == call_day.calls.count()
        > 0
    )
    coming = selectors.coming(Event.objects.all(), today=TODAY)
    assert coming.filter(starts_at__date__lte=TODAY + timedelta(days=60)).exists()
