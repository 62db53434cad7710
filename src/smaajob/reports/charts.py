# SPDX-License-Identifier: MPL-2.0
"""Small server-rendered SVG charts: horizontal bars and lines over time.

No JavaScript and no plotting library: the charts are a few rectangles and a polyline, they
print in the PDF exactly as on screen, and each has a text alternative (``<title>`` and
``<desc>``) — the page always shows the same numbers in a data table next to the chart
(WCAG 2.1 AA, 1.1.1). Colours keep at least 3:1 contrast to white (1.4.11) and meaning never
depends on colour alone (lines also differ in dash pattern, and are labelled).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe

from smaajob.danish_numbers import format_decimal

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
    parts.append(f'<text x="{left}" y="{top + plot_h + 14}" font-size="11">{weeks[0]:%d.%m.%Y}</text>')
    parts.append(
        f'<text x="{width - right}" y="{top + plot_h + 14}" text-anchor="end" font-size="11">'
        f"{weeks[-1]:%d.%m.%Y}</text>"
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
