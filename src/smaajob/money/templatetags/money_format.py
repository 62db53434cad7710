# SPDX-License-Identifier: MPL-2.0
"""Template filters that show the rules engine's parameters the way its text explanation does."""

from __future__ import annotations

from django import template

from smaajob.rules.trace import UsedParameter, format_value

register = template.Library()


@register.filter
def parameter_value(parameter: UsedParameter) -> str:
    """``14.808 kr.``, ``8 %``, ``26,25 kr. pr. time`` — or ``ukendt``."""
    return format_value(parameter.value, parameter.unit)
