# SPDX-License-Identifier: MPL-2.0
"""The keep curve as server-rendered SVG geometry (no JavaScript, no chart library).

Two lines over 0–37 hours a week: the month's total income with work and the benefit left
after the offset, a dashed line for the income without work, the break-even (where the benefit
is fully offset) marked by a vertical line, and the chosen hours marked by a dot. The template
draws it with a text summary for screen readers and the same numbers as a table.
"""

from __future__ import annotations

from dataclasses import dataclass

from smaajob.rules import KeepCurve
from smaajob.rules.trace import format_kr, format_number

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 44


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class CurveChart:
    width: int
    height: int
    income_points: str
    benefit_points: str
    baseline_y: float
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    break_even_x: float | None
    break_even_label: str
    break_even_beyond: bool
    chosen_x: float
    chosen_y: float
    chosen_label: str
    summary: str
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float


def _nice_step(peak: float) -> float:
    for step in (500, 1000, 2000, 2500, 5000, 10000, 20000):
        if peak / step <= 6:
            return float(step)
    return 50000.0


def curve_chart(curve: KeepCurve, *, chosen_hours: float, chosen_income: float) -> CurveChart:
    points = curve.points
    max_hours = points[-1].hours_per_week if points else 37.0
    peak = max([p.income_with_work for p in points] + [curve.benefit_without_work, chosen_income, 1.0])
    step = _nice_step(peak)
    top_value = step * (int(peak / step) + 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(hours: float) -> float:
        return round(LEFT + plot_w * min(hours, max_hours) / max_hours, 1)

    def y(kr: float) -> float:
        return round(TOP + plot_h * (1 - kr / top_value), 1)

    income = " ".join(f"{x(p.hours_per_week)},{y(p.income_with_work)}" for p in points)
    benefit = " ".join(f"{x(p.hours_per_week)},{y(p.benefit_after_offset)}" for p in points)
    x_ticks = tuple(Tick(x(h), format_number(h)) for h in range(0, int(max_hours) + 1, 5))
    y_ticks = tuple(Tick(y(v * step), format_number(v * step)) for v in range(int(top_value / step) + 1))
    even = curve.break_even_hours_per_week
    even_x = x(even) if even is not None and even <= max_hours else None
    even_label = (
        f"Hjælpen er helt modregnet ved ca. {format_number(even, 1)} timer om ugen"
        if even is not None
        else "Hjælpen bliver ikke helt modregnet ved denne timeløn"
    )
    chosen_label = f"{format_number(chosen_hours)} timer: {format_kr(chosen_income)}"
    gain_at_10 = next((p.change_in_income for p in points if p.hours_per_week == 10), None)
    summary = (
        f"Uden arbejde: {format_kr(curve.benefit_without_work)} om måneden. "
        + (f"Ved 10 timer om ugen: {format_kr(gain_at_10)} mere. " if gain_at_10 is not None else "")
        + f"{even_label}."
    )
    return CurveChart(
        width=WIDTH,
        height=HEIGHT,
        income_points=income,
        benefit_points=benefit,
        baseline_y=y(curve.benefit_without_work),
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        break_even_x=even_x,
        break_even_label=even_label,
        # Past the chart's 37 hours the break-even is marked at the right edge with an arrow.
        break_even_beyond=even is not None and even > max_hours,
        chosen_x=x(chosen_hours),
        chosen_y=y(chosen_income),
        chosen_label=chosen_label,
        summary=summary,
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_top=TOP,
        plot_bottom=HEIGHT - BOTTOM,
    )
