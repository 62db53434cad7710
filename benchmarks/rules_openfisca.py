# SPDX-License-Identifier: MPL-2.0
"""The 225-hour status and the earnings offset written as openfisca-core variables.

Benchmark only: run by ``rules_population.py`` inside ``.venv-bench`` (see
``setup-openfisca-venv``). Reads the population (``.npz``) and the month-by-month parameter
columns (``.json``) written by the main script, so both engines use identical inputs and
parameters; writes every person-month's status, proposed amount and benefit after the offset
to a result ``.npz`` (the main script compares them cell by cell with the engine and fails on
any difference) and prints timings and status counts as JSON on stdout.

The same rules as ``smaajob.rules.hours_requirement``, written independently in OpenFisca's
style (one formula per variable, each month asking for the months before): the 12-month period
extended in days by sick leave and the covid-19 days at its far end (a fixed point, a partly
added month counted pro rata), only hours since a decided reduction, a year of help in the
look-back, the 2011 rule for married couples only, the exemption, the projection for next
month, the proposed reduction (capped at the help) or, for the married, the whole help, and
the earnings offset of both regimes (hourly disregard; from July 2025 the free amount, the
taper and krone for krone above the threshold, standard kind).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any

import numpy as np
from openfisca_core import entities, periods, taxbenefitsystems, variables
from openfisca_core.simulations import SimulationBuilder

MONTH = periods.DateUnit.MONTH
MAX_WINDOW = 48

Person = entities.build_entity(key="person", plural="persons", label="Person", is_person=True)

COLUMNS: dict[str, dict[str, float]] = {}
FIRST = [0]   # the first month of the data (set by main)


def col(name: str, period: periods.Period) -> float:
    return COLUMNS[name].get(str(period), float("nan"))


def _input(name: str, value_type: type, default: object = 0) -> type:
    return type(name, (variables.Variable,), {
        "value_type": value_type, "entity": Person, "definition_period": MONTH,
        "default_value": default, "label": name})


# Inputs per person and month (``married`` is per person, set for every month).
INPUTS = {name: _input(name, value_type, *default) for name, value_type, *default in (
    ("ordinary_hours", float), ("self_employment_hours", float),
    ("self_employment_weekly_hours", float), ("on_benefit", bool, False), ("rate", int),
    ("benefit_amount", float, float("nan")), ("sick_days", int), ("exempt", bool, False),
    ("restore_from", int, -1), ("married", bool, False), ("wage", float))}


class counted_hours(variables.Variable):
    value_type, entity, definition_period = float, Person, MONTH

    def formula(person, period):  # noqa: N805 - OpenFisca's formula signature
        se = person("self_employment_weekly_hours", period) >= col("se_min", period)
        return person("ordinary_hours", period) + np.where(
            se, person("self_employment_hours", period), 0.0)


class neutral_days(variables.Variable):
    """Days that lengthen the period: sick leave (and the other grounds) and covid-19 days."""

    value_type, entity, definition_period = int, Person, MONTH

    def formula(person, period):  # noqa: N805
        return np.minimum(int(col("days", period)),
                          person("sick_days", period) + int(col("extension", period)))


def _region(base: int, days: np.ndarray, dim: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Months counted whole before the evaluated one, and days of the partly added month before
    them, for a window of ``base`` months extended by ``days`` at its far end; ``dim[k]`` is the
    length of the (k+1)-th month before. Walks back day count by day count, like the rule's text
    (``window_region`` walks one case; this walks every person at once)."""
    back = np.full(days.shape, base)
    rest = days.astype(np.int64)
    partial = np.zeros(days.shape, dtype=np.int64)
    active = rest > 0
    while active.any():
        active &= back < MAX_WINDOW
        if not active.any():
            break
        length = np.array(dim)[np.minimum(back, MAX_WINDOW - 1)]
        stop = active & (rest < length)
        partial = np.where(stop, rest, partial)
        go = active & ~stop
        rest = np.where(go, rest - length, rest)
        back = np.where(go, back + 1, back)
        active = go & (rest > 0)
    return back, partial


