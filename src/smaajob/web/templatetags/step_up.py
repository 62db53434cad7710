# SPDX-License-Identifier: MPL-2.0
"""The chart of a placement's step-up with its table of weeks.

* ``{% step_up_chart placement %}`` — the placement page;
* ``{% latest_step_up_chart placements %}`` — the citizen page: the newest of the citizen's
  placements (with those it was converted from), nothing when there is none.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from smaajob.charts import StepUpWeek
from smaajob.charts import step_up_chart as draw_step_up
from smaajob.courses.models import Placement
from smaajob.courses.selectors.step_up import step_up_weeks
from smaajob.web.templatetags.danish import dato, number

register = template.Library()

_ROW = '<tr><th scope="row">Uge {} ({})</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n      '


def week_rows(weeks: Iterable[StepUpWeek]) -> SafeString:
    """The table's rows, as the template's loop over the weeks wrote them: a chart has up to
    two years of weeks, and five cells a week through the template cost more than the chart."""

    def hours(value: float | None, arg: str) -> str:
        return "–" if value is None else number(value, arg)

    return mark_safe(  # noqa: S308 - every value is escaped by format_html
        "".join(
            format_html(
                _ROW,
                w.week_number,
                dato(w.week_start),
                w.phase,
                hours(w.planned, "-1"),
                hours(w.present, "-2"),
                hours(w.paid, "-2"),
            )
            for w in weeks
        )
    )


@register.inclusion_tag("web/placements/_step_up.html")
def step_up_chart(placement: Placement, heading_level: int = 2) -> dict[str, Any]:
    """The placement was read through the access layer by the page's view; the chain it was
    converted from and into belongs to the same course, so the same citizen."""
    weeks = step_up_weeks(placement, today=date.today())
    title = "Optrapning: planlagte og registrerede timer pr. uge"
    return {
        "chart": draw_step_up(weeks, title=title),
        "weeks": weeks,
        "rows": week_rows(weeks),
        "id": f"optrapning-{placement.pk}",
        "heading": f"h{heading_level}",
    }


@register.inclusion_tag("web/placements/_step_up.html")
def latest_step_up_chart(placements: Iterable[Placement], heading_level: int = 3) -> dict[str, Any]:
    newest = max(placements, key=lambda p: (p.actual_start or p.planned_start, p.pk), default=None)
    return step_up_chart(newest, heading_level) if newest is not None else {"chart": None}
