# SPDX-License-Identifier: MPL-2.0
"""Ordering an offer for a citizen, moving the order on, and what a completed order gives."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from smaajob.errors import IllegalTransition, InvalidHours, InvalidInput, InvalidPeriod
from smaajob.offers import services
from smaajob.offers.models import Order, OrderTransition

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def test_an_order_takes_the_offers_next_start_duration_hours_and_course_price(order, forklift):
    assert order.starts_on == TODAY + timedelta(days=7)
    assert order.ends_on == order.starts_on + timedelta(days=13)
    assert order.hours_per_week == Decimal("30.0")
    assert order.price_kr == Decimal("9500.00")
    assert order.state == "ordered"
    assert order.course is not None and order.course.project.name == "VTA"


def test_the_price_per_hour_is_hours_a_week_times_weeks_and_per_week_the_weeks(
    consultant, citizen, course, hygiene, language_lift
):
    lift = services.order_offer(actor=consultant, citizen=citizen, offer=hygiene, purpose="Hygiejnebevis")
    # 25 hours × 600 kr (seed 003 §2.6) in the one-week course.
    assert lift.price_kr == Decimal("15000.00")
    language = services.order_offer(
        actor=consultant, citizen=citizen, offer=language_lift, purpose="Dansk til kundekontakt"
    )
    # 2,800 kr a week × 10 weeks.
    assert language.price_kr == Decimal("28000.00")


@pytest.mark.parametrize(
    ("changes", "error", "field", "words"),
    [
        ({"starts_on": TODAY, "ends_on": TODAY - timedelta(days=1)}, InvalidPeriod, "ends_on", "efter starten"),
        ({"price_kr": "-100"}, InvalidInput, "price_kr", "kan ikke være negativ"),
        ({"hours_per_week": "169"}, InvalidHours, "hours_per_week", "højst 168"),
        ({"hours_per_week": "0"}, InvalidHours, "hours_per_week", "mere end 0"),
        ({"purpose": "  "}, InvalidInput, "purpose", "formålet"),
    ],
)
def test_bad_order_input_is_refused_with_a_danish_message_and_nothing_is_saved(
    consultant, citizen, course, forklift, changes, error, field, words
):
    arguments = {"purpose": "Truckcertifikat", **changes}
    with pytest.raises(error) as refused:
        services.order_offer(actor=consultant, citizen=citizen, offer=forklift, **arguments)
    assert refused.value.field == field
    assert words in refused.value.message
    assert Order.objects.count() == 0
    assert OrderTransition.objects.count() == 0


def test_every_transition_is_dated_with_actor_and_reason(order, amu_user, consultant):
    services.change_order_state(actor=amu_user, order=order, to_state="accepted", on=TODAY)
    services.change_order_state(actor=amu_user, order=order, to_state="started", on=order.starts_on)
    services.change_order_state(
        actor=consultant, order=order, to_state="interrupted", reason="Borgeren blev syg", on=order.starts_on
    )
    rows = list(order.transitions.values_list("to_state", "actor__username", "reason"))
    assert rows == [
        ("ordered", "consultant", ""),
        ("accepted", "amu", ""),
        ("started", "amu", ""),
        ("interrupted", "consultant", "Borgeren blev syg"),
    ]
    assert [t.happened_on for t in order.transitions.all()] == [TODAY, TODAY, order.starts_on, order.starts_on]


def test_an_interruption_needs_a_reason_and_a_finished_order_cannot_move(order, consultant):
    with pytest.raises(InvalidInput, match="hvorfor"):
        services.change_order_state(actor=consultant, order=order, to_state="interrupted")
    order.refresh_from_db()
    assert order.state == "ordered"
    with pytest.raises(IllegalTransition, match="kan kun blive: accepteret, afbrudt"):
        services.change_order_state(actor=consultant, order=order, to_state="completed")
    services.change_order_state(actor=consultant, order=order, to_state="interrupted", reason="Fik job")
    with pytest.raises(IllegalTransition, match="afsluttet"):
        services.change_order_state(actor=consultant, order=order, to_state="accepted")


def test_a_completed_forklift_course_adds_the_certificate_dated_with_the_order_as_source(order, consultant, citizen):
    assert "truck" not in citizen.certificates
    for state in ("accepted", "started", "completed"):
        services.change_order_state(actor=consultant, order=order, to_state=state, on=TODAY)
    citizen.refresh_from_db()
    order.refresh_from_db()
    assert "truck" in citizen.certificates
    assert order.certificate_added_on == TODAY


def test_the_orders_transitions_and_reports_are_on_the_citizens_timeline(client, order, consultant, citizen):
    services.change_order_state(actor=consultant, order=order, to_state="accepted", on=TODAY)
    client.force_login(consultant)
    page = client.get(f"/borgere/{citizen.pk}/").content.decode()
    assert "Truckcertifikat (A) (AMU Fyn): Bestilt" in page
    assert "Truckcertifikat (A) (AMU Fyn): Accepteret" in page


def test_a_report_before_the_start_or_with_negative_hours_is_refused(order, amu_user, consultant):
    services.change_order_state(actor=amu_user, order=order, to_state="accepted")
    with pytest.raises(IllegalTransition):
        services.submit_report(actor=amu_user, order=order, attendance="full", progress="Godt")
    services.change_order_state(actor=amu_user, order=order, to_state="started", on=order.starts_on)
    with pytest.raises(InvalidPeriod):
        services.submit_report(
            actor=amu_user, order=order, attendance="full", progress="Godt", reported_on=order.starts_on - timedelta(1)
        )
    with pytest.raises(InvalidHours):
        services.submit_report(
            actor=amu_user,
            order=order,
            attendance="full",
            progress="Godt",
            hours_attended="-2",
            reported_on=order.starts_on,
        )
    assert order.reports.count() == 0


def test_a_full_offer_refuses_another_order_in_the_same_period(consultant, citizen, course, amu):
    small = services.create_offer(
        provider=amu,
        title="Mentor",
        kind="mentor",
        duration_weeks=4,
        hours_per_week=2,
        price_kr=450,
        price_unit="hour",
        capacity=1,
        legal_basis="lab2019_167",
    )
    services.order_offer(actor=consultant, citizen=citizen, offer=small, purpose="Fastholdelse", starts_on=TODAY)
    with pytest.raises(InvalidInput, match="pladser"):
        services.order_offer(actor=consultant, citizen=citizen, offer=small, purpose="Igen", starts_on=TODAY)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"price_kr": "-1"}, "price_kr"),
        ({"hours_per_week": "200"}, "hours_per_week"),
        ({"legal_basis": "x"}, "legal_basis"),
    ],
)
def test_bad_catalogue_input_is_refused_and_nothing_saved(amu, changes, field):
    from smaajob.offers.models import Offer

    arguments = {
        "provider": amu,
        "title": "Kursus",
        "kind": "course",
        "duration_weeks": 1,
        "hours_per_week": 10,
        "price_kr": 100,
        "price_unit": "hour",
        "legal_basis": "lab2019_91",
        **changes,
    }
    with pytest.raises(InvalidInput) as refused:
        services.create_offer(**arguments)
    assert refused.value.field == field
    assert Offer.objects.count() == 0


def test_the_api_timeline_has_the_orders_too(client, order, consultant, citizen):
    client.force_login(consultant)
    rows = client.get(f"/api/v1/borgere/{citizen.pk}/tidslinje").json()
    assert {
        "on": TODAY.isoformat(),
        "kind": "tilbud",
        "text": "Truckcertifikat (A) (AMU Fyn): Bestilt",
        "note": "Viggo Konsulent",
    } in rows