class window_code(variables.Variable):
    """The window ending the month before: months counted whole × 64 + days of the partly
    added month before them. The extension is a fixed point in days (its added part's own
    neutral days extend it again; those of the partly added month taken to lie in its days)."""

    value_type, entity, definition_period = int, Person, MONTH

    def formula(person, period):  # noqa: N805
        base = int(col("window", period))
        neutral = np.stack([person("neutral_days", period.offset(-k, MONTH))
                            for k in range(1, MAX_WINDOW + 1)])
        dim = [int(col("days", period.offset(-k, MONTH))) for k in range(1, MAX_WINDOW + 1)]
        rows = np.arange(MAX_WINDOW)[:, None]
        days = neutral[:base].sum(axis=0)
        for _ in range(MAX_WINDOW * 31 + 1):
            back, partial = _region(base, days, dim)
            counted = np.where(rows < back, neutral, 0).sum(axis=0)
            before = np.take_along_axis(neutral, np.minimum(back, MAX_WINDOW - 1)[None, :], 0)[0]
            counted = counted + np.where(partial > 0, np.minimum(before, partial), 0)
            if np.array_equal(counted, days):
                break
            days = counted
        back, partial = _region(base, days, dim)
        return back * 64 + partial


def _hours_in(person: Any, period: periods.Period, restore: np.ndarray) -> np.ndarray:
    """Hours counted in the window of ``period``, only those since ``restore`` (≥ 0) if given."""
    code = person("window_code", period)
    back, partial = code // 64, code % 64
    month = period.start.year * 12 + period.start.month - 1
    first_full = month - back
    first = np.where(restore >= 0, np.maximum(first_full, restore), first_full)
    counted = np.stack([person("counted_hours", period.offset(-k, MONTH))
                        for k in range(1, MAX_WINDOW + 1)])
    months = month - np.arange(1, MAX_WINDOW + 1)[:, None]
    hours = np.where(months >= first, counted, 0.0).sum(axis=0)
    dim = np.array([col("days", period.offset(-k, MONTH)) for k in range(1, MAX_WINDOW + 1)])
    index = np.minimum(back, MAX_WINDOW - 1)
    part_hours = np.take_along_axis(counted, index[None, :], 0)[0] * partial / dim[index]
    keep = (partial > 0) & ((restore < 0) | (restore <= first_full - 1))
    return np.where(keep, hours + part_hours, hours)


class window_hours(variables.Variable):
    value_type, entity, definition_period = float, Person, MONTH

    def formula(person, period):  # noqa: N805
        return _hours_in(person, period, person("restore_from", period))


class help_months(variables.Variable):
    value_type, entity, definition_period = int, Person, MONTH

    def formula(person, period):  # noqa: N805
        # Months before the data carry no help; the look-back (600 months: no limit) stops there.
        month = period.start.year * 12 + period.start.month - 1
        lookback = min(int(col("lookback", period)), month - FIRST[0])
        return sum((person("on_benefit", period.offset(-k, MONTH)).astype(int)
                    for k in range(1, lookback + 1)), np.zeros(person.count, dtype=int))


class status(variables.Variable):
    """0 not covered, 1 exempt, 2 met, 3 at risk, 4 reduction proposed."""

    value_type, entity, definition_period = int, Person, MONTH

    def formula(person, period):  # noqa: N805
        if not col("in_force", period):
            return np.zeros(person.count, dtype=int)
        restore = person("restore_from", period)
        stage = person("on_benefit", period)
        if col("married_only", period):
            # 2011: the rule was for married couples only.
            stage = stage & person("married", period)
        if col("suspended", period):
            # Suspended: only a reduction already decided goes on.
            stage = stage & (restore >= 0)
        stage = stage & (person("help_months", period) >= col("coverage", period))
        stage = stage & (person("rate", period) != 2)
        met = person("window_hours", period) >= col("required", period)
        nxt = period.offset(1, MONTH)
        next_short = np.zeros(person.count, dtype=bool)
        if col("in_force", nxt):
            # Projection: next month's window, with this month's decided reduction.
            next_short = _hours_in(person, nxt, restore) < col("required", nxt)
        decide = stage & ~person("exempt", period)
        result = np.zeros(person.count, dtype=int)
        result = np.where(stage & person("exempt", period), 1, result)
        result = np.where(decide & met, np.where(next_short, 3, 2), result)
        payable = bool(col("payable", period))
        return np.where(decide & ~met, 4 if payable else 3, result)


