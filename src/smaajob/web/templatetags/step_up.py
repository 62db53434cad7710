# SPDX-License-Identifier: MPL-2.0
"""``{% step_up_chart placement %}``: the chart of a placement's step-up with its table of weeks."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template

from smaajob.charts import step_up_chart as draw_step_up
from smaajob.courses.models import Placement
from smaajob.courses.selectors.step_up import step_up_weeks

register = template.Library()


@register.inclusion_tag("web/placements/_step_up.html")
def step_up_chart(placement: Placement, heading_level: int = 2) -> dict[str, Any]:
    """The placement was read through the access layer by the page's view; the chain it was
    converted from and into belongs to the same course, so the same citizen."""
    weeks = step_up_weeks(placement, today=date.today())
    title = "Optrapning: planlagte og registrerede timer pr. uge"
    return {
        "chart": draw_step_up(weeks, title=title),
        "weeks": weeks,
        "id": f"optrapning-{placement.pk}",
        "heading": f"h{heading_level}",
    }
