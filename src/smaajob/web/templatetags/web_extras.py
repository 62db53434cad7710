# SPDX-License-Identifier: MPL-2.0
"""Template filters for the web pages."""

from __future__ import annotations

from typing import Any

from django import template

from smaajob.slots import describe_slots

register = template.Library()


@register.filter
def slots_text(slots: Any) -> str:
    """Weekly times in short Danish, e.g. »man 08:00–12:00, ons 09:00–13:00«."""
    return describe_slots(slots or [])
