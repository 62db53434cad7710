# SPDX-License-Identifier: MPL-2.0
"""The 225-hour rule's end: statuses and proposals up to June 2025, none after (LAS § 13 f,
abolished from 1 July 2025 by lov nr. 1655 af 30/12/2024)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.web.test_pages import log_in


@pytest.fixture
def long_on_kontanthjaelp(citizen, caseworker, course):
    """On kontanthjælp since 2022 without a single paid hour: short of 225 hours in 2025."""
    from smaajob.citizens.services import set_benefit

    set_benefit(actor=caseworker, citizen=citizen, benefit_type="kontanthjaelp", valid_from=date(2022, 1, 1))
    return citizen


def test_a_history_spanning_june_2025_has_statuses_up_to_june_and_none_after(long_on_kontanthjaelp):
    from smaajob.cases import hours_requirement_for

    june = hours_requirement_for(long_on_kontanthjaelp, date(2025, 6, 30))
    july = hours_requirement_for(long_on_kontanthjaelp, date(2025, 7, 31))
    today = hours_requirement_for(long_on_kontanthjaelp, date.today())
    assert june["status"] == "reduction_proposed" and june["hours_missing"] == 225
    assert july["reason"] == today["reason"] == "rule_not_in_force"
    assert july["status"] == today["status"] == "not_covered"


def test_the_citizen_page_says_the_rule_is_abolished_and_shows_june_2025_as_its_last_month(
    client, caseworker, long_on_kontanthjaelp
):
    page = log_in(client, caseworker).get(reverse("web:citizen", args=[long_on_kontanthjaelp.pk])).content.decode()
    assert "225-timersreglen: ophævet 1. juli 2025" in page
    assert "Sidste måned med reglen, juni 2025: <strong>Forslag om nedsættelse" in page
    assert "Ikke omfattet af 225-timersreglen" not in page


def test_the_worklist_shows_no_225_alerts_for_days_after_june_2025(caseworker, long_on_kontanthjaelp):
    from smaajob.access.worklist import worklist
    from smaajob.citizens.services import decide_exemption

    decide_exemption(
        actor=caseworker,
        citizen=long_on_kontanthjaelp,
        decided_on=date(2025, 1, 10),
        valid_from=date(2025, 1, 10),
        reason="Begrænset arbejdsevne.",
        review_on=date(2025, 6, 20),
    )
    codes_before = {a.code for a in worklist(caseworker, today=date(2025, 6, 15))}
    assert "exemption_review" in codes_before
    for day in (date(2025, 7, 1), date(2026, 1, 15), date.today()):
        codes = {a.code for a in worklist(caseworker, today=day)}
        assert not codes & {"exemption_review", "hours_225_risk"}, day
