# SPDX-License-Identifier: MPL-2.0
"""Server-side SVG bar charts for the dashboard: no JavaScript, no chart library.

A chart is plain geometry (rectangles with labels) handed to a template; each chart also
has its numbers as a table, so the figures reach screen-reader users and print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: float
    value_text: str


@dataclass(frozen=True)
class BarChart:
    title: str
    width: int
    height: int
    baseline: float
    bars: tuple[Bar, ...]


def bar_chart(
    title: str, items: Sequence[tuple[str, float]], *, width: int = 640, height: int = 220, unit: str = ""
) -> BarChart:
    top, bottom = 20.0, 40.0
    plot = height - top - bottom
    peak = max((v for _l, v in items), default=0) or 1.0
    slot = width / max(1, len(items))
    bars = []
    for i, (label, value) in enumerate(items):
        h = plot * value / peak
        bars.append(
            Bar(
                x=i * slot + slot * 0.15,
                y=top + plot - h,
                width=slot * 0.7,
                height=h,
                label=label,
                value=value,
                value_text=f"{value:g}{unit}",
            )
        )
    return BarChart(title=title, width=width, height=height, baseline=top + plot, bars=tuple(bars))
