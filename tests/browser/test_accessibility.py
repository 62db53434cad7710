# SPDX-License-Identifier: MPL-2.0
"""The main pages checked with axe-core in Chromium: no serious or critical violations
(WCAG 2.1 AA rules among them: labels, contrast, landmarks, names of links and buttons).

axe-core comes from the npm registry through scripts/fetch-axe (into var/node/, never
committed); without it these tests skip, and fail in CI (SMAAJOB_REQUIRE_ALL=1).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import DEMO_PASSWORD, axe_violations, log_in


def _check(page, paths: list[str]) -> None:
    problems = {}
    for path in paths:
        page.goto(path)
        found = axe_violations(page)
        if found:
            problems[path] = found
    assert not problems, problems


def _ids():
    from smaajob.courses.models import Course, Placement
    from smaajob.network.models import Company

    course = Course.objects.filter(state__in=["placement", "paid_hours", "follow_up"]).order_by("pk").first()
    placement = Placement.objects.filter(course=course).first()
    company = Company.objects.order_by("pk").first()
    return course, placement, company


def test_the_login_page_has_no_serious_violations(page, live_server):
    _check(page, ["/log-ind/"])


def test_the_consultants_main_pages_have_no_serious_violations(page, demo):
    course, placement, company = _ids()
    log_in(page, "konsulent", DEMO_PASSWORD)
    _check(
        page,
        [
            "/",
            f"/borgere/{course.citizen_id}/",
            f"/borgere/{course.citizen_id}/match/",
            f"/borgere/{course.citizen_id}/placering/",
            f"/placeringer/{placement.pk}/",
            "/timer/",
            f"/forloeb/{course.pk}/opfoelgning/",
            "/arbejdsliste/",
            "/rettidighed/?dato=2012-10-01",
            f"/borgere/{course.citizen_id}/rettidighed/",
            "/virksomheder/",
            f"/virksomheder/{company.pk}/",
            "/jobaabninger/",
            "/overblik/",
            f"/borgere/{course.citizen_id}/ressourcer/",
            f"/borgere/{course.citizen_id}/adresse/",
            f"/virksomheder/{company.pk}/adresse/",
        ],
    )


def test_the_caseworkers_employers_and_citizens_pages_have_no_serious_violations(page, demo):
    course, _placement, _company = _ids()
    log_in(page, "raadgiver", DEMO_PASSWORD)
    _check(page, ["/", "/borgere/ny/", f"/borgere/{course.citizen_id}/fritagelse/"])
    for username in ("virksomhed", "borger"):
        page.context.clear_cookies()
        log_in(page, username, DEMO_PASSWORD)
        _check(page, ["/"])
    page.context.clear_cookies()
    log_in(page, "virksomhed", DEMO_PASSWORD)
    _check(page, ["/virksomhed/opgave/"])


@pytest.mark.parametrize("impact", ["serious"])
def test_a_form_with_errors_keeps_its_labels_and_messages_accessible(page, demo, impact):
    log_in(page, "raadgiver", DEMO_PASSWORD)
    page.goto("/borgere/ny/")
    page.get_by_role("button", name="Visitér").click()
    assert page.locator(".field-error").count() > 0
    assert not axe_violations(page)


def test_the_offer_pages_of_staff_and_the_provider_have_no_serious_violations(page, demo):
    from smaajob import access
    from smaajob.offers.models import Offer, Order
    from smaajob.organisation.models import User

    order = Order.objects.filter(offer__provider__name="AMU Fyn", state="started").order_by("pk").first()
    offer = Offer.objects.order_by("pk").first()
    mine = access.citizens_for(User.objects.get(username="konsulent")).order_by("pk").first()
    assert order is not None and offer is not None and mine is not None
    log_in(page, "konsulent", DEMO_PASSWORD)
    _check(page, ["/tilbud/", f"/tilbud/{offer.pk}/", "/bestillinger/", f"/borgere/{mine.pk}/bestil-tilbud/"])
    page.context.clear_cookies()
    log_in(page, "leverandoer", DEMO_PASSWORD)
    _check(page, ["/", "/bestillinger/", f"/bestillinger/{order.pk}/"])
