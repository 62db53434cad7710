# SPDX-License-Identifier: MPL-2.0
"""Bad input is refused clearly; searches rank, filter and explain."""

from __future__ import annotations

from pathlib import Path

import pytest

from smaajob.errors import InvalidHours, InvalidInput
from smaajob.matching import (
    InvalidCoordinates,
    InvalidSlots,
    InvalidWeights,
    MatchFilters,
    explain,
    load_weights,
    top_candidates_for,
    top_openings_for,
    week_mask,
)
from tests.matching.factories import candidate, opening


def test_negative_weekly_hours_are_refused_with_the_valid_range() -> None:
    with pytest.raises(InvalidHours, match="mellem 0 og 168"):
        candidate(weekly_hours=-2)


def test_a_task_whose_maximum_is_below_its_minimum_is_refused() -> None:
    with pytest.raises(InvalidHours, match="mindst hours_min"):
        opening(hours_min=8, hours_max=4)


def test_coordinates_outside_the_globe_are_refused_with_an_example() -> None:
    with pytest.raises(InvalidCoordinates, match="55.68, 12.57"):
        candidate(lat=123.0)


def test_a_slot_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidSlots, match="efter starttidspunktet"):
        week_mask([{"weekday": 0, "start": "12:00", "end": "08:00"}])


def test_task_times_too_short_for_its_minimum_hours_are_refused() -> None:
    with pytest.raises(InvalidHours, match="rummer ikke"):
        opening(hours_min=10, hours_max=12, slots=week_mask([(0, "08:00", "12:00")]))


def test_an_unknown_consent_fact_is_refused_listing_the_valid_ones() -> None:
    with pytest.raises(InvalidInput, match="restrictions"):
        candidate(consents=frozenset({"shoe size"}))


def test_a_weights_file_missing_a_component_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "weights.yaml"
    path.write_text("profiles:\n  a: {wish_sector: 1}\n", encoding="utf-8")
    with pytest.raises(InvalidWeights, match="mangler buddy"):
        load_weights(path)


def test_the_non_job_ready_profile_weighs_the_citizens_wishes_most() -> None:
    profile = load_weights().profiles["aktivitetsparat"]
    wishes = profile["wish_sector"] + profile["task"]
    assert all(wishes > value for key, value in profile.items()
               if key not in {"wish_sector", "task"})


def test_top_openings_are_best_first_and_count_the_rejected() -> None:
    near = opening("nær", company_employees=5, buddy=True)
    far = opening("fjern", lat=55.70)
    too_far = opening("for-langt", lat=57.0)
    ranking = top_openings_for(candidate(), [far, too_far, near], k=5)
    assert [s.id for s in ranking.suggestions] == ["nær", "fjern"]
    assert ranking.rejected == {"too_far": 1}
    assert ranking.suggestions[0].explanation is not None


def test_the_coordinators_filters_narrow_by_buddy_days_and_hours() -> None:
    monday = opening("mandag", slots=week_mask([(0, "08:00", "12:00")]), buddy=True)
    tuesday = opening("tirsdag", slots=week_mask([(1, "08:00", "12:00")]), buddy=True)
    no_buddy = opening("uden-buddy", slots=week_mask([(0, "08:00", "12:00")]))
    big = opening("mange-timer", hours_min=20, hours_max=30, slots=week_mask(
        [(d, "08:00", "16:00") for d in range(5)]), buddy=True)
    ranking = top_openings_for(
        candidate(weekly_hours=30), [monday, tuesday, no_buddy, big],
        filters=MatchFilters(buddy=True, weekdays=frozenset({0}), max_hours=10))
    assert [s.id for s in ranking.suggestions] == ["mandag"]
    assert ranking.filtered_out == 3


def test_top_candidates_for_an_opening_prefers_the_one_who_wishes_its_sector() -> None:
    task = opening(sector="lager")
    ranking = top_candidates_for(task, [candidate("a", wished_sectors=frozenset({"it"})),
                                        candidate("b", wished_sectors=frozenset({"lager"}))])
    assert [s.id for s in ranking.suggestions] == ["b", "a"]


def test_an_explanation_as_a_dict_lists_every_component_with_danish_text() -> None:
    data = explain(candidate(), opening()).to_dict()
    components = data["components"]
    assert isinstance(components, list) and len(components) == 8
    assert all(c["text"] for c in components)
    assert data["feasible"] is True
