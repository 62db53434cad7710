# SPDX-License-Identifier: MPL-2.0
"""The 225-hour status and the earnings offset written as openfisca-core variables.

Benchmark only: run by ``rules_population.py`` inside ``.venv-bench`` (see
``setup-openfisca-venv``). Reads the population (``.npz``) and the month-by-month parameter
columns (``.json``) written by the main script, so both engines use identical inputs and
parameters; prints timings and the status counts as JSON on stdout.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

import numpy as np
from openfisca_core import entities, periods, taxbenefitsystems, variables
from openfisca_core.simulations import SimulationBuilder

MONTH = periods.DateUnit.MONTH
DAYS_PER_MONTH = 365.25 / 12
MAX_WINDOW = 48

Person = entities.build_entity(key="person", plural="persons", label="Person", is_person=True)

COLUMNS: dict[str, dict[str, float]] = {}


def col(name: str, period: periods.Period) -> float:
    return COLUMNS[name].get(str(period), float("nan"))


def _input(name: str, value_type: type, default: object = 0) -> type:
    return type(name, (variables.Variable,), {
        "value_type": value_type, "entity": Person, "definition_period": MONTH,
        "default_value": default, "label": name})


ordinary_hours = _input("ordinary_hours", float)
self_employment_hours = _input("self_employment_hours", float)
self_employment_weekly_hours = _input("self_employment_weekly_hours", float)
on_benefit = _input("on_benefit", bool, False)
rate = _input("rate", int)
benefit_amount = _input("benefit_amount", float, float("nan"))
sick_days = _input("sick_days", int)
exempt = _input("exempt", bool, False)
restore_from = _input("restore_from", int, -1)
wage = _input("wage", float)


class counted_hours(variables.Variable):
    value_type, entity, definition_period = float, Person, MONTH

    def formula(person, period):  # noqa: N805 - OpenFisca's formula signature
        se = person("self_employment_weekly_hours", period) >= col("se_min", period)
        return person("ordinary_hours", period) + np.where(
            se, person("self_employment_hours", period), 0.0)


class neutral_days(variables.Variable):
    value_type, entity, definition_period = float, Person, MONTH

    def formula(person, period):  # noqa: N805
        return np.minimum(col("days", period),
                          person("sick_days", period) + col("suspension_days", period))


class window_length(variables.Variable):
    value_type, entity, definition_period = int, Person, MONTH

    def formula(person, period):  # noqa: N805
        base = int(col("window", period))
        length = np.full(person.count, base)
        neutral = [person("neutral_days", period.offset(-k, MONTH)) for k in range(1, MAX_WINDOW + 1)]
        for _ in range(MAX_WINDOW):
            days = sum(np.where(k <= length, neutral[k - 1], 0.0) for k in range(1, MAX_WINDOW + 1))
            new = np.minimum(MAX_WINDOW, base + np.ceil(days / DAYS_PER_MONTH - 1e-9).astype(int))
            if np.array_equal(new, length):
                break
            length = new
        return length


class window_hours(variables.Variable):
    value_type, entity, definition_period = float, Person, MONTH

    def formula(person, period):  # noqa: N805
        length = person("window_length", period)
        month = period.start.year * 12 + period.start.month - 1
        restore = person("restore_from", period)
        first = np.where(restore >= 0, np.maximum(month - length, restore), month - length)
        return sum(np.where(month - k >= first, person("counted_hours", period.offset(-k, MONTH)), 0.0)
                   for k in range(1, MAX_WINDOW + 1))


class help_months(variables.Variable):
    value_type, entity, definition_period = int, Person, MONTH

    def formula(person, period):  # noqa: N805
        lookback = int(col("lookback", period))
        return sum(person("on_benefit", period.offset(-k, MONTH)).astype(int)
                   for k in range(1, lookback + 1))


class status(variables.Variable):
    """0 not covered, 1 exempt, 2 met, 3 at risk, 4 reduction proposed."""

    value_type, entity, definition_period = int, Person, MONTH

    def formula(person, period):  # noqa: N805
        if not col("in_force", period):
            return np.zeros(person.count, dtype=int)
        stage = person("on_benefit", period) & (not col("suspended", period))
        stage = stage & (person("help_months", period) >= col("coverage", period))
        stage = stage & (person("rate", period) != 2)
        hours = person("window_hours", period)
        met = hours >= col("required", period)
        nxt = period.offset(1, MONTH)
        next_short = np.zeros(person.count, dtype=bool)
        if col("in_force", nxt):
            # Projection: next month's window, with this month's decided reduction.
            length = person("window_length", nxt)
            month = nxt.start.year * 12 + nxt.start.month - 1
            restore = person("restore_from", period)
            first = np.where(restore >= 0, np.maximum(month - length, restore), month - length)
            nh = sum(np.where(month - k >= first, person("counted_hours", nxt.offset(-k, MONTH)), 0.0)
                     for k in range(1, MAX_WINDOW + 1))
            next_short = np.asarray(nh < col("required", nxt))
        decide = stage & ~person("exempt", period)
        result = np.zeros(person.count, dtype=int)
        result = np.where(stage & person("exempt", period), 1, result)
        result = np.where(decide & met, np.where(next_short, 3, 2), result)
        payable = bool(col("payable", period))
        result = np.where(decide & ~met, 4 if payable else 3, result)
        return result


class proposed_amount(variables.Variable):
    value_type, entity, definition_period = float, Person, MONTH

    def formula(person, period):  # noqa: N805
        benefit = person("benefit_amount", period)
        red = np.where(person("rate", period) == 0, col("reduction_full", period),
                       col("reduction_lower", period))
        red = np.where(~np.isnan(benefit) & (red > benefit), benefit, red)
        return np.where(person("status", period) == 4, red, np.nan)


class benefit_after_offset(variables.Variable):
    value_type, entity, definition_period = float, Person, MONTH

    def formula(person, period):  # noqa: N805
        base = person("wage", period) * (1 - col("am", period))
        hours = person("ordinary_hours", period)
        if col("hourly", period):
            deducted = np.maximum(0.0, base - col("per_hour", period)
                                  * np.minimum(hours, col("cap", period)))
        else:
            deducted = col("share", period) * np.maximum(0.0, base - col("free", period))
        return np.maximum(0.0, person("benefit_amount", period) - deducted)


class System(taxbenefitsystems.TaxBenefitSystem):
    def __init__(self) -> None:
        super().__init__([Person])
        for variable in (ordinary_hours, self_employment_hours, self_employment_weekly_hours,
                         on_benefit, rate, benefit_amount, sick_days, exempt, restore_from, wage,
                         counted_hours, neutral_days, window_length, window_hours, help_months,
                         status, proposed_amount, benefit_after_offset):
            self.add_variable(variable)


def label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def run(data: dict[str, np.ndarray], first: int) -> dict[str, object]:
    persons, months = data["ordinary_hours"].shape
    system = System()
    simulation = SimulationBuilder().build_default_simulation(system, count=persons)
    for name in ("ordinary_hours", "self_employment_hours", "self_employment_weekly_hours",
                 "on_benefit", "rate", "benefit_amount", "sick_days", "exempt", "restore_from",
                 "wage"):
        for c in range(months):
            simulation.set_input(name, label(first + c), data[name][:, c])
    counts = np.zeros((5,), dtype=np.int64)
    amount_sum = 0.0
    offset_sum = 0.0
    for c in range(months):
        period = label(first + c)
        st = simulation.calculate("status", period)
        counts += np.bincount(st, minlength=5)
        amount_sum += float(np.nansum(simulation.calculate("proposed_amount", period)))
        offset_sum += float(np.nansum(simulation.calculate("benefit_after_offset", period)))
    return {"counts": counts.tolist(), "amount_sum": amount_sum, "offset_sum": offset_sum}


def main() -> None:
    npz, params_json, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = dict(np.load(npz))
    with open(params_json, encoding="utf-8") as handle:
        payload = json.load(handle)
    COLUMNS.update(payload["columns"])
    first = int(payload["first_month"])
    times = []
    result: dict[str, object] = {}
    for _ in range(repeats):
        start = time.perf_counter()
        result = run(data, first)
        times.append(time.perf_counter() - start)
    result["median_seconds"] = statistics.median(times)
    result["times"] = times
    print(json.dumps(result))


if __name__ == "__main__":
    main()
