# SPDX-License-Identifier: MPL-2.0
"""The demo on the kontanthjælp system since 1 July 2025: facts, derived rates, work duty, and a
citizen whose history spans the 225-hour rule's end."""

from __future__ import annotations

from datetime import date

from tests.demo.conftest import TODAY

MERGED = ("kontanthjaelp", "uddannelseshjaelp", "integrationsydelse")


def _on_merged_benefit():
    from smaajob.citizens.models import Citizen

    # On it now (an open row): the 2012 rettidighed courses had kontanthjælp that ended in 2013.
    return Citizen.objects.filter(
        is_synthetic=True, benefit_history__benefit_type__in=MERGED, benefit_history__valid_to__isnull=True
    ).distinct()


def test_every_demo_citizen_on_a_merged_benefit_has_facts_and_a_derived_rate(small_demo):
    from smaajob.citizens.benefit_today import derived_benefit

    citizens = list(_on_merged_benefit())
    assert len(citizens) >= 10
    for citizen in citizens:
        derived = derived_benefit(citizen, TODAY)
        assert derived.applies and derived.rate and not derived.missing, (citizen.full_name, derived.to_dict())
        assert citizen.rate_facts_history.get().valid_from >= date(2025, 7, 1)


def test_the_former_sho_group_has_mindstesats_and_is_under_work_duty_with_hours_planned(small_demo):
    from smaajob.citizens.benefit_today import derived_benefit
    from smaajob.courses.work_duty import work_duty_on

    sho = [c for c in _on_merged_benefit() if c.benefit_history.get().benefit_type == "integrationsydelse"]
    assert sho
    for citizen in sho:
        assert derived_benefit(citizen, TODAY).rate == "mindstesats"
        duty = work_duty_on(citizen, TODAY)
        assert duty is not None and duty.planned_hours_per_week is not None and duty.legal_basis


def test_a_demo_citizen_spans_the_boundary_with_a_status_in_june_2025_and_none_after(small_demo):
    from smaajob.cases import hours_requirement_for

    spanning = []
    for citizen in _on_merged_benefit():
        course = citizen.courses.get()
        if course.started_on > date(2025, 6, 30) or (course.ended_on and course.ended_on < date(2025, 7, 1)):
            continue
        june = hours_requirement_for(citizen, date(2025, 6, 30))
        july = hours_requirement_for(citizen, date(2025, 7, 31))
        if june["reason"] != "rule_not_in_force" and july["reason"] == "rule_not_in_force":
            spanning.append(citizen.full_name)
    assert spanning