class proposed_amount(variables.Variable):
    value_type, entity, definition_period = float, Person, MONTH

    def formula(person, period):  # noqa: N805
        benefit = person("benefit_amount", period)
        red = np.where(person("rate", period) == 0, col("reduction_full", period),
                       col("reduction_lower", period))
        red = np.where(~np.isnan(benefit) & (red > benefit), benefit, red)
        # Married (one or both spouses on help): the whole help lapses instead.
        red = np.where(person("married", period), benefit, red)
        return np.where(person("status", period) == 4, red, np.nan)


class benefit_after_offset(variables.Variable):
    value_type, entity, definition_period = float, Person, MONTH

    def formula(person, period):  # noqa: N805
        base = person("wage", period) * (1 - col("am", period))
        hours = person("ordinary_hours", period)
        benefit = person("benefit_amount", period)
        if col("hourly", period):
            deducted = np.maximum(0.0, base - col("per_hour", period)
                                  * np.minimum(hours, col("cap", period)))
        else:
            # From July 2025: a share above the free amount, krone for krone above the threshold.
            tapered = col("share", period) * np.maximum(0.0, base - col("free", period))
            deducted = np.minimum(base, np.maximum(tapered, base + benefit - col("threshold", period)))
        return np.maximum(0.0, benefit - deducted)


class System(taxbenefitsystems.TaxBenefitSystem):
    def __init__(self) -> None:
        super().__init__([Person])
        for variable in (*INPUTS.values(), counted_hours, neutral_days, window_code, window_hours,
                         help_months, status, proposed_amount, benefit_after_offset):
            self.add_variable(variable)


def label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def run(data: dict[str, np.ndarray], first: int) -> dict[str, np.ndarray]:
    persons, months = data["ordinary_hours"].shape
    system = System()
    simulation = SimulationBuilder().build_default_simulation(system, count=persons)
    for name in INPUTS:
        values = data[name]
        for c in range(months):
            simulation.set_input(name, label(first + c), values if values.ndim == 1 else values[:, c])
    out: dict[str, np.ndarray] = {"status": np.empty((persons, months), dtype=np.int8),
           "amount": np.empty((persons, months)), "benefit_after": np.empty((persons, months))}
    for c in range(months):
        period = label(first + c)
        out["status"][:, c] = simulation.calculate("status", period)
        out["amount"][:, c] = simulation.calculate("proposed_amount", period)
        out["benefit_after"][:, c] = simulation.calculate("benefit_after_offset", period)
    return out


def main() -> None:
    npz, params_json, repeats, result_npz = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    data = dict(np.load(npz))
    with open(params_json, encoding="utf-8") as handle:
        payload = json.load(handle)
    COLUMNS.update(payload["columns"])
    first = int(payload["first_month"])
    FIRST[0] = first
    times = []
    out: dict[str, np.ndarray] = {}
    for _ in range(repeats):
        start = time.perf_counter()
        out = run(data, first)
        times.append(time.perf_counter() - start)
    np.savez(result_npz, **out)  # type: ignore[arg-type]  # numpy types **kwds after allow_pickle
    counts = np.bincount(out["status"].reshape(-1).astype(np.int64), minlength=5)
    print(json.dumps({"median_seconds": statistics.median(times), "times": times,
                      "counts": counts.tolist()}))


if __name__ == "__main__":
    main()
