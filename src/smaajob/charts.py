# SPDX-License-Identifier: MPL-2.0
"""Every chart in Småjob, server-rendered as SVG: no JavaScript and no plotting library.

The charts are a few rectangles, lines and a polyline; they print in the PDF exactly as on
screen, and each has a text alternative — the page always shows the same numbers in a data
table next to the chart (WCAG 2.1 AA, 1.1.1). Colours keep at least 3:1 contrast to white
(1.4.11) and meaning never depends on colour alone (lines also differ in dash pattern, and are
labelled). One module, outside the layered apps, so money, reports and the web pages share it.

* ``bar_chart`` — horizontal bars with an optional target marker, as finished SVG (reports);
* ``line_chart`` — lines over weeks with a legend, as finished SVG (progression report);
* ``step_up_chart`` — a placement's planned step-up (a dashed step line, phase by phase: unpaid
  practice, then paid hours) against the hours registered week by week (columns), as finished
  SVG (placement page); the page shows the same weeks in a table;
* ``column_chart`` — vertical columns as geometry for a template (the dashboard);
* ``curve_chart`` — the keep curve as geometry for a template (the calculator): two lines over
  0–37 hours a week, the month's total income with work and the benefit left after the offset,
  a dashed line for the income without work, the break-even (where the benefit is fully
  offset) marked by a vertical line, and the chosen hours marked by a dot.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe

from smaajob.danish_numbers import format_date, format_decimal
from smaajob.rules import KeepCurve
from smaajob.rules.trace import format_kr, format_number

# ---------------------------------------------------------------- finished SVG (reports)

BAR = "#00457a"
TARGET = "#a4000f"
SERIES = [("#00457a", ""), ("#a4000f", "6 3"), ("#2b6a2b", "2 3")]


def _ident(prefix: str, *parts: object) -> str:
    """A stable id, unique enough within one page, for aria-labelledby."""
    return prefix + hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:10]


def _fmt(value: float) -> str:
    return format_decimal(value, max_decimals=1)


def bar_chart(
    bars: Sequence[tuple[str, float | None, float | None]], *, title: str, description: str, width: int = 640
) -> SafeString:
    """Horizontal bars (label, value, optional target marker). None values are drawn as "–"."""
    row, label_w, pad = 28, 230, 8
    height = row * len(bars) + 2 * pad
    top = max([v or 0 for _, v, _ in bars] + [t or 0 for _, _, t in bars] + [1])
    scale = (width - label_w - 60) / top
    ident = _ident("c", title, bars)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{ident}t {ident}d" class="chart">',
        f'<title id="{ident}t">{escape(title)}</title><desc id="{ident}d">{escape(description)}</desc>',
    ]
    for i, (label, value, target) in enumerate(bars):
        y = pad + i * row
        parts.append(f'<text x="{label_w - 6}" y="{y + 18}" text-anchor="end" font-size="13">{escape(label)}</text>')
        if value is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + 18}" font-size="13">–</text>')
        else:
            w = max(value * scale, 0)
            parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row - 10}" fill="{BAR}"/>')
            parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 18}" font-size="13">{_fmt(value)}</text>')
        if target is not None:
            x = label_w + target * scale
            parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y + 1}" y2="{y + row - 3}" stroke="{TARGET}" '
                f'stroke-width="3" stroke-dasharray="4 2"><title>Måltal {_fmt(target)}</title></line>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above is escaped


def line_chart(
    weeks: Sequence[date],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    title: str,
    description: str,
    width: int = 640,
    height: int = 240,
) -> SafeString:
    """Lines over weeks (e.g. hours present, paid and effective), with a legend."""
    left, right, top, bottom = 40, 10, 10, 50
    ident = _ident("l", title, weeks, series)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{ident}t {ident}d" class="chart">',
        f'<title id="{ident}t">{escape(title)}</title><desc id="{ident}d">{escape(description)}</desc>',
    ]
    if not weeks:
        parts.append(f'<text x="{left}" y="{height // 2}" font-size="13">Ingen timer registreret.</text></svg>')
        return mark_safe("".join(parts))  # noqa: S308
    peak = max([max(values, default=0) for _, values in series] + [1])
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(len(weeks) - 1, 1)

    def y(v: float) -> float:
        return top + plot_h - v / peak * plot_h

    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="#4a4a4a"/>')
    parts.append(f'<text x="{left - 4}" y="{top + 10}" text-anchor="end" font-size="11">{_fmt(peak)}</text>')
    parts.append(f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" font-size="11">0</text>')
    parts.append(f'<text x="{left}" y="{top + plot_h + 14}" font-size="11">{format_date(weeks[0])}</text>')
    parts.append(
        f'<text x="{width - right}" y="{top + plot_h + 14}" text-anchor="end" font-size="11">'
        f"{format_date(weeks[-1])}</text>"
    )
    for i, (name, values) in enumerate(series):
        colour, dash = SERIES[i % len(SERIES)]
        points = " ".join(f"{left + j * step:.1f},{y(v):.1f}" for j, v in enumerate(values))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr} points="{points}"/>')
        lx = left + i * 170
        ly = height - 12
        parts.append(
            f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 24}" y2="{ly - 4}" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr}/>'
        )
        parts.append(f'<text x="{lx + 28}" y="{ly}" font-size="12">{escape(name)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308


# ---------------------------------------------------------------- a placement's step-up

PLANNED = "#a4000f"
PRESENT = "#00457a"
PAID = "#2b6a2b"


@dataclass(frozen=True)
class StepUpWeek:
    """One week of a placement's step-up: its phase, the hours planned, the hours registered.

    ``present``/``paid`` are None when no hours were registered that week (drawn as nothing,
    shown as "–"), ``planned`` is None outside every placement's period.
    """

    week_start: date
    week_number: int
    phase: str
    planned: float | None
    present: float | None
    paid: float | None


def _hours_step(peak: float) -> float:
    for step in (2.0, 5.0, 10.0, 20.0):
        if peak / step <= 6:
            return step
    return 40.0


def step_up_summary(weeks: Sequence[StepUpWeek]) -> str:
    """The chart's text alternative in one paragraph: the phases, the planned steps, the totals."""
    if not weeks:
        return "Ingen uger at vise endnu."
    phases: list[str] = []
    for week in weeks:
        if not phases or phases[-1] != week.phase:
            phases.append(week.phase)
    steps: list[str] = []
    last: float | None = None
    for week in weeks:
        if week.planned is not None and week.planned != last:
            steps.append(f"{_fmt(week.planned)} timer fra uge {week.week_number}")
            last = week.planned
    present = sum(w.present or 0 for w in weeks)
    paid = sum(w.paid or 0 for w in weeks)
    registered = sum(1 for w in weeks if w.present is not None)
    return (
        f"{len(weeks)} uger fra {format_date(weeks[0].week_start)} til {format_date(weeks[-1].week_start)}: "
        + " og derefter ".join(phases)
        + ". Planlagt: "
        + (", ".join(steps) if steps else "ingen optrapning")
        + f". Registreret i {registered} af ugerne: {_fmt(present)} timer til stede, heraf {_fmt(paid)} løntimer."
    )


