# SPDX-License-Identifier: MPL-2.0
"""Hard constraints: every rejection reason is reachable and worded clearly in Danish."""

from __future__ import annotations

import pytest

from smaajob.matching import ALL_WEEK, Reason, explain, week_mask
from tests.matching.factories import candidate, opening


def test_a_citizen_and_a_task_that_fit_in_every_way_are_feasible() -> None:
    result = explain(candidate(), opening())
    assert result.feasible
    assert result.rejections == ()
    assert result.proposed_hours == 8


def test_a_task_needing_more_hours_than_the_citizen_can_give_is_rejected_with_both_numbers() -> None:
    result = explain(candidate(weekly_hours=8, available=ALL_WEEK), opening(hours_min=12, hours_max=15,
                                                        slots=week_mask([(0, "06:00", "24:00")])))
    assert result.reason_codes == (Reason.HOURS.value,)
    assert result.rejections[0].text == "Opgaven kræver mindst 12 t/uge; borgeren kan højst 8 t/uge."


def test_a_citizen_who_can_work_no_hours_now_is_told_so() -> None:
    result = explain(candidate(weekly_hours=0), opening(hours_min=0))
    assert Reason.HOURS.value in result.reason_codes
    assert "0 t/uge" in result.rejections[0].text


def test_a_task_at_times_the_citizen_has_language_school_is_rejected_for_time_slots() -> None:
    school = week_mask([(1, "08:00", "12:00"), (3, "08:00", "12:00")])
    result = explain(candidate(commitments=school), opening())
    assert result.reason_codes == (Reason.SLOTS.value,)
    text = result.rejections[0].text
    assert "tirsdag 08:00–12:00" in text and "0 t fri" in text and "mindst 4 t/uge" in text


def test_too_few_free_hours_inside_the_task_times_reject_it_even_if_some_overlap() -> None:
    result = explain(candidate(available=week_mask([(1, "10:00", "12:00")], free_time=True)),
                     opening())
    assert result.reason_codes == (Reason.SLOTS.value,)
    assert "2 t fri" in result.rejections[0].text


def test_a_danish_requirement_above_the_citizens_level_is_rejected_naming_both_levels() -> None:
    result = explain(candidate(danish_level=1), opening(danish_level=2))
    assert result.reason_codes == (Reason.LANGUAGE.value,)
    assert result.rejections[0].text == (
        "Opgaven kræver kan føre en samtale på dansk; borgeren har lidt dansk."
    )


def test_restrictions_the_company_cannot_meet_are_named() -> None:
    result = explain(
        candidate(restrictions=frozenset({"ingen tunge løft", "pauser"}),
                  consents=frozenset({"restrictions"})),
        opening(accommodations=frozenset({"pauser"})),
    )
    assert result.reason_codes == (Reason.RESTRICTIONS.value,)
    assert result.rejections[0].text == "Virksomheden kan ikke tage hensyn til: ingen tunge løft."


def test_a_missing_certificate_is_named() -> None:
    result = explain(candidate(certificates=frozenset({"hygiejnebevis"})),
                     opening(required_certificates=frozenset({"truckcertifikat", "hygiejnebevis"})
                             ), )
    assert Reason.CERTIFICATES.value in result.reason_codes
    assert result.rejections[0].text == (
        "Opgaven kræver certifikat, som borgeren ikke har: truckcertifikat."
    )


def test_a_task_beyond_the_travel_limit_is_rejected_with_the_distance() -> None:
    result = explain(candidate(travel_limit_km=5), opening(lat=55.75, lon=12.08))
    assert result.reason_codes == (Reason.DISTANCE.value,)
    assert result.rejections[0].text == (
        "Der er 12,1 km til opgaven; borgeren kan højst rejse 5 km."
    )


def test_restrictions_without_consent_to_disclose_them_block_the_match() -> None:
    result = explain(candidate(restrictions=frozenset({"pauser"})),
                     opening(accommodations=frozenset({"pauser"})))
    assert result.reason_codes == (Reason.CONSENT.value,)
    assert result.rejections[0].text == (
        "Virksomheden skal have oplyst skånehensyn, men borgeren har ikke givet samtykke til "
        "at videregive det."
    )


def test_a_task_that_needs_health_disclosed_needs_that_consent() -> None:
    result = explain(candidate(consents=frozenset({"restrictions"})),
                     opening(required_disclosures=frozenset({"health"})))
    assert result.reason_codes == (Reason.CONSENT.value,)
    assert "helbred og diagnoser" in result.rejections[0].text


def test_a_task_with_no_free_places_is_rejected() -> None:
    result = explain(candidate(), opening(capacity=2, filled=2))
    assert result.reason_codes == (Reason.CAPACITY.value,)
    assert result.rejections[0].text == "Virksomheden har ingen ledige pladser til opgaven lige nu."


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_has_a_heading_and_a_stable_snake_case_code(reason: Reason) -> None:
    assert reason.heading and reason.heading[0].isupper()
    assert reason.value == reason.value.lower() and " " not in reason.value


def test_all_failed_constraints_are_listed_not_only_the_first() -> None:
    result = explain(
        candidate(weekly_hours=2, danish_level=0, travel_limit_km=1),
        opening(danish_level=3, capacity=0, lat=56.0),
    )
    assert set(result.reason_codes) == {
        Reason.HOURS.value, Reason.LANGUAGE.value, Reason.DISTANCE.value, Reason.CAPACITY.value}
    assert not result.feasible
    assert result.text().startswith("Opgave o1 til borger c1: passer ikke.")