def step_up_chart(weeks: Sequence[StepUpWeek], *, title: str, width: int = 640, height: int = 280) -> SafeString:
    """Columns for the registered hours (present: solid, paid: hatched) and a dashed step line
    for the planned hours, over the weeks; the phases (practice, paid hours) as labelled bands."""
    left, right, top, bottom = 44, 10, 36, 58
    ident = _ident("s", title, weeks)
    description = step_up_summary(weeks)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{ident}t {ident}d" class="chart">',
        f'<title id="{ident}t">{escape(title)}</title><desc id="{ident}d">{escape(description)}</desc>',
    ]
    if not weeks:
        parts.append(f'<text x="{left}" y="{height // 2}" font-size="13">Ingen uger at vise endnu.</text></svg>')
        return mark_safe("".join(parts))  # noqa: S308
    parts.append(
        f'<defs><pattern id="{ident}h" width="5" height="5" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="5" height="5" fill="{PAID}"/>'
        f'<rect width="1.6" height="5" fill="#ffffff"/></pattern></defs>'
    )
    values = [v for w in weeks for v in (w.planned, w.present, w.paid) if v is not None]
    step = _hours_step(max(values + [1.0]))
    top_value = step * (int(max(values + [1.0]) / step) + 1)
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / len(weeks)
    base = top + plot_h

    def y(v: float) -> float:
        return top + plot_h - v / top_value * plot_h

    # Phase bands: alternate a light grey background, name each phase above it, and mark a
    # change of phase with a vertical line, so the phases do not depend on the shading.
    start = 0
    bands: list[tuple[int, int, str]] = []
    for i in range(1, len(weeks) + 1):
        if i == len(weeks) or weeks[i].phase != weeks[start].phase:
            bands.append((start, i, weeks[start].phase))
            start = i
    # A name wider than its band (a short practice before paid hours) would run into the next
    # one: then the names alternate between two rows.
    crowded = any((end - first) * slot < 7 * len(phase) for first, end, phase in bands[:-1])
    for n, (first, end, phase) in enumerate(bands):
        x0, x1 = left + first * slot, left + end * slot
        if n % 2:
            parts.append(f'<rect x="{x0:.1f}" y="{top}" width="{x1 - x0:.1f}" height="{plot_h}" fill="#efefef"/>')
        if n:
            parts.append(
                f'<line x1="{x0:.1f}" x2="{x0:.1f}" y1="{top - 34}" y2="{base}" stroke="#4a4a4a" stroke-width="1"/>'
            )
        label_y = top - 20 if crowded and n % 2 == 0 else top - 6
        parts.append(f'<text x="{x0 + 4:.1f}" y="{label_y}" font-size="12" fill="#1a1a1a">{escape(phase)}</text>')
    for k in range(int(top_value / step) + 1):
        v = k * step
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            'stroke="#d0d0d0" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 4}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="11" fill="#1a1a1a">{_fmt(v)}</text>'
        )
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#4a4a4a"/>')
    every = max(1, -(-len(weeks) // 10))
    column = slot * 0.38
    for i, week in enumerate(weeks):
        x0 = left + i * slot
        if week.present is not None:
            parts.append(
                f'<rect x="{x0 + slot * 0.1:.1f}" y="{y(week.present):.1f}" width="{column:.1f}" '
                f'height="{base - y(week.present):.1f}" fill="{PRESENT}"/>'
            )
        if week.paid:
            parts.append(
                f'<rect x="{x0 + slot * 0.5:.1f}" y="{y(week.paid):.1f}" width="{column:.1f}" '
                f'height="{base - y(week.paid):.1f}" fill="url(#{ident}h)" stroke="{PAID}" stroke-width="1"/>'
            )
        if i % every == 0:
            parts.append(
                f'<text x="{x0 + slot / 2:.1f}" y="{base + 14}" text-anchor="middle" font-size="11" '
                f'fill="#1a1a1a">{week.week_number}</text>'
            )
    parts.append(f'<text x="{left}" y="{base + 28}" font-size="11" fill="#1a1a1a">Uge</text>')
    # The planned hours: a step line, broken where no placement runs.
    run: list[str] = []
    runs: list[list[str]] = []
    for i, week in enumerate(weeks):
        if week.planned is None:
            if run:
                runs.append(run)
            run = []
            continue
        run += [f"{left + i * slot:.1f},{y(week.planned):.1f}", f"{left + (i + 1) * slot:.1f},{y(week.planned):.1f}"]
    if run:
        runs.append(run)
    for points in runs:
        parts.append(
            f'<polyline fill="none" stroke="{PLANNED}" stroke-width="3" stroke-dasharray="7 4" '
            f'points="{" ".join(points)}"/>'
        )
    ly = height - 10
    parts.append(
        f'<line x1="{left}" y1="{ly - 4}" x2="{left + 26}" y2="{ly - 4}" stroke="{PLANNED}" stroke-width="3" '
        f'stroke-dasharray="7 4"/><text x="{left + 30}" y="{ly}" font-size="12" fill="#1a1a1a">Planlagt</text>'
    )
    parts.append(
        f'<rect x="{left + 120}" y="{ly - 10}" width="12" height="12" fill="{PRESENT}"/>'
        f'<text x="{left + 136}" y="{ly}" font-size="12" fill="#1a1a1a">Til stede</text>'
    )
    parts.append(
        f'<rect x="{left + 230}" y="{ly - 10}" width="12" height="12" fill="url(#{ident}h)" stroke="{PAID}"/>'
        f'<text x="{left + 246}" y="{ly}" font-size="12" fill="#1a1a1a">Løntimer</text>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above is escaped


# ---------------------------------------------------------------- columns (dashboard)


@dataclass(frozen=True)
class Column:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: float
    value_text: str


@dataclass(frozen=True)
class ColumnChart:
    title: str
    width: int
    height: int
    baseline: float
    bars: tuple[Column, ...]


def column_chart(
    title: str, items: Sequence[tuple[str, float]], *, width: int = 640, height: int = 220, unit: str = ""
) -> ColumnChart:
    top, bottom = 20.0, 40.0
    plot = height - top - bottom
    peak = max((v for _l, v in items), default=0) or 1.0
    slot = width / max(1, len(items))
    bars = []
    for i, (label, value) in enumerate(items):
        h = plot * value / peak
        bars.append(
            Column(
                x=i * slot + slot * 0.15,
                y=top + plot - h,
                width=slot * 0.7,
                height=h,
                label=label,
                value=value,
                value_text=f"{_fmt(value)}{unit}",
            )
        )
    return ColumnChart(title=title, width=width, height=height, baseline=top + plot, bars=tuple(bars))


# ---------------------------------------------------------------- the keep curve (calculator)

CURVE_WIDTH, CURVE_HEIGHT = 640, 320
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 16, 16, 44


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
    plot_w, plot_h = CURVE_WIDTH - _LEFT - _RIGHT, CURVE_HEIGHT - _TOP - _BOTTOM

    def x(hours: float) -> float:
        return round(_LEFT + plot_w * min(hours, max_hours) / max_hours, 1)

    def y(kr: float) -> float:
        return round(_TOP + plot_h * (1 - kr / top_value), 1)

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
        width=CURVE_WIDTH,
        height=CURVE_HEIGHT,
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
        plot_left=_LEFT,
        plot_right=CURVE_WIDTH - _RIGHT,
        plot_top=_TOP,
        plot_bottom=CURVE_HEIGHT - _BOTTOM,
    )
